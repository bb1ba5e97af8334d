"""Provides the review queue as a reviewer's screen shows it: fetch, pending contributions, previews of conflicts.

Plain frozen-free data for a screen (it fills the previews), read through
:mod:`store.review` and the git layer; nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store.git import network, trees
from store.review import contrib, decide, governance, notes, signing
from store.review import merge as recordmerge


@dataclass
class Queue:
    """The review queue as the screen shows it."""

    items: list[decide.Candidate]
    reviewer: str = ""
    """Who the signing key says we are (``Nom <principal>``), '' when not a known reviewer."""
    fetched: bool | None = True
    """False when the remote could not be reached (the list is then local), None without a remote."""
    previews: dict[str, recordmerge.MergePlan] = field(default_factory=dict)
    """For candidates with conflicts: the merge taking the contribution's side, to show its diff and rules."""


def fetch(root: Path | str) -> bool | None:
    """Fetch the default remote (branches and review notes); return False when it failed, None without one."""
    remote = contrib.default_remote(root)
    if not remote:
        return None
    notes.follow(root, remote)
    return network.fetch(root, remote)


def load_queue(root: Path | str, *, remote: bool = True) -> Queue:
    """Return the contributions waiting in the scope of this commons' reviewer (every one if unknown)."""
    fetched = fetch(root) if remote else True
    main = trees.newest(root, "main")
    me = signing.whoami(root, governance.governance_at(root, main[1])) if main else None
    items = decide.pending(root, reviewer=me)
    queue = Queue(items, f"{me.name} <{me.principal}>" if me else "", fetched)
    for item in items:
        if item.plan is not None and item.plan.conflicts:
            choices = {c.name: "theirs" for c in item.plan.conflicts}
            queue.previews[item.name] = recordmerge.plan_merge(root, item.target_tip, item.tip, choices)
    return queue
