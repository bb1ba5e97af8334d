"""Provides Remotes, the remote operations of one commons (``commons.remotes``): follow, sync, finish or abort.

Bound to the commons like :class:`store.review.reviews.Reviews`: each method
calls a function of :mod:`store.remotes` (fetch and record-aware merge) or
:mod:`store.resolve` (field-by-field resolution of a sync's conflicts) on
the commons' root. Cloning comes before any commons: :meth:`store.commons.Commons.clone`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from store import remotes as _remotes
from store import resolve as _resolve
from store.git import network

if TYPE_CHECKING:
    from store.git.network import TransferProgress

__all__ = ["Remotes"]


class Remotes:
    """The remotes of one commons and the sync with them (blocking git and network work)."""

    def __init__(self, root: Path):
        self.root = root

    def names(self) -> list[str]:
        """Return the names of the repository's remotes."""
        return network.remotes(self.root)

    def following(self) -> _remotes.Following:
        """Return the remote and branch a sync would follow (no network)."""
        return _remotes.following(self.root)

    def sync(self, remote: str | None = None, branch: str | None = None, *,
             transfer: TransferProgress | None = None) -> _remotes.SyncResult:
        """Fetch and merge the remote branch record by record (see :func:`store.remotes.sync`).

        Raises:
            StoreError: no such remote, a detached HEAD, uncommitted changes, a merge in progress, or git failed.
        """
        return _remotes.sync(self.root, remote, branch, transfer=transfer)

    def pending_merge(self) -> _remotes.SyncResult | None:
        """Return the merge a sync left in progress, with its conflicts (None when there is none)."""
        return _remotes.pending_merge(self.root)

    def abort_merge(self) -> None:
        """Abort the merge a sync left in progress (see :func:`store.remotes.abort_merge`)."""
        _remotes.abort_merge(self.root)

    def conflicts(self) -> _resolve.Conflicts:
        """Return the field conflicts of the merge in progress, and the paths to resolve by hand."""
        return _resolve.conflicts(self.root)

    def resolve(self, choices: dict[str, str]) -> str | None:
        """Apply field choices to the merge in progress; return the merge commit once done (see :mod:`store.resolve`)."""
        return _resolve.resolve(self.root, choices)
