"""Provides the one three-way record merge, with per-field resolutions (pure: no git, no disk).

The merge driver, the review's record-aware merge and the sync's conflict
resolution all call :func:`merge_record`: the three versions of one record
are merged field by field (:func:`records.diff.merge`), each conflicting
field is resolved by a choice (``ours`` or ``theirs``) or left unresolved,
and the combination is validated against the record's model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from records import codec, diff, layout
from records.models import MODELS, Model
from records.problems import Problem

Choice = Literal["ours", "theirs"]

CHOICES: dict[str, Choice] = {"ours": "ours", "cible": "ours", "nous": "ours",
                              "theirs": "theirs", "contribution": "theirs", "eux": "theirs"}
"""Accepted names of a resolution: ours/cible/nous keep our value, theirs/contribution/eux the other one."""

WHOLE = "*"
"""Key of a conflict on the whole record (deleted on one side, changed on the other; or unreadable)."""


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field (or the whole record, key ``*``) changed differently on both sides."""

    record_id: str
    key: str
    base: Any
    ours: Any
    theirs: Any

    @property
    def name(self) -> str:
        """The name used in ``--resolve NAME=ours|theirs``."""
        return f"{self.record_id}:{self.key}"


@dataclass(frozen=True)
class RecordMerge:
    """The result of merging three versions of one record."""

    record_id: str
    table: dict[str, Any] | None
    """Merged table (our value on each unresolved field); None when the record is deleted."""
    record: Model | None = None
    """The merged record, when the table is valid; None when deleted or refused by the schema."""
    conflicts: tuple[FieldConflict, ...] = ()
    """Conflicts no resolution chose."""
    resolved: tuple[FieldConflict, ...] = ()
    """Conflicts a resolution chose."""
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    """Why the schema refuses the combination (each side being valid)."""

    @property
    def clean(self) -> bool:
        """True when nothing is left to choose and the result is valid (or a deletion)."""
        return not self.conflicts and not self.problems

    @property
    def deleted(self) -> bool:
        """True when the merge removes the record."""
        return self.table is None and not self.conflicts


Resolver = Callable[[FieldConflict], "Choice | None"]
"""Returns the choice for a conflict, or None to leave it unresolved."""


def table_of(path: str, data: bytes | str | None) -> dict[str, Any] | None:
    """Return the canonical table of a record's bytes (None when ``data`` is None: absent on that side).

    Raises:
        ValueError: the bytes are not a valid record (the message is the path).
    """
    if data is None:
        return None
    loaded = codec.load(path, data)
    if loaded.record is None:
        raise ValueError(path)
    return codec.to_table(loaded.record)


def choice_in(resolutions: Mapping[str, str]) -> Resolver:
    """Return a resolver reading ``{"<id>:<key>" or "<key>" or "<id>": "ours"|"theirs"|…}``.

    The most precise name wins: the field of that record, then the key in any
    record, then every field of the record.
    """

    def choose(conflict: FieldConflict) -> Choice | None:
        for name in (conflict.name, conflict.key, conflict.record_id):
            if name in resolutions:
                return CHOICES.get(resolutions[name])
        return None

    return choose


def _unresolved(_conflict: FieldConflict) -> Choice | None:
    return None


def merge_record(
    path: str,
    base: dict[str, Any] | None,
    ours: dict[str, Any] | None,
    theirs: dict[str, Any] | None,
    resolve: Resolver | Mapping[str, str] | None = None,
) -> RecordMerge:
    """Merge three tables of the record at ``path`` and apply the resolutions.

    Args:
        path: the record's path (gives its id and its model).
        base, ours, theirs: canonical tables (:func:`table_of`), None where
            the record is absent.
        resolve: a resolver, or a mapping for :func:`choice_in`; None leaves
            every conflict unresolved (our value is kept in the table).

    Returns:
        The merge; its ``record`` is set when the table is valid.

    Raises:
        records.layout.LayoutError: ``path`` is not a record path.
    """
    if resolve is None:
        resolve = _unresolved
    elif not callable(resolve):
        resolve = choice_in(resolve)
    record_id = layout.id_of(path)
    merged = diff.merge(base, ours, theirs)
    table = merged.table
    open_: list[FieldConflict] = []
    done: list[FieldConflict] = []
    for item in merged.conflicts:
        conflict = FieldConflict(record_id, item.key, item.base, item.ours, item.theirs)
        choice = resolve(conflict)
        if choice is None:
            open_.append(conflict)
            continue
        done.append(conflict)
        if item.key == WHOLE:
            table = ours if choice == "ours" else theirs
        elif choice == "theirs" and table is not None:
            diff.set_field(table, item.key, item.theirs)
    if table is None:
        return RecordMerge(record_id, None, None, tuple(open_), tuple(done))
    model = MODELS[layout.locate(path).kind]
    try:
        record = model.model_validate(table)
    except ValidationError as error:
        problems = tuple(codec.validation_problems(path, "", error))
        return RecordMerge(record_id, table, None, tuple(open_), tuple(done), problems)
    return RecordMerge(record_id, table, record, tuple(open_), tuple(done))
