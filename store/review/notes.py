"""Provides review notes: decisions and per-record comments stored as git notes in ``refs/notes/traam-review``.

Each review is one JSON line (date first, so that git's ``cat_sort_uniq``
notes merge keeps them in order) appended to the note of the
contribution's tip. Notes fetched from a remote live in
``refs/notes/remotes/<remote>/traam-review`` and are read too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from store import git
from store.git import trees

NOTES_REF = "refs/notes/traam-review"
DECISIONS = {"modifications": "modifications demandées", "refus": "refusée", "commentaire": "commentaire"}
"""Decision codes of a review note, with their French label."""


@dataclass(frozen=True)
class Review:
    """One review of a contribution's tip."""

    date: str
    decision: str
    reviewer: str
    message: str
    records: dict[str, str] = field(default_factory=dict)
    """Comments per record id."""

    def to_json(self) -> dict:
        return asdict(self)


def _refs(root: Path | str) -> list[str]:
    found = [NOTES_REF] if trees.refs(root, NOTES_REF) else []
    found += [name for name in trees.refs(root, "refs/notes/remotes/") if name.endswith("/traam-review")]
    return found


def reviews(root: Path | str, commit: str) -> list[Review]:
    """Return the reviews attached to ``commit`` (local and fetched notes), oldest first."""
    lines: set[str] = set()
    for ref in _refs(root):
        done = git.run(root, "notes", f"--ref={ref}", "show", commit, check=False)
        if done.returncode == 0:
            lines.update(line for line in done.stdout.decode("utf-8", "replace").splitlines() if line.strip())
    found = []
    for line in sorted(lines):
        try:
            data = json.loads(line)
            found.append(Review(str(data["date"]), str(data["decision"]), str(data.get("reviewer", "")),
                                str(data.get("message", "")),
                                {str(k): str(v) for k, v in dict(data.get("records") or {}).items()}))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # a foreign or damaged note line is not a review
    return found


def latest_decision(root: Path | str, commit: str) -> Review | None:
    """Return the latest review of ``commit`` that is a decision (not a plain comment), or None."""
    decided = [r for r in reviews(root, commit) if r.decision in ("modifications", "refus")]
    return decided[-1] if decided else None


def add(root: Path | str, commit: str, *, decision: str, reviewer: str, message: str,
        records: dict[str, str] | None = None) -> Review:
    """Append a review to the note of ``commit`` in ``refs/notes/traam-review``; return it."""
    if decision not in DECISIONS:
        raise ValueError(decision)
    review = Review(dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), decision, reviewer, message,
                    dict(records or {}))
    line = json.dumps(review.to_json(), ensure_ascii=False, separators=(",", ":"))
    git.run(root, "notes", f"--ref={NOTES_REF}", "append", "-F", "-", commit, input=line + "\n")
    return review


def fetch_refspec(remote: str) -> str:
    """Return the refspec that brings ``remote``'s review notes on every ``git fetch``."""
    # A wildcard, because a remote without notes yet must not make every fetch fail.
    return f"+refs/notes/*:refs/notes/remotes/{remote}/*"


def follow(root: Path | str, remote: str) -> None:
    """Make plain ``git fetch <remote>`` also fetch review notes (idempotent)."""
    current = git.run(root, "config", "--get-all", f"remote.{remote}.fetch", check=False).stdout.decode().split()
    if fetch_refspec(remote) not in current:
        git.run(root, "config", "--add", f"remote.{remote}.fetch", fetch_refspec(remote))


def sync(root: Path | str, remote: str) -> None:
    """Fetch ``remote``'s notes, merge them into ours (union of lines) and push the result."""
    git.run(root, "fetch", "--quiet", remote, fetch_refspec(remote), check=False)
    theirs = f"refs/notes/remotes/{remote}/traam-review"
    if trees.refs(root, theirs) and trees.refs(root, NOTES_REF):
        git.run(root, "notes", f"--ref={NOTES_REF}", "merge", "-q", "-s", "cat_sort_uniq", theirs)
    elif trees.refs(root, theirs):
        git.run(root, "update-ref", NOTES_REF, theirs)
    if trees.refs(root, NOTES_REF):
        git.run(root, "push", "--quiet", remote, f"{NOTES_REF}:{NOTES_REF}")
        git.run(root, "fetch", "--quiet", remote, fetch_refspec(remote), check=False)
