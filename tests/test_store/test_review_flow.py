"""The whole review path through the real ``traam`` command, with the derived states checked at every step.

A teacher contributes → the académie reviewer asks for changes → the teacher
fixes → the académie validates → the nation validates. Three clones of one
bare remote, real keys, real signed merges, real pushes.
"""

from __future__ import annotations

import json

from store.commons import Commons
from store.review import states
from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, SCENARIO_ID, make_world, scenario


def _states(root) -> dict[str, str]:
    """The states of the two scenarios, in process (Commons + record_states) and as ``traam status`` prints them."""
    commons = Commons.open(root)
    found = states.record_states(commons, commons.load())
    wanted = {rid: found[rid] for rid in (NEW_ID, SCENARIO_ID) if rid in found}
    for rid, state in wanted.items():
        if rid == NEW_ID:
            done = run_traam("status", rid, "--json", cwd=root)
            assert done.returncode == 0, done.stderr
            assert json.loads(done.stdout)["state"] == state
    return wanted


def _ok(done):
    assert done.returncode == 0, done.stderr + done.stdout
    return done.stdout


def test_teacher_to_nation(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    lille = world.clone("lille", signing="lille")
    nation = world.clone("nation", signing="nation")
    assert _states(teacher) == {SCENARIO_ID: "national"}  # the trust root's records

    # The teacher contributes: a draft until pushed, then proposed.
    _ok(run_traam("contrib", "start", "herbier", "--academie", "lille", cwd=teacher))
    target = teacher / f"{NEW_ID}.toml"
    target.write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Créer l'herbier")
    assert _states(teacher) == {NEW_ID: "brouillon", SCENARIO_ID: "national"}
    _ok(run_traam("submit", cwd=teacher))
    assert _states(teacher)[NEW_ID] == "propose"

    # The académie reviewer sees it in the queue, with the field diff and the rule report, and asks for changes.
    queue = json.loads(_ok(run_traam("review", "list", "--json", cwd=lille)))
    assert [item["branch"] for item in queue] == ["contrib/lille/herbier"]
    assert queue[0]["author"] == "Camille Test" and queue[0]["target"] == "academie/lille"
    assert {c["key"] for c in queue[0]["merge"]["changes"][NEW_ID]} >= {"title", "summary"}
    assert [p for p in queue[0]["merge"]["problems"] if p["severity"] == "error"] == []  # warnings: no licence yet
    _ok(run_traam("review", "request-changes", "contrib/lille/herbier", "-m", "Merci de compléter.",
                  "--record", NEW_ID, "-m", "Ajoutez la durée.", cwd=lille))
    assert json.loads(_ok(run_traam("review", "list", "--json", cwd=lille))) == []

    git(teacher, "fetch", "-q")
    assert _states(teacher)[NEW_ID] == "modifications"
    shown = _ok(run_traam("status", NEW_ID, cwd=teacher))
    assert f"{NEW_ID} : Modifications demandées" in shown
    assert "Merci de compléter." in shown and "sur cet enregistrement : Ajoutez la durée." in shown

    # The teacher fixes: a draft again until pushed, then proposed again.
    target.write_text(scenario("Herbier numérique", duration="3 séances"), encoding="utf-8")
    git(teacher, "commit", "-q", "-am", "Ajouter la durée")
    assert _states(teacher)[NEW_ID] == "brouillon"
    _ok(run_traam("submit", cwd=teacher))
    assert _states(teacher)[NEW_ID] == "propose"

    # The académie validates (signed merge, pushed).
    out = _ok(run_traam("review", "approve", "contrib/lille/herbier", cwd=lille))
    assert "academie/lille" in out
    git(teacher, "fetch", "-q")
    assert _states(teacher) == {NEW_ID: "academique", SCENARIO_ID: "national"}

    # The nation validates the académie branch.
    queue = json.loads(_ok(run_traam("review", "list", "--json", cwd=nation)))
    assert [item["branch"] for item in queue] == ["academie/lille"]
    _ok(run_traam("review", "approve", "academie/lille", cwd=nation))
    git(teacher, "fetch", "-q")
    assert _states(teacher) == {NEW_ID: "national", SCENARIO_ID: "national"}

    message = git(nation, "log", "-1", "--format=%B", "origin/main")
    assert "Validation: nationale" in message and "Académie: lille" in message
    assert "Discipline: svt" in message and "Campagne: 2026-2027" in message
    done = run_traam("verify", cwd=nation)
    assert done.returncode == 0, done.stdout
    assert "main : 1 validation signée" in done.stdout


def test_refused_contribution_is_not_proposed(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    lille = world.clone("lille", signing="lille")
    _ok(run_traam("contrib", "start", "essai", "--academie", "lille", cwd=teacher))
    (teacher / f"{NEW_ID}.toml").write_text(scenario("Essai"), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Essai")
    _ok(run_traam("submit", cwd=teacher))
    _ok(run_traam("review", "refuse", "contrib/lille/essai", "-m", "Hors sujet.", cwd=lille))
    git(teacher, "fetch", "-q")
    assert _states(teacher)[NEW_ID] == "refuse"  # « Refusé », no longer « Brouillon » nor « Proposé »
    assert states.contribution_status(teacher, "contrib/lille/essai").decision == "refus"
    everything = json.loads(_ok(run_traam("review", "list", "--json", "--tout", cwd=lille)))
    assert everything[0]["decision"]["decision"] == "refus"
    assert git(lille, "ls-remote", "origin", "refs/heads/contrib/lille/essai") != ""  # the branch stays
