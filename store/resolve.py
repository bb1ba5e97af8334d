"""Provides the field-by-field resolution of a sync left with conflicts (the TUI runs it from a worker).

After :func:`store.remotes.sync` stops on conflicting records, the three
versions of each one are in git's index (stages 1, 2 and 3). They are merged
again with :func:`records.merge.merge_record`; the person chooses, field by field,
our value or upstream's; the record is validated, written canonically,
staged, and when no conflicted path remains the merge is committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from records import codec, layout
from records import merge as record_merge
from records.merge import FieldConflict
from records.text import printable
from store import safefs
from store.errors import StoreError
from store.git import merging


@dataclass(frozen=True)
class Conflicts:
    """What a person must choose to finish the merge."""

    fields: tuple[FieldConflict, ...] = ()
    """Conflicting fields of records (``ours``: this branch, ``theirs``: upstream)."""
    manual: tuple[str, ...] = ()
    """Conflicted paths that cannot be chosen field by field (not records, or an invalid version)."""


def unmerged(root: Path | str) -> list[str]:
    """Return the paths git marks as conflicted, sorted."""
    return merging.unmerged_paths(root)


def _blob(root: Path | str, stage: int, path: str) -> bytes | None:
    """Return the bytes at ``stage`` of ``path`` in the index (None: absent on that side)."""
    return merging.stage_blob(root, stage, path)


def _tables(root: Path | str, path: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None, dict[str, Any] | None]:
    """Return the base, our and upstream tables of ``path``.

    Raises:
        ValueError: a version is not a valid record.
    """
    base, ours, theirs = (record_merge.table_of(path, _blob(root, stage, path)) for stage in (1, 2, 3))
    return base, ours, theirs


def conflicts(root: Path | str) -> Conflicts:
    """Return the field conflicts of every conflicted record, and the paths to resolve by hand."""
    fields: list[FieldConflict] = []
    manual: list[str] = []
    for path in unmerged(root):
        if not layout.is_record_path(path):
            manual.append(path)
            continue
        try:
            merged = record_merge.merge_record(path, *_tables(root, path))
        except ValueError:
            manual.append(path)
            continue
        fields.extend(merged.conflicts)
    return Conflicts(tuple(fields), tuple(manual))



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
            tables = _tables(root, path)
        except ValueError:
            continue
        merged = record_merge.merge_record(path, *tables, choices)
        if merged.conflicts:
            conflict = merged.conflicts[0]
            raise StoreError(
                f"aucun choix pour le champ « {printable(conflict.key)} » de « {printable(path)} »")
        if merged.deleted:
            merging.unstage_deleted(root, path)
            safefs.unlink(root, path)
            continue
        if merged.record is None:
            raise StoreError("la fiche fusionnée est invalide : " + " ; ".join(str(p) for p in merged.problems))
        record = merged.record
        safefs.write(root, path, codec.dump(record).encode("utf-8"))
        merging.stage_file(root, path)
    if unmerged(root):
        return None
    return merging.commit_merge(root)
