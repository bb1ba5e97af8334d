"""Provides the review queue as a reviewer's screen shows it: fetch, pending contributions, previews of conflicts.

Frozen data for a screen, read through
:mod:`store.review` and the git layer; nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from store.git import network, trees
from store.review import contrib, decide, governance, notes, signing
from store.review import merge as recordmerge


@dataclass(frozen=True)
class Queue:
    """The review queue as the screen shows it."""

    items: tuple[decide.Candidate, ...]
    reviewer: str = ""
    """Who the signing key says we are (``Nom <principal>``), '' when not a known reviewer."""
    fetched: bool | None = True
    """False when the remote could not be reached (the list is then local), None without a remote."""
    previews: Mapping[str, recordmerge.MergePlan] = field(default_factory=lambda: MappingProxyType({}))
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
    previews = {}
    for item in items:
        if item.plan is not None and item.plan.conflicts:
            choices = {c.name: "theirs" for c in item.plan.conflicts}
            previews[item.name] = recordmerge.plan_merge(root, item.target_tip, item.tip, choices)
    return Queue(tuple(items), f"{me.name} <{me.principal}>" if me else "", fetched, MappingProxyType(previews))
