"""A contribution never pushed is its author's draft: it waits in no queue while a shared remote exists."""

from __future__ import annotations

from store.review.decide import pending
from tests.conftest import git
from tests.test_store.review_world import NEW_ID, make_world, scenario

BRANCH = "contrib/lille/herbier"


def test_an_unpushed_contribution_is_a_draft_until_it_is_pushed(tmp_path):
    world = make_world(tmp_path)
    author = world.clone("author")
    git(author, "checkout", "-q", "-b", BRANCH)
    (author / f"{NEW_ID}.toml").parent.mkdir(parents=True, exist_ok=True)
    (author / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(author, "add", "-A")
    git(author, "commit", "-q", "-m", "Herbier")
    assert BRANCH not in [c.name for c in pending(author, report=False)], "a draft is not a proposal"
    git(author, "push", "-q", "origin", BRANCH)
    git(author, "fetch", "-q", "origin")
    assert BRANCH in [c.name for c in pending(author, report=False)]


def test_without_any_remote_local_contributions_are_the_queue(tmp_path):
    world = make_world(tmp_path)
    alone = world.clone("alone")
    git(alone, "remote", "remove", "origin")
    git(alone, "checkout", "-q", "-b", BRANCH)
    (alone / f"{NEW_ID}.toml").parent.mkdir(parents=True, exist_ok=True)
    (alone / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(alone, "add", "-A")
    git(alone, "commit", "-q", "-m", "Herbier")
    assert BRANCH in [c.name for c in pending(alone, report=False)]
