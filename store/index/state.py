"""Provides LoadState: what one commons remembers between loads (caches, last clean tree, background writer).

The :class:`~store.commons.Commons` owns one; only :mod:`store.index` reads
and changes it, so that no module pokes another's private attributes.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from records.entry import Entry
from records.problems import Problem
from store.git.listing import EarlyScan, File
from store.index.cache import BlobCache
from store.index.treelist import TreeLists

if TYPE_CHECKING:
    from store.search.engine import Prepared


@dataclass(frozen=True)
class CleanTree:
    """The snapshot of the last clean tree loaded, to derive the next one from (a save changes a few files)."""

    tree: str
    entries: dict[str, Entry]
    files: Mapping[str, File]
    problems: list[Problem]
    search_index: Prepared | None


@dataclass
class LoadState:
    """The load-time state of one commons.

    Attributes:
        folder: the commons' cache folder (:func:`store.index.cachedir.folder_of`), outside the repository.
        blobs: parsed entries by blob, in memory and in ``folder``.
        trees: record listings of recent trees.
        last: the last clean tree loaded, or None before the first load.
        saving: the thread writing the last snapshot file, if any.
        early_scan: a work-tree scan started before opening, used by the next load.
    """

    folder: Path
    blobs: BlobCache
    trees: TreeLists
    last: CleanTree | None = None
    saving: threading.Thread | None = None
    early_scan: EarlyScan | None = None

    @classmethod
    def create(cls, root: Path, folder: Path) -> LoadState:
        """Return the empty state of the commons at ``root`` whose caches live in ``folder``."""
        return cls(folder, BlobCache(folder), TreeLists(root, folder))

    def finish(self) -> None:
        """Wait until the cache files being written in the background are written."""
        saving, self.saving = self.saving, None
        if saving is not None:
            saving.join()
        self.blobs.wait()
