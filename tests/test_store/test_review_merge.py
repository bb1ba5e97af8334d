"""Tests of the record-aware review merge: clean field merges, per-field conflicts and their resolution."""

from __future__ import annotations

import pytest

from records import codec
from store.errors import StoreError
from store.review import decide as review
from store.review import merge as recordmerge
from store.review import verify
from tests.conftest import git
from tests.test_store.review_world import SCENARIO_ID, edit, make_world, merge, scenario

PATH = f"{SCENARIO_ID}.toml"


def _two_contributions(world, first: dict, second: dict):
    """Two contributions from main editing the same scenario; the first is validated into academie/lille."""
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/premier", {PATH: scenario(**first)})
    edit(seed, "contrib/lille/second", {PATH: scenario(**second)})
    git(seed, "switch", "-q", "main")
    git(seed, "config", "user.signingkey", str(world.keys["lille"].private))
    review.approve(seed, "contrib/lille/premier", push=False)
    return seed


def _scenario_at(repo, ref):
    loaded = codec.load(PATH, git(repo, "show", f"{ref}:{PATH}"))
    assert loaded.ok, loaded.problems
    return loaded.record


def test_different_fields_merge_cleanly(tmp_path):
    """One contribution changes the title, the other the summary: both land, no conflict."""
    world = make_world(tmp_path)
    seed = _two_contributions(world, {"title": "Défi botanique au collège"}, {"summary": "Inventaire des arbres."})
    plan = recordmerge.plan_merge(seed, git(seed, "rev-parse", "academie/lille").strip(),
                                  git(seed, "rev-parse", "contrib/lille/second").strip())
    assert plan.conflicts == () and plan.tree is not None
    assert [(c.key, c.kind) for c in plan.changes[SCENARIO_ID]] == [("summary", "changed")]
    review.approve(seed, "contrib/lille/second", push=False)
    record = _scenario_at(seed, "academie/lille")
    assert record.title == "Défi botanique au collège"
    assert record.summary == "Inventaire des arbres."
    assert verify.verify_branch(seed, "academie/lille").ok
    parents = git(seed, "log", "-1", "--format=%P", "academie/lille").split()
    assert len(parents) == 2  # --no-ff merge


def test_same_field_conflict_resolved_per_field(tmp_path):
    """Both change the title (conflict) and the second also the duration (clean): resolve only the title."""
    world = make_world(tmp_path)
    seed = _two_contributions(world, {"title": "Titre de la cible"},
                              {"title": "Titre de la contribution", "duration": "3 séances"})
    tip_before = git(seed, "rev-parse", "academie/lille")
    with pytest.raises(review.UnresolvedConflicts) as raised:
        review.approve(seed, "contrib/lille/second", push=False)
    [conflict] = raised.value.plan.conflicts
    assert (conflict.record_id, conflict.key) == (SCENARIO_ID, "title")
    assert (conflict.base, conflict.ours, conflict.theirs) == ("Défi botanique", "Titre de la cible",
                                                               "Titre de la contribution")
    assert git(seed, "rev-parse", "academie/lille") == tip_before  # nothing merged

    review.approve(seed, "contrib/lille/second", resolutions={f"{SCENARIO_ID}:title": "theirs"}, push=False)
    record = _scenario_at(seed, "academie/lille")
    assert record.title == "Titre de la contribution"
    assert record.duration == "3 séances"


def test_conflict_resolved_with_ours_keeps_target(tmp_path):
    world = make_world(tmp_path)
    seed = _two_contributions(world, {"title": "Titre de la cible"}, {"title": "Titre de la contribution"})
    review.approve(seed, "contrib/lille/second", resolutions={"title": "ours"}, push=False)
    assert _scenario_at(seed, "academie/lille").title == "Titre de la cible"


def test_symlink_in_contribution_is_refused(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    git(seed, "switch", "-q", "-c", "contrib/lille/lien")
    (seed / "scenarios/2026-2027/svt/lille/lien.toml").symlink_to("/etc/passwd")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "lien")
    git(seed, "config", "user.signingkey", str(world.keys["lille"].private))
    with pytest.raises(StoreError, match="lien symbolique"):
        review.approve(seed, "contrib/lille/lien", push=False)


def test_reviewer_without_governance_entry_cannot_approve(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/x", {PATH: scenario(title="Autre")})
    with pytest.raises(StoreError, match="gouvernance"):
        review.approve(seed, "contrib/lille/x", push=False, key=world.keys["stranger"].private)
    with pytest.raises(StoreError, match="périmètre"):
        review.approve(seed, "contrib/lille/x", push=False, key=world.keys["versailles"].private)
    assert git(seed, "rev-parse", "-q", "--verify", "academie/lille", check=False) == ""


def test_no_validation_on_top_of_unverified_history(tmp_path):
    """A target branch that does not verify (an unsigned merge slipped in) is not signed onto."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/a", {PATH: scenario(title="A")})
    merge(seed, "academie/lille", "contrib/lille/a", key=None)
    edit(seed, "contrib/lille/b", {PATH: scenario(title="B")}, base="academie/lille")
    git(seed, "switch", "-q", "main")
    with pytest.raises(StoreError, match="ne se vérifie pas"):
        review.approve(seed, "contrib/lille/b", push=False, key=world.keys["lille"].private)
