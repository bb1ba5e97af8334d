"""Provides Entry, the slim index line of a record: what lists, facets and search need, nothing more.

Entries are built once per blob and cached; full records are read lazily.
An entry is a named tuple: 100,000 of them are rebuilt from the cache in a
few milliseconds (``tuple.__new__(Entry, row)``), where a dataclass took 0.2 s.
"""

from __future__ import annotations

from typing import NamedTuple, TypedDict

from records.codec import Loaded
from records.layout import id_of
from records.models import Campaign, Governance, Manifest, Scenario, Synthesis, Team, Theme
from records.text import fold


class Entry(NamedTuple):
    """One record in the slim index."""

    id: str
    kind: str
    """campaign, theme, team, scenario, governance, manifest."""
    blob: str
    """Git blob id of the file content this entry was built from."""
    title: str
    campaign: str = ""
    disciplines: tuple[str, ...] = ()
    academie: str = ""
    theme: str = ""
    levels: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    """Tool names, as written."""
    tool_kinds: tuple[str, ...] = ()
    crcn: tuple[str, ...] = ()
    errors: int = 0
    """Number of error problems in the file itself (schema, syntax, path)."""
    title_key: str = ""
    """Folded title, for search."""
    text_key: str = ""
    """Folded summary, keywords, tools and names, for search."""


class _Fields(TypedDict, total=False):
    """The fields of an entry that depend on the kind of record."""

    campaign: str
    disciplines: tuple[str, ...]
    academie: str
    theme: str
    levels: tuple[str, ...]
    tools: tuple[str, ...]
    tool_kinds: tuple[str, ...]
    crcn: tuple[str, ...]


def entry_of(loaded: Loaded, blob: str) -> Entry:
    """Build the index entry of a loaded record file (valid or not)."""
    record, location = loaded.record, loaded.location
    errors = sum(1 for p in loaded.problems if p.severity == "error")
    kind = location.kind if location else "invalid"
    record_id = location.id if location else id_of(loaded.path)
    if record is None or location is None:  # no location: never read, so no record either
        title = record_id.rsplit("/", 1)[-1]
        return Entry(record_id, kind, blob, title, errors=errors or 1, title_key=fold(title))
    extra: list[str] = []
    fields: _Fields
    if isinstance(record, Campaign):
        title = record.title
        extra = [record.code, record.summary]
        fields = _Fields(campaign=record.code)
    elif isinstance(record, Theme):
        title = record.title
        extra = [record.summary, *record.axes]
        fields = _Fields(campaign=record.campaign, disciplines=(record.discipline,), theme=location.slug)
    elif isinstance(record, Team):
        title = record.project_title
        extra = [record.summary, record.pilot.name, record.referent.name, *(t.name for t in record.teachers)]
        fields = _Fields(
            campaign=record.campaign, disciplines=(record.discipline,), academie=record.academie, theme=record.theme
        )
    elif isinstance(record, Scenario):
        title = record.title
        tools = tuple(t.name for t in record.tools) + tuple(record.ai.tools if record.ai else ())
        extra = [record.summary, *record.keywords, *tools, *(a.name for a in record.authors)]
        fields = _Fields(
            campaign=record.campaign,
            disciplines=tuple(record.disciplines),
            academie=record.academie,
            theme=record.theme,
            levels=tuple(record.levels),
            tools=tools,
            tool_kinds=tuple(sorted({t.kind for t in record.tools})),
            crcn=tuple(record.crcn),
        )
    elif isinstance(record, Synthesis):
        title = record.title
        extra = [record.summary, *record.findings, *(d.title for d in record.deliverables), *(a.name for a in record.authors)]
        fields = dict(campaign=record.campaign, disciplines=(location.discipline,), theme=record.theme)
    elif isinstance(record, Governance):
        title = "Gouvernance : relecteurs"
        extra = [r.name for r in record.reviewers]
        fields = {}
    elif isinstance(record, Manifest):
        title = record.name
        extra = [record.description]
        fields = {}
    else:  # pragma: no cover - every model is handled above
        raise TypeError(type(record))
    return Entry(id=record_id, kind=kind, blob=blob, errors=errors, **fields, title=title, title_key=fold(title), text_key=fold(" ".join(extra)))
