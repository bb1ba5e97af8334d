"""Provides the verification of validation branches: every merge signed by a reviewer the parent allows.

On ``main`` and ``academie/*``, walking the first-parent chain back to the
trust root (or, for an académie branch, to the chain of ``main``), every
commit must be a merge signed with SSH by a principal that the governance
**of its first parent** allows for that branch and the records it changes;
keys are checked against today, not the committer date (SECURITY.md, facts
5 and 6). The walk stops at the trust root, which the verifier holds
(:mod:`store.review.trust`: a pin or the first-contact record, never the
data), and at the newest tip it already verified; a branch that no longer
contains that tip is a rollback. On ``academie/*``, a key that ``main``'s
current governance no longer allows signs nothing new (facts 11 and 12).
Used by ``traam verify``, the states and the pre-receive hook.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from records.models import Governance
from records.text import printable
from store.errors import StoreError
from store.git import log as git_log
from store.git import signatures, trees
from store.git.objectformat import is_null
from store.index import memo
from store.review import governance, trust
from store.review.revocation import Current, changed_paths, revocation_problems, rollback_problem

MAX_FUTURE = dt.timedelta(hours=1)
"""A commit dated later than now by more than this is refused (forged clock)."""
MAX_PAST_ON_PUSH = dt.timedelta(days=1)
"""A merge pushed now but dated earlier than this is refused (backdated)."""


@dataclass
class BranchReport:
    """What verifying one protected branch found."""

    branch: str
    tip: str | None
    verified: str | None = None
    """Newest commit up to which the chain verifies (None when nothing does)."""
    problems: list[str] = field(default_factory=list)
    merges: int = 0
    ref: str = ""
    """The ref verified (``refs/heads/main``, ``refs/remotes/origin/main``…), when chosen among several."""
    ignored: list[str] = field(default_factory=list)
    """French lines about the other refs of this branch that were not retained (a fork's branch refused…)."""

    @property
    def ok(self) -> bool:
        return not self.problems


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def pinned_root(root: Path | str) -> str:
    """Return the trust root pinned by the verifier (``$TRAAM_TRUST_ROOT``, else global ``traam.trustRoot``), or ''.

    Never the repository's own config nor its ``traam.toml``: a copied
    repository could pin its forged tip there and have every earlier commit trusted.
    """
    return trust.pinned_root(root)[0]


def trust_root(root: Path | str, tip: str | None = None) -> str | None:
    """Return the trust root of the commons at ``root``: the verifier's pin, else the first-contact record.

    Args:
        tip: the ``main`` being verified, used only when the repository has no ``main`` yet.
    """
    held = trust.anchor(root, tip)
    return held.root if held else None


def signature(root: Path | str, commit: str, rules: Governance) -> tuple[str | None, str]:
    """Check the SSH signature of ``commit`` against the allowed signers built from ``rules``.

    Returns:
        ``(principal, "")`` when the signature is good and its key belongs to
        ``rules``; ``(None, French reason)`` otherwise.
    """
    return _reason(*signatures.commit_signature(root, commit, governance.allowed_signers(rules)))


def _reason(status: str, principal: str) -> tuple[str | None, str]:
    """Return ``(principal, "")`` for git's good-signature status, else ``(None, French reason)``."""
    if status == "G" and principal:
        return principal, ""
    if status == "N":
        return None, "fusion non signée"
    if status in ("U", "E"):
        return None, "signature par une clé inconnue de la gouvernance du parent"
    return None, "signature invalide"


def _check_merge(root: Path | str, branch: str, commit: str, parents: list[str], *, today: dt.date,
                 main_chain: frozenset[str]) -> tuple[list[str], str]:
    """Return ``(French problems, signer's key body)`` of one merge against the governance of its first parent."""
    rules = governance.governance_at(root, parents[0])
    return _judge(root, branch, commit, parents, rules, signature(root, commit, rules), today=today,
                  main_chain=main_chain)


def _judge(root: Path | str, branch: str, commit: str, parents: list[str], rules: Governance,
           signed: tuple[str | None, str], *, today: dt.date, main_chain: frozenset[str],
           changes: dict[str, set[str]] | None = None) -> tuple[list[str], str]:
    """Return :func:`_check_merge` of a merge from its first parent's ``rules`` and its signature's check.

    ``changes``: the paths each merge brings against its first parent, when read
    for many at once (on ``main`` they are the paths the merge brings).
    """
    short = commit[:10]
    principal, reason = signed
    if principal is None:
        return [f"{short} : {reason}"], ""
    matching = governance.by_principal(rules, principal)
    if len(matching) != 1:
        return [f"{short} : principal « {printable(principal)} » ambigu dans la gouvernance"], ""
    reviewer = matching[0]
    key = governance.key_body(reviewer.public_key)
    if not governance.is_active(reviewer, today):
        return [f"{short} : la clé de {printable(reviewer.principal)} n'est pas valide aujourd'hui "
                f"({today.isoformat()} hors de {reviewer.valid_from or '…'} – {reviewer.valid_until or '…'})"], key
    if changes is not None and branch == "main":
        changed = changes.get(commit, set())
    else:
        changed = changed_paths(root, branch, commit, parents, main_chain)
    return [f"{short} : {message}" for message in governance.scope_problems(reviewer, branch, changed)], key


def _check_merges(root: Path | str, branch: str, merges: list[tuple[str, list[str]]], *, today: dt.date,
                  main_chain: frozenset[str]) -> dict[str, tuple[list[str], str]]:
    """Return :func:`_check_merge` of many merges, reading and checking them in batches (same answers).

    The governances of the first parents come through one ``git cat-file``,
    the signatures through :func:`store.git.sigbatch.commit_signatures`
    (``ssh-keygen -Y verify`` on every core), the changed paths on ``main``
    through one ``git diff-tree --stdin``.
    """
    if not merges:
        return {}
    from store.git import sigbatch

    rules = governance.governances_at(root, [parents[0] for _, parents in merges])
    signed = sigbatch.commit_signatures(
        root, [(commit, governance.allowed_signers(rules[parents[0]])) for commit, parents in merges])
    changes = None
    if branch == "main":
        changes = {commit: {c.path for c in found} for commit, found in
                   trees.changes_between(root, [(parents[0], commit) for commit, parents in merges]).items()}
    return {commit: _judge(root, branch, commit, parents, rules[parents[0]], _reason(*signed[commit]), today=today,
                           main_chain=main_chain, changes=changes) for commit, parents in merges}


def verify_merge(root: Path | str, branch: str, commit: str, parents: list[str], *, today: dt.date,
                 main_chain: frozenset[str] = frozenset(), current: Current | None = None) -> list[str]:
    """Return French problems of one merge ``commit`` on ``branch`` (empty when it is a valid validation).

    The governance is that of ``parents[0]`` (the old tip). Paths whose
    content comes unchanged from a parent on ``main``'s chain (an académie
    branch catching up with ``main``) are not the reviewer's to justify.
    On an académie branch, ``current`` (default: ``main``'s verified
    governance) must still allow the signer (:func:`revocation_problems`).
    """
    problems, key = _check_merge(root, branch, commit, parents, today=today, main_chain=main_chain)
    if problems or branch == "main":
        return problems
    if current is None:
        now = dt.datetime.combine(today, dt.time(12), dt.UTC)
        current = _anchors(root, None, now)[2]
    return revocation_problems(root, branch, commit, parents, key, today=today, current=current,
                               main_chain=main_chain)


def verified_main_chain(root: Path | str, tip: str | None = None, now: dt.datetime | None = None) -> frozenset[str]:
    """Return the commits of ``main``'s first-parent chain up to its verified tip (empty when none verifies)."""
    return _anchors(root, tip, _now(now))[0]


def _anchors(root: Path | str, tip: str | None, now: dt.datetime) -> tuple[frozenset[str], str, Current]:
    """Return the verified part of ``main``'s chain, the root an académie branch may start from, and :class:`Current`.

    Only the verified part: an académie branch may rest on validated national
    history, never on an unverified ``main`` (which would otherwise vouch for it).
    """
    tip = tip or _newest_main(root)
    held = trust.anchor(root, tip)
    remembered = tuple(held.tips.values()) if held else ()
    report = verify_branch(root, "main", tip=tip, now=now) if tip else None
    if report is None or report.verified is None:
        return frozenset(), "-", Current(Governance(), remembered)
    chain = trees.first_parent_chain(root, report.verified)
    current = Current(governance.governance_at(root, report.verified), (report.verified, *remembered))
    return frozenset(c for c, _ in chain), (held.root if held else chain[-1][0]), current


def verify_chain(root: Path | str, branch: str, chain: list[tuple[str, list[str]]], *, root_commit: str | None,
                 now: dt.datetime, main_chain: frozenset[str], pushed: bool = False,
                 trusted: frozenset[str] = frozenset(), current: Current | None = None) -> list[tuple[str, str]]:
    """Verify ``chain`` (newest first) and return ``[(commit, French problem)]``.

    Args:
        root_commit: the trust root; the walk stops there (it is trusted as is).
        pushed: the commits are being pushed now (pre-receive): old dates are refused too.
        trusted: commits already verified by this verifier (a remembered tip's chain): the walk stops there.
        current: ``main``'s current governance, applied to académie branches (revocations).
    """
    today = now.date().isoformat()
    known = {k: v for k, v in memo.load(root, "verify-2").items() if k.split("\0")[2:3] == [today]}
    found: list[tuple[str, str]] = []
    times = trees.commit_times(root, [commit for commit, _ in chain])
    checked = _check_merges(root, branch, _to_check(branch, chain, known, today, root_commit=root_commit,
                                                    trusted=trusted, main_chain=main_chain),
                            today=now.date(), main_chain=main_chain)
    for commit, parents in chain:
        if commit == root_commit or commit in trusted or (branch != "main" and commit in main_chain):
            break
        when = dt.datetime.fromtimestamp(times[commit], dt.UTC)
        if when > now + MAX_FUTURE:
            found.append((commit, f"{commit[:10]} : daté dans le futur ({when:%Y-%m-%d %H:%M}), horloge refusée"))
        elif pushed and when < now - MAX_PAST_ON_PUSH:
            found.append((commit, f"{commit[:10]} : daté du {when:%Y-%m-%d %H:%M}, trop loin de l'heure actuelle"))
        if len(parents) < 2:
            if not parents and root_commit is None:
                break  # the repository's first commit is the trust root when none is known
            found.append((commit, f"{commit[:10]} : commit direct sur « {printable(branch)} » (seules les "
                                  "fusions de validation signées sont permises)"))
            continue
        key = _memo_key(branch, commit, parents, today, main_chain)
        entry = known.get(key)
        if not (isinstance(entry, list) and len(entry) == 2):
            entry = known[key] = list(checked.get(commit) or _check_merge(root, branch, commit, parents,
                                                                          today=now.date(), main_chain=main_chain))
        problems, signer = entry
        found.extend((commit, message) for message in problems)
        if not problems and branch != "main" and current is not None:
            found.extend((commit, message) for message in revocation_problems(
                root, branch, commit, parents, signer, today=now.date(), current=current, main_chain=main_chain))
    memo.save(root, "verify-2", known)
    return found


def _memo_key(branch: str, commit: str, parents: list[str], today: str, main_chain: frozenset[str]) -> str:
    return "\0".join([branch, commit, today, *sorted(p for p in parents[1:] if p in main_chain)])


def _to_check(branch: str, chain: list[tuple[str, list[str]]], known: dict[str, object], today: str, *, root_commit: str | None,
              trusted: frozenset[str], main_chain: frozenset[str]) -> list[tuple[str, list[str]]]:
    """Return the merges of ``chain`` that :func:`verify_chain` will check and has not remembered, newest first."""
    found = []
    for commit, parents in chain:
        if commit == root_commit or commit in trusted or (branch != "main" and commit in main_chain):
            break
        entry = known.get(_memo_key(branch, commit, parents, today, main_chain))
        if len(parents) >= 2 and not (isinstance(entry, list) and len(entry) == 2):
            found.append((commit, parents))
    return found


def _newest_main(root: Path | str) -> str | None:
    from store.review import selection

    return selection.main_tip(root)


def verify_branch(root: Path | str, branch: str, *, tip: str | None = None, main: str | None = None,
                  now: dt.datetime | None = None) -> BranchReport:
    """Verify the whole first-parent chain of a protected branch (``main`` or ``academie/<a>``).

    Args:
        tip: the commit to verify as that branch (default: ``refs/heads/<branch>``;
            a remote-tracking ref's commit for a branch never checked out).
        main: the commit of ``main`` whose chain an académie branch starts from
            (default: the ``main`` this verifier retains, see :mod:`store.review.selection`).

    Returns:
        A :class:`BranchReport`; ``verified`` is the newest commit before the
        oldest failure (the tip when everything verifies), None for a rollback.
    """
    now = _now(now)
    if governance.branch_scope(branch) is None:
        raise StoreError(f"« {printable(branch)} » n'est pas une branche de validation (main ou academie/…)")
    tip = tip or trees.rev(root, f"refs/heads/{branch}")
    report = BranchReport(branch, tip)
    if tip is None:
        return report
    main = None if branch == "main" else (main or _newest_main(root))
    held = trust.anchor(root, tip if branch == "main" else main)
    key = "\0".join([branch, tip, main or "", now.date().isoformat(), trust.fingerprint(held)])
    known = memo.load(root, "branches-2")
    if key in known:
        verified, problems, merges = known[key]
        return BranchReport(branch, tip, verified, list(problems), merges)
    _verify_branch(root, report, main, now, held)
    known = {k: v for k, v in known.items() if k.split("\0")[3] == now.date().isoformat()}
    known[key] = [report.verified, report.problems, report.merges]
    memo.save(root, "branches-2", known)
    return report


def _verify_branch(root: Path | str, report: BranchReport, main: str | None, now: dt.datetime,
                   held: trust.Anchor | None) -> None:
    branch, tip = report.branch, report.tip
    assert tip is not None
    current = None
    main_chain: frozenset[str]
    if branch == "main":
        main_chain, pinned = frozenset(), (held.root if held else None)
    else:
        main_chain, pinned, current = _anchors(root, main, now)
    chain = trees.first_parent_chain(root, tip)
    ids = {c for c, _ in chain}
    if pinned and branch == "main" and pinned not in ids:
        report.problems.append(f"la racine de confiance {pinned[:10]} n'est pas sur la branche « main »")
        return
    remembered = held.tips.get(branch) if held else None
    trusted: frozenset[str] = frozenset()
    if remembered and remembered != tip:
        on_chain = remembered in ids if branch == "main" else trees.is_ancestor(root, remembered, tip)
        if not on_chain:
            report.problems.append(rollback_problem(branch, remembered))
            return
        trusted = frozenset({remembered}) if branch == "main" else git_log.chain_ids(root, remembered)
    elif remembered == tip:
        trusted = frozenset({tip})
    stop = next((i for i, (commit, _) in enumerate(chain) if commit == pinned or commit in main_chain), len(chain))
    found = verify_chain(root, branch, chain, root_commit=pinned, now=now, main_chain=main_chain,
                         trusted=trusted, current=current)
    report.merges = sum(1 for _, parents in chain[:stop] if len(parents) > 1)
    report.problems = [message for _, message in found]
    report.verified = tip
    if found:
        bad = {commit for commit, _ in found}
        oldest = max(i for i, (commit, _) in enumerate(chain) if commit in bad)
        parents = chain[oldest][1]
        report.verified = parents[0] if parents else None


def verify_update(root: Path | str, ref: str, old: str, new: str, *, now: dt.datetime | None = None) -> list[str]:
    """Verify a push of ``ref`` from ``old`` to ``new`` (the pre-receive check); return French problems.

    ``old``/``new`` may be the null id (creation/deletion). Refs that are
    not validation branches are not checked here. On an académie branch,
    a key that the server's ``main`` no longer allows signs nothing new.
    """
    now = _now(now)
    branch = ref.removeprefix("refs/heads/")
    if not ref.startswith("refs/heads/") or governance.branch_scope(branch) is None:
        return []
    if is_null(new):
        return [f"suppression de la branche protégée « {printable(branch)} » refusée"]
    current = None
    if branch != "main":
        main_chain, anchor, current = _anchors(root, None, now)
        if not is_null(old):
            current = Current(current.rules, (*current.anchors, old))
    else:
        main_chain, anchor = frozenset(), None
    if not is_null(old) and not trees.is_ancestor(root, old, new):
        return [f"réécriture de « {printable(branch)} » refusée (poussée forcée)"]
    chain = trees.first_parent_chain(root, new, stop=None if is_null(old) else old)
    reached_main = next((i for i, (commit, _) in enumerate(chain) if commit in main_chain), None)
    if reached_main is not None:
        chain = chain[:reached_main]  # an académie branch catching up with main's validated chain
    elif not is_null(old) and chain and chain[-1][1][:1] != [old]:
        return [f"« {printable(branch)} » : l'ancienne pointe n'est pas sur la chaîne des premiers parents"]
    pinned: str | None
    if not is_null(old):
        pinned = old
    else:
        pinned = trust_root(root, new) if branch == "main" else anchor
    found = verify_chain(root, branch, chain, root_commit=pinned, now=now, main_chain=main_chain, pushed=True,
                         current=current)
    return [f"« {printable(branch)} » {message}" for _, message in found]


def protected_branches(root: Path | str) -> list[str]:
    """Return ``main`` and the ``academie/*`` branches, local or remote-tracking, ``main`` first."""
    from store.review import selection

    return selection.branch_names(root)
