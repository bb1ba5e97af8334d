"""Provides the field-by-field resolution of a sync left with conflicts (no Textual; run from a worker).

After :func:`store.remotes.sync` stops on conflicting records, the three
versions of each one are in git's index (stages 1, 2 and 3). They are merged
again with :func:`records.diff.merge`; the person chooses, field by field,
our value or upstream's; the record is validated, written canonically,
staged, and when no conflicted path remains the merge is committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from records import codec, diff, layout
from records.models import MODELS
from records.text import printable
from store import git, safefs
from store.errors import StoreError
from store.review.merge import CHOICES, FieldConflict


@dataclass
class Conflicts:
    """What a person must choose to finish the merge."""

    fields: list[FieldConflict] = field(default_factory=list)
    """Conflicting fields of records (``ours``: this branch, ``theirs``: upstream)."""
    manual: list[str] = field(default_factory=list)
    """Conflicted paths that cannot be chosen field by field (not records, or an invalid version)."""


def unmerged(root: Path | str) -> list[str]:
    """Return the paths git marks as conflicted, sorted."""
    done = git.run(root, "diff", "--name-only", "--diff-filter=U", "-z")
    return sorted(p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p)


def _table(root: Path | str, stage: int, path: str) -> dict[str, Any] | None:
    """Return the record table at ``stage`` of ``path`` in the index (None: absent on that side).

    Raises:
        ValueError: that version is not a valid record.
    """
    done = git.run(root, "cat-file", "blob", f":{stage}:{path}", check=False)
    if done.returncode != 0:
        return None
    loaded = codec.load(path, done.stdout)
    if loaded.record is None:
        raise ValueError(path)
    return codec.to_table(loaded.record)


def _merge(root: Path | str, path: str) -> diff.Merged:
    return diff.merge(_table(root, 1, path), _table(root, 2, path), _table(root, 3, path))


def _record_id(path: str) -> str:
    return path.removesuffix(".toml")


def conflicts(root: Path | str) -> Conflicts:
    """Return the field conflicts of every conflicted record, and the paths to resolve by hand."""
    found = Conflicts()
    for path in unmerged(root):
        if not layout.is_record_path(path):
            found.manual.append(path)
            continue
        try:
            merged = _merge(root, path)
        except ValueError:
            found.manual.append(path)
            continue
        found.fields.extend(FieldConflict(_record_id(path), c.key, c.base, c.ours, c.theirs) for c in merged.conflicts)
    return found



def resolve(root: Path | str, choices: dict[str, str]) -> str | None:
    """Apply ``choices`` (``"<id>:<key>"`` → ``ours``/``theirs``), stage the records, commit when done.

    Returns:
        The merge commit, or None while conflicted paths remain (resolved by hand).

    Raises:
        StoreError: a field without a choice, or a merged record that the schema refuses (French message).
    """
    root = Path(root)
    for path in unmerged(root):
        if not layout.is_record_path(path):
            continue
        try:
            merged = _merge(root, path)
        except ValueError:
            continue
        table = merged.table
        for conflict in merged.conflicts:
            name = f"{_record_id(path)}:{conflict.key}"
            choice = CHOICES.get(choices.get(name, ""))
            if choice is None:
                raise StoreError(
                    f"aucun choix pour le champ « {printable(conflict.key)} » de « {printable(path)} »")
            if conflict.key == "*":  # the whole record: deleted on one side, changed on the other
                table = conflict.ours if choice == "ours" else conflict.theirs
            elif choice == "theirs":
                diff.set_field(table, conflict.key, conflict.theirs)
        if table is None:
            git.run(root, "rm", "--quiet", "--cached", "--", path)
            safefs.unlink(root, path)
            continue
        try:
            record = MODELS[layout.locate(path).kind].model_validate(table)
        except ValidationError as error:
            problems = codec.validation_problems(path, "", error)
            raise StoreError("la fiche fusionnée est invalide : " + " ; ".join(str(p) for p in problems)) from error
        safefs.write(root, path, codec.dump(record).encode("utf-8"))
        git.run(root, "add", "--", path)
    if unmerged(root):
        return None
    git.run(root, "commit", "--quiet", "--no-edit")
    return git.text(root, "rev-parse", "HEAD")
