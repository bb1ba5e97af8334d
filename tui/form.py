"""Provides the form model of a record: field specs generated from the pydantic models, and validation.

No widgets here: :func:`specs_for` says which control each field needs,
:func:`table_of` turns the raw values of the controls back into a record
table, and :func:`check` validates it with the one validator of the project
(:func:`records.codec.load`), so the form shows exactly the problems that
``traam validate`` would print, each attached to its field.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, replace
from typing import Any, Literal

import tomli_w
from pydantic import BaseModel

from records import codec
from records.problems import Problem
from tui import strings
from tui.render import VOCABULARY_OF

Control = Literal["input", "text", "lines", "select", "multi", "check", "date", "int", "tables"]

TEXT_FIELDS = frozenset({"summary", "description", "personal_data"})
_CODE_LISTS = frozenset({"disciplines", "levels", "modalities", "crcn", "academies"})


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One control of the form."""

    key: str
    """Dotted key in the record table (``pilot.name``)."""
    label: str
    control: Control
    options: tuple[tuple[str, Any], ...] = ()
    """``(French label, value)`` for selects and multi-selects."""
    required: bool = False
    optional_parent: str = ""
    """Key of an optional nested table (``cardie``): left out when all its fields are empty."""
    default: Any = None
    """The model's default, shown when the record leaves the field out."""
    item_specs: tuple[FieldSpec, ...] = ()
    """For a list of tables: the fields of one item, keyed relative to the item (``name``)."""
    from_commons: bool = False
    """The options are records of the commons (campaigns, themes): they change, so the select may be blank."""


def _options(name: str) -> tuple[tuple[str, Any], ...]:
    vocabulary = VOCABULARY_OF.get(name, {})
    if name == "crcn":
        return tuple((f"{code} {label}", code) for code, label in vocabulary.items())
    return tuple((label, code) for code, label in vocabulary.items())


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def specs_for(model: type[BaseModel], prefix: str = "", optional_parent: str = "") -> list[FieldSpec]:
    """Return the form fields of ``model`` in model order, nested models flattened with dotted keys.

    A list of tables (``teachers``) is one ``tables`` field whose ``item_specs``
    are the fields of one item, keyed relative to it (``name``, ``email``).
    """
    specs = _specs(model, prefix, optional_parent)
    defaults = {}
    for name, info in model.model_fields.items():
        if not info.is_required() and isinstance(info.default, (str, int, bool)):
            defaults[f"{prefix}{name}"] = info.default
    return [replace(s, default=defaults[s.key]) if s.key in defaults else s for s in specs]


def _specs(model: type[BaseModel], prefix: str, optional_parent: str) -> list[FieldSpec]:
    specs: list[FieldSpec] = []
    control: Control
    for name, info in model.model_fields.items():
        key = f"{prefix}{name}"
        label = strings.field_label(key)
        annotation, optional = _unwrap_optional(info.annotation)
        required = info.is_required()
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            parent = optional_parent or (key if optional else "")
            specs.extend(specs_for(annotation, f"{key}.", parent))
            continue
        if origin is list:
            (item,) = typing.get_args(annotation) or (str,)
            if isinstance(item, type) and issubclass(item, BaseModel):
                specs.append(FieldSpec(key, label, "tables", required=required, optional_parent=optional_parent,
                                       item_specs=tuple(specs_for(item))))
                continue
            elif name in _CODE_LISTS:
                control = "multi"
            else:
                control = "lines"
        elif origin is Literal:
            specs.append(FieldSpec(key, label, "select", tuple((str(v), v) for v in typing.get_args(annotation)),
                                   required, optional_parent))
            continue
        elif annotation is bool:
            control = "select" if optional else "check"
            if optional:
                specs.append(FieldSpec(key, label, "select", ((strings.FORM_YES, True), (strings.FORM_NO, False)),
                                       required, optional_parent))
                continue
        elif annotation is dt.date:
            control = "date"
        elif annotation is int:
            control = "int"
        elif name in VOCABULARY_OF:
            control = "select"
        elif name in TEXT_FIELDS:
            control = "text"
        else:
            control = "input"
        specs.append(FieldSpec(key, label, control, _options(name) if control in ("select", "multi") else (),
                               required, optional_parent))
    return specs


# --- record table ⇄ raw control values --------------------------------------------


def _get(table: dict, key: str) -> Any:
    value: Any = table
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def values_of(specs: list[FieldSpec], table: dict) -> dict[str, Any]:
    """Return the raw control values for a record table (strings for inputs, lists for multi-selects)."""
    values: dict[str, Any] = {}
    for spec in specs:
        value = _get(table, spec.key)
        if value is None:
            value = spec.default
        if spec.control in ("input", "text", "int"):
            values[spec.key] = "" if value is None else str(value)
        elif spec.control == "date":
            values[spec.key] = value.isoformat() if isinstance(value, dt.date) else ("" if value is None else str(value))
        elif spec.control == "lines":
            values[spec.key] = "\n".join(str(v) for v in value or [])
        elif spec.control == "multi":
            values[spec.key] = list(value or [])
        elif spec.control == "check":
            values[spec.key] = bool(value)
        elif spec.control == "tables":
            # One dict of raw values per item; an item that is not a table reads as a blank one.
            items = value if isinstance(value, list) else []
            values[spec.key] = [values_of(list(spec.item_specs), item if isinstance(item, dict) else {})
                                for item in items]
        else:
            values[spec.key] = value
    return values


def table_of(specs: list[FieldSpec], values: dict[str, Any], path: str) -> tuple[dict, list[Problem]]:
    """Return the record table the raw control values describe, and the problems found while reading them.

    Empty optional values are left out (the model's default applies); a
    required empty input stays ``""`` so that the validator says what is
    missing next to that field.
    """
    table: dict[str, Any] = {}
    problems: list[Problem] = []
    for spec in specs:
        raw = values.get(spec.key)
        value: Any
        if spec.control in ("input", "text"):
            value = raw if raw else ("" if spec.required and not spec.optional_parent else None)
        elif spec.control == "date":
            text = (raw or "").strip()
            try:
                value = dt.date.fromisoformat(text) if text else None
            except ValueError:
                value = text  # the validator explains the expected format
        elif spec.control == "int":
            text = (raw or "").strip()
            value = int(text) if text.lstrip("-").isdigit() else (text or None)
        elif spec.control == "lines":
            value = [line.strip() for line in (raw or "").splitlines() if line.strip()] or None
        elif spec.control == "multi":
            value = list(raw or []) or ([] if spec.required and not spec.optional_parent else None)
        elif spec.control == "check":
            value = bool(raw) or None
        elif spec.control == "tables":
            value = []
            for index, item in enumerate(kept_items(spec, raw or [])):
                item_table, item_problems = table_of(list(spec.item_specs), item, path)
                value.append(item_table)
                problems.extend(replace(p, key=f"{spec.key}.{index}.{p.key}") for p in item_problems)
            value = value or None
        else:
            value = None if raw is None or raw is _BLANK else raw
        if value is None:
            continue
        node = table
        *parents, last = spec.key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return table, problems


_BLANK = object()


def blank_item(spec: FieldSpec) -> dict[str, Any]:
    """Return the raw values of a new, empty item of the list of tables ``spec`` (defaults shown)."""
    return values_of(list(spec.item_specs), {})


def kept_items(spec: FieldSpec, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the items of a list of tables that are saved: an item left blank is dropped."""
    blank = blank_item(spec)
    return [item for item in items if item != blank]


def check(path: str, table: dict) -> tuple[Any, str, list[Problem]]:
    """Validate a table as the record at ``path``.

    Returns:
        ``(record or None, canonical TOML text of the table, problems)``.
    """
    text = tomli_w.dumps(table, multiline_strings=True)
    loaded = codec.load(path, text)
    if loaded.record is not None and not loaded.problems:
        text = codec.dump(loaded.record)
    return loaded.record, text, loaded.problems


def spec_for_problem(specs: list[FieldSpec], problem: Problem) -> FieldSpec | None:
    """Return the field a problem belongs to (longest key prefix), or None for whole-record problems."""
    best = None
    for spec in specs:
        covers = problem.key == spec.key or problem.key.startswith(spec.key + ".")
        if covers and (best is None or len(spec.key) > len(best.key)):
            best = spec
    if best is None and problem.key:
        # A missing nested table (``pilot``) belongs to its first field.
        best = next((s for s in specs if s.key.startswith(problem.key + ".")), None)
    return best


__all__ = ["FieldSpec", "blank_item", "check", "kept_items", "spec_for_problem", "specs_for", "table_of", "values_of"]
