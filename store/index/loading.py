"""Provides load(): the snapshot of a ref or of the work tree, from the fastest source that is still true.

A tree seen before comes whole from its snapshot file (:mod:`store.index.snapcache`)
or from the previous snapshot of this process; otherwise the listing is built
and unknown blobs parsed (:mod:`store.index.building`). The work tree is always
checked by git first, so that edits made outside traam are seen.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from store import safefs
from store.errors import StoreError
from store.git import listing, repo
from store.git.commit import tree_of
from store.git.listing import File
from store.index import snapcache
from store.index.building import build
from store.index.cachedir import paused_gc
from store.index.snapshot import Progress, Snapshot
from store.index.state import CleanTree
from store.search.engine import Searcher

if TYPE_CHECKING:
    from store.commons import Commons

FREEZE_FROM = 10_000
"""Records from which what a load allocated is moved out of the garbage collector's sight."""


def load(commons: Commons, ref: str | None, progress: Progress | None = None, search: bool = True) -> Snapshot:
    """Return the snapshot at ``ref`` (None: the work tree); see :meth:`store.commons.Commons.load`.

    A tree seen before (a ref, or a work tree and index that hold exactly
    HEAD's files) is read whole from :mod:`store.index.snapcache`; otherwise the
    listing is built and unknown blobs parsed, and a clean tree is saved there.

    The entries of a large commons live as long as the program: once loaded
    they are frozen out of the cyclic garbage collector (``gc.freeze``), which
    would otherwise walk the million objects of 100,000 records again and
    again, pausing whatever runs then (a keystroke in the search screen).
    Reference counting still frees them when a later snapshot replaces them.
    """
    with paused_gc():  # until frozen: re-enabled before, it would walk everything just allocated, at once
        snapshot = _load(commons, ref, progress, search)
        if len(snapshot.entries) >= FREEZE_FROM:
            gc.freeze()
        return snapshot


def _load(commons: Commons, ref: str | None, progress: Progress | None, search: bool) -> Snapshot:
    scanned = reading = prepared = None
    state = commons.load_state
    if ref is None:
        commit = commons.head()
        wait = _scan(commons, commit)
        tree = tree_of(commons.objects.reader, commit) if commit else None
        first = state.last is None  # later loads try the previous snapshot before the file
        cached = snapcache.load(state.folder, tree) if tree and first else None  # while git scans
        # No snapshot file: the listing of HEAD and the blob cache will be needed; read them while git scans.
        reading = _ListingReader(commons, tree) if tree and first and cached is None else None
        if cached is not None and search:  # likely the snapshot to show: index it for search while git scans
            prepared = Searcher(cached[0].values(), None, cached[3])
        scanned = wait()
        if scanned.temps:
            safefs.sweep(commons.root, scanned.temps)
    else:
        commit = commons.resolve(ref)
        tree = tree_of(commons.objects.reader, commit)
        cached = None
    # The tree when the snapshot is exactly that tree (nothing edited in the work tree or the index), else None.
    clean = tree if tree is not None and (scanned is None or scanned.clean) else None
    previous = state.last
    if clean and cached is None and previous is not None:
        if previous.tree == clean:
            return Snapshot.of_cache(commons, ref, commit, previous.entries, previous.files, previous.problems,
                                     previous.search_index)
        derived = snapcache.derive(commons.root, commons.objects.reader, previous, clean, state.blobs.count_parsed)
        if derived is not None:
            return _remember(commons, clean, Snapshot.of_cache(commons, ref, commit, *derived), save=True)
    if clean and cached is None and reading is None:
        cached = snapcache.load(state.folder, clean)
    if cached is not None and clean:
        snapshot = Snapshot.of_cache(commons, ref, commit, *cached)
        snapshot._searcher = prepared
        return _remember(commons, clean, snapshot, save=False)
    cached = None
    head: dict[str, File] | None
    if reading is not None:
        head = reading.result()
    else:
        state.blobs.refresh()
        head = state.trees.files(tree) if ref is None and tree else None  # with ref None, a tree iff a commit
    if ref is None:
        files, _temps, stale = listing.work_tree(commons.root, commons.object_format, head, scanned)
        if stale > 50:
            repo.refresh_index(commons.root)
    else:
        assert tree is not None  # a ref always resolves to a commit, and so to a tree
        files = list(state.trees.files(tree).values())
    snapshot = build(commons, ref, commit, files, progress)
    return _remember(commons, clean, snapshot, save=True) if clean else snapshot


def _scan(commons: Commons, commit: str | None) -> Callable[[], listing.Scan]:
    """Start git's scan of the work tree, or take the one started before opening when HEAD is the same."""
    state = commons.load_state
    early, state.early_scan = state.early_scan, None
    if early is not None:
        if early.head == commit:
            return early.wait
        try:
            early.wait()  # HEAD moved meanwhile: that scan compared the index with another commit
        except StoreError:
            pass
    return listing.start_scan(commons.root, commit is not None)


class _ListingReader(threading.Thread):
    """Reads the blob cache and the listing of a tree in a thread, while git scans the work tree."""

    def __init__(self, commons: Commons, tree: str):
        super().__init__(name="traam-listing", daemon=True)
        self._commons, self._tree = commons, tree
        self._files: dict[str, File] | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            state = self._commons.load_state
            state.blobs.refresh()
            self._files = state.trees.files(self._tree)
        except BaseException as error:  # re-raised by result(), in the loading thread
            self._error = error

    def result(self) -> dict[str, File]:
        """Return the listing (a fresh dict); raise what reading it raised."""
        self.join()
        if self._error is not None:
            raise self._error
        assert self._files is not None  # run() either set it or recorded an error
        return self._files


def _remember(commons: Commons, tree: str, snapshot: Snapshot, save: bool) -> Snapshot:
    """Keep a clean tree's snapshot for deriving the next one; write its snapshot file in the background."""
    state = commons.load_state
    state.last = CleanTree(tree, snapshot.entries, snapshot._files, snapshot.problems, snapshot.search_index)
    if save:
        saving = state.saving
        if saving is not None and saving.is_alive() and saving.name.endswith(tree):
            return snapshot  # that very file is being written
        state.saving = snapcache.save_later(state.folder, tree, snapshot.entries, snapshot._files, snapshot.problems)
    return snapshot
