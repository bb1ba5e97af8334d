"""Provides Contributions, the author's side of one commons (``commons.contribution``): start, submit, current.

Bound to the commons like :class:`store.review.reviews.Reviews`: each method
calls a function of :mod:`store.review.contrib`, :mod:`store.review.authoring`
or :mod:`store.branching` on the commons' root.
"""

from __future__ import annotations

from pathlib import Path

from store import branching as _branching
from store.review import authoring as _authoring
from store.review import contrib as _contrib

__all__ = ["Contributions"]


class Contributions:
    """The contributions of one commons as their author sees them (blocking git work)."""

    def __init__(self, root: Path):
        self.root = root
        """The commons' work tree (``Commons.open`` found and checked it)."""

    def current(self) -> _authoring.Contribution:
        """Return the current branch seen as a contribution: pushed or not, its review notes, its records."""
        return _authoring.contribution(self.root)

    def author_notes(self) -> dict[str, str]:
        """Return the comments of the latest review decision on the current contribution, by record id."""
        return _authoring.author_notes(self.root)

    def academie(self) -> str:
        """Return this commons' académie (``git config traam.academie``; '' when unset)."""
        return _authoring.configured_academie(self.root)

    def remote(self) -> str | None:
        """Return the remote a contribution is pushed to (None without one)."""
        return _contrib.default_remote(self.root)

    def start(self, slug: str, academie: str | None = None) -> str:
        """Create and check out ``contrib/<academie>/<slug>``; return its name (see :func:`store.review.contrib.start`).

        Raises:
            StoreError: unknown académie, invalid slug, or the branch exists.
        """
        return _contrib.start(self.root, slug, academie)

    def check_submittable(self, remote: str | None = None) -> None:
        """Refuse to submit a contribution with nothing new (see :func:`store.branching.check_submittable`)."""
        _branching.check_submittable(self.root, remote)

    def submit(self, *, remote: str | None = None, merge_request: bool | None = None, title: str | None = None,
               description: str | None = None) -> _contrib.Submitted:
        """Push the current contribution (a merge request by push options on GitLab); see :func:`store.review.contrib.submit`.

        Raises:
            StoreError: not on a contribution branch, no remote, or the push failed.
        """
        return _contrib.submit(self.root, remote=remote, merge_request=merge_request, title=title,
                               description=description)
