"""Provides the review queue's fetch: the default remote's branches and review notes, with a deadline.

The queue is shown from what the repository holds at once; this fetch runs
after, and gives up after a few seconds (``git config traam.fetchTimeout``,
in seconds) or when the reviewer cancels it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from store.git import netfetch, repo
from store.review import contrib, notes

DEFAULT_TIMEOUT = 6.0
"""Seconds a review fetch may take before the remote is said unreachable."""


def fetch_timeout(root: Path | str) -> float:
    """Return the deadline of a review fetch: ``traam.fetchTimeout`` (seconds, 0.5 to 600) or the default."""
    raw = repo.config_value(root, "traam.fetchTimeout")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return min(max(value, 0.5), 600.0) if value == value else DEFAULT_TIMEOUT  # NaN is not a deadline


def fetch_queue(root: Path | str, *, timeout: float | None = None,
                cancel: threading.Event | None = None) -> tuple[str | None, netfetch.Fetched | None]:
    """Fetch the default remote for the review queue.

    Returns:
        ``(remote, how the fetch ended)``; ``(None, None)`` when the commons has no remote.
    """
    remote = contrib.default_remote(root)
    if not remote:
        return None, None
    notes.follow(root, remote)
    limit = fetch_timeout(root) if timeout is None else timeout
    return remote, netfetch.fetch(root, remote, timeout=limit, cancel=cancel)
