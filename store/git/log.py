"""Provides the git queries of a record's history: the path-limited raw log, and the commit-graph.

A path-limited ``git log --raw`` gives, per commit, the blob before and
after (see :mod:`store.history` for the field-level changes). A
commit-graph with changed-path Bloom filters keeps the walk fast on large
commons; it is written when missing and extended (``--split``) after commits.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from store import git

_SEP = "\x1e"
_OID = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
UNKNOWN = "?"
"""Blob placeholder for merges, whose raw diff git does not print."""

LogRow = tuple[str, tuple[str, ...], str, str, datetime, str, str | None, str | None]
"""One commit of a record's history: commit, parents, author, email, date, message, old blob, new blob."""


def has_graph(common_dir: Path) -> bool:
    """Tell whether the repository has a commit-graph (single file or split chain)."""
    info = common_dir / "objects" / "info"
    return (info / "commit-graph").is_file() or (info / "commit-graphs" / "commit-graph-chain").is_file()


def write_graph(root: Path, *, wait: bool = True) -> subprocess.Popen[bytes] | None:
    """Write or extend the commit-graph with changed-path Bloom filters.

    Args:
        wait: run to completion; otherwise start it in the background and
            return the process (its failure is harmless: git falls back to
            walking commits).
    """
    args = ("commit-graph", "write", "--reachable", "--changed-paths", "--split", "--no-progress")
    if wait:
        git.run(root, *args, check=False)
        return None
    return git.spawn(root, *args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def log(root: Path, path: str, *, rev: str = "HEAD", limit: int | None = None,
        first_parent: bool = False) -> list[LogRow]:
    """Return the raw history of ``path``: (commit, parents, author, email, date, message, old blob, new blob).

    A merge (shown when its result differs from every parent, or on the
    first-parent line) has blobs :data:`UNKNOWN`: the caller compares it
    with its first parent.
    """
    args = ["--literal-pathspecs", "log", "--no-renames", "--no-ext-diff", "--no-textconv", "--raw", "--no-abbrev",
            "--format=" + _SEP + "%H%x00%P%x00%an%x00%ae%x00%aI%x00%B%x00"]
    if first_parent:
        args.append("--first-parent")
    if limit:
        args.append(f"-n{int(limit)}")
    args += [rev, "--", path]
    done = git.run(root, *args, check=False)
    if done.returncode != 0:
        return []
    out = []
    zero = None
    for chunk in done.stdout.decode("utf-8", "replace").split(_SEP)[1:]:
        parts = chunk.split("\0")
        if len(parts) < 7:
            continue
        commit, parents, author, email, date, message, raw = parts[:7]
        old = new = UNKNOWN if len(parents.split()) > 1 else None
        for line in raw.splitlines():
            if not line.startswith(":"):
                continue
            meta = line[1:].split("\t", 1)[0].split()
            if len(meta) >= 4:
                zero = zero or "0" * len(meta[2])
                old = None if meta[2] == zero else meta[2]
                new = None if meta[3] == zero else meta[3]
        out.append((commit, tuple(parents.split()), author, email, datetime.fromisoformat(date),
                    message.strip("\n"), old, new))
    return out




@dataclass(frozen=True, slots=True)
class RecentCommit:
    """One recent commit of HEAD, for the dashboard."""

    commit: str
    author: str
    date: datetime
    message: str
    """The subject line."""
    paths: tuple[str, ...] = ()


def recent(root: Path, limit: int = 8) -> list[RecentCommit]:
    """Return the latest ``limit`` commits of HEAD with the paths they touched (empty without commits)."""
    done = git.run(root, "log", f"-n{int(limit)}", "--format=%x1e%H%x1f%an%x1f%aI%x1f%s", "--name-only", "--",
                   check=False)
    if done.returncode != 0:
        return []
    changes = []
    for block in done.stdout.decode("utf-8", "replace").split("\x1e"):
        head, _, names = block.strip().partition("\n")
        parts = head.strip().split("\x1f")
        if len(parts) != 4:
            continue
        commit, author, date, subject = parts
        paths = tuple(n.strip() for n in names.splitlines() if n.strip())
        changes.append(RecentCommit(commit, author, datetime.fromisoformat(date), subject, paths))
    return changes


def first_parent_touches(root: Path, commit: str, prefix: str) -> list[tuple[datetime, str]]:
    """Return ``(committer date, path)`` of each file under ``prefix`` touched along ``commit``'s first parents.

    Newest first; a merge is compared with its first parent (``-m``), so a
    validation merge counts as the moment its content reached the branch.
    """
    output = git.text(root, "log", "--first-parent", "-m", "--name-only", "--no-renames", "--format=%x00%cI",
                      "--end-of-options", commit, "--", prefix)
    found = []
    moment: datetime | None = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            moment = datetime.fromisoformat(line[1:])
        elif line and moment is not None:
            found.append((moment, line))
    return found


def first_author(root: Path | str, span: str) -> tuple[str, str, str]:
    """Return ``(name, email, ISO date)`` of the oldest commit of ``span`` (empty strings when none)."""
    log = git.text(root, "log", "--reverse", "--format=%an%x00%ae%x00%aI", span)
    first = log.splitlines()[0].split("\0") if log else []
    return (first[0], first[1], first[2]) if len(first) == 3 else ("", "", "")


def commit_date(root: Path | str, commit: str) -> str:
    """Return the committer date of ``commit`` (ISO 8601)."""
    return git.text(root, "log", "-1", "--format=%cI", commit)


def first_root(root: Path | str, tip: str) -> str | None:
    """Return the oldest commit of ``tip``'s first-parent chain: the stable identity of a commons.

    Merging an unrelated history later adds roots but never changes this one,
    since a validation branch only grows by merges whose first parent is the
    old tip.
    """
    key = (str(Path(root).resolve()), tip)
    if key in _FIRST_ROOTS:  # a commit id names one history: its root, once found, stays (one walk per process)
        return _FIRST_ROOTS[key]
    done = git.run(root, "rev-list", "--first-parent", "--max-parents=0", "--end-of-options", tip, check=False)
    lines = done.stdout.decode("ascii", "replace").split()
    found = lines[-1] if done.returncode == 0 and lines and _OID.match(lines[-1]) else None
    if found is not None and _OID.fullmatch(tip) and len(_FIRST_ROOTS) < 64:
        _FIRST_ROOTS[key] = found
    return found


_FIRST_ROOTS: dict[tuple[str, str], str] = {}
"""First-parent root by (repository, full commit id), found in this process."""


def chain_ids(root: Path | str, tip: str) -> frozenset[str]:
    """Return the commit ids of ``tip``'s first-parent chain."""
    done = git.run(root, "rev-list", "--first-parent", "--end-of-options", tip, check=False)
    return frozenset(done.stdout.decode("ascii", "replace").split()) if done.returncode == 0 else frozenset()
