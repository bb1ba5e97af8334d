"""Provides what the author of a contribution sees: its branch, whether it is pushed, its review notes, its records.

Read through :mod:`store.review` and the git layer for the contribution
screen (from a thread worker); nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from records import layout
from store.git import merging, refs, repo, trees
from store.review import contrib, notes
from store.review.status import Decision


@dataclass(frozen=True)
class Contribution:
    """The current branch seen as a contribution, for its author."""

    branch: str
    academie: str = ""
    slug: str = ""
    remote: str | None = None
    pushed: bool = False
    """The remote has this branch at the local tip."""
    gitlab: bool = False
    reviews: tuple[notes.Review, ...] = ()
    """Review notes of the pushed tip (else the local tip), oldest first."""
    records: tuple[str, ...] = ()
    """Records the contribution changed since its base."""

    @property
    def is_contribution(self) -> bool:
        return bool(self.academie)

    @property
    def decision(self) -> notes.Review | None:
        decided = [r for r in self.reviews if r.authenticated and r.decision in (Decision.CHANGES, Decision.REFUSE)]
        return decided[-1] if decided else None


def contribution(root: Path | str) -> Contribution:
    """Return what the author needs to know about the current branch (blocking)."""
    branch = refs.current_branch(root) or ""
    parsed = contrib.parse_branch(branch)
    if parsed is None:
        return Contribution(branch)
    academie, slug = parsed
    remote = contrib.default_remote(root)
    head = trees.rev(root, "HEAD")
    pushed = trees.rev(root, f"refs/remotes/{remote}/{branch}") if remote else None
    gitlab = contrib.is_gitlab(root, remote) if remote else False
    tip = pushed or head
    reviews: tuple[notes.Review, ...] = ()
    records: tuple[str, ...] = ()
    if tip:
        reviews = tuple(notes.reviews(root, tip))
        start = start_of(root, tip, academie)
        records = tuple(sorted(layout.id_of(c.path) for c in trees.changes(root, start, tip)
                               if layout.is_record_path(c.path)))
    return Contribution(branch, academie, slug, remote, pushed is not None and pushed == head, gitlab, reviews,
                        records)


def author_notes(root: Path | str) -> dict[str, str]:
    """Return the comments of the latest review decision on the current contribution, by record id."""
    branch = refs.current_branch(root) or ""
    if contrib.parse_branch(branch) is None:
        return {}
    remote = contrib.default_remote(root)
    tip = (trees.rev(root, f"refs/remotes/{remote}/{branch}") if remote else None) or trees.rev(root, "HEAD")
    decision = notes.latest_decision(root, tip) if tip else None
    if decision is None:
        return {}
    label = notes.DECISIONS.get(decision.decision, decision.decision)
    return {record_id: f"{label} ({decision.reviewer}) : {comment}" for record_id, comment in decision.records.items()}


def start_of(root: Path | str, tip: str, academie: str) -> str | None:
    """Return the commit a contribution's changes are counted from, even once it was merged (validated).

    Before validation: where it forked from its target. After: the first
    parent of the validation merge that brought it into ``academie/<a>``
    (or ``main``), i.e. the target as it was just before.
    """
    for short in (f"academie/{academie}", "main"):
        target = trees.newest(root, short)
        if target is None or not trees.is_ancestor(root, tip, target[1]):
            continue
        merges = trees.merges_between(root, tip, target[1])
        if merges:
            before = refs.commit_of(root, f"{merges[0]}^1")
            return merging.merge_base(root, before, tip) if before else None
    base = contrib.base_for(root, academie)[1]
    return merging.merge_base(root, base, tip)


def configured_academie(root: Path | str) -> str:
    """Return ``traam.academie`` from this commons' config ('' when unset)."""
    return repo.config_value(root, "traam.academie")
