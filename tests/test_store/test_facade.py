"""The commons is the one door: its review, contribution, remote and state operations, frozen results, enums."""

from __future__ import annotations

import dataclasses
import json

import pytest

from store.commons import Commons
from store.review import notes
from store.review.decide import pending
from store.review.status import Decision, RecordState
from tests.conftest import git
from tests.test_store.review_world import NEW_ID, make_world, scenario

BRANCH = "contrib/lille/herbier"


def _proposed(tmp_path):
    world = make_world(tmp_path)
    author = world.clone("author")
    git(author, "checkout", "-q", "-b", BRANCH)
    (author / f"{NEW_ID}.toml").parent.mkdir(parents=True, exist_ok=True)
    (author / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(author, "add", "-A")
    git(author, "commit", "-q", "-m", "Herbier")
    git(author, "push", "-q", "origin", BRANCH)
    git(author, "fetch", "-q", "origin")
    return author


def test_the_review_through_the_commons_is_the_review_of_its_root(tmp_path):
    """commons.review.pending and candidate give what the store's functions give on the root Commons.open found."""
    author = _proposed(tmp_path)
    with Commons.open(author / "scenarios") as commons:
        assert commons.root == author
        assert [c.name for c in commons.review.pending(report=False)] == [c.name for c in pending(author,
                                                                                                    report=False)]
        item = commons.review.candidate(BRANCH, plan=True)
        assert item.plan is not None and NEW_ID in item.plan.changes and commons.review.preview(item) is None
        assert commons.contribution.current().branch == BRANCH
        assert commons.contribution.current().pushed
        assert commons.remotes.names() == ["origin"]
        assert commons.review.contribution_status("main") is None  # not a contribution


def test_store_results_are_frozen(tmp_path):
    """No caller can change a result the store handed out: candidates, plans, contributions, history items."""
    author = _proposed(tmp_path)
    with Commons.open(author) as commons:
        item = commons.review.candidate(BRANCH, plan=True)
        contribution = commons.contribution.current()
        history = commons.history(NEW_ID)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.tip = "0" * 40  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        contribution.pushed = False  # type: ignore[misc]
    assert isinstance(item.plan.conflicts, tuple) and isinstance(contribution.records, tuple)
    with pytest.raises(TypeError):
        item.plan.changes[NEW_ID] = ()  # type: ignore[index]
    assert isinstance(history[0].changes, tuple)


def test_states_are_enums_whose_values_are_the_old_codes(tmp_path):
    """RecordState members serialise exactly as the codes they replace (JSON output, cache letters)."""
    author = _proposed(tmp_path)
    with Commons.open(author) as commons:
        states = commons.states(commons.load())
    assert states[NEW_ID] is RecordState.PROPOSED
    assert json.dumps(states[NEW_ID]) == '"propose"' and f"{states[NEW_ID]}" == "propose"
    assert {state.value for state in RecordState} == {"brouillon", "propose", "modifications", "refuse",
                                                      "academique", "national"}


def test_a_note_line_keeps_its_decision_code():
    """A decision is written and read back as its code: signed note lines stay byte-identical."""
    review = notes.Review("2026-12-04T10:00:00+00:00", Decision.CHANGES, "R <r@x>", "Précisez.")
    line = notes.unsigned_line(review)
    assert '"decision":"modifications"' in line
    parsed = notes.parse(line)
    assert parsed is not None and parsed.decision is Decision.CHANGES
    foreign = notes.parse(line.replace('"modifications"', '"autre"'))
    assert foreign is not None and foreign.decision == "autre"


def test_listing_the_queue_asks_git_for_no_remote_once_fetched(tmp_path, monkeypatch):
    """pending() reads the remotes from the remote-tracking refs it lists: no « git remote » of its own, none per
    candidate (the verification it runs may still ask, once per choice of a branch)."""
    import sys

    from store.git import network

    author = _proposed(tmp_path)
    calls = []
    real = network.remotes

    def counted(root):
        if sys._getframe(1).f_globals.get("__name__") == "store.review.decide":
            calls.append(root)
        return real(root)

    monkeypatch.setattr(network, "remotes", counted)
    assert [c.name for c in pending(author, report=False)] == [BRANCH]
    assert calls == []
    git(author, "remote", "remove", "origin")  # never fetched from any remote: git is asked, once
    pending(author, report=False)
    assert len(calls) == 1
