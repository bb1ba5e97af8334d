"""Provides the import plan of a proposals sheet: every row validated, turned into a record or rejected.

A row is validated by the model and the layout (its id is computed from its
campaign, discipline, académie and title), then by dumping and reloading it
exactly as a record file would be. A rejected row gives problems
``FILE:row:col: message`` in French and yields no record. A row whose record
already exists with the same content is "déjà présent"; with other content it
is an update. Rules of the cahier des charges are reported as warnings on the
imported records (a team may arrive before its scenarios). See
:mod:`store.publish.columns` for the expected columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from records import codec, layout, rules
from records.models import MODELS, Model, Scenario, Team, Theme
from records.problems import Problem
from records.text import fold, printable
from store.publish.columns import COLUMNS, CellError, Column, header_key, read_cell
from store.publish.sheets import Sheet

ACTIONS = {"create": "à créer", "update": "à mettre à jour", "unchanged": "déjà présent", "rejected": "rejeté"}
"""French label of each outcome of a row."""


@dataclass(frozen=True)
class RowResult:
    """What becomes of one row of the sheet."""

    row: int
    action: str
    """create, update, unchanged or rejected (see :data:`ACTIONS`)."""
    record_id: str | None = None
    record: Model | None = None
    problems: tuple[Problem, ...] = ()


@dataclass
class Plan:
    """The outcome of every row, and the problems of the sheet itself."""

    path: str
    kind: str
    rows: list[RowResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def writes(self) -> dict[str, Model]:
        """Records to write (created or updated), by id."""
        return {r.record_id: r.record for r in self.rows
                if r.action in ("create", "update") and r.record_id is not None and r.record is not None}

    @property
    def rejected(self) -> list[RowResult]:
        """The rows that gave no record."""
        return [r for r in self.rows if r.action == "rejected"]

    def all_problems(self) -> list[Problem]:
        """Every problem, sheet first, then row by row."""
        return [*self.problems, *(p for r in self.rows for p in r.problems)]


def detect_kind(sheet: Sheet) -> str:
    """Guess whether a sheet holds teams or scenarios from its headers."""
    keys = {header_key(h) for h in sheet.header}
    return "team" if keys & {"titre du projet", "pilote", "corps du pilote", "enseignants"} else "scenario"


def _map_columns(sheet: Sheet, kind: str) -> tuple[dict[str, tuple[int, Column]], list[Problem]]:
    problems, mapping = [], {}
    for index, header in enumerate(sheet.header):
        key = header_key(header)
        if not key:
            continue
        column = next((c for c in COLUMNS[kind] if key in c.headers and c.key not in mapping), None)
        if column is None:
            problems.append(Problem(sheet.path, 1, index + 1, f"colonne « {printable(header)} » inconnue, ignorée",
                                    severity="warning", rule="import"))
        else:
            mapping[column.key] = (index, column)
    for column in COLUMNS[kind]:
        if column.required and column.key not in mapping:
            problems.append(Problem(sheet.path, 1, 0, f"colonne obligatoire manquante : « {column.headers[0]} »",
                                    rule="import"))
    return mapping, problems


def _put(table: dict[str, Any], key: str, value: object) -> None:
    *parents, last = key.split(".")
    for part in parents:
        table = table.setdefault(part, {})
    table[last] = value


def _theme_slug(value: str, table: dict[str, Any], existing: Mapping[str, Model]) -> str:
    """Accept a theme's title as well as its file name."""
    wanted = fold(value)
    for rid, record in existing.items():
        if isinstance(record, Theme) and record.campaign == table.get("campaign") and fold(record.title) == wanted:
            return rid.rsplit("/", 1)[-1]
    return value


def _record_id(kind: str, record: Model, slug: str) -> str:
    if isinstance(record, Team):
        return layout.team_id(record.campaign, record.theme, record.academie)
    assert isinstance(record, Scenario), kind  # the two kinds a proposals sheet holds
    return f"scenarios/{record.campaign}/{record.disciplines[0]}/{record.academie}/{slug}"


def _row(sheet: Sheet, kind: str, number: int, cells: list[str], mapping: Mapping[str, tuple[int, Column]],
         existing: Mapping[str, Model]) -> tuple[str | None, Model | None, list[Problem]]:
    problems: list[Problem] = []
    columns_of: dict[str, int] = {}
    table: dict[str, Any] = {}
    for key, (index, column) in mapping.items():
        columns_of[key] = index + 1
        cell = cells[index].strip() if index < len(cells) else ""
        if not cell:
            if column.required:
                problems.append(Problem(sheet.path, number, index + 1, f"{printable(sheet.header[index])} : valeur obligatoire manquante", rule="import"))
            continue
        try:
            _put(table, key, read_cell(column.read, cell))
        except CellError as error:
            problems.append(Problem(sheet.path, number, index + 1, f"{printable(sheet.header[index])} : {error}", rule="import"))
    slug = table.pop("slug", None) or layout.scenario_slug(table.get("title", ""))
    if "theme" in table:
        table["theme"] = _theme_slug(table["theme"], table, existing)

    def where(key: str) -> int:
        parts = key.split(".")
        while parts:
            if ".".join(parts) in columns_of:
                return columns_of[".".join(parts)]
            parts.pop()
        return 0

    def header_of(key: str) -> str:
        column = where(key)
        return sheet.header[column - 1] if column else key

    try:
        record = MODELS[kind].model_validate(table)
    except ValidationError as error:
        reported = {p.column for p in problems}
        for found in codec.validation_problems(sheet.path, "", error):
            message = found.message.removeprefix(f"{found.key} : ")
            if where(found.key) in reported and where(found.key):
                continue
            problems.append(Problem(sheet.path, number, where(found.key), f"{printable(header_of(found.key))} : {message}",
                                    key=found.key, rule="schema"))
        return None, None, sorted(problems)
    if problems:
        return None, None, sorted(problems)
    record_id = _record_id(kind, record, slug)
    try:
        layout.locate(layout.path_of(record_id))
    except layout.LayoutError as error:
        return None, None, [Problem(sheet.path, number, where("slug") or where("title") or where("project_title"),
                                    str(error), rule="layout")]
    loaded = codec.load(layout.path_of(record_id), codec.dump(record))
    if not loaded.ok:
        return None, None, [Problem(sheet.path, number, where(p.key), p.message, key=p.key, rule=p.rule) for p in loaded.problems]
    return record_id, record, []


def plan(sheet: Sheet, existing: Mapping[str, Model], kind: str | None = None, *,
         present: set[str] | None = None) -> Plan:
    """Return what importing ``sheet`` over the ``existing`` records would do, writing nothing.

    Args:
        sheet: the proposals sheet (see :func:`store.publish.sheets.read_sheet`).
        existing: the records of the target branch, by id: all of them, or (what :func:`needed_kinds`
            names, plus the records at the rows' ids) with ``present``.
        kind: ``"scenario"`` or ``"team"``; guessed from the headers when None.
        present: the id of every record file of the target branch, when ``existing`` holds only a part.
    """
    kind = kind or detect_kind(sheet)
    result = Plan(sheet.path, kind)
    mapping, problems = _map_columns(sheet, kind)
    result.problems.extend(problems)
    if any(p.severity == "error" for p in problems):
        return result
    seen: dict[str, int] = {}
    for number, cells in sheet.rows:
        record_id, record, row_problems = _row(sheet, kind, number, cells, mapping, existing)
        if record_id is not None and record_id in seen:
            row_problems = [Problem(sheet.path, number, 0, f"{record_id} : déjà importé par la ligne {seen[record_id]} "
                                    "de cette feuille", rule="import")]
        if row_problems or record_id is None or record is None:
            result.rows.append(RowResult(number, "rejected", problems=tuple(row_problems)))
            continue
        seen[record_id] = number
        before = existing.get(record_id)
        if before is not None and type(before) is type(record):
            # Fields the sheet has no column for (steps, dates…) keep their value in the commons.
            fields = {key.split(".")[0] for key in mapping} & set(type(record).model_fields)
            record = before.model_copy(update={name: getattr(record, name) for name in fields})
        action = "create" if before is None else ("unchanged" if before == record else "update")
        result.rows.append(RowResult(number, action, record_id, record))
    _warn_rules(result, existing, present)
    return result


def needed_kinds(kind: str) -> frozenset[str]:
    """Return the kinds of records a plan of ``kind`` rows reads besides the rows' own ids: what the rules
    read (:func:`records.rules.context_kinds`), and themes (a row may name its theme by title)."""
    return rules.context_kinds(kind) | {"theme"}


def _warn_rules(result: Plan, existing: Mapping[str, Model], present: set[str] | None) -> None:
    writes = result.writes
    if not writes:
        return
    merged = {**existing, **writes}
    position = {r.record_id: i for i, r in enumerate(result.rows) if r.record_id in writes}
    for problem in rules.check(merged, only=set(writes), present=None if present is None else present | set(writes)):
        rid = layout.id_of(problem.path)
        row = result.rows[position[rid]]
        warning = Problem(result.path, row.row, 0, f"{rid} : {problem.message}", key=problem.key, severity="warning",
                          rule=problem.rule)
        result.rows[position[rid]] = RowResult(row.row, row.action, row.record_id, row.record, (*row.problems, warning))
