"""Tests of the derived states: "validé" if and only if a verified signed merge brought the record's content."""

from __future__ import annotations

from store.commons import Commons
from store.review import states
from tests.conftest import git
from tests.test_store.review_world import NEW_ID, SCENARIO_ID, edit, make_world, merge, scenario


def _state(repo, ref, record_id=NEW_ID):
    commons = Commons.open(repo)
    return states.record_states(commons, commons.load(ref))[record_id]


def test_only_a_verified_signed_merge_makes_a_record_validated(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario("Herbier")})
    assert _state(seed, "contrib/lille/herbier") == "brouillon"
    assert _state(seed, "contrib/lille/herbier", SCENARIO_ID) == "national"

    merge(seed, "academie/lille", "contrib/lille/herbier", key=None)
    assert _state(seed, "academie/lille") == "brouillon"  # unsigned: not validated
    git(seed, "reset", "-q", "--hard", "HEAD~1")
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["versailles"])
    assert _state(seed, "academie/lille") == "brouillon"  # out of scope: not validated
    git(seed, "reset", "-q", "--hard", "HEAD~1")
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    assert _state(seed, "academie/lille") == "academique"

    # What an unsigned commit on top of the branch brings is not validated.
    edit(seed, "academie/lille", {f"{NEW_ID}.toml": scenario("Herbier retouché")})
    assert _state(seed, "academie/lille") == "brouillon"
    git(seed, "reset", "-q", "--hard", "HEAD~1")

    merge(seed, "main", "academie/lille", key=world.keys["nation"])
    assert _state(seed, "main") == "national"
    assert _state(seed, "academie/lille") == "national"


def test_states_follow_plain_git_changes(tmp_path):
    """The cache is keyed by every ref: moving a branch with plain git shows at once."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario("Herbier")})
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    assert _state(seed, "academie/lille") == "academique"
    git(seed, "update-ref", "refs/heads/academie/lille", "main")
    assert _state(seed, "contrib/lille/herbier") == "brouillon"
