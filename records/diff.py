"""Provides the field-level diff and three-way merge of records, as pure functions on tables.

Tables are the canonical dicts of :func:`records.codec.to_table`. Lists of
plain values (levels, CRCN codes, keywords) diff and merge as sets of items,
keeping order; lists of tables (teachers, tools) and scalars are compared as
whole values per key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

_MISSING = object()

ChangeKind = Literal["added", "removed", "changed", "item-added", "item-removed"]


@dataclass(frozen=True, slots=True)
class Change:
    """One field-level change between two versions of a record."""

    key: str
    """Dotted key (``pilot.name``, ``levels``)."""
    kind: ChangeKind
    old: Any = None
    new: Any = None


def _is_plain_list(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value)


def diff(old: dict[str, Any] | None, new: dict[str, Any] | None, prefix: str = "") -> list[Change]:
    """Return the field-level changes from ``old`` to ``new`` (None for a missing record).

    Returns:
        Changes in key order: fields added, removed, changed; for lists of
        plain values, one change per item added or removed.
    """
    old = old or {}
    new = new or {}
    changes: list[Change] = []
    for key in [*old, *(k for k in new if k not in old)]:
        path = f"{prefix}{key}"
        a, b = old.get(key, _MISSING), new.get(key, _MISSING)
        if a == b:
            continue
        if a is _MISSING:
            changes.append(Change(path, "added", None, b))
        elif b is _MISSING:
            changes.append(Change(path, "removed", a, None))
        elif isinstance(a, dict) and isinstance(b, dict):
            changes.extend(diff(a, b, prefix=f"{path}."))
        elif _is_plain_list(a) and _is_plain_list(b):
            changes.extend(Change(path, "item-removed", item, None) for item in a if item not in b)
            changes.extend(Change(path, "item-added", None, item) for item in b if item not in a)
            if not any(c.key == path for c in changes):
                changes.append(Change(path, "changed", a, b))  # same items, new order
        else:
            changes.append(Change(path, "changed", a, b))
    return changes


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field both sides changed differently since the base."""

    key: str
    base: Any
    ours: Any
    theirs: Any


@dataclass(frozen=True, slots=True)
class Merged:
    """Result of a three-way merge: the merged table (ours on conflicting keys) and the conflicts."""

    table: dict[str, Any] | None
    conflicts: list[Conflict]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _merge_list(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    removed = {repr(v) for v in base if v not in ours} | {repr(v) for v in base if v not in theirs}
    result = [v for v in ours if repr(v) not in removed]
    result.extend(v for v in theirs if v not in base and v not in result)
    return result


def merge(
    base: dict[str, Any] | None, ours: dict[str, Any] | None, theirs: dict[str, Any] | None, prefix: str = ""
) -> Merged:
    """Merge two versions of a record field by field against their common base.

    Args:
        base: the common ancestor (None if the record did not exist).
        ours: our version (None if we deleted it).
        theirs: their version (None if they deleted it).

    Returns:
        The merged table and the conflicts. A field changed on one side only
        takes that side; plain lists merge item by item; a field changed on
        both sides to different values is a conflict and keeps our value,
        so the table is always a complete record.
    """
    if ours == theirs:
        return Merged(ours, [])
    if base == ours:
        return Merged(theirs, [])
    if base == theirs:
        return Merged(ours, [])
    if ours is None or theirs is None:
        # Deleted on one side, changed on the other.
        return Merged(ours if ours is not None else theirs, [Conflict(prefix.rstrip(".") or "*", base, ours, theirs)])
    base = base or {}
    table: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    keys = [*ours, *(k for k in theirs if k not in ours)]
    for key in keys:
        path = f"{prefix}{key}"
        b, o, t = base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING)
        if o == t:
            value = o
        elif b == o:
            value = t
        elif b == t:
            value = o
        elif isinstance(o, dict) and isinstance(t, dict) and isinstance(b, (dict, type(_MISSING))):
            sub = merge(b if isinstance(b, dict) else {}, o, t, prefix=f"{path}.")
            conflicts.extend(sub.conflicts)
            value = sub.table
        elif _is_plain_list(o) and _is_plain_list(t) and (b is _MISSING or _is_plain_list(b)):
            value = _merge_list([] if b is _MISSING else b, o, t)
        else:
            conflicts.append(Conflict(path, None if b is _MISSING else b,
                                      None if o is _MISSING else o, None if t is _MISSING else t))
            value = o
        if value is not _MISSING:
            table[key] = value
    # Keep the model's key order: ours first, then keys only theirs has.
    return Merged(table, conflicts)


def set_field(table: dict[str, Any], key: str, value: Any) -> None:
    """Set the dotted ``key`` of ``table`` in place (None removes it), creating sub-tables as needed.

    Used to apply a per-field conflict resolution to a merged table.
    """
    parts = key.split(".")
    for part in parts[:-1]:
        table = table.setdefault(part, {})
    if value is None:
        table.pop(parts[-1], None)
    else:
        table[parts[-1]] = value
