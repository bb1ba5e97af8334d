"""The form model: specs generated from the models, values ⇄ tables, problems attached to fields."""

from __future__ import annotations

import pytest

from records import codec, layout, templates
from records.models import MODELS
from tests.test_tui.world import records
from tui import form


@pytest.mark.parametrize("record_id", sorted(records()))
def test_values_round_trip_to_the_same_canonical_record(record_id):
    record = records()[record_id]
    specs = form.specs_for(type(record))
    path = layout.path_of(record_id)
    values = form.values_of(specs, codec.to_table(record))
    table, problems = form.table_of(specs, values, path)
    rebuilt, text, check_problems = form.check(path, table)
    assert problems == [] and check_problems == []
    assert rebuilt == record
    assert text == codec.dump(record)


def test_controls_follow_the_model():
    specs = {s.key: s for s in form.specs_for(MODELS["team"])}
    assert specs["academie"].control == "select" and ("Lille", "lille") in specs["academie"].options
    assert specs["pilot.corps"].control == "select"
    assert specs["summary"].control == "text"
    assert specs["teachers"].control == "tables"
    assert specs["cardie.name"].optional_parent == "cardie"
    assert specs["duration"].options == (("1", 1), ("2", 2))
    scenario = {s.key: s for s in form.specs_for(MODELS["scenario"])}
    assert scenario["crcn"].control == "multi" and scenario["levels"].control == "multi"
    assert scenario["created"].control == "date" and scenario["keywords"].control == "lines"
    assert scenario["licence"].default is None  # no default: the authors choose the rights of use
    assert scenario["illustrative"].control == "line" or scenario["illustrative"].key == "illustrative"


def test_empty_optional_table_is_left_out_but_a_partial_one_is_checked():
    specs = form.specs_for(MODELS["team"])
    record = records()["teams/2026-2027/svt/lille"]
    values = form.values_of(specs, codec.to_table(record))
    values.update({"cardie.name": "", "cardie.email": "", "cardie.school": ""})
    table, _ = form.table_of(specs, values, "teams/2026-2027/svt/lille.toml")
    assert "cardie" not in table
    values["cardie.school"] = "Lycée Exemple"
    table, _ = form.table_of(specs, values, "teams/2026-2027/svt/lille.toml")
    _, _, problems = form.check("teams/2026-2027/svt/lille.toml", table)
    assert [p.key for p in problems] == ["cardie.name"]
    assert form.spec_for_problem(specs, problems[0]).key == "cardie.name"


def test_problem_of_a_table_item_belongs_to_the_list_field():
    specs = form.specs_for(MODELS["scenario"])
    record = records()["scenarios/2026-2027/svt/lille/biodiversite-cour"]
    path = "scenarios/2026-2027/svt/lille/biodiversite-cour.toml"
    values = form.values_of(specs, codec.to_table(record))
    values["tools"] = [{"name": "Capytale", "kind": "propriétaire", "url": ""}]
    table, read = form.table_of(specs, values, path)
    _, _, problems = form.check(path, table)
    assert read == [] and [p.key for p in problems] == ["tools.0.kind"]
    assert form.spec_for_problem(specs, problems[0]).key == "tools"


def test_list_of_tables_has_one_sub_form_per_item_with_the_item_fields():
    specs = {s.key: s for s in form.specs_for(MODELS["team"])}
    teacher = {s.key: s for s in specs["teachers"].item_specs}
    assert list(teacher) == ["name", "school", "degree", "track", "email"]
    assert teacher["name"].label == "Nom" and teacher["name"].required
    assert teacher["degree"].control == "select" and teacher["degree"].default == "second-degre"
    steps = {s.key: s for s in form.specs_for(MODELS["scenario"]) if s.key == "steps"}["steps"]
    assert [s.control for s in steps.item_specs] == ["input", "input", "text"]


def test_blank_items_are_dropped_and_empty_optional_sub_fields_left_out():
    specs = form.specs_for(MODELS["team"])
    teachers = next(s for s in specs if s.key == "teachers")
    record = records()["teams/2026-2027/svt/lille"]
    path = "teams/2026-2027/svt/lille.toml"
    values = form.values_of(specs, codec.to_table(record))
    assert values["teachers"][0] == {"name": "Enseignant 1", "school": "Collège Exemple",
                                     "degree": "second-degre", "track": None, "email": ""}
    values["teachers"].insert(1, form.blank_item(teachers))
    values["teachers"].append({**form.blank_item(teachers), "name": "Enseignante 4"})
    table, read = form.table_of(specs, values, path)
    assert read == [] and table["teachers"][1] == {"name": "Enseignant 2", "school": "Collège Exemple",
                                                   "degree": "second-degre"}
    rebuilt, text, problems = form.check(path, table)
    assert problems == [] and [t.name for t in rebuilt.teachers][-1] == "Enseignante 4"
    assert '    { name = "Enseignante 4" },\n' in text and "email" not in text and "degree" not in text
    values["teachers"] = [form.blank_item(teachers)]
    assert "teachers" not in form.table_of(specs, values, path)[0]


def test_bad_date_is_reported_on_its_field():
    specs = form.specs_for(MODELS["campaign"])
    values = form.values_of(specs, codec.to_table(records()["campaigns/2026-2027"]))
    values["selection"] = "15/06/2026"
    table, _ = form.table_of(specs, values, "campaigns/2026-2027.toml")
    _, _, problems = form.check("campaigns/2026-2027.toml", table)
    assert [(p.key, p.message) for p in problems] == [("selection", "selection : date attendue (AAAA-MM-JJ)")]


def test_new_record_ids_come_from_the_fields():
    table = templates.table("scenario", campaign="2026-2027")
    table.update(disciplines=["svt"], academie="lille", title="Mares et têtards")
    assert templates.record_id_of("scenario", table) == "scenarios/2026-2027/svt/lille/mares-et-tetards"
    assert templates.record_id_of("team", {"campaign": "2026-2027", "discipline": "nsi", "academie": "lyon"}) == \
        "teams/2026-2027/nsi/lyon"
    assert templates.record_id_of("team", {"campaign": "2026-2027", "discipline": "nsi", "academie": "lyon",
                                           "theme": "nsi-2"}) == "teams/2026-2027/nsi-2/lyon"
