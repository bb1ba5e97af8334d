"""Tests that ``traam submit`` refuses a contribution with nothing new, in French (issue 13, item 9)."""

from __future__ import annotations

from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, make_world, scenario


def test_an_empty_contribution_is_not_submitted(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    assert run_traam("contrib", "start", "vide", "--academie", "lille", cwd=teacher).returncode == 0
    done = run_traam("submit", cwd=teacher)
    assert done.returncode == 1
    assert "ne modifie aucun enregistrement" in done.stderr and "Traceback" not in done.stderr
    assert "contrib/lille/vide" not in git(world.remote, "branch", "--list")


def test_resubmitting_without_a_new_commit_after_changes_requested_is_refused(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    assert run_traam("contrib", "start", "herbier", "--academie", "lille", cwd=teacher).returncode == 0
    (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Créer l'herbier")
    assert run_traam("submit", cwd=teacher).returncode == 0
    reviewer = world.clone("lille", signing="lille")
    asked = run_traam("review", "request-changes", "contrib/lille/herbier", "-m", "Précisez la durée.", cwd=reviewer)
    assert asked.returncode == 0, asked.stderr
    git(teacher, "fetch", "-q")
    again = run_traam("submit", cwd=teacher)
    assert again.returncode == 1
    assert "rien de nouveau depuis « modifications demandées »" in again.stderr
    (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique", duration="2 h"), encoding="utf-8")
    git(teacher, "commit", "-q", "-am", "Durée")
    done = run_traam("submit", cwd=teacher)
    assert done.returncode == 0, done.stderr
