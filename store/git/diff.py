"""Provides the one tree-change type and the one parser of git's ``--raw -z`` diff output.

``diff-tree``, ``diff-index`` and ``diff-tree --stdin`` all print the same
raw lines (``:old_mode new_mode old_oid new_oid status`` then the path);
every caller gets :class:`TreeChange` from :func:`parse_raw`, so a path, a
mode or a null id is read in one place only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from store import git
from store.git.objectformat import empty_tree, is_null, object_format
from store.git.runner import GitEnv

_RAW = ("-r", "-z", "--raw", "--no-renames", "--no-abbrev", "--no-ext-diff")
"""Options every raw diff here runs with: recursive, NUL-separated, full ids, no rename detection."""


@dataclass(frozen=True, slots=True)
class TreeChange:
    """One path that differs between two trees (or a tree and the index)."""

    path: str
    status: str
    """``A``, ``M``, ``D``, ``T`` (type change), ``U`` (unmerged in the index)."""
    old_mode: str
    """Mode on the old side (``100644``, ``120000`` …), ``000000`` when added."""
    new_mode: str
    """Mode on the new side, ``000000`` when deleted."""
    old_blob: str | None
    """Blob id on the old side, None when added."""
    new_blob: str | None
    """Blob id on the new side, None when deleted (or unmerged)."""


def _change(meta: str, path: str) -> TreeChange:
    old_mode, new_mode, old_oid, new_oid, status = meta[1:].split(" ")
    return TreeChange(path, status[:1], old_mode, new_mode,
                      None if is_null(old_oid) else old_oid, None if is_null(new_oid) else new_oid)


def parse_raw(data: bytes, keep: Callable[[str], bool] | None = None) -> list[TreeChange]:
    """Parse ``git diff-* --raw -z --no-renames`` output (items not starting with ``:`` are skipped).

    Args:
        data: git's output.
        keep: optional predicate on the path: only the changes it accepts are returned.
    """
    parts = data.decode("utf-8", "surrogateescape").split("\0")
    found = []
    at = 0
    while at < len(parts) - 1:
        meta = parts[at]
        if not meta.startswith(":"):
            at += 1
            continue
        path = parts[at + 1]
        at += 2
        if keep is None or keep(path):
            found.append(_change(meta, path))
    return found


def between(root: Path | str, old: str, new: str, keep: Callable[[str], bool] | None = None) -> list[TreeChange] | None:
    """Return the changes from tree-ish ``old`` to ``new``; None when git cannot compare them (an object is gone)."""
    done = git.run(root, "diff-tree", *_RAW, old, new, check=False)
    return parse_raw(done.stdout, keep) if done.returncode == 0 else None


def staged(root: Path | str, head: str | None, **kw: Unpack[GitEnv]) -> list[TreeChange]:
    """Return the paths staged in the index relative to ``head`` (None: nothing committed yet).

    ``kw`` goes to :func:`store.git.run` (a hook's ``env`` with ``GIT_INDEX_FILE``).
    """
    base = head or empty_tree(object_format(root, **kw))
    done = git.run(root, "diff-index", "--cached", *_RAW, base, **kw)
    return parse_raw(done.stdout)


def against_base(root: Path | str, commits: list[str], base: str) -> dict[str, list[TreeChange]]:
    """Return ``{commit: changes from base to commit}`` for many commits through one ``git diff-tree --stdin``.

    Each input line is ``<commit> <base>``, which git reads as a commit and
    the parent to compare it with: the old side is the base's, and the block
    is headed by the commit id. Commits equal to the base are left out.
    """
    return against_parents(root, [(base, commit) for commit in dict.fromkeys(commits)])


def against_parents(root: Path | str, pairs: list[tuple[str, str]]) -> dict[str, list[TreeChange]]:
    """Return ``{new: changes from old to new}`` for many ``(old, new)`` commit pairs, ``new`` all distinct,
    through one ``git diff-tree --stdin``; a commit whose tree equals its old side's is left out."""
    if not pairs:
        return {}
    lines = "".join(f"{new} {old}\n" for old, new in pairs)
    data = git.run(root, "diff-tree", "--stdin", *_RAW, input=lines).stdout
    found: dict[str, list[TreeChange]] = {}
    current = ""
    parts = data.decode("utf-8", "surrogateescape").split("\0")
    at = 0
    while at < len(parts):
        item = parts[at]
        if item.startswith(":") and at + 1 < len(parts):
            found.setdefault(current, []).append(_change(item, parts[at + 1]))
            at += 2
            continue
        if item.strip():
            current = item.strip()  # the header: the commit of the following block
        at += 1
    return found
