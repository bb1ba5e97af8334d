"""Provides the plan of the living demo: which records arrive when, by whom, and in which state they end.

Built generically from the demo records by what their path says (kind,
campaign, académie: :func:`records.layout.locate`), so it follows any
change of the records' layout. The earliest campaigns' framing (campaign
and themes) and their teams and scenarios are validated nationally, one
contribution per académie and campaign; the latest campaign is the living
part: one contribution per team or scenario, spread over every state.
Scenarios of the latest campaign never end « validé » (they are drafts); the
teams they need are validated nationally, so a reviewer can approve them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from records import layout, vocab
from records.models import Model
from records.text import slugify

TEAM_STATES = ("academique", "refuse", "propose", "national")
"""States given in turn to the latest campaign's teams."""
SCENARIO_STATES = ("modifications", "propose", "brouillon")
"""States given in turn to the latest campaign's scenarios (never validated: they are drafts)."""
FALLBACK_AUTHOR = ("Enseignant·e (exemple)", "enseignant@example.org")
NATIONAL = ("Experte nationale (exemple)", "experte.nationale@example.org")
"""The demo's national reviewer."""


def academic(academie: str) -> tuple[str, str]:
    """Return ``(name, address)`` of the demo's academic reviewer of ``academie``."""
    return (f"Relecteur·rice académique de {vocab.ACADEMIES.get(academie, academie)} (exemple)",
            f"relecture.{academie}@example.org")


@dataclass
class Contribution:
    """One contribution of the demo: its records, author, date, and the state it ends in."""

    academie: str
    slug: str
    campaign: str
    state: str
    ids: list[str]
    author: tuple[str, str]
    title: str
    when: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    kind: str = ""
    """``scenario`` or ``team`` for the latest campaign's one-record contributions, '' for a group."""

    @property
    def branch(self) -> str:
        return f"contrib/{self.academie}/{self.slug}"


@dataclass
class Plan:
    """The whole demo history, oldest first."""

    genesis: list[str]
    """Record ids of the first commit (everything that is neither campaign, theme, team nor scenario)."""
    framing: list[tuple[str, list[str], dt.datetime]]
    """``(campaign, ids of the campaign and its themes, date)``, in campaign order."""
    contributions: list[Contribution]
    start: dt.datetime


def _title(record: Model, record_id: str) -> str:
    return str(getattr(record, "title", "") or getattr(record, "project_title", "") or record_id)


def _author(record: Model) -> tuple[str, str]:
    people = list(getattr(record, "authors", None) or [])
    person = people[0] if people else getattr(record, "referent", None)
    name, email = getattr(person, "name", ""), getattr(person, "email", "")
    return (str(name), str(email)) if name and email else FALLBACK_AUTHOR


def _short_slug(title: str) -> str:
    """Return ``equipe-`` and the first words of ``title`` as a slug of at most 40 characters, cut between words."""
    words = slugify(title, 200).split("-")
    slug = "equipe"
    for word in words:
        if len(slug) + 1 + len(word) > 40:
            break
        slug += "-" + word
    return slug


def _year(campaign: str) -> int:
    head = campaign.split("-", 1)[0]
    return int(head) if head.isdigit() else 2016


def plan(records: dict[str, Model], now: dt.datetime) -> Plan:
    """Return the demo's :class:`Plan` for ``records`` (ids without ``.toml``), dated up to ``now`` (UTC)."""
    genesis: list[str] = []
    framing: dict[str, list[str]] = {}
    grouped: dict[tuple[str, str], list[str]] = {}
    for record_id in sorted(records):
        where = layout.locate(layout.path_of(record_id))
        if where.kind in ("campaign", "theme") and where.campaign:
            framing.setdefault(where.campaign, []).append(record_id)
        elif where.kind in ("team", "scenario") and where.campaign and where.academie:
            framing.setdefault(where.campaign, [])
            grouped.setdefault((where.campaign, where.academie), []).append(record_id)
        else:
            genesis.append(record_id)
    campaigns = sorted(framing)
    latest = max((c for c, _ in grouped), default="")
    latest_ids = [i for (campaign, _), ids in sorted(grouped.items()) if campaign == latest for i in ids]
    span = max(len(latest_ids), 1)
    limit = now - dt.timedelta(days=1)

    def dated(campaign: str, month: int, day: int) -> dt.datetime:
        return min(dt.datetime(_year(campaign) + (month < 9), month, min(day, 28), 10, tzinfo=dt.UTC),
                   limit)

    contributions: list[Contribution] = []
    for (campaign, academie), ids in sorted(grouped.items()):
        if campaign == latest:
            continue
        first = records[ids[0]]
        contributions.append(Contribution(academie, f"campagne-{campaign}", campaign, "national", ids,
                                          _author(first), _title(first, ids[0]),
                                          dated(campaign, 3, 1 + len(contributions) % 27)))
    scenarios = [i for i in latest_ids if layout.locate(layout.path_of(i)).kind == "scenario"]
    teams = [i for i in latest_ids if i not in scenarios]
    # A scenario needs its académie's team validated first: those teams are validated nationally.
    needed = {layout.locate(layout.path_of(i)).academie for i in scenarios}
    turn = 0
    for number, record_id in enumerate(scenarios + teams):
        where = layout.locate(layout.path_of(record_id))
        if record_id in scenarios:
            state = SCENARIO_STATES[number % len(SCENARIO_STATES)]
        elif where.academie in needed:
            state = "national"
        else:
            state, turn = TEAM_STATES[turn % len(TEAM_STATES)], turn + 1
        record = records[record_id]
        title = _title(record, record_id)
        slug = where.slug if where.kind == "scenario" and where.slug else _short_slug(title)
        when = now - dt.timedelta(hours=6 * (span - number) + 2)
        contributions.append(Contribution(where.academie, slug, latest, state, [record_id], _author(record), title,
                                          when, where.kind))
    start = dated(campaigns[0], 9, 1) - dt.timedelta(days=1) if campaigns else limit
    return Plan(genesis, [(c, framing[c], dated(c, 9, 1)) for c in campaigns], contributions, start)
