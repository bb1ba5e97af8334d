"""Provides the field-level diff and three-way merge of records, as pure functions on tables.

Tables are the canonical dicts of :func:`records.codec.to_table`. Lists of
plain values (levels, CRCN codes, keywords) diff and merge as sets of items,
keeping order; lists of tables (teachers, tools) and scalars are compared as
whole values per key. For a reader, :func:`expand` tells a list of tables item
by item and field by field, and :func:`text_change` keeps what differs in two
long texts.
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
    """Dotted key (``pilot.name``, ``levels``; ``tools.1.url`` for a field of the second tool, see :func:`expand`)."""
    kind: ChangeKind
    old: Any = None
    new: Any = None
    item: str = ""
    """For a change inside a list of tables: who or what the item is (« GeoGebra »), to name it when shown."""


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


IDENTITY_KEYS = ("principal", "name", "title", "email", "url", "code")
"""Fields that name an item of a list of tables, in order of preference (a reviewer's principal, a tool's name)."""


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def identity(item: dict[str, Any]) -> str:
    """Return what names an item of a list of tables (its principal, name, title…), or ``""``."""
    for key in IDENTITY_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def _pairs(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Match the items of two lists of tables: by identity when every item has its own, else by position.

    Returns:
        ``(pairs (old index, new index), removed old indexes, added new indexes)``.
    """
    old_ids, new_ids = [identity(i) for i in old], [identity(i) for i in new]
    unique = all(old_ids) and all(new_ids) and len(set(old_ids)) == len(old) and len(set(new_ids)) == len(new)
    if not unique:
        common = min(len(old), len(new))
        return [(i, i) for i in range(common)], list(range(common, len(old))), list(range(common, len(new)))
    where = {name: j for j, name in enumerate(new_ids)}
    pairs = [(i, where[name]) for i, name in enumerate(old_ids) if name in where]
    removed = [i for i, name in enumerate(old_ids) if name not in where]
    kept = set(old_ids)
    return pairs, removed, [j for j, name in enumerate(new_ids) if name not in kept]


def expand(change: Change) -> list[Change]:
    """Return ``change`` told item by item and field by field, for a reader.

    A list of tables (tools, teachers, reviewers) that changed becomes one
    ``item-added`` / ``item-removed`` change per item added or removed (``old``
    or ``new`` is the whole item, keyed ``tools.2``) and, for an item kept but
    edited, one change per field (``tools.0.url``); every one carries the
    item's name in ``item``. A list of tables added or removed as a whole is
    told item by item too. Any other change is returned as it is.
    """
    old, new = change.old, change.new
    if change.kind == "changed" and isinstance(old, list) and isinstance(new, list) \
            and all(isinstance(v, dict) for v in [*old, *new]) and (old or new):
        return _items(change.key, old, new, change.item)
    if change.kind == "added" and _is_table_list(new):
        return _items(change.key, [], new, change.item)
    if change.kind == "removed" and _is_table_list(old):
        return _items(change.key, old, [], change.item)
    return [change]


def item_name(item: dict[str, Any], position: int) -> str:
    """Return how a reader recognises an item: « Nom <principal> », its name or title, else « n° 3 »."""
    name, principal = item.get("name"), item.get("principal")
    if isinstance(name, str) and name and isinstance(principal, str) and principal:
        return f"{name} <{principal}>"
    return identity(item) or f"n° {position + 1}"


def _items(key: str, old: list[dict[str, Any]], new: list[dict[str, Any]], outer: str) -> list[Change]:
    pairs, removed, added = _pairs(old, new)
    out: list[Change] = []
    for i, j in pairs:
        if old[i] == new[j]:
            continue
        name = item_name(new[j], j)
        for sub in diff(old[i], new[j], prefix=f"{key}.{j}."):
            out.extend(expand(Change(sub.key, sub.kind, sub.old, sub.new, name)))
    out.extend(Change(f"{key}.{i}", "item-removed", old[i], None, item_name(old[i], i)) for i in removed)
    out.extend(Change(f"{key}.{j}", "item-added", None, new[j], item_name(new[j], j)) for j in added)
    return out


def text_change(old: str, new: str, context: int = 30) -> tuple[str, str]:
    """Return the parts of two texts that differ, with a little context and « … » where text is left out.

    A long summary edited in one word then reads « …les relevés de la mare… »
    → « …les relevés de l'étang… » rather than two identical cut-off starts.
    """
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    begin = max(0, start - context)
    while begin > 0 and not old[begin - 1].isspace():  # start on a word
        begin -= 1
    stop_old, stop_new = len(old) - end, len(new) - end
    tail = min(end, context)

    def cut(text: str, stop: int) -> str:
        finish = stop + tail
        while finish < len(text) and not text[finish].isspace():  # end on a word
            finish += 1
        return ("…" if begin > 0 else "") + text[begin:finish] + ("…" if finish < len(text) else "")

    return cut(old, stop_old), cut(new, stop_new)


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
