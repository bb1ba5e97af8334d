"""Provides TreeLists: the record files of recent trees, kept in memory and updated by ``git diff-tree``.

Listing 100,000 files with ``git ls-tree -r`` and parsing them costs a few
hundred milliseconds; after a commit, a branch switch or a fetch, the new
tree usually differs in a handful of paths. The last trees listed are kept,
and a new one is derived from the latest with ``git diff-tree -r``. The
first listing of a process is saved to ``tree.bin`` in the commons' cache
folder (:mod:`store.index.cachedir`), so the next process starts from it
instead of ``ls-tree``.
"""

from __future__ import annotations

import marshal
import threading
from collections import OrderedDict
from pathlib import Path

from store.git import diff
from store.git.listing import GITLINK, SYMLINK, File, apply, at_ref, is_record_path, symlink_message
from store.index.cachedir import read, write

KEEP = 3
"""Trees kept in memory."""


class TreeLists:
    """Record files of recent trees of one repository; thread-safe."""

    def __init__(self, root: Path, folder: Path | None = None):
        self.root = root
        self.path = folder / "tree.bin" if folder else None
        self._memo: OrderedDict[str, dict[str, File]] = OrderedDict()
        self._lock = threading.Lock()
        self._saved = False

    def _from_disk(self) -> tuple[str, dict[str, File]] | None:
        """Return the tree listing a previous process saved, or None."""
        body = read(self.path) if self.path else None
        if body is None:
            return None
        try:
            tree, paths, blobs, odd = marshal.loads(body)
            files = {path: File(path, "100644", blob) for path, blob in zip(paths, blobs)}
            for path, mode in odd:
                refused = symlink_message(path) if mode in (SYMLINK, GITLINK) else ""
                files[path] = File(path, mode, files[path].blob, refused=refused)
        except (ValueError, EOFError, TypeError, KeyError):
            return None
        return tree, files

    def _to_disk(self, tree: str, files: dict[str, File]) -> None:
        if self.path is None:
            return
        odd = [(f.path, f.mode) for f in files.values() if f.mode != "100644"]
        write(self.path, marshal.dumps((tree, list(files), [f.blob for f in files.values()], odd)))

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
            base = next(reversed(self._memo.items())) if self._memo else None
            if base is None and not self._saved:
                base = self._from_disk()
            files: dict[str, File] | None
            if base is not None and base[0] == tree:
                files = base[1]
            else:
                files = self._derive(base, tree) if base is not None else None
                if files is None:
                    files = {f.path: f for f in at_ref(self.root, tree)}
            if not self._saved:  # once per process: the next one starts from here
                self._saved = True
                if base is None or base[0] != tree:
                    self._to_disk(tree, files)
            self._memo[tree] = files
            while len(self._memo) > KEEP:
                self._memo.popitem(last=False)
            return dict(files)

    def _derive(self, base: tuple[str, dict[str, File]], tree: str) -> dict[str, File] | None:
        """Return ``tree``'s files from a known tree's and their diff; None if git cannot diff them (gc'ed)."""
        changes = diff.between(self.root, base[0], tree, keep=is_record_path)
        if changes is None:
            return None
        files = dict(base[1])
        apply(files, changes)
        return files
