"""Tests of an académie branch catching up with main: fast-forward, or a signed merge that brings new governance."""

from __future__ import annotations

from store.review import verify
from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, SCENARIO_ID, edit, make_world, merge, reviewer_toml, scenario


def test_catch_up_brings_main_governance_to_the_academie_branch(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    git(seed, "config", "user.signingkey", str(world.keys["lille"].private))
    # academie/lille holds a validation that main does not have yet.
    edit(seed, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario("Herbier")})
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    # Meanwhile the nation adds a Lille reviewer (the stranger's key) to governance on main.
    rules = world.governance + reviewer_toml("Ami", "ami@ac-lille.fr", "academique", world.keys["stranger"],
                                             academies=["lille"])
    edit(seed, "contrib/lille/gouvernance", {"governance/reviewers.toml": rules}, base="main")
    merge(seed, "main", "contrib/lille/gouvernance", key=world.keys["nation"])
    git(seed, "switch", "-q", "main")

    # Before catching up, the new reviewer is unknown to academie/lille's governance.
    edit(seed, "contrib/lille/suite", {f"{SCENARIO_ID}.toml": scenario(duration="2 h")}, base="academie/lille")
    git(seed, "switch", "-q", "main")
    refused = run_traam("review", "approve", "contrib/lille/suite", "--key", str(world.keys["stranger"].private),
                        cwd=seed)
    assert refused.returncode == 1 and "gouvernance" in refused.stderr

    done = run_traam("review", "sync", "lille", cwd=seed)
    assert done.returncode == 0, done.stderr
    assert "fusionne main" in done.stdout
    report = verify.verify_branch(seed, "academie/lille")
    assert report.ok, report.problems
    assert git(seed, "show", "academie/lille:governance/reviewers.toml") == rules

    done = run_traam("review", "approve", "contrib/lille/suite", "--key", str(world.keys["stranger"].private),
                     cwd=seed)
    assert done.returncode == 0, done.stderr
    assert verify.verify_branch(seed, "academie/lille").ok


def test_catch_up_fast_forwards_after_national_validation(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario("Herbier")})
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    merge(seed, "main", "academie/lille", key=world.keys["nation"])
    git(seed, "switch", "-q", "main")
    done = run_traam("review", "sync", "lille", cwd=seed)
    assert done.returncode == 0, done.stderr
    assert "avance jusqu'à main" in done.stdout
    assert git(seed, "rev-parse", "academie/lille") == git(seed, "rev-parse", "main")
    assert verify.verify_branch(seed, "academie/lille").ok
    assert "rien à faire" in run_traam("review", "sync", "lille", cwd=seed).stdout
