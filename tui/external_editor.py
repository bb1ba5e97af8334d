"""Provides edit_text: run the user's $EDITOR on a text, with the application suspended."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported

from store.safefs import write_atomic


def editor_command() -> list[str]:
    """Return the user's editor as argv ($VISUAL, then $EDITOR, then ``vi``)."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(value) or ["vi"]
    except ValueError:
        return [value]


def edit_text(app: App, text: str, name: str) -> tuple[str | None, str]:
    """Open ``text`` in the editor as ``<name>.toml`` and return ``(edited text, editor)``.

    The text is ``None`` when the editor cannot be started. The temporary
    file lives in a private folder removed afterwards.
    """
    argv = editor_command()
    if shutil.which(argv[0]) is None:
        return None, argv[0]
    with tempfile.TemporaryDirectory(prefix="traam-") as folder:
        path = write_atomic(Path(folder) / f"{name}.toml", text, private=True)

        def run() -> int:
            return subprocess.run([*argv, str(path)], check=False).returncode

        try:
            with app.suspend():
                run()
        except SuspendNotSupported:
            # Headless runs (tests) have no terminal to hand over; the editor is then a script.
            run()
        except OSError:
            return None, argv[0]
        return path.read_text(encoding="utf-8", errors="replace"), argv[0]
