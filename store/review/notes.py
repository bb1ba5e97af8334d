"""Provides review notes: signed decisions and per-record comments stored as git notes in ``refs/notes/traam-review``.

Each review is one JSON line (ASCII only, date first, so that git's
``cat_sort_uniq`` notes merge keeps them in order) appended to the note of
the contribution's tip. A line names the commit it is about, the branch,
the reviewer's principal, and carries an SSH signature (``ssh-keygen -Y
sign``, namespace ``traam-review``) of everything else. Git notes are not
authenticated (SECURITY.md, fact 13): a line **counts** only when that
signature is good, the commit is the annotated one, and the reviewer is in
the governance of ``main``'s current verified tip, active today, with a
scope covering the contribution (:func:`authenticated`). Other lines are
shown as « note non authentifiée » and change nothing. Notes fetched from a
remote live in ``refs/notes/remotes/<remote>/traam-review`` and are read too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from records import vocab
from records.models import Governance, Reviewer
from store.errors import StoreError
from store.git import notes_ref, signatures, trees
from store.review import governance
from store.review.status import Decision

NOTES_REF = notes_ref.NOTES_REF
DECISIONS: dict[str, str] = {Decision.CHANGES: "modifications demandées", Decision.REFUSE: "refusée",
                             Decision.COMMENT: "commentaire"}
"""Decision codes of a review note, with their French label."""
UNAUTHENTICATED = "note non authentifiée"
"""How a note that does not count is labelled."""
MAX_LINE = 64 * 1024
"""A review line longer than this is not read (a note is a few hundred bytes)."""


@dataclass(frozen=True)
class Review:
    """One review of a contribution's tip."""

    date: str
    decision: Decision | str
    """A :class:`Decision`; a foreign line's other word is kept as read (it never counts)."""
    reviewer: str
    message: str
    records: dict[str, str] = field(default_factory=dict)
    """Comments per record id."""
    principal: str = ""
    branch: str = ""
    """The contribution the reviewer judged (``contrib/<a>/<slug>`` or ``academie/<a>``)."""
    commit: str = ""
    """The tip the reviewer judged (must be the annotated commit)."""
    signature: str = field(default="", repr=False)
    authenticated: bool = False
    """Signed by a reviewer of ``main``'s current governance whose scope covers the contribution."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("signature")
        return data


@dataclass(frozen=True)
class Trust:
    """What notes are authenticated against: the governance of ``main``'s current verified tip."""

    rules: Governance
    main: str | None
    today: dt.date


def trust(root: Path | str, now: dt.datetime | None = None) -> Trust:
    """Return the :class:`Trust` of this verifier: governance of the verified tip of the ``main`` it retains
    (:func:`store.review.selection.select`, from its own trust root); empty when nothing verifies."""
    from store.review import selection  # the same choice of main as verify, status and the TUI

    now = now or dt.datetime.now(dt.UTC)
    verified = selection.select(root, "main", now=now).verified
    rules = governance.governance_at(root, verified) if verified else Governance()
    return Trust(rules, verified, now.date())


class HasRoot(Protocol):
    """Anything that carries the work tree of a commons (a :class:`store.commons.Commons`)."""

    @property
    def root(self) -> Path: ...


def _root(commons_or_root: HasRoot | Path | str) -> Path | str:
    if isinstance(commons_or_root, (str, Path)):
        return commons_or_root
    return commons_or_root.root  # a Commons


def _payload(data: dict[str, Any]) -> bytes:
    """Return the bytes a review line's signature covers: every field but ``sig``, canonical JSON."""
    body = {k: v for k, v in data.items() if k != "sig"}
    return json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def parse(line: str) -> Review | None:
    """Return the review of one note line, not yet authenticated (None for a foreign or damaged line)."""
    if len(line) > MAX_LINE:
        return None
    try:
        data = json.loads(line)
        return Review(str(data["date"]), Decision.of(str(data["decision"])), str(data.get("reviewer", "")),
                      str(data.get("message", "")),
                      {str(k): str(v) for k, v in dict(data.get("records") or {}).items()},
                      str(data.get("principal", "")), str(data.get("branch", "")), str(data.get("commit", "")),
                      str(data.get("sig", "")))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def _line_data(review: Review) -> dict[str, Any]:
    data = {"date": review.date, "decision": review.decision, "reviewer": review.reviewer,
            "principal": review.principal, "branch": review.branch, "commit": review.commit,
            "message": review.message, "records": dict(review.records)}
    if review.signature:
        data["sig"] = review.signature
    return data


def _line(review: Review) -> str:
    return json.dumps(_line_data(review), ensure_ascii=True, separators=(",", ":"))


_verified: dict[tuple[str, str, str], bool] = {}


def _signature_ok(reviewer: Reviewer, review: Review) -> bool:
    signers = f'"{reviewer.principal.replace(chr(34), "")}" namespaces="{signatures.NOTES_NAMESPACE}" ' \
              f"{governance.key_body(reviewer.public_key)}\n"
    data = _payload(_line_data(review))
    key = (signers, data.decode("ascii"), review.signature)
    if key not in _verified:
        _verified[key] = signatures.verify(signers, reviewer.principal, data, review.signature)
    return _verified[key]


def scope_problems(root: Path | str, reviewer: Reviewer, branch: str, commit: str, held: Trust) -> list[str]:
    """Return French reasons why ``reviewer`` may not judge ``commit`` of ``branch`` (empty: in scope).

    An academic reviewer judges contributions of their académie whose records
    they could validate into ``academie/<a>``; a national reviewer judges any
    contribution or académie branch whose records they could validate into ``main``.
    """
    from store.review import contrib

    parsed = contrib.parse_branch(branch)
    if parsed is None and not (branch.startswith("academie/") and branch[9:] in vocab.ACADEMIES):
        return [f"« {branch[:80]} » n'est pas une contribution"]
    base = notes_ref.merge_base(root, held.main, commit) if held.main else None
    changed = {c.path for c in trees.changes(root, base, commit)}
    national = governance.scope_problems(reviewer, "main", changed)
    if not national or parsed is None:
        return national
    return governance.scope_problems(reviewer, f"academie/{parsed[0]}", changed)


def authenticate(root: Path | str, review: Review, commit: str, held: Trust) -> str:
    """Return why ``review`` (a line of ``commit``'s note) does not count, in French; '' when it does."""
    if not review.signature:
        return "note non signée"
    if review.commit != commit:
        return "note signée pour un autre commit"
    matching = governance.by_principal(held.rules, review.principal)
    if len(matching) != 1:
        return f"« {review.principal[:80]} » n'est pas un relecteur de la gouvernance de main"
    reviewer = matching[0]
    if not governance.is_active(reviewer, held.today):
        return f"la clé de « {review.principal[:80]} » n'est pas valide aujourd'hui"
    if not _signature_ok(reviewer, review):
        return "signature invalide"
    problems = scope_problems(root, reviewer, review.branch, commit, held)
    return problems[0] if problems else ""


def reviews(commons_or_root: HasRoot | Path | str, commit: str, *, held: Trust | None = None) -> list[Review]:
    """Return every review attached to ``commit`` (local and fetched notes), oldest first, each marked
    ``authenticated`` or not (see :func:`authenticate`)."""
    root = _root(commons_or_root)
    lines: set[str] = set()
    for ref in notes_ref.note_refs(root):
        lines.update(notes_ref.note_lines(root, ref, commit))
    found = [review for review in map(parse, sorted(lines)) if review is not None]
    if not found:
        return []
    held = held or trust(root)
    out = []
    for review in found:
        if authenticate(root, review, commit, held):
            out.append(review)
            continue
        # Who signed is told by governance, never by the line itself.
        signer = governance.by_principal(held.rules, review.principal)[0]
        out.append(replace(review, reviewer=f"{signer.name} <{signer.principal}>", authenticated=True))
    return out


def authenticated(commons_or_root: HasRoot | Path | str, commit: str, *, held: Trust | None = None) -> list[Review]:
    """Return the reviews of ``commit`` that count: signed by a reviewer of ``main``'s current governance
    whose scope covers the contribution (oldest first)."""
    return [review for review in reviews(commons_or_root, commit, held=held) if review.authenticated]


def latest_decision(commons_or_root: HasRoot | Path | str, commit: str, *, held: Trust | None = None) -> Review | None:
    """Return the latest **authenticated** review of ``commit`` that is a decision (not a comment), or None."""
    decided = [r for r in authenticated(commons_or_root, commit, held=held)
               if r.decision in (Decision.CHANGES, Decision.REFUSE)]
    return decided[-1] if decided else None


def label(review: Review) -> str:
    """Return the French label of a review's decision (« note non authentifiée » when it does not count)."""
    return DECISIONS.get(review.decision, review.decision) if review.authenticated else UNAUTHENTICATED


def add(root: Path | str, commit: str, *, branch: str, decision: Decision | str, message: str, key: Path,
        records: dict[str, str] | None = None, now: dt.datetime | None = None) -> Review:
    """Sign a review of ``commit`` (tip of ``branch``) with ``key`` and append it to its note; return it.

    Raises:
        StoreError: the key is not a reviewer of ``main``'s current governance, the contribution is out
            of their scope, or signing failed.
    """
    if decision not in DECISIONS:
        raise ValueError(decision)
    decision = Decision(decision)
    held = trust(root, now)
    reviewer = governance.by_key(held.rules, signatures.public_key(key))
    if reviewer is None:
        raise StoreError("votre clé n'est pas dans la gouvernance de main (vérifiée) : votre note ne compterait pas")
    if not governance.is_active(reviewer, held.today):
        raise StoreError("votre clé n'est pas valide aujourd'hui selon la gouvernance")
    problems = scope_problems(root, reviewer, branch, commit, held)
    if problems:
        raise StoreError("contribution hors de votre périmètre : " + " ; ".join(problems))
    date = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    review = Review(date, decision, f"{reviewer.name} <{reviewer.principal}>", message, dict(records or {}),
                    reviewer.principal, branch, commit)
    line = signed_line(review, key)
    notes_ref.append(root, commit, line)
    return replace(parse(line) or review, authenticated=True)


def unsigned_line(review: Review) -> str:
    """Return the note line of ``review`` without a signature (it will never count)."""
    return _line(replace(review, signature=""))


def signed_line(review: Review, key: Path) -> str:
    """Return the note line of ``review`` signed with ``key`` (``ssh-keygen -Y sign -n traam-review``).

    Raises:
        StoreError: signing failed (unreadable key, passphrase without an agent).
    """
    unsigned = replace(review, signature="")
    return _line(replace(unsigned, signature=signatures.sign(key, _payload(_line_data(unsigned)))))


def fetch_refspec(remote: str) -> str:
    """Return the refspec that brings ``remote``'s review notes on every ``git fetch``."""
    return notes_ref.fetch_refspec(remote)


def follow(root: Path | str, remote: str) -> None:
    """Make plain ``git fetch <remote>`` also fetch review notes (idempotent)."""
    notes_ref.follow(root, remote)


def sync(root: Path | str, remote: str) -> None:
    """Fetch ``remote``'s notes, merge them into ours (union of lines) and push the result."""
    notes_ref.sync(root, remote)
