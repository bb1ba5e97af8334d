"""Tests of the statistics: counts by campaign, discipline, académie and state, quotas, CRCN coverage, tools by kind."""

from __future__ import annotations

from records.models import Team
from store.publish.stats import compute
from tests.test_store.publish_fixtures import sample_records, sample_states


def test_counts_on_the_small_fixture():
    stats = compute(sample_records(), sample_states())
    assert stats.totals == {"campaign": 1, "theme": 2, "team": 3, "scenario": 4}
    assert stats.by_campaign == {"2026-2027": {"teams": 3, "scenarios": 4}}
    # The SVT + mathématiques scenario counts for both disciplines.
    assert stats.by_discipline == {
        "mathematiques": {"teams": 0, "scenarios": 1},
        "nsi": {"teams": 1, "scenarios": 2},
        "svt": {"teams": 2, "scenarios": 2},
    }
    assert stats.by_academie == {
        "lille": {"teams": 1, "scenarios": 1},
        "nantes": {"teams": 1, "scenarios": 1},
        "versailles": {"teams": 1, "scenarios": 2},
    }
    assert stats.by_state == {
        "brouillon": {"teams": 0, "scenarios": 1},
        "propose": {"teams": 1, "scenarios": 0},
        "academique": {"teams": 1, "scenarios": 1},
        "national": {"teams": 1, "scenarios": 2},
    }
    assert compute(sample_records()).by_state == {"inconnu": {"teams": 3, "scenarios": 4}}


def test_quota_crcn_and_tools():
    records = sample_records()
    extra = records["teams/2026-2027/svt-1/lille"].model_copy(update={"academie": "rennes"})
    records["teams/2026-2027/svt-1/rennes"] = extra
    records["teams/2026-2027/nsi/versailles"] = records["teams/2026-2027/nsi/versailles"].model_copy(
        update={"outcome": "candidat"})
    stats = compute(records, sample_states())
    quotas = {(q.campaign, q.discipline): (q.selected, q.candidates, q.quota, q.over) for q in stats.quotas}
    assert quotas == {("2026-2027", "nsi"): (0, 1, 2, False), ("2026-2027", "svt"): (3, 0, 2, True)}
    assert isinstance(extra, Team)
    assert stats.crcn["1.1"] == 1 and stats.crcn["3.4"] == 1 and stats.crcn["5.2"] == 0
    assert len(stats.crcn) == 16 and "2.1" in stats.crcn_uncovered and "1.1" not in stats.crcn_uncovered
    assert stats.tools_by_kind["commun-public"] == {"Capytale": 1, "Éléa": 1}
    assert stats.tools_by_kind["plateforme-privee"] == {"PlantNet": 1}
    assert sum(stats.tools_by_kind["logiciel-libre"].values()) == 2
    assert stats.ai_scenarios == 1
    data = stats.to_json()
    assert data["tool_mentions_by_kind"] == {"commun-public": 2, "logiciel-libre": 2, "plateforme-privee": 1}
    assert data["quotas"][1] == {"campaign": "2026-2027", "discipline": "svt", "selected": 3, "candidates": 0,
                                 "quota": 2, "over": True, "not_selected": 0, "theme": ""}


def test_crcn_coverage_per_campaign_and_discipline_counts_validated_scenarios_only():
    """What a DNE expert reports on: a draft's competences do not count, a scenario counts for each discipline."""
    records = sample_records()
    draft = "scenarios/2026-2027/nsi/versailles/brouillon"
    records[draft] = records[draft].model_copy(update={"crcn": ["5.1"]})
    stats = compute(records, sample_states())
    coverage = {(c.campaign, c.discipline): c for c in stats.crcn_validated}
    assert list(coverage) == [("2026-2027", "mathematiques"), ("2026-2027", "nsi"), ("2026-2027", "svt")]
    nsi = coverage[("2026-2027", "nsi")]
    assert (nsi.scenarios, nsi.covered) == (1, ["3.4"])  # the draft's 5.1 is not counted
    assert "5.1" in nsi.uncovered and len(nsi.crcn) == 16
    assert coverage[("2026-2027", "svt")].covered == ["1.1", "1.2", "1.3", "3.2"]
    assert coverage[("2026-2027", "mathematiques")].covered == ["1.2", "1.3"]
    assert stats.crcn["5.1"] == 1  # the overall coverage still counts every selected scenario
    data = stats.to_json()["crcn_validated"]
    assert data[1]["discipline"] == "nsi" and data[1]["covered"] == ["3.4"] and data[1]["crcn"]["3.4"] == 1
    states = {**sample_states(), "scenarios/2026-2027/nsi/versailles/hostile": "propose"}
    assert ("2026-2027", "nsi") not in {(c.campaign, c.discipline) for c in compute(records, states).crcn_validated}
    assert compute(records).crcn_validated == []  # no states known: nothing is validated
