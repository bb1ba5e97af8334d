"""Tests that revocation is final and rollback-resistant (issue 11, item 4; SECURITY.md facts 6 and 12).

Lou's key (academic, Lille) is removed from ``main``'s governance by a
signed national merge. Whatever branch or date a later validation claims,
it no longer counts; what Lou validated before still does. A verifier that
already saw a newer ``main`` refuses an older one.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from store.commons import Commons
from store.review import selection, states
from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, edit, make_world, merge, reviewer_toml, scenario

NEW = f"{NEW_ID}.toml"
OTHER_ID = "scenarios/2026-2027/svt/lille/mare-pedagogique"


def _revoke_lille(world, repo, base: str = "main") -> str:
    """The nation removes Lou's key from governance (a signed national merge); return the merge."""
    rules = (reviewer_toml("Val Versailles", "val@ac-versailles.fr", "academique", world.keys["versailles"],
                           academies=["versailles"])
             + reviewer_toml("Nat Nation", "nat@education.gouv.fr", "national", world.keys["nation"]))
    edit(repo, "contrib/lille/revocation", {"governance/reviewers.toml": rules}, message="Révoquer Lou", base=base)
    return merge(repo, "main", "contrib/lille/revocation", key=world.keys["nation"])


def _validated_then_revoked(tmp_path):
    """Lou validates the herbier into academie/lille (seen by this verifier), then is revoked on main."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/herbier", {NEW: scenario("Herbier")})
    before = merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    assert all(r.ok for r in selection.verify_commons(seed))  # the verifier saw it: remembered
    _revoke_lille(world, seed)
    edit(seed, "contrib/lille/mare", {f"{OTHER_ID}.toml": scenario("Mare")}, base="academie/lille")
    return world, seed, before


def _state(repo, record_id, ref=None):
    commons = Commons.open(repo)
    return states.record_states(commons, commons.load(ref))[record_id]


def test_revoked_key_validates_nothing_new_on_an_academie_branch(tmp_path):
    """academie/lille never merged the new governance: Lou's new merge is refused, the earlier one stays valid."""
    world, seed, before = _validated_then_revoked(tmp_path)
    after = merge(seed, "academie/lille", "contrib/lille/mare", key=world.keys["lille"])
    report = selection.select(seed, "academie/lille")
    assert report.verified == before
    assert report.problems and after[:10] in report.problems[0] and "révoquée" in report.problems[0]
    assert _state(seed, NEW_ID, "academie/lille") == "academique"
    assert _state(seed, OTHER_ID, "academie/lille") != "academique"
    done = run_traam("verify", "academie/lille", cwd=seed)
    assert done.returncode == 1 and "révoquée" in done.stdout


@pytest.mark.parametrize("days", [30, 0])
def test_backdated_validation_by_a_revoked_key_is_refused(tmp_path, days):
    """A merge claiming a date before the revocation is judged by its position in history, not its date."""
    world, seed, _ = _validated_then_revoked(tmp_path)
    date = (dt.datetime.now() - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S")
    merge(seed, "academie/lille", "contrib/lille/mare", key=world.keys["lille"], date=date)
    assert any("révoquée" in p for p in selection.select(seed, "academie/lille").problems)


def test_fork_branched_before_the_revocation_is_refused(tmp_path):
    """A fork of academie/lille made before the revocation, fetched from a real bare remote, counts for nothing new."""
    world = make_world(tmp_path)
    user = world.clone("user")
    lou = world.clone("lou", signing="lille")
    edit(lou, "contrib/lille/herbier", {NEW: scenario("Herbier")}, base="origin/main")
    git(lou, "branch", "academie/lille", "origin/main")
    nat = world.clone("nat", signing="nation")
    _revoke_lille(world, nat, base="origin/main")
    git(nat, "push", "-q", "origin", "main")
    git(user, "pull", "-q", "--ff-only")
    merge(lou, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"],
          date=(dt.datetime.now() - dt.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M:%S"))
    fork = tmp_path / "fork.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(fork))
    git(lou, "push", "-q", fork.as_uri(), "academie/lille")
    git(user, "remote", "add", "fork", fork.as_uri())
    git(user, "fetch", "-q", "fork")
    report = selection.select(user, "academie/lille")
    assert report.ref == "refs/remotes/fork/academie/lille"
    assert any("révoquée" in p for p in report.problems)
    assert _state(user, NEW_ID, "refs/remotes/fork/academie/lille") != "academique"


def test_server_refuses_a_push_signed_by_a_revoked_key(tmp_path):
    """The genuine server (pre-receive hook) refuses Lou's académie push once main revoked Lou's key."""
    world = make_world(tmp_path)
    assert run_traam("hooks", "install", "--server", cwd=world.remote).returncode == 0
    lou = world.clone("lou", signing="lille")
    edit(lou, "contrib/lille/herbier", {NEW: scenario("Herbier")}, base="origin/main")
    merge(lou, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"], base="origin/main")
    assert subprocess.run(["git", "-C", str(lou), "push", "-q", "origin", "academie/lille"],
                          capture_output=True).returncode == 0
    nat = world.clone("nat", signing="nation")
    _revoke_lille(world, nat, base="origin/main")
    done = subprocess.run(["git", "-C", str(nat), "push", "origin", "main"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    edit(lou, "contrib/lille/mare", {f"{OTHER_ID}.toml": scenario("Mare")}, base="academie/lille")
    merge(lou, "academie/lille", "contrib/lille/mare", key=world.keys["lille"])
    done = subprocess.run(["git", "-C", str(lou), "push", "origin", "academie/lille"], capture_output=True, text=True)
    assert done.returncode != 0 and "révoquée" in done.stderr


def test_rollback_of_main_is_refused_until_the_user_forgets(tmp_path):
    """main reset to an older commit, or rebuilt with the remembered tip as second parent: refused in French."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    old = git(seed, "rev-parse", "main").strip()
    _revoke_lille(world, seed)
    assert selection.verify_commons(seed)[0].ok  # remembered: main contains the revocation
    git(seed, "update-ref", "refs/heads/main", old)
    report = selection.select(seed, "main")
    assert not report.ok and "retour en arrière refusé" in report.problems[0]
    done = run_traam("verify", "main", cwd=seed)
    assert done.returncode == 1 and "--oublier-les-sommets" in done.stdout and "Traceback" not in done.stderr
    done = run_traam("verify", "main", "--oublier-les-sommets", cwd=seed)
    assert done.returncode == 0, done.stdout + done.stderr


def test_main_skipping_the_remembered_tip_on_its_first_parents_is_a_rollback(tmp_path):
    """A national merge whose first parent is older than the remembered tip (pre-revocation governance) is refused."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    old = git(seed, "rev-parse", "main").strip()
    revoked = _revoke_lille(world, seed)
    assert selection.verify_commons(seed)[0].ok
    git(seed, "switch", "-q", "-c", "sneaky", old)
    subprocess.run(["git", "-C", str(seed), "-c", "gpg.format=ssh", "-c",
                    f"user.signingkey={world.keys['nation'].private}", "merge", "-q", "--no-ff", "-S",
                    "-m", "Fusion", revoked], check=True, capture_output=True)
    git(seed, "update-ref", "refs/heads/main", git(seed, "rev-parse", "HEAD").strip())
    assert "retour en arrière refusé" in selection.select(seed, "main").problems[0]


def test_status_and_verify_agree_after_a_rollback(tmp_path):
    """After a rollback, status no longer claims « Validé national » for what only the older main had."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/herbier", {NEW: scenario("Herbier")})
    merge(seed, "main", "contrib/lille/herbier", key=world.keys["nation"])
    assert _state(seed, NEW_ID, "main") == "national"
    git(seed, "update-ref", "refs/heads/main", "main~1")
    git(seed, "update-ref", "refs/heads/contrib/lille/herbier", "contrib/lille/herbier")
    assert _state(seed, NEW_ID, "contrib/lille/herbier") == "brouillon"
    assert run_traam("verify", "main", cwd=seed).returncode == 1
