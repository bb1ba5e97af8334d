"""Provides the blocking git work behind the review, contribution and sync screens (run from thread workers).

Nothing here imports Textual: each function reads or changes the commons
through :mod:`store` (and :mod:`store.remotes` for sync) and returns plain
data for a screen to show. Errors are the store's French ``StoreError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store import git
from store.git import trees
from store.review import contrib, decide as review, governance, merge as recordmerge, notes, signing
from store.errors import StoreError

SIGNING_HELP = (
    "Aucune clé de signature n'est configurée pour ce commun : une validation est une fusion signée "
    "avec votre clé SSH.\n\n"
    "Dans un terminal, à la racine du commun, lancez :\n"
    "  traam reviewer setup          (votre clé ~/.ssh/id_ed25519)\n"
    "  traam reviewer setup --new    (une nouvelle clé)\n\n"
    "puis faites ajouter l'entrée affichée à governance/reviewers.toml par un relecteur national."
)
"""What to tell a reviewer who tries to validate without a signing key."""

SIGNING_FAILED = ("La signature a échoué. Vérifiez que la clé configurée (git config user.signingkey) est lisible "
                  "et, si elle a une phrase de passe, qu'elle est chargée dans ssh-agent (ssh-add).")


class NoSigningKey(StoreError):
    """No signing key is configured in this commons."""

    def __init__(self) -> None:
        super().__init__(SIGNING_HELP)


@dataclass
class Queue:
    """The review queue as the screen shows it."""

    items: list[review.Candidate]
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
    return git.run(root, "fetch", "--quiet", remote, check=False).returncode == 0


def load_queue(root: Path | str, *, remote: bool = True) -> Queue:
    """Return the contributions waiting in the scope of this commons' reviewer (every one if unknown)."""
    fetched = fetch(root) if remote else True
    main = trees.newest(root, "main")
    me = signing.whoami(root, governance.governance_at(root, main[1])) if main else None
    items = review.pending(root, reviewer=me)
    queue = Queue(items, f"{me.name} <{me.principal}>" if me else "", fetched)
    for item in items:
        if item.plan is not None and item.plan.conflicts:
            choices = {c.name: "theirs" for c in item.plan.conflicts}
            queue.previews[item.name] = recordmerge.plan_merge(root, item.target_tip, item.tip, choices)
    return queue


def approve(root: Path | str, name: str, resolutions: dict[str, str] | None = None) -> review.Approved:
    """Validate ``name`` with a signed merge (see :func:`store.review.decide.approve`).

    Raises:
        NoSigningKey: no key configured (the message says which command to run).
        review.UnresolvedConflicts: fields still to choose.
        StoreError: anything else the store refuses, in French.
    """
    if signing.signing_key(root) is None:
        raise NoSigningKey()
    try:
        return review.approve(root, name, resolutions=resolutions)
    except review.UnresolvedConflicts:
        raise
    except StoreError as error:
        if "gpg.format" in error.message or "sign" in error.stderr.lower():
            raise StoreError(f"{SIGNING_FAILED}\n\n{error.message}", error.stderr) from error
        raise


@dataclass
class Contribution:
    """The current branch seen as a contribution, for its author."""

    branch: str
    academie: str = ""
    slug: str = ""
    remote: str | None = None
    pushed: bool = False
    """The remote has this branch at the local tip."""
    gitlab: bool = False
    reviews: list[notes.Review] = field(default_factory=list)
    """Review notes of the pushed tip (else the local tip), oldest first."""
    records: list[str] = field(default_factory=list)
    """Records the contribution changed since its base."""

    @property
    def is_contribution(self) -> bool:
        return bool(self.academie)

    @property
    def decision(self) -> notes.Review | None:
        decided = [r for r in self.reviews if r.decision in ("modifications", "refus")]
        return decided[-1] if decided else None


def contribution(root: Path | str) -> Contribution:
    """Return what the author needs to know about the current branch (blocking)."""
    from records import layout

    branch = git.run(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.decode().strip()
    parsed = contrib.parse_branch(branch)
    found = Contribution(branch)
    if parsed is None:
        return found
    found.academie, found.slug = parsed
    found.remote = contrib.default_remote(root)
    head = trees.rev(root, "HEAD")
    pushed = trees.rev(root, f"refs/remotes/{found.remote}/{branch}") if found.remote else None
    found.pushed = pushed is not None and pushed == head
    found.gitlab = bool(found.remote) and contrib.is_gitlab(root, found.remote)
    tip = pushed or head
    if tip:
        found.reviews = notes.reviews(root, tip)
        start = _start_of(root, tip, found.academie)
        found.records = sorted(layout.id_of(c.path) for c in trees.changes(root, start, tip)
                               if layout.is_record_path(c.path))
    return found


def author_notes(root: Path | str) -> dict[str, str]:
    """Return the comments of the latest review decision on the current contribution, by record id."""
    branch = git.run(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.decode().strip()
    if contrib.parse_branch(branch) is None:
        return {}
    remote = contrib.default_remote(root)
    tip = (trees.rev(root, f"refs/remotes/{remote}/{branch}") if remote else None) or trees.rev(root, "HEAD")
    decision = notes.latest_decision(root, tip) if tip else None
    if decision is None:
        return {}
    label = notes.DECISIONS.get(decision.decision, decision.decision)
    return {record_id: f"{label} ({decision.reviewer}) : {comment}" for record_id, comment in decision.records.items()}


def _start_of(root: Path | str, tip: str, academie: str) -> str | None:
    """Return the commit a contribution's changes are counted from, even once it was merged (validated).

    Before validation: where it forked from its target. After: the first
    parent of the validation merge that brought it into ``academie/<a>``
    (or ``main``), i.e. the target as it was just before.
    """
    for short in (f"academie/{academie}", "main"):
        target = trees.newest(root, short)
        if target is None or not trees.is_ancestor(root, tip, target[1]):
            continue
        merges = git.text(root, "rev-list", "--ancestry-path", "--merges", "--reverse", f"{tip}..{target[1]}")
        if merges:
            before = git.text(root, "rev-parse", f"{merges.split()[0]}^1")
            return git.run(root, "merge-base", before, tip, check=False).stdout.decode().strip() or None
    base = contrib.base_for(root, academie)[1]
    return git.run(root, "merge-base", base, tip, check=False).stdout.decode().strip() or None


def configured_academie(root: Path | str) -> str:
    """Return ``traam.academie`` from this commons' config ('' when unset)."""
    return git.run(root, "config", "--get", "traam.academie", check=False).stdout.decode().strip()


def abort_merge(root: Path | str) -> None:
    """Abort a merge left in progress by a sync with conflicts (``git merge --abort``).

    Raises:
        StoreError: no merge in progress, or git failed.
    """
    git.run(root, "merge", "--abort")
