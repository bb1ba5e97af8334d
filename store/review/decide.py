"""Provides the review queue and decisions: approve (signed record-aware merge), request changes, refuse.

A contribution ``contrib/<a>/<slug>`` is validated into ``academie/<a>``;
an académie branch (or a chosen contribution) is validated into ``main``.
The merge is built without checkout, signed with the reviewer's SSH key,
checked with the same verification as ``traam verify``, then the target
ref is moved with compare-and-swap and pushed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from records import layout, vocab
from records.models import Reviewer
from records.problems import has_errors
from records.text import printable
from store.errors import StoreError
from store.git import log as git_log
from store.git import merging, network, refs, signatures, trees
from store.git.objectformat import null_id, object_format
from store.review import contrib, governance, notes, signing, verify
from store.review import merge as recordmerge
from store.review.status import Decision


class UnresolvedConflicts(StoreError):
    """The merge has field conflicts without a resolution; ``plan.conflicts`` lists them."""

    def __init__(self, plan: recordmerge.MergePlan):
        self.plan = plan
        super().__init__(f"{len(plan.conflicts)} {'conflit non résolu' if len(plan.conflicts) < 2 else 'conflits non résolus'} : précisez --resolve CLÉ=ours|theirs")


@dataclass(frozen=True)
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
    """The latest authenticated decision on ``tip``."""
    unauthenticated: tuple[notes.Review, ...] = ()
    """Notes on ``tip`` that do not count (unsigned, forged, out of scope): shown, never acted on."""
    plan: recordmerge.MergePlan | None = field(default=None, repr=False)

    @property
    def national(self) -> bool:
        return self.target == "main"


def candidate(root: Path | str, name: str, *, into: str | None = None, held: notes.Trust | None = None,
              remotes: frozenset[str] | None = None) -> Candidate:
    """Resolve a branch to review (``contrib/…``, ``academie/…``, optionally ``<remote>/…``).

    Args:
        remotes: the remote names when the caller knows them already (None: ask git).

    Raises:
        StoreError: unknown branch or not a reviewable one.
    """
    if remotes is None:
        remotes = frozenset(network.remotes(root))
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
    base = merging.merge_base(root, target_at[1], source[1])
    author, email, proposed = git_log.first_author(root, f"{base}..{source[1]}" if base else source[1])
    found_reviews = notes.reviews(root, source[1], held=held)
    decided = [r for r in found_reviews if r.authenticated and r.decision in (Decision.CHANGES, Decision.REFUSE)]
    return Candidate(short, source[0], source[1], target, target_ref, target_at[1], academie, author, email,
                     proposed, git_log.commit_date(root, source[1]), decided[-1] if decided else None,
                     tuple(r for r in found_reviews if not r.authenticated))


def check_tip(item: Candidate, tip: str | None) -> None:
    """Refuse when ``tip`` (the one shown to the reviewer) is not the branch's tip any more (compare-and-swap).

    Raises:
        StoreError: ``tip`` is malformed, or the branch moved since it was shown.
    """
    if tip is None:
        return
    shown = tip.strip().lower()
    if len(shown) < 7 or any(c not in "0123456789abcdef" for c in shown):
        raise StoreError(f"pointe invalide « {printable(tip)[:80]} » (attendu : l'identifiant affiché par "
                         "« traam review show »)")
    if not item.tip.startswith(shown):
        raise StoreError(f"« {printable(item.name)} » a changé depuis son affichage : pointe relue {shown[:10]}, "
                         f"pointe actuelle {item.tip[:10]}. Relisez-la (traam review show) avant de valider.")


def merged(root: Path | str, item: Candidate, now: dt.datetime | None = None) -> bool:
    """Tell whether ``item.tip`` is already in the **verified** part of its target.

    A forged (unsigned) merge on the target proves nothing: compared with the
    raw tip, it would hide the contribution from the queue.
    """
    verified = verify.verify_branch(root, item.target, tip=item.target_tip, now=now).verified
    return verified is not None and trees.is_ancestor(root, item.tip, verified)


def pending(root: Path | str, *, reviewer: Reviewer | None = None, everything: bool = False,
            report: bool = True) -> list[Candidate]:
    """Return the branches waiting for validation in ``reviewer``'s scope (everything when None).

    Contributions already merged into their target are left out, and so are
    those whose tip has a pending decision (changes requested, refused)
    unless ``everything``.
    """
    names = set()
    local_only = set()
    listed = trees.refs(root, "refs/heads/contrib/", "refs/remotes/")
    # The remote-tracking refs name the remotes once the commons has been fetched: ask git only before that.
    remotes = frozenset(ref.split("/", 3)[2] for ref in listed if ref.startswith("refs/remotes/") and ref.count("/") >= 3)
    if not remotes:
        remotes = frozenset(network.remotes(root))
    for ref in listed:
        short = ref.removeprefix("refs/heads/")
        if ref.startswith("refs/remotes/"):
            short = ref.split("/", 3)[3] if ref.count("/") >= 3 else ""
        elif contrib.parse_branch(short):
            local_only.add(short)
            continue
        if contrib.parse_branch(short) or (short.startswith("academie/") and short[9:] in vocab.ACADEMIES):
            names.add(short)
    # With a shared remote, a contribution that was never pushed is its author's draft (« brouillon »), not a
    # proposal: it waits in no reviewer's queue. Without any remote, local branches are all there is.
    names |= local_only if not remotes else set()
    for ref in trees.refs(root, "refs/heads/academie/"):
        if ref.removeprefix("refs/heads/academie/") in vocab.ACADEMIES:
            names.add(ref.removeprefix("refs/heads/"))
    found = []
    held = notes.trust(root)
    for short in sorted(names):
        is_academie = short.startswith("academie/")
        if reviewer is not None and reviewer.role == "academique":
            parsed = contrib.parse_branch(short)  # None only for academie/<a> branches
            if is_academie or parsed is None or parsed[0] not in reviewer.academies:
                continue
        try:
            item = candidate(root, short, held=held, remotes=remotes)
            if merged(root, item):
                continue  # already validated
            if item.decision is not None and not everything:
                continue
            if report:
                item = replace(item, plan=recordmerge.plan_merge(root, item.target_tip, item.tip))
        except StoreError:
            continue  # a branch without common history with its target is not a contribution to review
        found.append(item)
    return found


def _trailers(root: Path | str, item: Candidate, plan: recordmerge.MergePlan) -> tuple[str, list[str]]:
    assert plan.tree is not None  # called once the merge is planned without conflict
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
    tip: str = ""
    """The contribution tip that was merged."""


def approve(root: Path | str, name: str, *, resolutions: dict[str, str] | None = None, into: str | None = None,
            key: Path | None = None, push: bool = True, force: bool = False,
            now: dt.datetime | None = None, tip: str | None = None) -> Approved:
    """Validate a branch: signed ``--no-ff`` record-aware merge into its target, checked, then pushed.

    Args:
        resolutions: choices for conflicting fields (see :func:`store.review.merge.plan_merge`).
        into: ``main`` to validate a contribution nationally.
        key: private SSH key (default: ``user.signingkey`` of this commons).
        force: merge even when the merged records break rules.
        tip: the tip the reviewer was shown (``traam review show``); refused when the branch moved since,
            so that what is approved is exactly what was shown.

    Raises:
        UnresolvedConflicts: conflicts remain.
        StoreError: refused paths, rule errors, no key, reviewer not allowed, the branch moved, or git failed.
    """
    item = candidate(root, name, into=into)
    check_tip(item, tip)
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
    if plan.tree is None or (has_errors(list(plan.problems)) and not force):
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
    today = (now or dt.datetime.now(dt.UTC)).date()
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
    commit = signatures.commit_tree(root, plan.tree, [item.target_tip, item.tip], message, key)
    check = verify.verify_merge(root, item.target, commit, [item.target_tip, item.tip], today=today,
                                main_chain=main_chain)
    if check:
        raise StoreError("la fusion signée ne passe pas la vérification : " + " ; ".join(check))
    move_branch(root, item, commit)
    remote = contrib.default_remote(root)
    pushed = False
    if push and remote:
        if not network.remote_has_branch(root, remote, item.target):
            # A new académie branch is first created at main's commit (servers accept only that as a
            # creation), then receives the validation merge.
            network.push(root, remote, f"{item.target_tip}:refs/heads/{item.target}")
        network.push(root, remote, f"refs/heads/{item.target}:refs/heads/{item.target}")
        pushed = True
    return Approved(commit, item.target, pushed, plan, item.tip)


def move_branch(root: Path | str, item: Candidate, commit: str) -> None:
    """Move the local target branch to ``commit`` (compare-and-swap; fast-forward if it is checked out)."""
    ref = f"refs/heads/{item.target}"
    current = trees.rev(root, ref)
    if refs.head_ref(root) == ref:
        merging.fast_forward(root, commit)
        return
    if current is not None and not trees.is_ancestor(root, current, commit):
        raise StoreError(f"la branche locale « {item.target} » a divergé : synchronisez-la d'abord")
    refs.update(root, ref, commit, current or null_id(object_format(root)), message=f"traam : validation de {item.name}")


def decide(root: Path | str, name: str, decision: Decision | str, message: str, *, records: dict[str, str] | None = None,
           push: bool = True, key: Path | None = None, tip: str | None = None,
           now: dt.datetime | None = None) -> notes.Review:
    """Record a signed review decision (``modifications``, ``refus``, ``commentaire``) on the branch's tip.

    The note is signed with ``key`` (default: ``user.signingkey``) and pushed
    (merged with the remote's notes) when a remote exists and ``push``.

    Args:
        tip: the tip the reviewer was shown; refused if the branch has moved since.

    Raises:
        StoreError: no key, a key outside ``main``'s governance or scope, the branch moved, or git failed.
    """
    item = candidate(root, name)
    check_tip(item, tip)
    key = key or signing.signing_key(root)
    if key is None:
        raise StoreError("aucune clé de signature : lancez « traam reviewer setup »")
    review = notes.add(root, item.tip, branch=item.name, decision=decision, message=message, key=key,
                       records=records, now=now)
    remote = contrib.default_remote(root)
    if push and remote:
        notes.sync(root, remote)
    return review
