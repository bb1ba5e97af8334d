"""Provides the ``$EDITOR`` loop of ``traam new`` and ``traam edit``: edit, validate, re-open, never lose the text.

The text being edited lives in a recovery file of the user's state folder
(``~/.local/state/traam/recuperation/``, never inside the repository, so a
copied repository cannot plant a link there) from the first keystroke to the
commit; it is removed only once the record
is saved (or when nothing changed). If the user gives up, the command
prints where the text is kept.
"""

from __future__ import annotations

import dataclasses
import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from records import layout
from records.codec import Loaded
from records.problems import Problem
from store.recovery import recovery_file, recovery_folder  # noqa: F401 - recovery_folder: used by the commands
from tui.cli.output import fail, print_problems, say, warn

Check = Callable[[str], tuple[str | None, Loaded]]
"""Validates an edited text: returns ``(record id or None, loaded)``."""

Save = Callable[[str, Loaded], str]
"""Saves a valid text; returns a French confirmation; raises StoreError."""


def editor_command() -> list[str]:
    """Return the editor to run: ``$VISUAL``, then ``$EDITOR``, then ``vi`` (split like a shell would)."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(value) or ["vi"]
    except ValueError:
        return [value]


def _ask_reopen() -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input("Rouvrir l'éditeur ? [O/n] ").strip().lower()
    except EOFError:
        return False
    return answer in ("", "o", "oui", "y", "yes")


def _shown(problems: list[Problem], record_id: str | None, file: Path) -> list[Problem]:
    """Point problems at the record's path when known, else at the file being edited."""
    where = layout.path_of(record_id) if record_id else str(file)
    return [dataclasses.replace(p, path=where) for p in problems]


def edit_loop(folder: Path, label: str, initial: str, check: Check, save: Save, *,
              unchanged_ok: bool = True) -> int:
    """Run the editor on ``initial`` until the text is valid and saved, or the user gives up.

    Args:
        folder: where recovery files are kept.
        label: names the recovery file (the record id, or the kind for a new record).
        initial: the text to start from.
        check: validates a text.
        save: saves a valid text (may raise ``StoreError``: conflict, lock …).
        unchanged_ok: leaving the text unchanged ends quietly (``edit``); otherwise it is validated.

    Returns:
        The exit code: 0 saved or nothing to do, 1 abandoned or refused.
    """
    from store.errors import StoreError

    try:
        file = recovery_file(folder, label, initial)
    except StoreError as error:
        return fail(f"{error} : rien n'a été modifié")
    while True:
        try:
            done = subprocess.run([*editor_command(), str(file)], check=False)
        except OSError as error:
            warn(f"traam : erreur : impossible de lancer l'éditeur « {' '.join(editor_command())} » : {error.strerror}")
            return _kept(file)
        if done.returncode != 0:
            warn(f"traam : l'éditeur s'est terminé en erreur (code {done.returncode})")
            return _kept(file)
        text = file.read_text(encoding="utf-8", errors="replace")
        if unchanged_ok and text == initial:
            say("Aucune modification : rien n'a été enregistré.")
            file.unlink(missing_ok=True)
            return 0
        record_id, loaded = check(text)
        errors = [p for p in loaded.problems if p.severity == "error"]
        if not errors and loaded.record is not None:
            try:
                say(save(text, loaded))
            except StoreError as error:
                fail(str(error))
                return _kept(file)
            file.unlink(missing_ok=True)
            return 0
        warn("Le texte n'est pas valide :")
        print_problems(_shown(loaded.problems, record_id, file), stream=sys.stderr)
        if not _ask_reopen():
            return _kept(file)


def _kept(file: Path) -> int:
    warn(f"Votre texte est conservé dans : {file}")
    return 1
