"""What is approved is what was shown: ``approve --tip`` refuses a branch that moved; a forged merge on the
target does not hide a contribution from the queue."""

from __future__ import annotations

from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, make_world, merge, scenario

BRANCH = "contrib/lille/herbier"


def _submitted(world):
    teacher = world.clone("teacher")
    assert run_traam("contrib", "start", "herbier", "--academie", "lille", cwd=teacher).returncode == 0
    (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Créer l'herbier")
    assert run_traam("submit", cwd=teacher).returncode == 0
    return teacher


def test_a_commit_pushed_after_show_is_not_merged_by_that_approval(tmp_path):
    world = make_world(tmp_path)
    teacher = _submitted(world)
    lille = world.clone("lille", signing="lille")
    shown = run_traam("review", "show", BRANCH, cwd=lille)
    shown_tip = git(teacher, "rev-parse", "HEAD").strip()
    assert shown.returncode == 0 and f"pointe : {shown_tip}" in shown.stdout, shown.stdout

    (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique", summary="Jamais montré."), encoding="utf-8")
    git(teacher, "commit", "-q", "-am", "Ajout après la relecture")
    assert run_traam("submit", cwd=teacher).returncode == 0

    done = run_traam("review", "approve", BRANCH, "--tip", shown_tip[:12], cwd=lille)
    assert done.returncode == 1 and "a changé depuis son affichage" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not git(world.remote, "branch", "--list", "academie/lille").strip()

    new_tip = git(teacher, "rev-parse", "HEAD").strip()
    assert run_traam("review", "approve", BRANCH, "--tip", "pas-un-commit", cwd=lille).returncode == 1
    done = run_traam("review", "approve", BRANCH, "--tip", new_tip, cwd=lille)
    assert done.returncode == 0, done.stderr + done.stdout
    assert new_tip in done.stdout
    merged = git(world.remote, "rev-parse", "academie/lille^2").strip()
    assert merged == new_tip


def test_a_forged_merge_on_the_target_does_not_hide_the_contribution(tmp_path):
    world = make_world(tmp_path)
    _submitted(world)
    lille = world.clone("lille", signing="lille")
    git(lille, "fetch", "-q")
    merge(lille, "academie/lille", f"origin/{BRANCH}", key=None)  # unsigned: proves nothing
    listed = run_traam("review", "list", "--no-fetch", "--json", cwd=lille)
    assert listed.returncode == 0, listed.stderr
    assert BRANCH in listed.stdout
