"""Provides the record merge driver: ``traam merge-driver %O %A %B %P`` merges one record field by field.

Git calls the driver with three temporary files (base, ours, theirs) and the
record's path. The result is written to the "ours" file: the canonical TOML of
the merged record. On a conflict the file is still a valid record (our value
on each conflicting field) headed by TOML comments that describe every
conflicting field in French, and the driver exits 1 so that git marks the
path as conflicted. A side that is not a valid record leaves "ours" untouched.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from records import codec, layout
from records.merge import WHOLE, FieldConflict, merge_record
from records.text import printable
from store import safefs
from store.publish.words import count

CLEAN, CONFLICT = 0, 1
MARKER = codec.CONFLICT_MARKER
"""First words of every comment line the driver adds; ``traam validate`` and the hooks refuse them."""

_MAX_SHOWN = 160


def show_value(value: Any) -> str:
    """Return a value as one short, safe line (JSON-like, escapes and controls neutralised).

    Args:
        value: a field value from a record table (None when absent).

    Returns:
        ``(absent)`` for None, else a single line of at most 160 characters
        that holds no newline, control or bidi character.
    """
    if value is None:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = printable(text, multiline=False)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def describe(conflicts: list[FieldConflict]) -> list[str]:
    """Return the French comment lines that describe the conflicting fields (each starts with ``#``)."""
    lines = [
        f"{MARKER} : {count(len(conflicts), 'champ modifié', 'champs modifiés')} des deux côtés. "
        "Notre version est gardée ;",
        "# choisissez la bonne valeur pour chaque champ, supprimez ces commentaires, puis « git add ».",
    ]
    for conflict in conflicts:
        key = printable(conflict.key, multiline=False)
        lines.append(
            f"{MARKER} : champ « {key} » — base : {show_value(conflict.base)} / nous : {show_value(conflict.ours)}"
            f" / eux : {show_value(conflict.theirs)}"
        )
    return lines


def merge_texts(path: str, base: bytes, ours: bytes, theirs: bytes) -> tuple[str | None, list[str]]:
    """Merge three versions of one record file.

    Args:
        path: the record's path in the commons (``scenarios/…/x.toml``).
        base: the common ancestor's bytes (empty when the record was added on both sides).
        ours: our bytes. theirs: their bytes.

    Returns:
        ``(text, [])`` for a clean merge: the canonical TOML to write.
        ``(text, lines)`` for a field conflict: a valid record (ours on the
        conflicting fields) headed by the comment ``lines``.
        ``(None, lines)`` when a side is not a valid record: nothing to write,
        ``lines`` say why.
    """
    tables = {}
    for side, data in (("base", base), ("nous", ours), ("eux", theirs)):
        if side == "base" and not data.strip():
            tables[side] = None
            continue
        result = codec.load(path, data)
        if result.record is None:
            first = result.problems[0].message if result.problems else "enregistrement illisible"
            reason = f"{MARKER} : version « {side} » invalide ({printable(first)}) : fusion manuelle nécessaire"
            return None, [reason]
        tables[side] = codec.to_table(result.record)
    merged = merge_record(path, tables["base"], tables["nous"], tables["eux"])
    if merged.record is None:
        # Each side is valid but the combination is not (or is a deletion): keep ours whole and say so.
        conflicts = list(merged.conflicts) or [FieldConflict(merged.record_id, WHOLE, tables["base"],
                                                             tables["nous"], tables["eux"])]
        lines = describe(conflicts)
        lines.insert(1, "# La combinaison des deux versions n'est pas un enregistrement valide.")
        return codec.dump(codec.load(path, ours).record), lines
    text = codec.dump(merged.record)
    if merged.clean:
        return text, []
    return text, describe(list(merged.conflicts))


def run(base: str, ours: str, theirs: str, path: str) -> int:
    """Run the driver on git's temporary files; write the result into ``ours``.

    Args:
        base, ours, theirs: the files git passes as %O, %A, %B.
        path: the record's path in the commons (%P).

    Returns:
        0 for a clean merge, 1 for a conflict (git then marks the path conflicted).
    """
    try:
        layout.locate(path)
    except layout.LayoutError as error:
        print(f"traam : {printable(str(error))} : fusion ligne par ligne", file=sys.stderr)
        return _merge_lines(base, ours, theirs)
    data = [Path(name).read_bytes() for name in (base, ours, theirs)]
    text, lines = merge_texts(path, *data)
    for line in lines:
        print(f"traam : {printable(path)} : {line.lstrip('# ')}", file=sys.stderr)
    if text is None:
        return CONFLICT
    header = "".join(line + "\n" for line in lines)
    safefs.write_atomic(Path(ours), header + text, follow_parent=True)
    return CLEAN if not lines else CONFLICT


def _merge_lines(base: str, ours: str, theirs: str) -> int:
    """Fall back to git's own line merge for a TOML file that is not a record (conflict markers)."""
    from store.git import merging

    return CLEAN if merging.merge_file(ours, base, theirs) else CONFLICT


def main(argv: list[str]) -> int:
    """Entry point: ``merge-driver BASE OURS THEIRS PATH``; returns the exit code."""
    if len(argv) != 4:
        print("traam : usage : traam merge-driver %O %A %B %P", file=sys.stderr)
        return 2
    return run(*argv)
