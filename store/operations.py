"""Provides the operations a :class:`store.commons.Commons` offers beyond load, read, save and history.

The review (``commons.review``), the author's contributions
(``commons.contribution``), the remotes and sync (``commons.remotes``), the
branches (``commons.branches``), verification (``commons.verify()``), the
derived states (``commons.states()``) and the repository's configuration.
Each sub-object is made on first use, so that opening a commons to read a
record imports none of the review machinery. Like DVC's ``Repo``, the
commons is the one door: the functions behind it take its root, but callers
(the TUI, the command line, the hooks) go through here and never name a root
or a git module (import-linter contracts in ``pyproject.toml``).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.branching import Branches
    from store.index.snapshot import Snapshot
    from store.review.contributions import Contributions
    from store.review.reviews import Reviews
    from store.review.status import RecordState
    from store.review.verify import BranchReport
    from store.syncing import Remotes

__all__ = ["Operations"]


class Operations:
    """The review, contribution, remote, branch and verification operations of a commons (a mixin of ``Commons``)."""

    root: Path
    git_dir: Path

    @cached_property
    def review(self) -> Reviews:
        """The review: queue, candidates, approvals, decisions, catch-up (:class:`store.review.reviews.Reviews`)."""
        from store.review.reviews import Reviews

        return Reviews(self.root)

    @cached_property
    def contribution(self) -> Contributions:
        """The author's side: current contribution, start, submit (:class:`store.review.contributions.Contributions`)."""
        from store.review.contributions import Contributions

        return Contributions(self.root)

    @cached_property
    def remotes(self) -> Remotes:
        """The remotes and the sync with them (:class:`store.syncing.Remotes`)."""
        from store.syncing import Remotes

        return Remotes(self.root)

    @cached_property
    def branches(self) -> Branches:
        """The branch switcher and the save guards (:class:`store.branching.Branches`)."""
        from store.branching import Branches

        return Branches(self.root, self.git_dir)

    def verify(self, branches: list[str] | None = None, *, now: dt.datetime | None = None,
               remember: bool = True) -> list[BranchReport]:
        """Verify the validation branches from this verifier's trust root, as ``traam verify`` does.

        Args:
            branches: the branches (default: ``main`` and every ``academie/<a>``, local or remote).
            remember: record the newest verified tips in the user's data folder (rollback guard).
        """
        from store.review.selection import verify_commons

        return verify_commons(self.root, branches, now=now, remember=remember)

    def states(self, snapshot: Snapshot, *, now: dt.datetime | None = None) -> dict[str, RecordState]:
        """Return the validation state of every record of ``snapshot`` (derived from git, cached)."""
        from store.commons import Commons
        from store.review.states import record_states

        assert isinstance(self, Commons)  # the mixin's one class
        return record_states(self, snapshot, now=now)

    def config(self, key: str) -> str:
        """Return ``key`` from the repository's configuration ('' when unset)."""
        from store.git import repo

        return repo.config_value(self.root, key)

    def set_config(self, key: str, value: str) -> None:
        """Set ``key`` in the repository's own configuration (``git config --local``)."""
        from store.git import repo

        repo.set_local_config(self.root, key, value)
