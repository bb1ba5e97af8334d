"""Provides review scenes for the application tests, built on the store's review world (real keys, remote, clones).

Commit dates are fixed (environment) so that snapshots do not depend on the clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import git
from tests.test_store.review_world import NEW_ID, SCENARIO_ID, World, edit, make_world, scenario

FIXED_DATE = "2026-11-20T10:00:00+01:00"
BRANCH = "contrib/lille/herbier"


@pytest.fixture
def fixed_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every commit made by git in this test carries the same date."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", FIXED_DATE)
    monkeypatch.setenv("GIT_COMMITTER_DATE", FIXED_DATE)


def contribute(world: World, name: str = "teacher", branch: str = BRANCH,
               files: dict[str, str | None] | None = None, message: str = "Créer l'herbier") -> Path:
    """Clone the remote as a teacher, commit ``files`` on ``branch`` (from main) and push it; return the clone."""
    teacher = world.tmp / name
    if not teacher.exists():
        teacher = world.clone(name)
    edit(teacher, branch, files or {f"{NEW_ID}.toml": scenario("Herbier numérique")}, message)
    git(teacher, "push", "-q", "-u", "origin", branch)
    return teacher


def add_note(repo: Path, branch: str, decision: str, message: str, records: dict[str, str],
             date: str = "2026-11-20T12:00:00+00:00", reviewer: str = "Lou Lille <lou@ac-lille.fr>",
             principal: str = "lou@ac-lille.fr", key: Path | None = None, signed: bool = True) -> None:
    """Attach a review note with a fixed date to the tip of ``branch`` and push the notes.

    The note is signed with ``key`` (default: the world's Lille key) unless ``signed`` is False
    (then it counts for nothing: « note non authentifiée »).
    """
    from store.review import notes

    tip = git(repo, "rev-parse", branch).strip()
    review = notes.Review(date, decision, reviewer, message, dict(records), principal, branch, tip)
    line = notes.signed_line(review, key or repo.parent / "keys" / "lille") if signed else notes.unsigned_line(review)
    git(repo, "notes", "--ref=refs/notes/traam-review", "append", "-m", line, tip)
    git(repo, "push", "-q", "origin", "refs/notes/traam-review:refs/notes/traam-review")


__all__ = ["BRANCH", "NEW_ID", "SCENARIO_ID", "World", "add_note", "contribute", "edit", "fixed_dates", "make_world",
           "scenario"]
