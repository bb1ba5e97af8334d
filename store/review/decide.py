"""Provides the review queue and decisions: approve (signed record-aware merge), request changes, refuse.

A contribution ``contrib/<a>/<slug>`` is validated into ``academie/<a>``;
an académie branch (or a chosen contribution) is validated into ``main``.
The merge is built without checkout, signed with the reviewer's SSH key,
checked with the same verification as ``traam verify``, then the target
ref is moved with compare-and-swap and pushed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from records import layout, vocab
from records.models import Reviewer
from records.problems import has_errors
from records.text import printable
from store import git
from store.git import trees
from store.review import contrib, governance, merge as recordmerge, notes, signing, verify
from store.errors import StoreError


class UnresolvedConflicts(StoreError):
    """The merge has field conflicts without a resolution; ``plan.conflicts`` lists them."""

    def __init__(self, plan: recordmerge.MergePlan):
        self.plan = plan
        super().__init__(f"{len(plan.conflicts)} conflit(s) non résolu(s) : précisez --resolve CLÉ=ours|theirs")


@dataclass
class Candidate:
    """A branch waiting for validation, and where it goes."""

    name: str
    """Short name: ``contrib/lille/defi`` or ``academie/lille``."""
    ref: str
    tip: str
    target: str
    target_ref: str | None
    """Ref the target tip was read from (None: the target does not exist yet and starts at ``main``)."""
    target_tip: str
    academie: str
    author: str = ""
    email: str = ""
    proposed: str = ""
    """Date of the first commit of the contribution (ISO 8601)."""
    updated: str = ""
    decision: notes.Review | None = None
    plan: recordmerge.MergePlan | None = field(default=None, repr=False)

    @property
    def national(self) -> bool:
        return self.target == "main"


def candidate(root: Path | str, name: str, *, into: str | None = None) -> Candidate:
    """Resolve a branch to review (``contrib/…``, ``academie/…``, optionally ``<remote>/…``).

    Raises:
        StoreError: unknown branch or not a reviewable one.
    """
    remotes = git.text(root, "remote").split()
    short = name.removeprefix("refs/heads/").removeprefix("refs/remotes/")
    if short.split("/", 1)[0] in remotes:
        short = short.split("/", 1)[1]
    parsed = contrib.parse_branch(short)
    if parsed:
        academie, target = parsed[0], into or f"academie/{parsed[0]}"
    elif short.startswith("academie/") and short[len("academie/"):] in vocab.ACADEMIES:
        academie, target = short[len("academie/"):], "main"
    else:
        raise StoreError(f"« {printable(name)} » n'est ni une contribution (contrib/…) ni une branche academie/…")
    if target not in ("main", f"academie/{academie}"):
        raise StoreError(f"cible invalide « {printable(target)} »")
    source = trees.newest(root, short)
    if source is None:
        raise StoreError(f"branche introuvable : « {printable(name)} »")
    target_at = contrib.base_for(root, academie) if target != "main" else trees.newest(root, "main")
    if target_at is None:
        raise StoreError("la branche main est introuvable")
    target_ref = target_at[0] if target_at[0].endswith(f"/{target}") else None
    found = Candidate(short, source[0], source[1], target, target_ref, target_at[1], academie)
    base = git.run(root, "merge-base", target_at[1], source[1], check=False).stdout.decode().strip()
    span = f"{base}..{source[1]}" if base else source[1]
    log = git.text(root, "log", "--reverse", "--format=%an%x00%ae%x00%aI", span)
    first = log.splitlines()[0].split("\0") if log else ["", "", ""]
    found.author, found.email, found.proposed = first
    found.updated = git.text(root, "log", "-1", "--format=%cI", source[1])
    found.decision = notes.latest_decision(root, source[1])
    return found


def pending(root: Path | str, *, reviewer: Reviewer | None = None, everything: bool = False,
            report: bool = True) -> list[Candidate]:
    """Return the branches waiting for validation in ``reviewer``'s scope (everything when None).

    Contributions already merged into their target are left out, and so are
    those whose tip has a pending decision (changes requested, refused)
    unless ``everything``.
    """
    names = set()
    for ref in trees.refs(root, "refs/heads/contrib/", "refs/remotes/"):
        short = ref.removeprefix("refs/heads/")
        if ref.startswith("refs/remotes/"):
            short = ref.split("/", 3)[3] if ref.count("/") >= 3 else ""
        if contrib.parse_branch(short) or (short.startswith("academie/") and short[9:] in vocab.ACADEMIES):
            names.add(short)
    for ref in trees.refs(root, "refs/heads/academie/"):
        if ref.removeprefix("refs/heads/academie/") in vocab.ACADEMIES:
            names.add(ref.removeprefix("refs/heads/"))
    found = []
    for short in sorted(names):
        is_academie = short.startswith("academie/")
        if reviewer is not None and reviewer.role == "academique":
            if is_academie or contrib.parse_branch(short)[0] not in reviewer.academies:
                continue
        try:
            item = candidate(root, short)
            if trees.is_ancestor(root, item.tip, item.target_tip):
                continue  # already merged
            if item.decision is not None and not everything:
                continue
            if report:
                item.plan = recordmerge.plan_merge(root, item.target_tip, item.tip)
        except StoreError:
            continue  # a branch without common history with its target is not a contribution to review
        found.append(item)
    return found


def _trailers(root: Path | str, item: Candidate, plan: recordmerge.MergePlan) -> tuple[str, list[str]]:
    disciplines, campaigns = set(), set()
    for path in (c.path for c in trees.changes(root, plan.ours, plan.tree)):
        try:
            location = layout.locate(path)
        except layout.LayoutError:
            continue
        if location.discipline:
            disciplines.add(location.discipline)
        if location.campaign:
            campaigns.add(location.campaign)
    validation = "nationale" if item.national else "académique"
    lines = [f"Validation: {validation}", f"Académie: {item.academie}",
             f"Discipline: {', '.join(sorted(disciplines)) or '-'}", f"Campagne: {', '.join(sorted(campaigns)) or '-'}"]
    return validation, lines


@dataclass(frozen=True)
class Approved:
    """The result of :func:`approve`."""

    commit: str
    target: str
    pushed: bool
    plan: recordmerge.MergePlan


def approve(root: Path | str, name: str, *, resolutions: dict[str, str] | None = None, into: str | None = None,
            key: Path | None = None, push: bool = True, force: bool = False,
            now: dt.datetime | None = None) -> Approved:
    """Validate a branch: signed ``--no-ff`` record-aware merge into its target, checked, then pushed.

    Args:
        resolutions: choices for conflicting fields (see :func:`store.review.merge.plan_merge`).
        into: ``main`` to validate a contribution nationally.
        key: private SSH key (default: ``user.signingkey`` of this commons).
        force: merge even when the merged records break rules.

    Raises:
        UnresolvedConflicts: conflicts remain.
        StoreError: refused paths, rule errors, no key, reviewer not allowed, or git failed.
    """
    item = candidate(root, name, into=into)
    if trees.is_ancestor(root, item.tip, item.target_tip):
        raise StoreError(f"« {printable(item.name)} » est déjà intégrée à « {item.target} »")
    return validate(root, item, resolutions=resolutions, key=key, push=push, force=force, now=now)


def validate(root: Path | str, item: Candidate, *, resolutions: dict[str, str] | None = None,
             key: Path | None = None, push: bool = True, force: bool = False, now: dt.datetime | None = None,
             main_chain: frozenset[str] = frozenset()) -> Approved:
    """Merge ``item.tip`` into ``item.target`` as a signed, verified validation (see :func:`approve`).

    Args:
        main_chain: verified first-parent chain of ``main``; when ``item.tip`` is on it (an académie
            branch catching up with main), what comes unchanged from main is not the reviewer's scope.
    """
    target = verify.verify_branch(root, item.target, tip=item.target_tip, now=now)
    if not target.ok:
        # Built on unverified history, a new validation would not count: say so rather than sign in vain.
        raise StoreError(f"« {item.target} » ne se vérifie pas, une validation n'y compterait pas : "
                         + " ; ".join(target.problems))
    plan = recordmerge.plan_merge(root, item.target_tip, item.tip, resolutions)
    if plan.refused:
        raise StoreError("contribution refusée : " + " ; ".join(plan.refused))
    if plan.conflicts:
        raise UnresolvedConflicts(plan)
    if plan.tree is None or (has_errors(plan.problems) and not force):
        raise StoreError("le résultat de la fusion a des erreurs : corrigez-les (ou --force)",
                         "\n".join(str(p) for p in plan.problems))
    key = key or signing.signing_key(root)
    if key is None:
        raise StoreError("aucune clé de signature : lancez « traam reviewer setup »")
    rules = governance.governance_at(root, item.target_tip)
    reviewer = governance.by_key(rules, signing.public_key_of(key))
    if reviewer is None:
        raise StoreError(f"votre clé n'est pas dans la gouvernance de « {item.target} » : "
                         "vous ne pouvez pas valider")
    today = (now or dt.datetime.now(dt.timezone.utc)).date()
    if not governance.is_active(reviewer, today):
        raise StoreError("votre clé n'est pas valide aujourd'hui selon la gouvernance")
    changed = {c.path for c in trees.changes(root, item.target_tip, plan.tree)}
    if item.tip in main_chain:
        changed &= {c.path for c in trees.changes(root, item.tip, plan.tree)}
    problems = governance.scope_problems(reviewer, item.target, changed)
    if problems:
        raise StoreError("validation hors de votre périmètre : " + " ; ".join(problems))
    validation, trailers = _trailers(root, item, plan)
    subject = f"Validation {validation} : {item.name}"
    body = "\n".join(f"- {rid}" for rid in sorted(plan.changes)) or "- (aucun enregistrement modifié)"
    message = f"{subject}\n\n{body}\n\n" + "\n".join(trailers) + "\n"
    commit = signing.commit_signed(root, plan.tree, [item.target_tip, item.tip], message, key)
    check = verify.verify_merge(root, item.target, commit, [item.target_tip, item.tip], today=today,
                                main_chain=main_chain)
    if check:
        raise StoreError("la fusion signée ne passe pas la vérification : " + " ; ".join(check))
    move_branch(root, item, commit)
    remote = contrib.default_remote(root)
    pushed = False
    if push and remote:
        known = git.text(root, "ls-remote", "--heads", remote, f"refs/heads/{item.target}")
        if not known:
            # A new académie branch is first created at main's commit (servers accept only that as a
            # creation), then receives the validation merge.
            git.run(root, "push", "--quiet", remote, f"{item.target_tip}:refs/heads/{item.target}")
        git.run(root, "push", "--quiet", remote, f"refs/heads/{item.target}:refs/heads/{item.target}")
        pushed = True
    return Approved(commit, item.target, pushed, plan)


def move_branch(root: Path | str, item: Candidate, commit: str) -> None:
    """Move the local target branch to ``commit`` (compare-and-swap; fast-forward if it is checked out)."""
    ref = f"refs/heads/{item.target}"
    current = trees.rev(root, ref)
    checked_out = git.run(root, "symbolic-ref", "--quiet", "HEAD", check=False).stdout.decode().strip() == ref
    if checked_out:
        git.run(root, "merge", "--quiet", "--ff-only", commit)
        return
    if current is not None and not trees.is_ancestor(root, current, commit):
        raise StoreError(f"la branche locale « {item.target} » a divergé : synchronisez-la d'abord")
    git.run(root, "update-ref", "-m", f"traam : validation de {item.name}", ref, commit, current or trees.ZERO)


def decide(root: Path | str, name: str, decision: str, message: str, *, records: dict[str, str] | None = None,
           push: bool = True) -> notes.Review:
    """Record a review decision (``modifications``, ``refus``, ``commentaire``) on the branch's tip.

    The note is pushed (merged with the remote's notes) when a remote exists and ``push``.
    """
    item = candidate(root, name)
    review = notes.add(root, item.tip, decision=decision, reviewer=signing.reviewer_label(root), message=message,
                       records=records)
    remote = contrib.default_remote(root)
    if push and remote:
        notes.sync(root, remote)
    return review
