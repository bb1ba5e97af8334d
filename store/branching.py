"""Provides what the application knows about branches: the current one, the switcher's choices, saving guards.

A *validation branch* (``main``, ``academie/<a>``) only moves by signed
merges: a save there is redirected to a new contribution. Submitting checks
that the contribution holds something new. Git work goes through
:mod:`store.git.branches` and :mod:`store.git.trees`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from records import layout, vocab
from records.text import printable
from store.errors import StoreError
from store.git import branches, trees
from store.review import contrib, notes
from store.review.status import Decision

KINDS = ("contribution", "main", "academie")


@dataclass(frozen=True, slots=True)
class Choice:
    """One branch the switcher offers."""

    name: str
    kind: str
    """``contribution``, ``main`` or ``academie``."""
    current: bool = False
    remote_ref: str = ""
    """``remote/name`` when only the remote has it (switching creates the local branch)."""


def is_validation_branch(branch: str) -> bool:
    """Tell whether ``branch`` only moves by signed validation merges (``main``, ``academie/<a>``)."""
    return branch == "main" or (branch.startswith("academie/") and branch.removeprefix("academie/") in vocab.ACADEMIES)


def is_protected(root: Path | str, branch: str) -> bool:
    """Tell whether a save on ``branch`` must go to a contribution instead.

    A validation branch of a commons with a governance (someone validates by
    signed merges) is protected; a commons without reviewers (a personal one
    just made by ``traam init``) keeps saving where it stands.
    """
    return is_validation_branch(branch) and (Path(root) / "governance" / "reviewers.toml").is_file()


def _kind(name: str) -> str | None:
    if name == "main":
        return "main"
    if is_validation_branch(name):
        return "academie"
    return "contribution" if contrib.parse_branch(name) else None


def choices(root: Path | str) -> list[Choice]:
    """Return the branches to switch to: one's contributions, ``main``, the académie branches (remote ones too)."""
    here = branches.current(root)
    found = [Choice(name, kind, name == here) for name in branches.local(root) if (kind := _kind(name))]
    for name, ref in branches.remote_only(root, ("main", "academie/", "contrib/")).items():
        kind = _kind(name)
        if kind:
            found.append(Choice(name, kind, False, ref))
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(found, key=lambda c: (order[c.kind], c.name))


def switch(root: Path | str, choice: Choice) -> None:
    """Check out ``choice``; refuse, in French, when uncommitted changes are in the way.

    Raises:
        StoreError: uncommitted changes, or git refused.
    """
    if branches.is_dirty(root):
        raise StoreError("des modifications ne sont pas enregistrées dans le dépôt : enregistrez-les "
                         f"avant de passer sur « {printable(choice.name)} »")
    branches.switch(root, choice.name, start=choice.remote_ref or None)


def slug_for(record_id: str) -> str:
    """Return a contribution name derived from a record id (its last part, as a slug)."""
    last = record_id.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"[^a-z0-9-]+", "-", last.lower()).strip("-")[:48].strip("-")
    return slug or "contribution"


def academie_of(record_id: str) -> str:
    """Return the académie code a record's path names (scenarios and teams), '' for other records."""
    parts = record_id.split("/")
    if parts[0] == "scenarios" and len(parts) == 5:
        return parts[3] if parts[3] in vocab.ACADEMIES else ""
    if parts[0] == "teams" and len(parts) == 4:
        return parts[3] if parts[3] in vocab.ACADEMIES else ""
    return ""


def free_slug(root: Path | str, academie: str, slug: str) -> str:
    """Return ``slug``, or ``slug-2``, ``slug-3`` … when that contribution already exists."""
    taken = set(branches.local(root))
    candidate, n = slug, 1
    while f"contrib/{academie}/{candidate}" in taken:
        n += 1
        candidate = f"{slug[:44]}-{n}"
    return candidate


def check_submittable(root: Path | str, remote: str | None = None) -> None:
    """Refuse to submit a contribution with nothing new (French :class:`StoreError`).

    Nothing new is: no record changed against the branch it is proposed to,
    or, after « modifications demandées », no commit since the remote tip
    that carries that request.

    Raises:
        StoreError: not a contribution, empty, or nothing new since the request for changes.
    """
    branch = branches.current(root)
    parsed = contrib.parse_branch(branch)
    if parsed is None:
        return  # contrib.submit says it is not a contribution
    academie = parsed[0]
    head = trees.rev(root, "HEAD")
    if head is None:
        raise StoreError(f"la contribution « {printable(branch)} » est vide : rien à proposer")
    base = contrib.base_for(root, academie)[1]
    since = branches.merge_base(root, base, head)
    if since is not None and not any(layout.is_record_path(c.path) for c in trees.changes(root, since, head)):
        raise StoreError(f"la contribution « {printable(branch)} » ne modifie aucun enregistrement : "
                         "rien à proposer. Enregistrez d'abord une fiche sur cette branche.")
    remote = remote or contrib.default_remote(root)
    pushed = trees.rev(root, f"refs/remotes/{remote}/{branch}") if remote else None
    decision = notes.latest_decision(root, head) if pushed == head else None
    if decision is not None and decision.decision == Decision.CHANGES:
        raise StoreError(f"rien de nouveau depuis « modifications demandées » sur « {printable(branch)} » : "
                         "enregistrez vos corrections avant de proposer à nouveau la contribution.")


class Branches:
    """The branches of one commons (``commons.branches``): the switcher, the save guards, who commits."""

    def __init__(self, root: Path, git_dir: Path):
        self.root = root
        self._head = git_dir / "HEAD"

    def current(self) -> str:
        """Return the current branch name ('' when HEAD is detached)."""
        return branches.current(self.root)

    def tracking(self) -> branches.Tracking:
        """Return the current branch and how it stands against its remote-tracking branch."""
        return branches.tracking(self.root)

    def head_stamp(self) -> tuple[int, int]:
        """Return a cheap stamp of ``HEAD`` (it changes when the branch is switched or moved)."""
        return branches.head_stamp(self._head)  # a stat, no git call: the application polls it

    def choices(self) -> list[Choice]:
        """Return the branches the switcher offers."""
        return choices(self.root)

    def switch(self, choice: Choice) -> None:
        """Check out ``choice`` (see :func:`switch`)."""
        switch(self.root, choice)

    def is_protected(self, branch: str) -> bool:
        """Tell whether a save on ``branch`` must go to a new contribution instead."""
        return is_protected(self.root, branch)

    def free_slug(self, academie: str, slug: str) -> str:
        """Return ``slug`` or the first free ``slug-N`` for a new contribution of ``academie``."""
        return free_slug(self.root, academie, slug)

    def identity(self) -> tuple[str, str]:
        """Return ``(user.name, user.email)`` as git would commit them ('' when unset)."""
        return branches.identity(self.root)

    def set_identity(self, name: str, email: str) -> None:
        """Set ``user.name`` and ``user.email`` for this commons."""
        branches.set_identity(self.root, name, email)
