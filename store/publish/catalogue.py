"""Provides Catalogue: the selected records indexed the way the site and the synthesis walk them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar, cast

from records import vocab
from records.models import Campaign, Model, Scenario, Team, Theme
from store.publish.selection import campaign_id, of_kind, team_id, theme_id

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def french_date(value: dt.date | None) -> str:
    """Return ``2 février 2026`` (``1er`` for the first day), or an empty string."""
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


@dataclass(frozen=True, slots=True)
class Card:
    """What list pages need of a scenario (a few hundred bytes, where a full model weighs kilobytes)."""

    title: str
    campaign: str
    theme: str
    academie: str
    disciplines: tuple[str, ...]
    levels: tuple[str, ...]
    updated: dt.date | None
    created: dt.date | None

    @classmethod
    def of(cls, scenario: Scenario) -> Card:
        """Return the card of a scenario (equal codes and tuples shared between cards)."""
        return cls(scenario.title, _shared(scenario.campaign), _shared(scenario.theme), _shared(scenario.academie),
                   _shared(tuple(scenario.disciplines)), _shared(tuple(scenario.levels)), _shared(scenario.updated),
                   _shared(scenario.created))


_SHARED: dict[object, object] = {}
_T = TypeVar("_T")


def _shared(value: _T) -> _T:
    """Return one object per distinct value (100,000 cards repeat a few hundred codes and dates)."""
    if len(_SHARED) > 100_000:
        _SHARED.clear()
    return cast(_T, _SHARED.setdefault(value, value))


@dataclass(frozen=True, slots=True)
class TeamCard:
    """What the pages that list or link a team need of it (its own page needs the whole model)."""

    campaign: str
    discipline: str
    academie: str
    theme: str
    project_title: str
    outcome: str

    @classmethod
    def of(cls, team: Team) -> TeamCard:
        """Return the card of a team."""
        return cls(team.campaign, team.discipline, team.academie, team.theme, team.project_title, team.outcome)


class Catalogue:
    """The records of an export, by kind, with the links between them."""

    def __init__(self, records: Mapping[str, Model], states: Mapping[str, str] | None = None, *,
                 scenarios: Mapping[str, Scenario] | None = None, teams: Mapping[str, Team] | None = None):
        """Index ``records``; ``scenarios`` and ``teams``, when given, replace those among them.

        The site passes :class:`Card` and :class:`TeamCard` objects there (cast): the pages that
        list them read only a card's fields.
        """
        self.records = records
        self.states = states or {}
        self.campaigns: dict[str, Campaign] = of_kind(records, Campaign)
        self.themes: dict[str, Theme] = of_kind(records, Theme)
        self.teams: dict[str, Team] = of_kind(records, Team) if teams is None else {rid: teams[rid] for rid in sorted(teams)}
        self.scenarios: dict[str, Scenario] = (
            of_kind(records, Scenario) if scenarios is None else {rid: scenarios[rid] for rid in sorted(scenarios)})
        self.scenarios_of_theme: dict[str, list[str]] = defaultdict(list)
        self.scenarios_of_team: dict[str, list[str]] = defaultdict(list)
        self.teams_of_theme: dict[str, list[str]] = defaultdict(list)
        for rid, scenario in self.scenarios.items():
            self.scenarios_of_theme[theme_id(scenario.campaign, scenario.theme)].append(rid)
            self.scenarios_of_team[team_id(scenario.campaign, scenario.theme, scenario.academie)].append(rid)
        for rid, team in self.teams.items():
            self.teams_of_theme[theme_id(team.campaign, team.theme)].append(rid)

    def campaign_codes(self) -> list[str]:
        """Return every campaign code met in the records, newest first."""
        codes = {c.code for c in self.campaigns.values()}
        framed: list[Theme | Team | Scenario] = [*self.themes.values(), *self.teams.values(), *self.scenarios.values()]
        codes |= {r.campaign for r in framed}
        return sorted(codes, reverse=True)

    def campaign_title(self, code: str) -> str:
        """Return the campaign's title, or its code when it is not exported."""
        campaign = self.campaigns.get(campaign_id(code))
        return campaign.title if campaign else f"Campagne {code}"

    def themes_in_call_order(self, code: str) -> list[str]:
        """Return the ids of the campaign's themes in the order its call lists them, the others after by id."""
        campaign = self.campaigns.get(campaign_id(code))
        order = {slug: i for i, slug in enumerate(campaign.themes if campaign else [])}
        ids = self.of_campaign(self.themes, code)
        return sorted(ids, key=lambda rid: (order.get(rid.rsplit("/", 1)[-1], len(order)), rid))

    def disciplines(self) -> list[str]:
        """Return the discipline codes that have a theme, team or scenario, in vocabulary order."""
        codes = {t.discipline for t in self.themes.values()} | {t.discipline for t in self.teams.values()}
        codes |= {d for s in self.scenarios.values() for d in s.disciplines}
        return [code for code in vocab.DISCIPLINES if code in codes]

    def discipline_names(self, scenario: Scenario) -> list[str]:
        """Return the labels of a scenario's disciplines."""
        return [vocab.label(vocab.DISCIPLINES, d) for d in scenario.disciplines]

    def theme_of(self, campaign: str, slug: str) -> tuple[str, Theme | None]:
        """Return ``(theme id, theme or None when it is not exported)``."""
        rid = theme_id(campaign, slug)
        return rid, self.themes.get(rid)

    def team_of(self, scenario: Scenario) -> tuple[str, Team | None]:
        """Return ``(team id, team or None)`` of a scenario."""
        rid = team_id(scenario.campaign, scenario.theme, scenario.academie)
        return rid, self.teams.get(rid)

    def scenarios_of_discipline(self, code: str) -> list[str]:
        """Return the ids of the scenarios that list a discipline."""
        return [rid for rid, s in self.scenarios.items() if code in s.disciplines]

    def of_campaign(self, items: Mapping[str, Theme | Team | Scenario], code: str) -> list[str]:
        """Return the ids among ``items`` that belong to a campaign."""
        return [rid for rid, r in items.items() if r.campaign == code]

    def recent(self, limit: int = 8) -> list[str]:
        """Return the ids of the most recently dated scenarios (updated, else created), newest first."""
        def key(rid: str) -> tuple[dt.date, str]:
            s = self.scenarios[rid]
            return (s.updated or s.created or dt.date.min, rid)

        return sorted(self.scenarios, key=key, reverse=True)[:limit]
