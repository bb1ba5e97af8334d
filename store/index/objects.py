"""Provides Objects: reading record contents from git's objects or the work tree, with in-memory caches.

One persistent ``cat-file`` serves every read; full parses and canonical
tables are kept in small LRU caches keyed by blob and path, so showing a
record, or the history of one, parses each version once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from records import codec
from records.codec import Loaded
from store import history, safefs
from store.errors import StoreError
from store.git import listing, plumbing, trees
from store.git.catfile import CatFile
from store.git.listing import GITLINK, SYMLINK, File
from store.index.cache import key_of

LRU = 2000
"""Full records (and tables) kept in memory."""


class Objects:
    """Reads record contents of one repository; thread-safe."""

    def __init__(self, root: Path, object_format: str):
        self.root = root
        self.object_format = object_format
        self.reader = CatFile(root)
        self._full: OrderedDict[str, Loaded] = OrderedDict()
        self._tables: OrderedDict[str, dict[str, Any] | None] = OrderedDict()
        self._lock = threading.Lock()

    def close(self) -> None:
        """Stop the persistent git process."""
        self.reader.close()

    def at(self, commit: str, path: str) -> bytes | None:
        """Return the bytes of ``path`` in ``commit``, None if absent.

        Raises:
            SymlinkRefused: the path is a symlink (or submodule) there.
            StoreError: the path is a folder.
        """
        found = self.reader.get(f"{commit}:{path}")
        if found is None:
            return None
        if found[0] != "blob":
            raise StoreError(f"« {path} » n'est pas un fichier")
        entry = plumbing.entry(self.root, commit, path)
        if entry is not None and entry.mode in (SYMLINK, GITLINK):
            raise safefs.SymlinkRefused(f"« {path} » est un lien symbolique : refusé")
        return found[1]

    def content(self, file: File) -> bytes | None:
        """Return the bytes of a listed file: from git's objects, or from disk if its blob still matches."""
        if file.on_disk:
            data = safefs.read(self.root, file.path)
            if data is not None and listing.hash_blob(data, self.object_format) == file.blob:
                return data
            return None
        return self.reader.blob(file.blob)

    def contents(self, files: list[File]) -> dict[str, bytes]:
        """Return the bytes of many files read from git's objects, by blob (one pipelined cat-file)."""
        wanted = list(dict.fromkeys(f.blob for f in files if not f.on_disk))
        return {oid: data for oid, data in self.reader.many(wanted) if data is not None}

    def parse(self, file: File, data: Callable[[], bytes | None], remember: bool = True) -> Loaded | None:
        """Return the full parse of a file, from the LRU when this blob at this path was parsed before."""
        key = key_of(file.blob, file.path)
        with self._lock:
            hit = self._full.get(key)
            if hit is not None:
                self._full.move_to_end(key)
                return hit
        content = data()
        if content is None:
            return None
        loaded = codec.load(file.path, content)
        if remember:
            with self._lock:
                self._full[key] = loaded
                while len(self._full) > LRU:
                    self._full.popitem(last=False)
        return loaded

    def table(self, path: str, blob: str | None) -> dict[str, Any] | None:
        """Return the canonical table of a blob at a path (None for None), cached."""
        if blob is None:
            return None
        key = key_of(blob, path)
        with self._lock:
            if key in self._tables:
                return self._tables[key]
        table = history.table_of(path, self.reader.blob(blob))
        with self._lock:
            self._tables[key] = table
            while len(self._tables) > LRU:
                self._tables.popitem(last=False)
        return table

    def blob_at(self, commit: str, path: str) -> str | None:
        """Return the blob id of ``path`` in ``commit``, None if absent."""
        return trees.blob_id(self.root, commit, path)
