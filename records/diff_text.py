"""Provides the French reading of field changes, shared by the terminal application and the command line.

:func:`lines` turns the changes of one record (:func:`records.diff.diff`) into
lines a reviewer reads: French field labels, codes shown by their labels, a
list of tables told item by item and field by field (« Outils « GeoGebra » ›
Adresse »), an added item with each of its fields, a long text cut around
what changed. Values are made printable (no escape sequence, invisible
characters shown) and kept on one line. Pure: no git, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from records import present
from records.diff import Change, expand, text_change
from records.text import printable

Mark = Literal["+", "-", "~"]

MAX_VALUE = 160
"""Longest value shown on a line; the record itself shows the rest."""

_MARKS: dict[str, Mark] = {"added": "+", "item-added": "+", "removed": "-", "item-removed": "-", "changed": "~"}


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a change as read: ``mark label : old → new`` (``old`` empty for an addition)."""

    mark: Mark
    label: str
    old: str = ""
    new: str = ""
    depth: int = 0
    """0 for a field; 1 for a field of an item added or removed (shown under it)."""


def label_of(change: Change) -> str:
    """Return the French label of a changed field: « Outils « GeoGebra » › Adresse », « Pilote › Nom »."""
    parts = change.key.split(".")
    words: list[str] = []
    named = False
    for part in parts:
        if part.isdigit():
            if not named and change.item:
                words[-1] += f" « {change.item} »"
                named = True
            continue
        words.append(present.field_label(part))
    label = " › ".join(words) or change.key
    return printable(label)


def value_of(key: str, value: Any) -> str:
    """Return a value as one printable French line, cut at :data:`MAX_VALUE` characters."""
    field = key.split(".")[-1]
    text = " ".join(present.value_text(field, value).split())
    text = printable(text)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def lines(changes: list[Change]) -> list[Line]:
    """Return the lines that tell ``changes`` (those of one record), item by item and field by field."""
    out: list[Line] = []
    for change in changes:
        for detail in expand(change):
            out.extend(_lines(detail))
    return out


def _lines(change: Change) -> list[Line]:
    mark = _MARKS.get(change.kind, "~")
    label = label_of(change)
    field = change.key.split(".")[-1]
    if change.kind in ("item-added", "item-removed") and isinstance(change.new or change.old, dict):
        item = change.new if change.kind == "item-added" else change.old
        what = "ajout" if change.kind == "item-added" else "retrait"
        head = Line(mark, f"{label} : {what}")
        return [head, *(Line(mark, printable(present.field_label(k)), "", value_of(k, v), depth=1)
                        for k, v in item.items() if v not in (None, "", []))]
    if change.kind == "changed":
        old, new = change.old, change.new
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > MAX_VALUE // 2:
            old, new = text_change(" ".join(old.split()), " ".join(new.split()))
            return [Line(mark, label, _cut(printable(old)), _cut(printable(new)))]
        return [Line(mark, label, value_of(field, old), value_of(field, new))]
    if change.kind in ("added", "item-added"):
        return [Line(mark, label, "", value_of(field, change.new))]
    return [Line(mark, label, value_of(field, change.old), "")]


def _cut(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def text(line: Line) -> str:
    """Return a line as plain French text (the command line's rendering)."""
    pad = "  " * line.depth
    if line.depth:
        return f"{pad}{line.label} : {line.new or line.old}"
    if line.mark == "~":
        return f"{line.mark} {line.label} : {line.old} → {line.new}"
    if line.old or line.new:
        return f"{line.mark} {line.label} : {line.new or line.old}"
    return f"{line.mark} {line.label}"


__all__ = ["Line", "label_of", "lines", "text", "value_of"]
