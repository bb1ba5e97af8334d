"""Provides the entry points the command line and the terminal application call: export, import, statistics of a commons.

These load the commons (:class:`store.commons.Commons`), take the validation
states from :mod:`store.review.states` when it is available, and hand the records to
the pure functions of :mod:`store.publish`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from records.models import Model, Scenario, Team
from store.errors import StoreError
from store.publish import atom, csv_edubase, jsonx, site, synthesis, xlsx
from store.publish import stats as stats_module
from store.publish.choices import FORMATS
from store.publish.contrib import branch_name, commit_records, tip
from store.publish.dates import landing_dates
from store.publish.importer import Plan, needed_kinds, plan
from store.publish.selection import SelectionError, select, wanted_states
from store.publish.sheets import Sheet, read_sheet
from store.publish.site_export import export_site
from store.publish.words import count
from store.safefs import write_atomic, write_public

if TYPE_CHECKING:
    from store.commons import Commons
    from store.index.snapshot import Snapshot

FOLDER_FORMATS = ("site", "atom")

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while long work goes on."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    format: str
    paths: Sequence[Path]
    counts: dict[str, int] = field(default_factory=dict)
    """Exported records by kind."""


def render(fmt: str, records: Mapping[str, Model], states: Mapping[str, str] | None = None, *,
           base_url: str = "", dates: Mapping[str, dt.datetime] | None = None,
           with_emails: bool = False) -> str | bytes | dict[str, str]:
    """Return the export of already selected records: text, bytes (``xlsx``), or ``{relative path: text}``
    for folder formats.

    Raises:
        SelectionError: unknown format.
    """
    if fmt == "edubase-csv":
        return csv_edubase.render(records, states)
    if fmt == "xlsx":
        return xlsx.render(records, states)
    if fmt == "json":
        return jsonx.render_json(records, states, with_emails=with_emails)
    if fmt == "jsonl":
        return jsonx.render_jsonl(records, states, with_emails=with_emails)
    if fmt == "json-schema":
        return jsonx.render_schema()
    if fmt == "markdown":
        return synthesis.render(records, states)
    if fmt == "site":
        return site.build(records, states, base_url=base_url, dates=dates)
    if fmt == "atom":
        return {path.removeprefix("atom/"): text for path, text in atom.feeds(records, base_url=base_url, dates=dates).items()}
    raise SelectionError(f"format inconnu « {fmt} » (attendu : {', '.join(FORMATS)})")


def states_of(commons: Commons, snapshot: Snapshot) -> dict[str, str] | None:
    """Return the validation states of the snapshot's records, or None when traam cannot derive them yet."""
    try:
        from store.review.states import record_states
    except ImportError:
        return None
    return dict(record_states(commons, snapshot))


def load(commons: Commons, ref: str | None = None) -> tuple[dict[str, Model], dict[str, str] | None]:
    """Return ``(records, states)`` of a commons at ``ref`` (work tree when None)."""
    snapshot = commons.load(ref)
    return dict(snapshot.records()), states_of(commons, snapshot)


def export_records(fmt: str, records: Mapping[str, Model], states: Mapping[str, str] | None, out: Path | None, *,
                   etat: str | Iterable[str] | None = None, campagnes: Iterable[str] | None = None,
                   base_url: str = "", dates: Mapping[str, dt.datetime] | None = None,
                   with_emails: bool = False, progress: Progress | None = None) -> tuple[ExportResult, str | None]:
    """Select, render and write an export; return the result and, when ``out`` is None, the text.

    Raises:
        SelectionError: unknown state, campaign or format; states unknown while validated records are asked for;
            a folder format without ``out``.
        site.SiteError: the output folder holds something else.
    """
    if states is None and wanted_states(etat) is not None and fmt != "json-schema":
        raise SelectionError("les états de validation ne sont pas disponibles dans ce commun : "
                             "utilisez --etat tous pour tout exporter")
    chosen = select(records, states, etat=etat, campagnes=campagnes)
    counts: dict[str, int] = {}
    for record in chosen.values():
        counts[record.KIND] = counts.get(record.KIND, 0) + 1
    output = render(fmt, chosen, states, base_url=base_url, dates=dates, with_emails=with_emails)
    if isinstance(output, dict):
        if out is None:
            raise SelectionError(f"le format {fmt} produit un dossier : indiquez-le avec -o DOSSIER")
        if fmt == "site":
            total = len(output) + 1
            written = site.write(output, Path(out), progress=None if progress is None else lambda n: progress(n, total))
            return ExportResult(fmt, written, counts), None
        Path(out).mkdir(parents=True, exist_ok=True)
        paths = []
        for relative, text in sorted(output.items()):
            write_public(Path(out) / relative, text)
            paths.append(Path(out) / relative)
        return ExportResult(fmt, paths, counts), None
    if isinstance(output, bytes):
        if out is None:
            raise SelectionError(f"le format {fmt} produit un classeur (binaire) : indiquez le fichier avec -o FICHIER.{fmt}")
        write_atomic(Path(out), output, follow_parent=True)
        return ExportResult(fmt, [Path(out)], counts), None
    if out is None:
        return ExportResult(fmt, [], counts), output
    write_public(Path(out), output)
    paths = [Path(out)]
    if fmt in ("json", "jsonl"):
        schema = Path(out).with_name(Path(out).stem + ".schema.json")
        write_public(schema, jsonx.render_schema())
        paths.append(schema)
    return ExportResult(fmt, paths, counts), None


def export_snapshot(fmt: str, snapshot: Snapshot, states: Mapping[str, str] | None, out: Path | None,
                    **options: Any) -> tuple[ExportResult, str | None]:
    """Export a loaded snapshot (see :func:`export_records` for the options and errors).

    The site is written in bounded memory (:mod:`store.publish.site_export`): records are parsed one at a
    time, never all at once; the other formats take every selected record.
    """
    if fmt == "site" and out is not None:
        etat = options.get("etat")
        if states is None and wanted_states(etat) is not None:
            raise SelectionError("les états de validation ne sont pas disponibles dans ce commun : "
                                 "utilisez --etat tous pour tout exporter")
        options.pop("with_emails", None)
        paths, counts = export_site(snapshot, states, Path(out), **options)
        return ExportResult(fmt, paths, counts), None
    return export_records(fmt, dict(snapshot.records()), states, out, **options)


def export_commons(commons: Commons, fmt: str, out: Path | None, *, ref: str | None = None,
                   loading: Progress | None = None, **options: Any) -> tuple[ExportResult, str | None]:
    """Export a commons (see :func:`export_records` for the options; ``loading``: progress of a cold load)."""
    snapshot = commons.load(ref, loading, search=False)
    states = states_of(commons, snapshot)
    if fmt in ("atom", "site") and "dates" not in options:
        options["dates"] = landing_dates(commons.root, ref or "HEAD")
    return export_snapshot(fmt, snapshot, states, out, **options)


def statistics(commons: Commons, *, ref: str | None = None, etat: str | None = "tous",
               campagnes: Iterable[str] | None = None) -> stats_module.Stats:
    """Return the statistics of a commons (every record by default); what the dashboard calls."""
    records, states = load(commons, ref)
    if states is None and wanted_states(etat) is not None:
        raise SelectionError("les états de validation ne sont pas disponibles dans ce commun : utilisez --etat tous")
    return stats_module.compute(select(records, states, etat=etat, campagnes=campagnes), states)


@dataclass(frozen=True)
class Imported:
    """The outcome of an import: the plan, and the branch and commit when it was applied."""

    plan: Plan
    branch: str | None = None
    commit: str | None = None


def default_base(root: Path, academies: list[str]) -> str:
    """Return where a new contribution branch starts: ``academie/<a>`` when it exists, else ``main``, else HEAD."""
    candidates = [f"academie/{academies[0]}"] if len(academies) == 1 else []
    for name in (*candidates, "main"):
        if tip(root, name):
            return name
    return "HEAD"


def _plan_over(snapshot: Snapshot, sheet: Sheet, kind: str, progress: Progress | None) -> Plan:
    """Plan an import over a snapshot reading only what the plan needs, never every record: the kinds of
    :func:`needed_kinds` (campaigns, themes, teams), then the records at the rows' ids (peak memory grows
    with those, not with the scenarios of the commons)."""
    context = snapshot.records_of_kinds(needed_kinds(kind), progress=progress)
    present = set(snapshot.entries)
    first = plan(sheet, context, kind, present=present)
    ids = {r.record_id for r in first.rows if r.record_id is not None and r.record_id in present} - set(context)
    if not ids:
        return first
    context.update(snapshot.iter_records(where=ids.__contains__))
    return plan(sheet, context, kind, present=present)


def import_sheet(commons: Commons, file: Path | str, *, kind: str | None = None, apply: bool = False,
                 branch: str | None = None, base: str | None = None, progress: Progress | None = None) -> Imported:
    """Plan (and with ``apply`` commit) the import of a proposals sheet on a contribution branch.

    A new branch starts from ``base`` (default: :func:`default_base`); an
    existing one is extended, and rows are compared with its records
    (``progress(done, total)`` while they are read).

    Raises:
        SheetError: unreadable sheet.
        StoreError: git failure; several académies in the sheet without ``branch``.
    """
    sheet = read_sheet(file)
    result = plan(sheet, {}, kind)  # quick pass to learn the académies of the good rows
    academies = sorted({r.record.academie for r in result.rows if isinstance(r.record, (Team, Scenario))})
    if branch is None and len(academies) == 1:
        branch = branch_name(academies[0], str(file))
    base = base or default_base(commons.root, academies)
    ref = branch if branch and tip(commons.root, branch) else base
    result = _plan_over(commons.load(ref, search=False), sheet, result.kind, progress)
    if not apply or not result.writes:
        return Imported(result, branch)
    if branch is None:
        raise StoreError("la feuille concerne plusieurs académies (" + ", ".join(academies) + ") : "
                         "indiquez la branche avec --branch contrib/<académie>/<nom>")
    forms = ("scénario", "scénarios") if result.kind == "scenario" else ("équipe", "équipes")
    message = f"Importer {count(len(result.writes), *forms)} depuis {Path(file).name}"
    commit = commit_records(commons.root, branch, result.writes, base=base, message=message)
    return Imported(result, branch, commit)
