"""Provides Reviews, the review operations of one commons (``commons.review``): queue, candidates, decisions.

Each method binds a function of :mod:`store.review` (which takes the
commons' root) to the commons it is reached from, the way DVC binds
``dvc/repo/add.py: add(repo, …)`` to ``Repo``: callers never pass a root,
so they cannot reach another repository than the one ``Commons.open``
checked. Results are the frozen types of those modules.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from store.git import trees
from store.review import catchup as _catchup
from store.review import contrib as _contrib
from store.review import decide as _decide
from store.review import fetching as _fetching
from store.review import governance as _governance
from store.review import merge as _merge
from store.review import notes as _notes
from store.review import queue as _queue
from store.review import signing as _signing
from store.review import states as _states
from store.review import validations as _validations

if TYPE_CHECKING:
    from records.models import Reviewer
    from store.git.netfetch import Fetched

from store.review.authoring import Contribution
from store.review.catchup import CatchUp
from store.review.decide import Approved, Candidate, UnresolvedConflicts
from store.review.merge import MergePlan
from store.review.queue import Queue

__all__ = ["Reviews", "Approved", "Candidate", "CatchUp", "Contribution", "MergePlan", "Queue", "UnresolvedConflicts"]
"""The result types callers name are exported here, with the door, so that they import no review internals."""


class Reviews:
    """The review of one commons: what waits, what a branch brings, approving and deciding (blocking git work)."""

    def __init__(self, root: Path):
        self.root = root
        """The commons' work tree (``Commons.open`` found and checked it)."""

    # --- the queue --------------------------------------------------------------

    def remote(self) -> str | None:
        """Return the shared remote a review fetches and pushes (None without one)."""
        return _contrib.default_remote(self.root)

    def fetch(self) -> bool | None:
        """Fetch the shared remote, review notes included; False when it failed, None without a remote."""
        return _queue.fetch(self.root)

    def fetch_queue(self, *, timeout: float | None = None,
                    cancel: threading.Event | None = None) -> tuple[str | None, Fetched | None]:
        """Fetch the shared remote with a deadline (see :func:`store.review.fetching.fetch_queue`)."""
        return _fetching.fetch_queue(self.root, timeout=timeout, cancel=cancel)

    def queue(self, *, remote: bool = True) -> _queue.Queue:
        """Return the contributions waiting in the scope of this commons' reviewer, with previews of conflicts."""
        return _queue.load_queue(self.root, remote=remote)

    def reviewer(self) -> Reviewer | None:
        """Return who this commons' signing key is in the governance of ``main`` (None: not a reviewer)."""
        main = self._commons_main()
        return _signing.whoami(self.root, _governance.governance_at(self.root, main)) if main else None

    def _commons_main(self) -> str | None:
        found = trees.newest(self.root, "main")
        return found[1] if found else None

    def pending(self, *, reviewer: Reviewer | None = None, everything: bool = False,
                report: bool = True) -> list[_decide.Candidate]:
        """Return the branches waiting for validation (see :func:`store.review.decide.pending`)."""
        return _decide.pending(self.root, reviewer=reviewer, everything=everything, report=report)

    def candidate(self, name: str, *, into: str | None = None, plan: bool = False) -> _decide.Candidate:
        """Resolve a branch to review; with ``plan``, its record-aware merge is planned too.

        Raises:
            StoreError: unknown branch, not a reviewable one, or no common history with its target.
        """
        item = _decide.candidate(self.root, name, into=into)
        if not plan:
            return item
        return replace(item, plan=_merge.plan_merge(self.root, item.target_tip, item.tip))

    def preview(self, item: _decide.Candidate) -> _merge.MergePlan | None:
        """Return the merge of ``item`` settling every conflict for the contribution (None without conflicts)."""
        if item.plan is None or not item.plan.conflicts:
            return None
        choices = {c.name: "theirs" for c in item.plan.conflicts}
        return _merge.plan_merge(self.root, item.target_tip, item.tip, choices)

    # --- decisions --------------------------------------------------------------

    def approve(self, name: str, *, resolutions: dict[str, str] | None = None, into: str | None = None,
                key: Path | None = None, push: bool = True, force: bool = False, now: dt.datetime | None = None,
                tip: str | None = None) -> _decide.Approved:
        """Validate a branch by a signed record-aware merge (see :func:`store.review.decide.approve`)."""
        return _decide.approve(self.root, name, resolutions=resolutions, into=into, key=key, push=push, force=force,
                              now=now, tip=tip)

    def decide(self, name: str, decision: str, message: str, *, records: dict[str, str] | None = None,
               push: bool = True, key: Path | None = None, tip: str | None = None,
               now: dt.datetime | None = None) -> _notes.Review:
        """Record a signed review decision on the branch's tip (see :func:`store.review.decide.decide`)."""
        return _decide.decide(self.root, name, decision, message, records=records, push=push, key=key, tip=tip,
                             now=now)

    def catch_up(self, academie: str, *, resolutions: dict[str, str] | None = None, key: Path | None = None,
                 push: bool = True, now: dt.datetime | None = None) -> _decide.Approved | _catchup.CatchUp:
        """Bring ``academie/<academie>`` up to date with ``main`` (see :func:`store.review.catchup.catch_up`)."""
        return _catchup.catch_up(self.root, academie, resolutions=resolutions, key=key, push=push, now=now)

    def signing_key(self) -> Path | None:
        """Return this commons' signing key (``user.signingkey``), None when unset."""
        return _signing.signing_key(self.root)

    # --- where a record stands ----------------------------------------------------

    def validations(self, record_id: str, *, now: dt.datetime | None = None) -> list[_validations.Validation]:
        """Return the signed validations of a record, newest first."""
        return _validations.record_validations(self.root, record_id, now=now)

    def versions(self, record_id: str, *, now: dt.datetime | None = None) -> list[_validations.Version]:
        """Return every version of a record across the validation and contribution branches, with its state."""
        return _validations.record_versions(self.root, record_id, now=now)

    def contribution_status(self, branch: str) -> _notes.Review | None:
        """Return the latest review decision on the pushed (else local) tip of a contribution branch
        (None for a branch that is not a contribution)."""
        if _contrib.parse_branch(branch) is None:
            return None
        return _states.contribution_status(self.root, branch)
