"""Provides where a record stands: its signed validations (who, when, into which branch) and, for
``traam status``, every version of it across branches with its state.

Only verified history counts: a validation is a merge on the part of ``main``
or ``academie/<a>`` that ``traam verify`` retains
(:func:`store.review.states.verified_tips`), whose signature checks against
the governance of its first parent (:func:`store.review.verify.signature`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from records import layout
from store.git import trees, validation_log
from store.review import contrib, governance, states, verify
from store.review.status import RecordState


@dataclass(frozen=True)
class Validation:
    """A signed merge that brought a version of a record into ``main`` or ``academie/<a>``."""

    branch: str
    commit: str
    date: dt.datetime
    principal: str
    """The signer, as the governance of the merge's first parent names them."""
    name: str
    contribution: str
    """The branch validated (from the merge's subject), '' when unknown."""
    blob: str | None
    """The record's blob after the merge (None when the merge deleted it)."""

    @property
    def national(self) -> bool:
        return self.branch == "main"


def _tips(root: Path | str) -> dict[str, str]:
    return trees.refs(root, "refs/heads/", "refs/remotes/")


def record_validations(root: Path | str, record_id: str, *, now: dt.datetime | None = None) -> list[Validation]:
    """Return the verified validations of ``record_id``, newest first (blocking git calls)."""
    path = layout.path_of(record_id)
    found = []
    for branch, tip in sorted(states.verified_tips(root, _tips(root), now).items()):
        for merge in validation_log.merges_touching(root, tip, path):
            rules = governance.governance_at(root, merge.parents[0])
            principal, _ = verify.signature(root, merge.commit, rules)
            if principal is None:
                continue  # below the trust root, or not a validation: never shown as one
            named = governance.by_principal(rules, principal)
            subject = merge.subject
            contribution = subject.split(" : ", 1)[1].strip() if subject.startswith("Validation ") and " : " in subject \
                else ""
            found.append(Validation(branch, merge.commit, merge.date,
                                    principal, named[0].name if named else principal, contribution,
                                    validation_log.blob_at(root, merge.commit, path)))
    return sorted(found, key=lambda v: v.date, reverse=True)


@dataclass(frozen=True)
class Version:
    """One version (blob) of a record and the branches that hold it."""

    blob: str
    state: RecordState
    """National, academic, proposed or draft (:data:`records.vocab.STATES`)."""
    branches: tuple[str, ...] = ()
    """Short ref names (``main``, ``origin/contrib/lille/x``…)."""


_ORDER = {RecordState.NATIONAL: 0, RecordState.ACADEMIC: 1, RecordState.PROPOSED: 2, RecordState.DRAFT: 3}


def record_versions(root: Path | str, record_id: str, *, now: dt.datetime | None = None) -> list[Version]:
    """Return every version of ``record_id`` held by ``main``, ``academie/*`` and ``contrib/*`` branches, local
    or remote, with the state of each: the most validated first."""
    path = layout.path_of(record_id)
    tips = _tips(root)
    verified = states.verified_tips(root, tips, now)
    validated: dict[str, RecordState] = {}
    for branch, commit in verified.items():
        blob = validation_log.blob_at(root, commit, path)
        if blob:
            level = RecordState.NATIONAL if branch == "main" else RecordState.ACADEMIC
            if validated.get(blob) != RecordState.NATIONAL:
                validated[blob] = level
    held: dict[str, list[str]] = {}
    pushed: set[str] = set()
    for ref, commit in sorted(tips.items()):
        short = ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")
        bare = short.split("/", 1)[1] if ref.startswith("refs/remotes/") and "/" in short else short
        if not (bare == "main" or bare.startswith("academie/") or contrib.parse_branch(bare)):
            continue
        blob = validation_log.blob_at(root, commit, path)
        if blob is None:
            continue
        held.setdefault(blob, []).append(short)
        if ref.startswith("refs/remotes/"):
            pushed.add(blob)
    versions = [Version(blob, validated.get(blob) or (RecordState.PROPOSED if blob in pushed else RecordState.DRAFT),
                        tuple(branches)) for blob, branches in held.items()]
    return sorted(versions, key=lambda v: (_ORDER.get(v.state, 9), v.branches))
