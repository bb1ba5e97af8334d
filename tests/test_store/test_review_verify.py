"""Tests of ``store.review.verify``: every way a validation can be faked is refused, and real ones pass.

Real ssh-keygen keys, real signed merges made with ``git merge -S``; trust comes
from the governance of the parent commit, keys are checked at today's date.
"""

from __future__ import annotations

import datetime as dt

from store.review import verify
from tests.conftest import git
from tests.test_store.review_world import (
    NEW_ID,
    SCENARIO_ID,
    edit,
    make_key,
    make_world,
    merge,
    reviewer_toml,
    scenario,
)

NEW = f"{NEW_ID}.toml"


def _contribution(world, name: str = "contrib/lille/herbier", academie: str = "lille") -> str:
    path = NEW.replace("/lille/", f"/{academie}/")
    return edit(world.tmp / "seed", name, {path: scenario("Herbier numérique", academie=academie)})


def test_signed_academic_and_national_merges_verify(tmp_path):
    """A merge signed by the académie's reviewer, then by a national one, verifies on both branches."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    _contribution(world)
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    merge(seed, "main", "academie/lille", key=world.keys["nation"])
    for branch in ("academie/lille", "main"):
        report = verify.verify_branch(seed, branch)
        assert report.ok, report.problems
        assert report.verified == report.tip
        assert report.merges == 1


def test_unsigned_merge_is_refused(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    _contribution(world)
    bad = merge(seed, "academie/lille", "contrib/lille/herbier", key=None)
    report = verify.verify_branch(seed, "academie/lille")
    assert report.problems == [f"{bad[:10]} : fusion non signée"]
    assert report.verified != bad


def test_unknown_key_is_refused(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    _contribution(world)
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["stranger"])
    report = verify.verify_branch(seed, "academie/lille")
    assert len(report.problems) == 1 and "clé inconnue" in report.problems[0]


def test_reviewer_out_of_scope_is_refused(tmp_path):
    """Versailles' reviewer cannot validate into academie/lille, Lille's a Versailles record or into main."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    _contribution(world)
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["versailles"])
    assert "ne valide pas pour l'académie « lille »" in verify.verify_branch(seed, "academie/lille").problems[0]

    world = make_world(tmp_path / "second")
    seed = world.tmp / "seed"
    _contribution(world, "contrib/lille/intrus", academie="versailles")
    merge(seed, "academie/lille", "contrib/lille/intrus", key=world.keys["lille"])
    assert "d'une autre académie" in verify.verify_branch(seed, "academie/lille").problems[0]

    _contribution(world)
    merge(seed, "main", "contrib/lille/herbier", key=world.keys["lille"])
    assert "rôle de validation nationale" in verify.verify_branch(seed, "main").problems[0]


def test_discipline_scope_is_enforced(tmp_path):
    """A reviewer limited to NSI cannot validate an SVT scenario."""
    key = make_key(tmp_path / "keys2", "nsi")
    extra = reviewer_toml("Noé NSI", "noe@ac-lille.fr", "academique", key, academies=["lille"], disciplines=["nsi"])
    world = make_world(tmp_path, extra)
    seed = world.tmp / "seed"
    _contribution(world)
    merge(seed, "academie/lille", "contrib/lille/herbier", key=key)
    assert "ne valide pas la discipline « svt »" in verify.verify_branch(seed, "academie/lille").problems[0]


def test_merge_adding_its_own_key_to_governance_is_refused(tmp_path):
    """The stranger adds themselves as a national reviewer and signs the merge: the parent does not know them."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    rules = world.governance + reviewer_toml("Intrus", "intrus@example.org", "national", world.keys["stranger"])
    edit(seed, "contrib/lille/gouvernance", {"governance/reviewers.toml": rules})
    bad = merge(seed, "main", "contrib/lille/gouvernance", key=world.keys["stranger"])
    report = verify.verify_branch(seed, "main")
    assert report.problems == [f"{bad[:10]} : signature par une clé inconnue de la gouvernance du parent"]
    # The same change signed by a national reviewer is a legitimate governance change...
    git(seed, "reset", "-q", "--hard", "HEAD~1")
    merge(seed, "main", "contrib/lille/gouvernance", key=world.keys["nation"])
    assert verify.verify_branch(seed, "main").ok
    # ...after which the new reviewer may validate.
    _contribution(world)
    merge(seed, "main", "contrib/lille/herbier", key=world.keys["stranger"])
    assert verify.verify_branch(seed, "main").ok


def test_governance_changed_by_academic_reviewer_is_refused(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    rules = world.governance + reviewer_toml("Ami", "ami@ac-lille.fr", "academique", world.keys["stranger"],
                                             academies=["lille"])
    edit(seed, "contrib/lille/gouvernance", {"governance/reviewers.toml": rules})
    merge(seed, "academie/lille", "contrib/lille/gouvernance", key=world.keys["lille"])
    problems = verify.verify_branch(seed, "academie/lille").problems
    assert len(problems) == 1 and "ne peut pas modifier la gouvernance" in problems[0]


def test_expired_key_with_backdated_commit_is_refused(tmp_path):
    """The key expired yesterday; the merge claims to be from last month: checked at today, refused."""
    today = dt.date.today()
    key = make_key(tmp_path / "keys2", "old")
    extra = reviewer_toml("Ancien", "ancien@ac-lille.fr", "academique", key, academies=["lille"],
                          valid_until=(today - dt.timedelta(days=1)).isoformat())
    world = make_world(tmp_path, extra)
    seed = world.tmp / "seed"
    _contribution(world)
    backdated = (dt.datetime.now() - dt.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%S")
    merge(seed, "academie/lille", "contrib/lille/herbier", key=key, date=backdated)
    problems = verify.verify_branch(seed, "academie/lille").problems
    assert len(problems) == 1 and "n'est pas valide aujourd'hui" in problems[0]


def test_direct_commit_and_future_date_are_refused(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    direct = edit(seed, "main", {SCENARIO_ID + ".toml": scenario(title="Modifié en douce")})
    report = verify.verify_branch(seed, "main")
    assert "commit direct" in report.problems[0] and direct[:10] in report.problems[0]
    git(seed, "reset", "-q", "--hard", "HEAD~1")
    _contribution(world)
    future = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S")
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"], date=future)
    assert "daté dans le futur" in verify.verify_branch(seed, "academie/lille").problems[0]


def test_verify_update_like_pre_receive(tmp_path):
    """The pre-receive check: good merge accepted; force push, deletion and backdated merge refused."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    main = git(seed, "rev-parse", "main").strip()
    _contribution(world)
    good = merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    zero = "0" * 40
    assert verify.verify_update(seed, "refs/heads/academie/lille", zero, good) == []
    assert verify.verify_update(seed, "refs/heads/main", main, good) != []
    assert "poussée forcée" in verify.verify_update(seed, "refs/heads/academie/lille", good, main)[0]
    assert "suppression" in verify.verify_update(seed, "refs/heads/academie/lille", good, zero)[0]
    assert verify.verify_update(seed, "refs/heads/contrib/lille/x", zero, good) == []
    git(seed, "reset", "-q", "--hard", "HEAD~1")
    old = (dt.datetime.now() - dt.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%S")
    late = merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"], date=old)
    assert "trop loin de l'heure actuelle" in verify.verify_update(seed, "refs/heads/academie/lille", zero, late)[0]


def test_academie_branch_cannot_rest_on_unverified_main(tmp_path):
    """An unsigned commit on main does not vouch for an académie branch built on it."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "main", {SCENARIO_ID + ".toml": scenario(title="Glissé sur main")})
    git(seed, "branch", "academie/lille", "main")
    report = verify.verify_branch(seed, "academie/lille")
    assert any("commit direct" in p for p in report.problems)


def test_forged_cache_in_a_copied_repository_is_ignored(tmp_path):
    """A repository may arrive with a crafted cache saying "verified": caches are read from the user's own
    cache folder only, never from the repository."""
    import json

    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    _contribution(world)
    merge(seed, "academie/lille", "contrib/lille/herbier", key=None)
    assert not verify.verify_branch(seed, "academie/lille").ok
    assert not (seed / ".git" / "traam").exists()
    (seed / ".git" / "traam").mkdir()
    tip = git(seed, "rev-parse", "academie/lille").strip()
    (seed / ".git" / "traam" / "review-verify.json").write_text(json.dumps({tip: []}), encoding="utf-8")
    assert not verify.verify_branch(seed, "academie/lille").ok


def test_trust_root_comes_from_the_verifier_never_from_the_repository_config(tmp_path, monkeypatch):
    """A copied repository pinning its own forged tip in .git/config gains nothing; the verifier's pin works."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    forged = edit(seed, "main", {SCENARIO_ID + ".toml": scenario(title="Forgé")})
    git(seed, "config", "traam.trustRoot", forged)
    assert not verify.verify_branch(seed, "main").ok
    monkeypatch.setenv("TRAAM_TRUST_ROOT", forged)  # the verifier itself chose to trust it
    assert verify.verify_branch(seed, "main").ok
