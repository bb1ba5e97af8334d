"""History of a record: commits that touched it, authors, messages, field-level changes, commit-graph."""

from __future__ import annotations

import os
import subprocess

from store.commons import Commons
from store.history import has_graph
from tests.conftest import git
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

PATH = f"{SCENARIO_ID}.toml"


def commit_as(root, name: str, email: str, *args: str) -> None:
    """Commit as another person (the fixture's GIT_AUTHOR_* would win over ``-c user.name``)."""
    env = dict(os.environ, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email)
    subprocess.run(["git", "-C", str(root), "commit", "-q", *args], env=env, check=True)


def test_history_with_field_diffs(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    snapshot = commons.load()
    record = snapshot.record(SCENARIO_ID)
    changed = record.model_copy(update={"title": "Nouveau titre", "levels": ["cycle-3", "cycle-4"]})
    saved = commons.save(changed, record_id=SCENARIO_ID, expected_blob=snapshot.blob(SCENARIO_ID))
    (root / "README.md").write_text("autre fichier\n", encoding="utf-8")
    git(root, "add", "README.md")
    commit_as(root, "Dominique Autre", "d@example.org", "-m", "sans rapport")
    (root / PATH).write_text(scenario("Nouveau titre").replace('summary = "Les', 'summary = "Des'), encoding="utf-8")
    commit_as(root, "Dominique Autre", "d@example.org", "-am", "Reformuler le résumé\n\nCorps du message.")
    items = commons.history(SCENARIO_ID)
    assert [i.summary for i in items] == ["Reformuler le résumé", f"Modifier {SCENARIO_ID}", "initial"]
    latest, ours, first = items
    assert latest.author == "Dominique Autre" and latest.email == "d@example.org"
    assert latest.message == "Reformuler le résumé\n\nCorps du message."
    assert [(c.key, c.kind) for c in latest.changes] == [("summary", "changed"), ("levels", "item-removed")]
    assert ours.commit == saved.commit and ours.author == "Camille Test"
    assert [(c.key, c.kind, c.old, c.new) for c in ours.changes] == [
        ("title", "changed", "Défi botanique", "Nouveau titre"),
        ("levels", "item-added", None, "cycle-3"),
    ]
    assert first.old_blob is None and {c.kind for c in first.changes} == {"added"}
    assert latest.date.tzinfo is not None
    assert has_graph(commons.common_dir)
    assert len(commons.history(SCENARIO_ID, limit=1)) == 1


def test_history_of_deleted_record_and_merges(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    git(root, "switch", "-q", "-c", "contrib/lille/defi")
    (root / PATH).write_text(scenario("Proposé"), encoding="utf-8")
    git(root, "commit", "-qam", "proposer")
    git(root, "switch", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "Valider la contribution", "contrib/lille/defi")
    full = [i.summary for i in commons.history(SCENARIO_ID)]
    assert full == ["proposer", "initial"]
    line = commons.history(SCENARIO_ID, first_parent=True)
    assert [i.summary for i in line] == ["Valider la contribution", "initial"]
    assert [(c.key, c.new) for c in line[0].changes] == [("title", "Proposé")]
    commons.delete(SCENARIO_ID, expected_blob=commons.load().blob(SCENARIO_ID))
    gone = commons.history(SCENARIO_ID)[0]
    assert gone.new_blob is None and {c.kind for c in gone.changes} == {"removed"}


def test_history_of_unknown_record_is_empty(tmp_path):
    commons = Commons.open(make_commons(tmp_path / "c"))
    assert commons.history("scenarios/2026-2027/svt/lille/absent") == []
