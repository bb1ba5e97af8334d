"""Provides the named query behind a record's validations: the merges of a branch's first-parent chain that
changed one path.

With ``--first-parent``, a merge is compared with its first parent (the
branch before the validation), so the merges listed are exactly those that
brought a new version of the path into the branch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from store import git


@dataclass(frozen=True)
class MergeTouching:
    """A merge on a branch's first-parent chain that changed a path."""

    commit: str
    parents: tuple[str, ...]
    date: datetime
    """Committer date, in the committer's own offset."""
    subject: str


def merges_touching(root: Path | str, tip: str, path: str) -> list[MergeTouching]:
    """Return the merges of ``tip``'s first-parent chain that changed ``path``, newest first."""
    done = git.run(root, "log", "--first-parent", "--merges", "--format=%H%x00%P%x00%cI%x00%s%x00",
                   "--end-of-options", tip, "--", path, check=False)
    if done.returncode != 0:
        return []
    fields = done.stdout.decode("utf-8", "replace").split("\0")
    out = []
    for start in range(0, len(fields) - 4, 4):
        commit, parents, date, subject = (f.strip("\n") for f in fields[start:start + 4])
        if commit:
            out.append(MergeTouching(commit, tuple(parents.split()), datetime.fromisoformat(date), subject))
    return out


def blob_at(root: Path | str, commit: str, path: str) -> str | None:
    """Return the blob id of ``path`` in ``commit``, None when absent."""
    done = git.run(root, "rev-parse", "-q", "--verify", "--end-of-options", f"{commit}:{path}", check=False)
    return (done.stdout.decode("ascii", "replace").strip() or None) if done.returncode == 0 else None
