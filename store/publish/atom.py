"""Provides the Atom 1.0 feeds: one per discipline, listing its newly validated scenarios, newest first.

An entry's date is the date the scenario was validated when the caller knows
it (``dates``), else the scenario's ``updated`` or ``created`` date, else the
start of its campaign's work. Every text goes through XML escaping; links are
absolute when a base URL of the published site is given, relative otherwise.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Mapping
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from records import vocab
from records.models import Campaign, Model, Scenario
from store.publish.labels import clean
from store.publish.selection import campaign_id, of_kind
from store.publish.site_pages import page_of

LIMIT = 50
"""Entries per feed."""

FALLBACK_AUTHORITY = "traam.invalid"
"""Authority of the ``tag:`` ids when no site URL is given (``.invalid`` never names a real host)."""

FEED_YEAR = "2016"
"""Date of the feeds' ``tag:`` ids: the first TraAM campaign traam knows; fixed, so ids never change."""


def tag_authority(base_url: str) -> str:
    """Return the ``tag:`` authority and path prefix of a published site: its host and path.

    Two forks publishing on two sites get different ids (RFC 4151), unlike a
    ``urn:traam:`` id shared by every copy of the commons.
    """
    parts = urlsplit(base_url)
    if not parts.hostname:
        return FALLBACK_AUTHORITY
    path = parts.path.strip("/")
    return parts.hostname.lower() + (f"/{path}" if path else "")


def tag_id(base_url: str, year: str, specific: str) -> str:
    """Return ``tag:host,year:path/specific`` (the path part of the site goes into the specific part)."""
    authority, _, path = tag_authority(base_url).partition("/")
    return f"tag:{authority},{year}:{path + '/' if path else ''}{specific}"


def feed_path(discipline: str) -> str:
    """Return a discipline's feed path relative to the site root (``atom/svt.xml``)."""
    return f"atom/{discipline}.xml"


def _when(record_id: str, scenario: Scenario, records: Mapping[str, Model], dates: Mapping[str, dt.datetime]) -> dt.datetime:
    if record_id in dates:
        moment = dates[record_id]
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    day = scenario.updated or scenario.created
    if day is None:
        campaign = records.get(campaign_id(scenario.campaign))
        day = campaign.work_starts if isinstance(campaign, Campaign) else dt.date(int(scenario.campaign[:4]), 9, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _x(value: str) -> str:
    return escape(clean(value, multiline=True))


def feed(discipline: str, records: Mapping[str, Model], *, base_url: str = "",
         dates: Mapping[str, dt.datetime] | None = None) -> str:
    """Return the Atom document of one discipline.

    Args:
        discipline: discipline code.
        records: the selected (validated) records.
        base_url: URL of the published site (``https://…/``), for absolute links.
        dates: validation date by scenario id, when known.
    """
    dates = dates or {}
    base = base_url.rstrip("/") + "/" if base_url else "../"
    chosen = [(rid, s) for rid, s in of_kind(records, Scenario).items() if discipline in s.disciplines]
    dated = sorted(((_when(rid, s, records, dates), rid, s) for rid, s in chosen), key=lambda x: (x[0], x[1]), reverse=True)
    dated = dated[:LIMIT]
    self_href = base + feed_path(discipline) if base_url else f"{discipline}.xml"
    updated = dated[0][0] if dated else dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    label = vocab.label(vocab.DISCIPLINES, discipline)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
        f"<title>{_x(f'TraAM — nouveaux scénarios validés — {label}')}</title>",
        f"<id>{escape(tag_id(base_url, FEED_YEAR, f'flux/{discipline}'))}</id>",
        f"<updated>{_stamp(updated)}</updated>",
        f"<link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(self_href)}/>",
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(base + f'disciplines/{discipline}.html')}/>",
        "<author><name>Commun des TraAM</name></author>",
        "<generator>traam</generator>",
    ]
    for moment, rid, s in dated:
        authors = "".join(f"<author><name>{_x(a.name)}</name></author>" for a in s.authors)
        lines += [
            "<entry>",
            f"<title>{_x(s.title)}</title>",
            f"<id>{escape(tag_id(base_url, s.campaign[:4], rid))}</id>",
            f"<updated>{_stamp(moment)}</updated>",
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(base + page_of(rid))}/>",
            authors,
            f"<category term={quoteattr(s.academie)} label={quoteattr(vocab.label(vocab.ACADEMIES, s.academie))}/>",
            f"<summary type=\"text\">{_x(s.summary or s.title)}</summary>",
            f"<rights>{_x(vocab.label(vocab.LICENCES, s.licence))}</rights>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(line for line in lines if line) + "\n"


def feeds(records: Mapping[str, Model], *, base_url: str = "", dates: Mapping[str, dt.datetime] | None = None) -> dict[str, str]:
    """Return ``{"atom/<discipline>.xml": document}`` for every discipline that has a scenario."""
    disciplines = {d for s in of_kind(records, Scenario).values() for d in s.disciplines}
    return {feed_path(code): feed(code, records, base_url=base_url, dates=dates)
            for code in vocab.DISCIPLINES if code in disciplines}


class Newest:
    """Keeps, per discipline, only the scenarios its feed can show, while an export streams every scenario.

    ``feeds({**frame, **newest.records()})`` equals ``feeds`` over every scenario:
    each feed lists the :data:`LIMIT` newest of its discipline by the same key.
    """

    def __init__(self, frame: Mapping[str, Model], dates: Mapping[str, dt.datetime] | None = None):
        """``frame``: the campaigns (for undated scenarios); ``dates``: validation dates by id."""
        self.frame = frame
        self.dates = dates or {}
        self.kept: dict[str, list[tuple[dt.datetime, str]]] = {}
        self.models: dict[str, Scenario] = {}

    def add(self, record_id: str, scenario: Scenario) -> None:
        """Offer one scenario; keep it when it is among the newest of one of its disciplines."""
        key = (_when(record_id, scenario, self.frame, self.dates), record_id)
        for code in dict.fromkeys(scenario.disciplines):
            heap = self.kept.setdefault(code, [])
            if len(heap) < LIMIT:
                heapq.heappush(heap, key)
            elif key > heap[0]:
                heapq.heapreplace(heap, key)
            else:
                continue
            self.models[record_id] = scenario
        if len(self.models) > 2 * LIMIT * (len(self.kept) + 1):
            self.models = self.records()  # drop the models every feed has pushed out

    def records(self) -> dict[str, Scenario]:
        """Return the scenarios some feed shows, by id."""
        wanted = {rid for heap in self.kept.values() for _, rid in heap}
        return {rid: self.models[rid] for rid in sorted(wanted)}
