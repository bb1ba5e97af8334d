"""Provides the statistics of a commons: counts, campaign quotas, CRCN coverage, tools by kind.

The CRCN coverage per campaign and discipline (:class:`CrcnCoverage`) counts
validated scenarios only (académique or national state), what a DNE expert
reports on; the overall ``crcn`` mapping counts every selected scenario.

:func:`compute` is what ``traam stats`` prints and what the dashboard draws.
A scenario with several disciplines counts once for each of them. A record
without a known state counts under ``inconnu``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from records import vocab
from records.models import Model, Scenario, Team
from store.publish.catalogue import Catalogue
from store.publish.labels import uses_ai

UNKNOWN_STATE = "inconnu"
VALIDATED_STATES = frozenset({"academique", "national"})
"""States of a validated scenario: the CRCN coverage for a DNE expert counts only these."""


@dataclass(frozen=True)
class CrcnCoverage:
    """CRCN codes worked on by the validated scenarios of one discipline in one campaign."""

    campaign: str
    discipline: str
    scenarios: int
    """Validated scenarios of the discipline in the campaign."""
    crcn: dict[str, int]
    """Validated scenarios per CRCN code, every code listed (0 when not covered)."""

    @property
    def covered(self) -> list[str]:
        """CRCN codes at least one validated scenario works on."""
        return [code for code, n in self.crcn.items() if n]

    @property
    def uncovered(self) -> list[str]:
        """CRCN codes no validated scenario works on."""
        return [code for code, n in self.crcn.items() if not n]


@dataclass(frozen=True)
class Quota:
    """Selected teams of one discipline in one campaign, against the campaign's quota."""

    campaign: str
    discipline: str
    selected: int
    """Teams retained by the national selection."""
    candidates: int
    """Teams still waiting for a decision (candidacy, pre-selection, transmission)."""
    quota: int
    not_selected: int = 0
    """Teams the selection did not retain."""
    theme: str = ""
    """Theme slug when the campaign's quota counts per theme; empty for a quota per discipline."""

    @property
    def over(self) -> bool:
        """True when more teams are selected than the quota allows."""
        return self.selected > self.quota


@dataclass
class Stats:
    """Figures of a set of records; every mapping is ``{code: {"teams": n, "scenarios": n}}`` unless said."""

    totals: dict[str, int] = field(default_factory=dict)
    """Number of records by kind (campaign, theme, team, scenario)."""
    by_campaign: dict[str, dict[str, int]] = field(default_factory=dict)
    by_discipline: dict[str, dict[str, int]] = field(default_factory=dict)
    by_academie: dict[str, dict[str, int]] = field(default_factory=dict)
    by_state: dict[str, dict[str, int]] = field(default_factory=dict)
    quotas: list[Quota] = field(default_factory=list)
    crcn: dict[str, int] = field(default_factory=dict)
    """Scenarios per CRCN code, every code listed (0 when not covered)."""
    tools_by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    """``{kind: {tool name: scenarios using it}}``, every kind listed."""
    ai_scenarios: int = 0
    """Scenarios declaring a use of AI."""
    crcn_validated: list[CrcnCoverage] = field(default_factory=list)
    """CRCN coverage per campaign (newest first) and discipline, validated scenarios only."""

    @property
    def crcn_uncovered(self) -> list[str]:
        """CRCN codes no scenario works on."""
        return [code for code, n in self.crcn.items() if n == 0]

    def to_json(self) -> dict[str, Any]:
        """Return plain data for ``--json`` (quotas with their ``over`` flag, uncovered CRCN codes)."""
        data = asdict(self)
        data["quotas"] = [{**asdict(q), "over": q.over} for q in self.quotas]
        data["crcn_uncovered"] = self.crcn_uncovered
        data["crcn_validated"] = [{**asdict(c), "covered": c.covered, "uncovered": c.uncovered}
                                  for c in self.crcn_validated]
        data["tool_mentions_by_kind"] = {kind: sum(tools.values()) for kind, tools in self.tools_by_kind.items()}
        return data


def _bump(table: dict[str, dict[str, int]], code: str, what: str) -> None:
    row = table.setdefault(code, {"teams": 0, "scenarios": 0})
    row[what] += 1


def _ordered(table: dict[str, dict[str, int]], order: list[str]) -> dict[str, dict[str, int]]:
    keys = [k for k in order if k in table] + sorted(k for k in table if k not in order)
    return {k: table[k] for k in keys}


def compute(records: Mapping[str, Model], states: Mapping[str, str] | None = None) -> Stats:
    """Return the statistics of ``records``.

    Args:
        records: records by id (any kinds; governance and manifest are ignored).
        states: validation state by id; missing ids count as ``inconnu``.
    """
    cat = Catalogue(records, states)
    states = states or {}
    stats = Stats(totals={"campaign": len(cat.campaigns), "theme": len(cat.themes), "team": len(cat.teams),
                          "scenario": len(cat.scenarios)})
    by_campaign: dict[str, dict[str, int]] = {}
    by_discipline: dict[str, dict[str, int]] = {}
    by_academie: dict[str, dict[str, int]] = {}
    by_state: dict[str, dict[str, int]] = {}
    items: Mapping[str, Team | Scenario]
    for what, items in (("teams", cat.teams), ("scenarios", cat.scenarios)):
        for rid, record in items.items():
            _bump(by_campaign, record.campaign, what)
            for code in (record.disciplines if isinstance(record, Scenario) else [record.discipline]):
                _bump(by_discipline, code, what)
            _bump(by_academie, record.academie, what)
            _bump(by_state, states.get(rid, UNKNOWN_STATE), what)
    stats.by_campaign = {k: by_campaign[k] for k in sorted(by_campaign, reverse=True)}
    stats.by_discipline = _ordered(by_discipline, list(vocab.DISCIPLINES))
    stats.by_academie = _ordered(by_academie, list(vocab.ACADEMIES))
    stats.by_state = _ordered(by_state, [*vocab.STATES, UNKNOWN_STATE])
    for campaign in cat.campaigns.values():
        disciplines = {t.discipline for t in cat.themes.values() if t.campaign == campaign.code}
        teams = [t for t in cat.teams.values() if t.campaign == campaign.code]
        disciplines |= {t.discipline for t in teams}
        for code in [d for d in vocab.DISCIPLINES if d in disciplines]:
            mine = [t for t in teams if t.discipline == code]
            groups = ([(slug, [t for t in mine if t.theme == slug]) for slug in sorted({t.theme for t in mine})]
                      if campaign.quota_scope == "theme" else [("", mine)])
            for slug, group in groups:
                stats.quotas.append(Quota(
                    campaign.code, code, sum(t.outcome == "retenu" for t in group),
                    sum(t.outcome in vocab.UNDECIDED_OUTCOMES for t in group), campaign.teams_per_discipline,
                    sum(t.outcome == "non-retenu" for t in group), slug))
    covered = Counter(code for s in cat.scenarios.values() for code in s.crcn)
    stats.crcn = {code: covered[code] for code in vocab.CRCN}
    stats.tools_by_kind = {kind: {} for kind in vocab.TOOL_KINDS}
    for s in cat.scenarios.values():
        for kind, name in sorted({(t.kind, t.name) for t in s.tools}):
            stats.tools_by_kind[kind][name] = stats.tools_by_kind[kind].get(name, 0) + 1
    stats.tools_by_kind = {k: dict(sorted(v.items(), key=lambda x: (-x[1], x[0].casefold())))
                           for k, v in stats.tools_by_kind.items()}
    stats.ai_scenarios = sum(1 for s in cat.scenarios.values() if uses_ai(s))
    stats.crcn_validated = crcn_validated(cat.scenarios, states)
    return stats


def crcn_validated(scenarios: Mapping[str, Scenario], states: Mapping[str, str]) -> list[CrcnCoverage]:
    """Return the CRCN coverage of the validated scenarios per campaign (newest first) and discipline.

    A scenario with several disciplines counts for each of them; a scenario
    whose state is unknown or not validated does not count.
    """
    groups: dict[tuple[str, str], list[Scenario]] = {}
    for rid, scenario in scenarios.items():
        if states.get(rid) in VALIDATED_STATES:
            for discipline in scenario.disciplines:
                groups.setdefault((scenario.campaign, discipline), []).append(scenario)
    order = list(vocab.DISCIPLINES)
    out = []
    for campaign, discipline in sorted(groups, key=lambda k: (-int(k[0][:4]), order.index(k[1]))):
        items = groups[(campaign, discipline)]
        covered = Counter(code for s in items for code in s.crcn)
        out.append(CrcnCoverage(campaign, discipline, len(items), {code: covered[code] for code in vocab.CRCN}))
    return out
