"""Provides TreeLists: the record files of recent trees, kept in memory and updated by ``git diff-tree``.

Listing 100,000 files with ``git ls-tree -r`` and parsing them costs a few
hundred milliseconds; after a commit, a branch switch or a fetch, the new
tree usually differs in a handful of paths. The last trees listed are kept,
and a new one is derived from the latest with ``git diff-tree -r``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from store import git
from store.listing import GITLINK, SYMLINK, File, at_ref, is_record_path, symlink_message

KEEP = 3
"""Trees kept in memory."""


def parse_raw(out: bytes) -> list[tuple[str, str, str, str]]:
    """Parse ``--raw -z`` diff output into ``(status, new mode, new blob, path)`` for record paths."""
    parts = out.decode("utf-8", "surrogateescape").split("\0")
    changes = []
    for at in range(0, len(parts) - 1, 2):
        meta, path = parts[at], parts[at + 1]
        if not meta.startswith(":") or not is_record_path(path):
            continue
        fields = meta[1:].split(" ")
        changes.append((fields[4][:1], fields[1], fields[3], path))
    return changes


def apply(files: dict[str, File], changes: list[tuple[str, str, str, str]]) -> set[str]:
    """Apply diff changes to ``files`` in place; return the paths left unmerged (status U)."""
    unmerged = set()
    for status, mode, blob, path in changes:
        if status == "D":
            files.pop(path, None)
        elif status == "U":
            unmerged.add(path)
        else:
            refused = symlink_message(path) if mode in (SYMLINK, GITLINK) else ""
            files[path] = File(path, mode, blob, refused=refused)
    return unmerged


class TreeLists:
    """Record files of recent trees of one repository; thread-safe."""

    def __init__(self, root: Path):
        self.root = root
        self._memo: OrderedDict[str, dict[str, File]] = OrderedDict()
        self._lock = threading.Lock()

    def files(self, tree: str) -> dict[str, File]:
        """Return a fresh dict (path → File) of the record files of ``tree``.

        Raises:
            StoreError: git failed (unknown tree).
        """
        with self._lock:
            known = self._memo.get(tree)
            if known is not None:
                self._memo.move_to_end(tree)
                return dict(known)
            if self._memo:
                base_tree, base = next(reversed(self._memo.items()))
                out = git.run(self.root, "diff-tree", "-r", "-z", "--raw", "--no-renames", "--no-abbrev",
                              base_tree, tree).stdout
                files = dict(base)
                apply(files, parse_raw(out))
            else:
                files = {f.path: f for f in at_ref(self.root, tree)}
            self._memo[tree] = files
            while len(self._memo) > KEEP:
                self._memo.popitem(last=False)
            return dict(files)
