"""Tests every rule of the cahier des charges with one passing and one failing fixture."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records import codec, rules
from records.demo._people import team
from records.models import (
    AiUse,
    Campaign,
    Deliverable,
    Governance,
    Manifest,
    Model,
    Person,
    Reviewer,
    Scenario,
    Synthesis,
    Theme,
)
from tests.test_records.strategies import RECORDS, path_of

KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICl1d8PxXWU2apZl3mKo9IBpkbGkJDbn9k7HPBOot73L a@example.org"
KEY_B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAw2x0zDEp9DqhB8LeUgTm2YG9G37ec8+cPF0cpIeRI9 b@example.org"


def change(record: Model, **update) -> Model:
    """Return a validated copy of ``record`` with ``update`` applied (models are frozen)."""
    return type(record).model_validate({**record.model_dump(), **update})


def campaign(code: str, quota: int = 5) -> Campaign:
    start = int(code[:4])
    return Campaign(
        code=code, title=f"Campagne {code}", call_opens=dt.date(start, 2, 1), proposals_due=dt.date(start, 3, 31),
        selection=dt.date(start, 6, 15), work_starts=dt.date(start, 9, 1), work_ends=dt.date(start + 1, 4, 30),
        teams_per_discipline=quota,
    )


def base() -> dict[str, Model]:
    """A small commons that breaks no rule: two campaigns, a two-year SVT theme, a team, a scenario, governance."""
    return {
        "campaigns/2025-2026": campaign("2025-2026"),
        "campaigns/2026-2027": campaign("2026-2027"),
        "themes/2025-2026/svt": Theme(campaign="2025-2026", discipline="svt", title="Bases de données (année 1)"),
        "themes/2026-2027/svt-1": Theme(campaign="2026-2027", discipline="svt", title="Une seule santé"),
        "themes/2026-2027/svt-2": Theme(campaign="2026-2027", discipline="svt", title="Bases de données (année 2)",
                                        year=2, requires=["themes/2025-2026/svt"]),
        "themes/2026-2027/premier-degre": Theme(campaign="2026-2027", discipline="premier-degre", title="STIAM"),
        "teams/2026-2027/svt-1/lyon": team("2026-2027", "svt", "lyon", theme="svt-1", project_title="Projet"),
        "scenarios/2026-2027/svt/lyon/s": Scenario(
            campaign="2026-2027", disciplines=["svt"], academie="lyon", theme="svt-1", title="Scénario",
            ai=AiUse(tools=["Vittascience"], personal_data="Aucune donnée personnelle."),
            publication_url="https://example.org/s", licence="CC-BY-4.0", crcn=["1.1"],
            edubase_url="https://edubase.example.org/notice/1",
        ),
        "governance/reviewers": Governance(reviewers=[
            Reviewer(name="N", principal="n@example.org", role="national", public_key=KEY_A),
            Reviewer(name="L", principal="l@example.org", role="academique", academies=["lille"], public_key=KEY_B),
        ]),
    }


Mutation = Callable[[dict[str, Model]], None]


def edit(record_id: str, **update) -> Mutation:
    def apply(records: dict[str, Model]) -> None:
        records[record_id] = change(records[record_id], **update)

    return apply


def add(record_id: str, record: Model) -> Mutation:
    def apply(records: dict[str, Model]) -> None:
        records[record_id] = record

    return apply


def remove(record_id: str) -> Mutation:
    def apply(records: dict[str, Model]) -> None:
        del records[record_id]

    return apply


def both(*mutations: Mutation) -> Mutation:
    def apply(records: dict[str, Model]) -> None:
        for mutation in mutations:
            mutation(records)

    return apply


def nothing(records: dict[str, Model]) -> None:
    return None


TEAM = "teams/2026-2027/svt-1/lyon"
SCENARIO = "scenarios/2026-2027/svt/lyon/s"
GOV = "governance/reviewers"
FIRST_DEGREE = "teams/2026-2027/premier-degre/dijon"


def first_degree(**update) -> Mutation:
    return add(FIRST_DEGREE, change(team("2026-2027", "premier-degre", "dijon", theme="premier-degre",
                                         project_title="P"), **update))


def selected(academies: list[str]) -> Mutation:
    return both(*(add(f"teams/2026-2027/svt-1/{a}", team("2026-2027", "svt", a, theme="svt-1", project_title="P"))
                  for a in academies))


def year_two_team(with_year_one: bool) -> Mutation:
    steps = [remove(TEAM), add("teams/2026-2027/svt-2/lyon", change(base()[TEAM], theme="svt-2", duration=2)),
             edit(SCENARIO, theme="svt-2")]
    if with_year_one:
        steps.append(add("teams/2025-2026/svt/lyon", team("2025-2026", "svt", "lyon", theme="svt",
                                                          project_title="Année 1")))
    return both(*steps)


def old_campaign(academie: str) -> Mutation:
    """Add the 2019-2020 campaign, its SVT theme and a team of ``academie`` on it."""
    return both(add("campaigns/2019-2020", campaign("2019-2020")),
                add("themes/2019-2020/svt", Theme(campaign="2019-2020", discipline="svt", title="SVT 2019")),
                add(f"teams/2019-2020/svt/{academie}", team("2019-2020", "svt", academie, theme="svt",
                                                            project_title="P")))


def ended_campaign_scenario(**update) -> Mutation:
    """Add a 2025-2026 team and its published scenario (that campaign's work ended on 30 April 2026)."""
    return both(add("teams/2025-2026/svt/lyon", team("2025-2026", "svt", "lyon", theme="svt", project_title="P")),
                add("scenarios/2025-2026/svt/lyon/s", change(base()[SCENARIO], campaign="2025-2026", theme="svt",
                                                             **update)))


def reviewers(*items: Reviewer) -> Mutation:
    return add(GOV, Governance(reviewers=list(items)))


SYNTHESIS = "syntheses/2026-2027/svt-1"
_GOOD = Synthesis(campaign="2026-2027", theme="svt-1", title="Bilan", authors=[Person(name="Expert (exemple)")],
                  scenarios=[SCENARIO], deliverables=[Deliverable(kind="module-magistere", title="Parcours"),
                                                      Deliverable(kind="infographie", title="Infographie")])


def synthesis(record_id: str = SYNTHESIS, **update) -> Mutation:
    return add(record_id, change(_GOOD, **update))


_N = Reviewer(name="N", principal="n@example.org", role="national", public_key=KEY_A)

# rule id -> (passing mutation, failing mutation), both applied to base().
FIXTURES: dict[str, tuple[Mutation, Mutation]] = {
    "campagne-calendrier": (nothing, edit("campaigns/2026-2027", selection=dt.date(2026, 3, 1))),
    "campagne-existe": (nothing, add("themes/2024-2025/svt", Theme(campaign="2024-2025", discipline="svt", title="X"))),
    "theme-prerequis": (nothing, edit("themes/2026-2027/svt-2", requires=["themes/2024-2025/svt"])),
    "equipe-pilote": (
        first_degree(pilot={"name": "IEN (exemple)", "corps": "ien-1d"}),
        edit(TEAM, pilot={"name": "IEN (exemple)", "corps": "ien-1d"}),
    ),
    "equipe-enseignants": (nothing, edit(TEAM, teachers=[{"name": "A"}, {"name": "B"}])),
    "equipe-referent": (nothing, edit(TEAM, referent={"name": " inspecteur·rice PILOTE (Lyon, exemple)"})),
    "equipe-cardie": (nothing, edit(TEAM, cardie=None)),
    "equipe-dasen": (first_degree(), first_degree(dasen_agreement=None)),
    "equipe-theme": (nothing, both(remove(TEAM), add("teams/2026-2027/premier-degre/lyon",
                                                     change(base()[TEAM], theme="premier-degre")),
                                   edit(SCENARIO, theme="premier-degre"))),
    "equipe-quota": (selected(["lille", "nantes", "nice", "paris"]),
                     selected(["lille", "nantes", "nice", "paris", "rennes"])),
    "equipe-annee-2": (year_two_team(with_year_one=True), year_two_team(with_year_one=False)),
    "scenario-equipe": (nothing, add("scenarios/2026-2027/svt/nice/s", change(base()[SCENARIO], academie="nice"))),
    "scenario-theme": (nothing, edit(SCENARIO, theme="svt-9")),
    "scenario-theme-equipe": (nothing, edit(SCENARIO, theme="svt-2")),
    "scenario-ia-donnees": (nothing, edit(SCENARIO, ai={"tools": ["Vittascience"], "personal_data": ""})),
    "scenario-publication": (nothing, edit(SCENARIO, publication_url="http://example.org/s")),
    "equipe-enseignant-unique": (nothing, edit(TEAM, teachers=[{"name": "A"}, {"name": "B"}, {"name": " a"}])),
    "equipe-selection-en-attente": (
        add("teams/2026-2027/svt-1/nice", team("2026-2027", "svt", "nice", theme="svt-1", project_title="P",
                                             outcome="non-retenu")),
        add("teams/2026-2027/svt-1/nice", team("2026-2027", "svt", "nice", theme="svt-1", project_title="P",
                                             outcome="transmis")),
    ),
    "scenario-equipe-retenue": (nothing, edit(TEAM, outcome="non-retenu")),
    "scenario-equipe-en-attente": (nothing, edit(TEAM, outcome="preselectionne")),
    "scenario-droits": (nothing, edit(SCENARIO, licence=None)),
    "scenario-crcn": (nothing, edit(SCENARIO, crcn=[])),
    "commun-organisation": (add("traam", Manifest(name="Commun")), add("traam", Manifest(name="Commun", schema_version=1))),
    "synthese-theme": (synthesis(), synthesis("syntheses/2026-2027/svt-3", theme="svt-3")),
    "synthese-liens": (synthesis(), synthesis(scenarios=["scenarios/2026-2027/svt/lyon/absent"])),
    "synthese-etape": (synthesis("syntheses/2025-2026/svt", campaign="2025-2026", theme="svt", stage="intermediaire",
                                 scenarios=[], deliverables=[]),
                       synthesis(stage="intermediaire")),
    "synthese-experts": (synthesis(), synthesis(authors=[])),
    "synthese-productions": (synthesis(), synthesis(deliverables=[Deliverable(kind="capsule-video", title="V")])),
    "equipe-duree": (year_two_team(with_year_one=True), edit(TEAM, duration=2)),
    "theme-annee-2": (nothing, edit("themes/2026-2027/svt-2", requires=["themes/2026-2027/svt-1"])),
    "equipe-copilote": (edit(TEAM, copilot={"name": "IEN-ET (exemple)", "corps": "ien-et"}),
                        edit(TEAM, copilot={"name": "IEN (exemple)", "corps": "ien-1d"})),
    "academie-periode": (old_campaign("caen"), selected(["caen"])),
    "equipe-region": (edit(TEAM, region="auvergne-rhone-alpes"), edit(TEAM, region="bretagne")),
    "scenario-publication-ouverte": (nothing, edit(SCENARIO, publication_url="https://ent.ac-lyon.fr/traam/s")),
    "scenario-edubase": (ended_campaign_scenario(), ended_campaign_scenario(edubase_url=None)),
    "gouvernance-principal": (nothing, reviewers(_N, change(_N, name="Autre", public_key=KEY_B))),
}

ALSO_REPORTED: dict[str, set[str]] = {
    # A scenario's team must exist and work on an existing theme, and the scenario on its team's theme:
    # a scenario on a missing theme is therefore also off its team's theme.
    "scenario-theme": {"scenario-theme-equipe"},
    # A candidacy still waiting after the selection date is late, whatever its scenarios.
    "scenario-equipe-en-attente": {"equipe-selection-en-attente"},
}
"""Rules whose failing fixture cannot help breaking another rule as well."""


def _check(mutation: Mutation) -> list:
    records = base()
    mutation(records)
    return rules.check(records)


def test_base_corpus_breaks_no_rule() -> None:
    assert rules.check(base()) == []


def test_every_rule_has_fixtures() -> None:
    """Adding a rule without a passing and a failing fixture fails here."""
    assert sorted(FIXTURES) == sorted(rule.id for rule in rules.RULES)
    assert len({rule.id for rule in rules.RULES}) == len(rules.RULES)


@pytest.mark.parametrize("rule_id", [rule.id for rule in rules.RULES])
def test_passing_fixture(rule_id: str) -> None:
    passing, _ = FIXTURES[rule_id]
    assert [p for p in _check(passing) if p.rule == rule_id] == []


@pytest.mark.parametrize("rule_id", [rule.id for rule in rules.RULES])
def test_failing_fixture_reports_exactly_that_rule(rule_id: str) -> None:
    _, failing = FIXTURES[rule_id]
    found = _check(failing)
    assert {p.rule for p in found} == {rule_id} | ALSO_REPORTED.get(rule_id, set()), [str(p) for p in found]
    rule = next(r for r in rules.RULES if r.id == rule_id)
    for problem in found:
        if problem.rule == rule_id:
            assert problem.severity == rule.severity
            assert problem.message and problem.key
            assert str(problem).startswith(f"{problem.path}:")


def test_rule_problems_point_at_the_faulty_line_with_the_text() -> None:
    records = base()
    records[TEAM] = change(records[TEAM], cardie=None, teachers=[{"name": "A"}])
    texts = {rid: codec.dump(record) for rid, record in records.items()}
    found = {p.rule: p for p in rules.check(records, text_of=texts.get)}
    lines = texts[TEAM].splitlines()
    teachers = found["equipe-enseignants"]
    assert lines[teachers.line - 1].startswith("teachers = [") and teachers.column == 1
    assert found["equipe-cardie"].line == 1  # absent key: the whole record
    assert found["equipe-cardie"].path == TEAM + ".toml"


def test_only_restricts_the_report_but_rules_see_everything() -> None:
    records = base()
    FIXTURES["equipe-quota"][1](records)
    assert rules.check(records, only={"teams/2026-2027/svt-1/lyon"}) == []
    reported = rules.check(records, only={"teams/2026-2027/svt-1/rennes"})
    assert [p.rule for p in reported] == ["equipe-quota"]


def test_messages_are_french() -> None:
    _, failing = FIXTURES["equipe-enseignants"]
    (problem,) = _check(failing)
    assert problem.message == "2 enseignants seulement, au moins 3 attendus"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(*RECORDS.values()), max_size=8))
def test_rules_never_raise_on_any_valid_records(items: list[Model]) -> None:
    records = {path_of(item).removesuffix(".toml"): item for item in items}
    texts = {rid: codec.dump(item) for rid, item in records.items()}
    for problem in rules.check(records, text_of=texts.get):
        assert problem.rule in FIXTURES and problem.line >= 1 and problem.message


def test_rules_apply_by_the_campaign_cahier_des_charges() -> None:
    """The 2016 call asked for no CARDIE representative and counted four to eight académies per theme."""
    records = base()
    records[TEAM] = change(records[TEAM], cardie=None)
    assert {p.rule for p in rules.check(records)} == {"equipe-cardie"}
    records["campaigns/2026-2027"] = change(records["campaigns/2026-2027"], cahier="2016", quota_scope="theme",
                                            teams_per_discipline=8, teams_minimum=4)
    assert rules.check(records) == []


def test_a_quota_per_theme_counts_the_teams_of_each_theme() -> None:
    records = base()
    records["campaigns/2026-2027"] = change(records["campaigns/2026-2027"], quota_scope="theme",
                                            teams_per_discipline=1)
    selected(["nice"])(records)
    assert {p.rule for p in rules.check(records)} == {"equipe-quota"}
    records["teams/2026-2027/svt-2/nice"] = change(records.pop("teams/2026-2027/svt-1/nice"), theme="svt-2")
    assert "equipe-quota" not in {p.rule for p in rules.check(records)}


def test_an_undecided_candidacy_is_late_only_after_the_selection_date() -> None:
    records = base()
    records[TEAM] = change(records[TEAM], outcome="preselectionne")
    before = rules.check(records, today=dt.date(2026, 5, 1))
    after = rules.check(records, today=dt.date(2026, 7, 1))
    assert "equipe-selection-en-attente" not in {p.rule for p in before}
    assert "equipe-selection-en-attente" in {p.rule for p in after}


def test_a_year_two_team_follows_a_retained_year_one_team() -> None:
    records = base()
    year_two_team(with_year_one=True)(records)
    records["teams/2025-2026/svt/lyon"] = change(records["teams/2025-2026/svt/lyon"], outcome="non-retenu")
    (problem,) = [p for p in rules.check(records) if p.rule == "equipe-annee-2"]
    assert "n'a pas été retenue" in problem.message


def test_a_year_two_theme_names_a_prerequisite_of_an_earlier_campaign() -> None:
    records = base()
    records["themes/2026-2027/svt-2"] = change(records["themes/2026-2027/svt-2"], requires=[])
    (problem,) = rules.check(records)
    assert (problem.rule, problem.key) == ("theme-annee-2", "requires")
    records["themes/2026-2027/svt-2"] = change(records["themes/2026-2027/svt-2"], requires=["themes/2027-2028/svt"])
    assert {p.rule for p in rules.check(records)} == {"theme-annee-2", "theme-prerequis"}


def test_a_two_year_team_is_allowed_on_a_theme_that_says_it_runs_two_years() -> None:
    records = base()
    records[TEAM] = change(records[TEAM], duration=2)
    assert [p.rule for p in rules.check(records)] == ["equipe-duree"]
    records["themes/2026-2027/svt-1"] = change(records["themes/2026-2027/svt-1"], duration=2)
    assert rules.check(records) == []


def test_the_copilot_is_another_person_than_the_pilot() -> None:
    records = base()
    pilot = records[TEAM].pilot  # type: ignore[attr-defined]
    records[TEAM] = change(records[TEAM], copilot=pilot.model_dump())
    (problem,) = rules.check(records)
    assert (problem.rule, problem.key) == ("equipe-copilote", "copilot.name")


def test_historical_academies_follow_the_2020_merger() -> None:
    """Caen and Rouen until the 2019-2020 campaign (it straddles 1 January 2020), Normandie from 2019-2020 on."""
    for academie, ok in (("caen", True), ("rouen", True), ("normandie", True)):
        records = base()
        old_campaign(academie)(records)
        assert (rules.check(records) == []) is ok, academie
    records = base()
    records["campaigns/2018-2019"] = campaign("2018-2019")
    records["themes/2018-2019/svt"] = Theme(campaign="2018-2019", discipline="svt", title="SVT 2018")
    records["teams/2018-2019/svt/normandie"] = team("2018-2019", "svt", "normandie", theme="svt", project_title="P")
    (problem,) = rules.check(records)
    assert problem.rule == "academie-periode" and "n'existe pas encore" in problem.message


def test_no_region_before_the_regions_academiques() -> None:
    records = base()
    records["campaigns/2015-2016"] = campaign("2015-2016")
    records["themes/2015-2016/svt"] = Theme(campaign="2015-2016", discipline="svt", title="SVT 2015")
    records["teams/2015-2016/svt/lyon"] = change(team("2015-2016", "svt", "lyon", theme="svt", project_title="P"),
                                                 region="auvergne-rhone-alpes")
    (problem,) = rules.check(records)
    assert problem.rule == "equipe-region" and "2015-2016" in problem.message


@pytest.mark.parametrize(("url", "closed"), [
    ("https://www.ac-lyon.fr/svt/traam/scenario-1", False),
    ("https://pedagogie.ac-toulouse.fr/svt/ent-et-numerique", False),
    ("https://edubase.eduscol.education.fr/fiche/123", False),
    ("https://nom:secret@www.ac-lyon.fr/s", True),
    ("https://nom@www.ac-lyon.fr/s", True),
    ("https://ent.ac-lyon.fr/s", True),
    ("https://intranet.ac-paris.fr/s", True),
    ("https://lycee-exemple.monlycee.net/s", True),
    ("https://ac-lyon.elea.apps.education.fr/course/view.php?id=3", True),
    ("https://www.ac-lyon.fr/cas/login?service=x", True),
    ("https://site.example.org/wp-admin/post.php", True),
    ("https://magistere.education.fr/ac-lyon/course/view.php", True),
])
def test_open_publication_refuses_what_the_address_shows_closed(url: str, closed: bool) -> None:
    from records.rules_publication import closed_space

    assert (closed_space(url) is not None) is closed
