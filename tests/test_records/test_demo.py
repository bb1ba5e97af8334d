"""Tests the demo commons: it validates with no error and holds the facts of the source texts."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from records import codec, layout, rules
from records.demo import DEMO_MANIFEST, demo_records
from records.models import Campaign, Scenario, Team, Theme

RECORDS = demo_records()


def of(kind: type, campaign: str | None = None) -> dict:
    return {rid: r for rid, r in RECORDS.items()
            if isinstance(r, kind) and (campaign is None or getattr(r, "campaign", None) == campaign)}


def test_every_record_loads_from_its_canonical_text() -> None:
    for record_id, record in RECORDS.items():
        loaded = codec.load(layout.path_of(record_id), codec.dump(record))
        assert loaded.problems == [], record_id
        assert loaded.record == record
    assert codec.load("traam.toml", codec.dump(DEMO_MANIFEST)).record == DEMO_MANIFEST
    assert DEMO_MANIFEST.name == "Commun TraAM — démonstration"


def test_demo_breaks_no_rule() -> None:
    texts = {rid: codec.dump(r) for rid, r in RECORDS.items()}
    problems = rules.check(RECORDS, text_of=texts.get)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert [str(p) for p in problems] == []  # not even a warning today; keep it that way or justify one


def test_no_twins_and_every_path_is_in_the_layout() -> None:
    paths = [layout.path_of(rid) for rid in RECORDS]
    assert layout.twins(paths) == []
    assert all(layout.is_allowed_path(p) for p in paths)


def test_campaigns() -> None:
    campaigns = {c.code: c for c in of(Campaign).values()}
    assert sorted(campaigns) == ["2016-2017", "2019-2020", "2024-2025", "2025-2026", "2026-2027"]
    # 2016-2017: call in April, selection in June, work from September (seed 001).
    old = campaigns["2016-2017"]
    assert (old.call_opens.month, old.selection.month, old.work_starts.month) == (4, 6, 9)
    assert "centaine d'équipes" in campaigns["2019-2020"].summary
    assert "un à deux ans" in campaigns["2019-2020"].summary


def test_2026_2027_calendar_is_the_call() -> None:
    current = RECORDS["campaigns/2026-2027"]
    assert current.call_opens == dt.date(2026, 2, 1)
    assert current.proposals_due == dt.date(2026, 3, 31)
    assert current.selection == dt.date(2026, 6, 15)
    assert current.work_starts == dt.date(2026, 9, 1)
    assert current.work_ends < dt.date(2027, 5, 1)
    assert current.teams_per_discipline == 5
    assert current.phase == "travaux"


def test_2016_2017_has_its_seven_themes() -> None:
    themes = of(Theme, "2016-2017")
    assert len(themes) == 7
    assert sum(t.discipline == "interdisciplinaire" for t in themes.values()) == 5
    assert {t.discipline for t in themes.values()} == {"interdisciplinaire", "histoire-des-arts", "emi"}


# The list of themes of the 2026-2027 call (seed 004), by file name.
CALL_2026 = [
    "premier-degre", "arts-plastiques", "documentation", "economie-gestion", "emi", "education-musicale", "eps",
    "histoire-des-arts", "histoire-geographie", "lve", "lettres", "mathematiques", "nsi-1", "nsi-2", "philosophie",
    "physique-chimie", "ses", "sti", "svt-1", "svt-2", "st2s-biotechnologies", "technologie",
]


def test_2026_2027_has_every_theme_of_the_call() -> None:
    themes = of(Theme, "2026-2027")
    assert sorted(rid.rsplit("/", 1)[1] for rid in themes) == sorted(CALL_2026)
    assert "Cybersécurité" in RECORDS["themes/2026-2027/nsi-1"].title
    assert "filles-garçons" in RECORDS["themes/2026-2027/nsi-2"].title
    svt1, svt2 = RECORDS["themes/2026-2027/svt-1"], RECORDS["themes/2026-2027/svt-2"]
    assert "Une seule santé" in svt1.title and svt1.year == 1
    assert svt2.year == 2 and svt2.requires == ["themes/2025-2026/svt"]
    assert RECORDS["themes/2025-2026/svt"].year == 1


def test_2026_2027_has_teams_to_count() -> None:
    teams = of(Team, "2026-2027")
    outcomes = {t.outcome for t in teams.values()}
    assert {"retenu", "non-retenu"} <= outcomes  # decided: the selection date is past
    assert any(t.discipline == "premier-degre" and t.pilot.corps == "ien-1d" and t.dasen_agreement
               for t in teams.values())
    assert of(Scenario, "2026-2027")


LETTER = {  # discipline -> académie named by the letter of January 2026 (seed 003), or None
    "physique-chimie": None, "lettres": "strasbourg", "education-musicale": None, "technologie": None,
    "arts-plastiques": "poitiers", "ses": None, "svt": None, "histoire-geographie": None, "lve": "nancy-metz",
    "histoire-des-arts": None,
}


def test_ten_emblematic_scenarios_of_2024_2025() -> None:
    scenarios = of(Scenario, "2024-2025")
    assert len(scenarios) == 10
    by_discipline = {s.disciplines[0]: s for s in scenarios.values()}
    assert sorted(by_discipline) == sorted(LETTER)
    for discipline, academie in LETTER.items():
        if academie:
            assert by_discipline[discipline].academie == academie
    assert all(s.ai and s.ai.tools and s.ai.personal_data for s in scenarios.values())


@pytest.mark.parametrize(
    ("discipline", "tool", "kind"),
    [
        ("physique-chimie", "Chat-MD", "commun-public"),
        ("ses", "Chat-MD", "commun-public"),
        ("ses", "H5P", "logiciel-libre"),
        ("technologie", "Éléa", "commun-public"),
        ("technologie", "Maqueen", "plateforme-privee"),
        ("svt", "Vittascience", "plateforme-privee"),
    ],
)
def test_tools_of_the_letter_have_the_right_kind(discipline: str, tool: str, kind: str) -> None:
    (scenario,) = [s for s in of(Scenario, "2024-2025").values() if s.disciplines[0] == discipline]
    assert [t.kind for t in scenario.tools if tool in t.name] == [kind]


def test_people_are_placeholders() -> None:
    text = "\n".join(codec.dump(r) for r in RECORDS.values())
    emails = set(re.findall(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", text))
    assert emails and all(e.endswith("@example.org") for e in emails), emails
    for team in of(Team).values():
        people = [team.pilot, team.referent, team.cardie, *team.teachers]
        assert all("exemple" in person.name for person in people)


def test_governance_has_one_national_and_two_academic_reviewers() -> None:
    reviewers = RECORDS["governance/reviewers"].reviewers
    assert sorted(r.role for r in reviewers) == ["academique", "academique", "national"]
    assert all(re.fullmatch(r"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} \S+", r.public_key)
               for r in reviewers)


def test_2026_themes_keep_the_official_title_and_a_short_one_for_lists():
    """Titles follow the call's list word for word; the paraphrases used in lists are short titles."""
    from records.demo.themes_2026 import THEMES_2026

    assert THEMES_2026["nsi-2"].title == "Thématique 2 : Égalité filles-garçons"
    assert THEMES_2026["nsi-2"].short_title == "Égalité filles-garçons en informatique"
    assert THEMES_2026["lettres"].title.endswith("Quels points de vigilance ?")
    for theme in THEMES_2026.values():
        assert theme.short_title != theme.title
