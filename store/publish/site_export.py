"""Provides the site export of a snapshot in bounded memory: records streamed once, pages written as they come.

Campaigns and themes (a few hundred) are read first and kept, teams reduced
to cards; each scenario is then parsed, written as its page, reduced to a
card and its search words, and dropped; teams are read again for their own
pages. Peak memory grows with the cards and the search
postings (a few hundred bytes per scenario), not with the pages or models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from records.models import Campaign, Scenario, Team
from store.publish import site, site_index
from store.publish.catalogue import TeamCard
from store.publish.selection import keeper, wanted_states

if TYPE_CHECKING:
    from store.index.snapshot import Snapshot

Progress = Callable[[int, int], None]


def _is_scenario(record_id: str) -> bool:
    return record_id.startswith("scenarios/")


def export_site(snapshot: Snapshot, states: Mapping[str, str] | None, out: Path, *, etat: str | Iterable[str] | None = None,
                campagnes: Iterable[str] | None = None, base_url: str = "", dates: Mapping[str, dt.datetime] | None = None,
                progress: Progress | None = None) -> tuple[Sequence[Path], dict[str, int]]:
    """Write the site of a snapshot's selected records into ``out``; return the paths written and counts by kind.

    Args:
        snapshot: a :class:`store.index.snapshot.Snapshot` (its records are parsed one at a time).
        progress: called as ``progress(done, total)`` while files are written (``total`` is an estimate
            until the end, when ``done == total``).

    Raises:
        SelectionError: unknown state or campaign.
        SiteError: the output folder holds something else.
    """
    site.check(Path(out))
    every = dict(snapshot.iter_records(where=lambda rid: rid.startswith(("campaigns/", "themes/"))))
    keep = keeper(states, etat=etat, campagnes=campagnes,
                  known=(r.code for r in every.values() if isinstance(r, Campaign)))
    frame = {rid: every[rid] for rid in sorted(every) if keep(rid, every[rid])}
    del every
    counts: dict[str, int] = {}
    for record in frame.values():
        counts[record.KIND] = counts.get(record.KIND, 0) + 1

    def teams() -> Iterator[tuple[str, Team]]:
        for rid, record in snapshot.iter_records(where=lambda rid: rid.startswith("teams/")):
            if isinstance(record, Team) and keep(rid, record):
                yield rid, record

    team_cards = {rid: TeamCard.of(team) for rid, team in teams()}  # the models weigh ~12 kB each
    if team_cards:
        counts["team"] = len(team_cards)
    wanted = wanted_states(etat)

    def candidate(rid: str) -> bool:
        return _is_scenario(rid) and (wanted is None or (states or {}).get(rid) in wanted)

    expected = snapshot.count(candidate)
    total = expected + len(frame) + expected // site_index.CHUNK + 100

    def scenarios() -> Iterator[tuple[str, Scenario]]:
        for rid, record in snapshot.iter_records(where=candidate):
            if isinstance(record, Scenario) and keep(rid, record):
                counts["scenario"] = counts.get("scenario", 0) + 1
                yield rid, record

    def written(done: int) -> None:
        if progress is not None:
            progress(min(done, total - 1), total)

    files = site.generate(frame, scenarios(), states, base_url=base_url, dates=dates, teams=team_cards,
                          team_pages=teams)
    paths = site.write(files, Path(out), progress=written)
    if progress is not None:
        progress(total, total)
    return paths, counts

