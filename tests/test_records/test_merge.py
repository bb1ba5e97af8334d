"""Tests the one three-way record merge (records.merge) without git: clean merges, choices, deletions, refusals."""

from __future__ import annotations

import pytest

from records import codec, layout
from records.demo._people import team
from records.merge import WHOLE, choice_in, merge_record, table_of

PATH = "teams/2026-2027/svt-1/lyon.toml"


def _base() -> dict:
    return codec.to_table(team("2026-2027", "svt", "lyon", theme="svt-1", project_title="Projet"))


def test_fields_changed_on_one_side_each_merge_cleanly():
    base = _base()
    ours = {**base, "project_title": "Projet A"}
    theirs = {**base, "summary": "Résumé B"}
    merged = merge_record(PATH, base, ours, theirs)
    assert merged.clean and merged.record is not None
    assert (merged.record.project_title, merged.record.summary) == ("Projet A", "Résumé B")
    assert merged.record_id == "teams/2026-2027/svt-1/lyon"


@pytest.mark.parametrize(("choice", "expected"), [("ours", "Projet A"), ("theirs", "Projet B"), (None, "Projet A")])
def test_a_field_changed_on_both_sides_is_resolved_by_choice(choice, expected):
    base = _base()
    ours, theirs = {**base, "project_title": "Projet A"}, {**base, "project_title": "Projet B"}
    resolutions = {} if choice is None else {"teams/2026-2027/svt-1/lyon:project_title": choice}
    merged = merge_record(PATH, base, ours, theirs, resolutions)
    assert merged.record is not None and merged.record.project_title == expected
    assert [c.name for c in (merged.conflicts if choice is None else merged.resolved)] == [
        "teams/2026-2027/svt-1/lyon:project_title"]
    assert merged.clean is (choice is not None)


def test_french_names_of_the_choices_are_accepted():
    conflict_key = "project_title"
    choose = choice_in({conflict_key: "contribution"})
    base = _base()
    merged = merge_record(PATH, base, {**base, conflict_key: "A"}, {**base, conflict_key: "B"}, choose)
    assert merged.record.project_title == "B"


def test_deleted_on_one_side_and_changed_on_the_other_is_a_whole_record_conflict():
    base = _base()
    merged = merge_record(PATH, base, None, {**base, "summary": "changé"})
    assert [c.key for c in merged.conflicts] == [WHOLE]
    deleted = merge_record(PATH, base, None, {**base, "summary": "changé"}, {WHOLE: "ours"})
    assert deleted.deleted and deleted.clean


def test_a_combination_the_schema_refuses_gives_problems_not_a_record():
    base = _base()
    ours = {**base, "teachers": base["teachers"][:1]}
    theirs = {**base, "duration": 3}
    merged = merge_record(PATH, base, ours, theirs)
    assert merged.record is None and merged.problems
    assert merged.problems[0].path == PATH


def test_table_of_refuses_an_invalid_record():
    with pytest.raises(ValueError):
        table_of(PATH, b"project_title = 3\n")
    assert table_of(PATH, None) is None


@pytest.mark.parametrize("record_id", ["traam", "governance/reviewers", "teams/2026-2027/svt-1/lyon"])
def test_path_and_id_are_inverse(record_id):
    assert layout.id_of(layout.path_of(record_id)) == record_id
