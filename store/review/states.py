"""Provides the validation state of every record, derived from git and never stored in a record.

A record is *validé national* when its blob is the one of the verified tip
of ``main``, *validé académique* when it is the one of the verified tip of
``academie/<its académie>``; otherwise, on a contribution branch, it is
*proposé* when the pushed branch holds that blob (*modifications demandées*
or *refusé* when the pushed tip carries such a review note) and *brouillon*
otherwise. The verified tips are those that ``traam verify`` retains
(:mod:`store.review.selection`), from the same trust root, so that the
states and ``verify`` always agree. Blob ids of ``ls-tree`` outputs are
compared, never history per record; the result is cached by everything it
depends on: the trust root and the remembered tips, the ids of every ref
(notes included) and of the snapshot's blobs, and the day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from records import layout
from store.git import trees
from store.index import memo
from store.review import contrib, notes, selection, trust
from store.review.status import Decision, RecordState

if TYPE_CHECKING:
    from store.commons import Commons
    from store.index.snapshot import Snapshot


def _newest(root: Path | str, tips: dict[str, str], short: str) -> str | None:
    """Return the newest commit among ``refs/heads/<short>`` and ``refs/remotes/*/<short>``."""
    found = [oid for ref, oid in tips.items() if ref == f"refs/heads/{short}"
             or (ref.startswith("refs/remotes/") and ref.split("/", 3)[-1] == short)]
    best = None
    for oid in found:
        if best is None or (oid != best and trees.is_ancestor(root, best, oid)):
            best = oid
    return best


def _academie_of(path: str) -> str:
    parts = path.split("/")
    if parts[0] == "scenarios" and len(parts) == 5:
        return parts[3]
    if parts[0] == "teams" and len(parts) == 4:
        return parts[3].removesuffix(".toml")
    return ""


def verified_tips(root: Path | str, tips: dict[str, str], now: dt.datetime | None = None) -> dict[str, str]:
    """Return ``{branch: verified commit}`` for ``main`` and every ``academie/<a>``, as ``traam verify`` retains them."""
    heads = sorted(f"{ref} {oid}" for ref, oid in tips.items() if ref.endswith("/main") or "/academie/" in ref)
    key = hashlib.sha1("\n".join([*heads, _trust_key(root), _day(now)]).encode()).hexdigest()
    known = memo.load(root, "verified-tips-2")
    cached = known.get("tips")
    if known.get("key") == key and isinstance(cached, dict):
        return cached
    found = {report.branch: report.verified for report in selection.verify_commons(root, now=now)
             if report.verified}
    # Remembering may have moved the tips: key the entry by what the next call will see.
    key = hashlib.sha1("\n".join([*heads, _trust_key(root), _day(now)]).encode()).hexdigest()
    memo.save(root, "verified-tips-2", {"key": key, "tips": found})
    return found


def _trust_key(root: Path | str) -> str:
    """Return the verifier's root and remembered tips as a cache-key part (they change what verifies)."""
    held = trust.anchor(root)
    return f"{trust.pinned_root(root)[1]}|{trust.fingerprint(held)}"


def _day(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).date().isoformat()


_LETTERS = {RecordState.DRAFT: "b", RecordState.PROPOSED: "p", RecordState.CHANGES_REQUESTED: "m",
            RecordState.REFUSED: "r", RecordState.ACADEMIC: "a", RecordState.NATIONAL: "n"}
_CODES = {letter: code for code, letter in _LETTERS.items()}
_BY_DECISION: dict[str, RecordState] = {Decision.CHANGES: RecordState.CHANGES_REQUESTED,
                                        Decision.REFUSE: RecordState.REFUSED}


def _fingerprint(ids: list[str], entries: Mapping[str, Any]) -> str:
    text = "\n".join(ids) + "\0" + "\n".join([entries[record_id].blob for record_id in ids])
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()


def _states_key(root: Path | str, branch: str, now: dt.datetime, records: str, tips: dict[str, str]) -> str:
    parts = [branch, now.date().isoformat(), records, _trust_key(root), *sorted(f"{r} {o}" for r, o in tips.items())]
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


def _current_branch(commons: Commons, snapshot: Snapshot) -> str:
    return snapshot.ref or commons.branch() or ""


def record_states(commons: Commons, snapshot: Snapshot, *,
                  now: dt.datetime | None = None) -> dict[str, RecordState]:
    """Return ``{record id: state}`` (codes of :data:`records.vocab.STATES`) for the snapshot's records.

    Args:
        commons: the open commons.
        snapshot: records it loaded (its ``ref``, None for the work tree, names the branch judged).
        now: the time at which signatures are checked (default: now).
    """
    root: Path = commons.root
    now = now or dt.datetime.now(dt.UTC)
    tips = trees.refs(root, "refs/heads/", "refs/remotes/", "refs/notes/")
    branch = _current_branch(commons, snapshot)
    ids = sorted(snapshot.entries)
    key = _states_key(root, branch, now, _fingerprint(ids, snapshot.entries), tips)
    known = memo.load(root, "states-2")
    letters = known.get("codes")
    if known.get("key") == key and isinstance(letters, str) and len(letters) == len(ids):
        # One letter per record, in id order: a tiny cache file even at 100,000 records.
        return {record_id: _CODES.get(letter, RecordState.DRAFT) for record_id, letter in zip(ids, letters)}
    states = _derive(root, tips, branch, snapshot.entries, now)
    key = _states_key(root, branch, now, _fingerprint(ids, snapshot.entries), tips)
    memo.save(root, "states-2", {"key": key, "codes": "".join(_LETTERS[states[record_id]] for record_id in ids)})
    return states


def _derive(root: Path | str, tips: dict[str, str], branch: str, entries: Mapping[str, Any],
            now: dt.datetime) -> dict[str, RecordState]:
    verified = verified_tips(root, tips, now)
    main = verified.get("main")
    national = _main_blobs(root, main) if main else {}
    academic: dict[str, dict[str, str]] = {}
    branches = {name.removeprefix("academie/"): commit for name, commit in verified.items()
                if name.startswith("academie/")}
    # Only paths that differ from main can be academic-only: diffs of trees (one git call), not listings.
    if main:
        diffs = trees.changes_against(root, list(branches.values()), main)
        by_commit = {commit: [(c.path, c.new_blob) for c in found] for commit, found in diffs.items()}
    else:
        by_commit = {commit: list(trees.tree_blobs(root, commit).items()) for commit in set(branches.values())}
    for academie, commit in branches.items():
        academic[academie] = {path: blob for path, blob in by_commit.get(commit, [])
                              if blob and _academie_of(path) == academie}
    short = branch.removeprefix("refs/heads/")
    if short.startswith("refs/remotes/"):
        short = short.split("/", 3)[-1]
    pushed: dict[str, str] = {}
    decision: Decision | str | None = None
    if contrib.parse_branch(short):
        remote_tips = [oid for ref, oid in tips.items() if ref.startswith("refs/remotes/")
                       and ref.split("/", 3)[-1] == short]
        for oid in remote_tips:
            pushed.update((c.path, c.new_blob) for c in trees.changes(root, main, oid) if c.new_blob)
            review = notes.latest_decision(root, oid)
            if review is not None:
                decision = review.decision
    states: dict[str, RecordState] = {}
    for record_id, entry in entries.items():
        path = layout.path_of(record_id)
        blob = entry.blob
        if national.get(path) == blob:
            states[record_id] = RecordState.NATIONAL
        elif not academic and not pushed:
            states[record_id] = RecordState.DRAFT
        elif academic.get(_academie_of(path), {}).get(path) == blob:
            states[record_id] = RecordState.ACADEMIC
        elif pushed.get(path) == blob:
            states[record_id] = _BY_DECISION.get(decision or "", RecordState.PROPOSED)
        else:
            states[record_id] = RecordState.DRAFT
    return states


def _main_blobs(root: Path | str, commit: str) -> dict[str, str]:
    """Return ``{path: blob}`` of ``main``'s verified tip, cached by commit id (one entry kept)."""
    known = memo.load(root, "main-blobs")
    paths, blobs = known.get("paths"), known.get("blobs")
    if known.get("commit") == commit and isinstance(paths, str) and isinstance(blobs, str):
        return dict(zip(paths.split("\n"), blobs.split("\n")))  # two long strings parse much faster than a dict
    found = trees.tree_blobs(root, commit)
    memo.save(root, "main-blobs", {"commit": commit, "paths": "\n".join(found), "blobs": "\n".join(found.values())})
    return found


def contribution_status(root: Path | str, branch: str) -> notes.Review | None:
    """Return the latest review decision on the pushed (else local) tip of a contribution branch."""
    tips = trees.refs(root, "refs/heads/", "refs/remotes/")
    tip = _newest(root, tips, branch)
    return notes.latest_decision(root, tip) if tip else None
