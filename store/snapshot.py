"""Provides Snapshot, every record of a commons at one ref (or in the work tree), and how it is built.

Building a snapshot parses only the blobs the cache has never seen; full
records are parsed lazily, one at a time, when asked for.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from records import codec, rules
from records.entry import Entry, entry_of
from records.models import Model
from records.problems import Problem
from store import git, listing, parallel, safefs, snapcache
from store.catfile import CatFile
from store.errors import StoreError
from store.listing import File, twins
from store.search import Searcher
from store.write import tree_of

if TYPE_CHECKING:
    from store.commons import Commons

Progress = Callable[[int, int], None]

_KEEP_TEXT = 5000
"""Above this many files read from the work tree, their bytes are re-read from disk instead of kept."""


class Snapshot:
    """Every record file of a commons at one ref; ``ref`` None is the work tree as the user sees it."""

    def __init__(self, commons: Commons, ref: str | None, commit: str | None):
        self.ref = ref
        self.commit = commit
        self.entries: dict[str, Entry] = {}
        self.problems: list[Problem] = []
        self.search_index: tuple[list[int], list[str]] | None = None
        """:func:`store.search.prepare` of ``entries``, when known (read with them from a snapshot file)."""
        self._commons = commons
        self._files: Mapping[str, File] = {}
        self._searcher: Searcher | None = None
        self._searching = threading.Lock()

    @classmethod
    def of_cache(cls, commons: Commons, ref: str | None, commit: str | None, entries: dict[str, Entry],
                 files: Mapping[str, File], problems: list[Problem], prepared: tuple | None = None) -> Snapshot:
        """Return the snapshot of a tree read whole from :mod:`store.snapcache`."""
        snapshot = cls(commons, ref, commit)
        snapshot.entries, snapshot._files, snapshot.problems = entries, files, problems
        snapshot.search_index = prepared
        return snapshot

    def searcher(self, states: Mapping[str, str] | None = None) -> Searcher:
        """Return a :class:`~store.search.Searcher` over this snapshot's entries (the one prepared while
        the load waited for git, when there is one)."""
        with self._searching:
            if self._searcher is None:
                self._searcher = Searcher(self.entries.values(), None, self.search_index)
        return self._searcher.with_states(states)

    # --- reading ------------------------------------------------------------

    def path(self, record_id: str) -> str | None:
        """Return the file path of a record of this snapshot, None if absent."""
        file = self._files.get(record_id)
        return file.path if file else None

    def blob(self, record_id: str) -> str | None:
        """Return the blob id of a record (the ``expected_blob`` to pass to ``save``), None if absent."""
        file = self._files.get(record_id)
        return file.blob if file else None

    def data(self, record_id: str) -> bytes | None:
        """Return the raw bytes of a record as this snapshot saw them, None if absent or refused."""
        file = self._files.get(record_id)
        if file is None or file.refused:
            return None
        if file.data is not None:
            return file.data
        return self._commons.objects.content(file)

    def text(self, record_id: str) -> str | None:
        """Return the TOML text of a record, None if absent or refused."""
        data = self.data(record_id)
        return None if data is None else data.decode("utf-8", "replace")

    def loaded(self, record_id: str) -> codec.Loaded | None:
        """Return the full parse of a record (record and problems), cached by blob; None if absent."""
        file = self._files.get(record_id)
        if file is None or file.refused:
            return None
        return self._commons.objects.parse(file, lambda: self.data(record_id))

    def record(self, record_id: str) -> Model | None:
        """Return the full model of a record, lazily parsed; None if absent or invalid."""
        loaded = self.loaded(record_id)
        return loaded.record if loaded else None

    def records(self, wanted: list[File] | None = None) -> dict[str, Model]:
        """Return every valid model by id (parses what is not yet in memory; gc paused).

        ``wanted``: only these files (of this snapshot) instead of every valid one.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            if wanted is None:
                wanted = self._valid_files()
            out = {}
            for file, data in stream(self._commons, wanted):
                loaded = self._commons.objects.parse(file, lambda data=data: data, remember=False)
                if loaded is not None and loaded.record is not None:
                    out[_id(file)] = loaded.record
            return out
        finally:
            if enabled:
                gc.enable()

    def _valid_files(self) -> list[File]:
        return [f for rid, f in self._files.items() if not f.refused and self.entries[rid].errors == 0]

    def validate(self) -> list[Problem]:
        """Return the file problems plus the rules of the cahier des charges across records, sorted.

        With many scenarios, a helper process (see :mod:`store.parallel`) parses
        half of them and checks the rules on those, seeing every other record
        too: no rule compares scenarios with one another, so the two halves'
        findings together are exactly those of one process.

        The garbage collector stays paused until the models are dropped: a
        collection over 100,000 fresh models costs seconds and frees nothing.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            present = set(self.entries)
            files = self._valid_files()
            mine, theirs = parallel.split_scenarios(files)
            helper = parallel.start_rules(self._commons.root, files, theirs, present) if theirs else None
            try:
                found = rules.check(self.records(mine), text_of=self.text, present=present)
                if helper is not None:
                    shared = helper.problems()
                    if shared is None:  # the helper failed: its scenarios are checked here
                        found = rules.check(self.records(files), text_of=self.text, present=present)
                    else:
                        found.extend(shared)
            finally:
                if helper is not None:
                    helper.close()
            return sorted([*self.problems, *found])
        finally:
            if enabled:
                gc.enable()


def stream(commons: Commons, files: list[File]) -> Iterator[tuple[File, bytes | None]]:
    """Yield each file with its bytes: work-tree ones first, then git's objects streamed through a
    dedicated ``cat-file`` (memory stays flat; other readers are not blocked meanwhile)."""
    by_blob: dict[str, list[File]] = {}
    for file in files:
        if file.data is not None:
            yield file, file.data
        elif file.on_disk:
            yield file, commons.objects.content(file)
        else:
            by_blob.setdefault(file.blob, []).append(file)
    if not by_blob:
        return
    bulk = CatFile(commons.root)
    try:
        for oid, data in bulk.many(list(by_blob)):
            for file in by_blob[oid]:
                yield file, data
    finally:
        bulk.close()


def _id(file: File) -> str:
    """A record's id is its path without ``.toml`` (``traam.toml`` → ``traam``), as layout.locate says."""
    return file.path.removesuffix(".toml")


def build(commons: Commons, ref: str | None, commit: str | None, files: list[File],
          progress: Progress | None = None) -> Snapshot:
    """Build the snapshot of ``files``: cached entries where the blob is known, parsing the others.

    Args:
        commons: the commons (its cache and object reader).
        ref, commit: what the snapshot shows.
        files: the listing (see :mod:`store.listing`).
        progress: called with ``(done, total)`` while parsing unknown blobs.
    """
    snapshot = Snapshot(commons, ref, commit)
    cache = commons._cache
    problems: list[Problem] = []
    missing: list[File] = []
    entries = snapshot.entries
    by_id = snapshot._files
    items, others = cache.items, cache.others
    for file in files:
        blob = file.blob
        if file.refused:
            problems.append(Problem(file.path, 0, 0, file.refused, rule="symlink"))
            rid = _id(file)
            entries[rid] = Entry(rid, "invalid", blob, rid.rsplit("/", 1)[-1], errors=1)
            by_id[rid] = file
            continue
        hit = items.get(blob)
        if hit is None or hit[0].id != file.path.removesuffix(".toml"):
            hit = others.get(f"{blob}:{file.path}") if others else None
            if hit is None:
                missing.append(file)
                continue
        entry, file_problems = hit
        file.blob = entry.blob  # one string for both (100,000 records: 9 MB)
        entries[entry.id] = entry
        by_id[entry.id] = file
        if file_problems:
            problems.extend(file_problems)
    if missing:
        _parse_missing(commons, missing, entries, by_id, problems, progress)
        cache.save({f.blob for f in files}, background=len(missing) >= BACKGROUND_FROM)
    for first, second in twins([f.path for f in files]):
        problems.append(Problem(second, 0, 0, f"« {second} » et « {first} » ne diffèrent que par la casse ou la "
                                "normalisation Unicode : refusé (ils se confondent sur macOS et Windows)",
                                rule="twins"))
    on_disk = [f for f in snapshot._files.values() if f.data is not None]
    if len(on_disk) > _KEEP_TEXT:
        for file in on_disk:
            file.data = None  # re-read from disk on demand; Objects.content checks the blob still matches
    snapshot.problems = sorted(problems)
    return snapshot


def _parse_missing(commons: Commons, missing: list[File], entries: dict[str, Entry], by_id: dict[str, File],
                   problems: list[Problem], progress: Progress | None) -> None:
    """Parse the files the cache does not know, with a helper process when there are many; fill the cache.

    This process parses from the first file forwards, the helper (see
    :mod:`store.parallel`) from the last one backwards; they stop where they
    meet. The garbage collector stays paused throughout: a collection over
    100,000 fresh entries costs seconds and frees nothing.
    """
    cache = commons._cache
    total = len(missing)
    done = 0
    enabled = gc.isenabled()
    gc.disable()
    helper = parallel.start(commons.root, missing)

    def add(file: File, entry: Entry, file_problems: list[Problem]) -> None:
        nonlocal done
        cache.put(file.blob, file.path, entry, file_problems)
        entries[entry.id] = entry
        by_id[entry.id] = file
        problems.extend(file_problems)
        done += 1

    def parse(files: list[File], until=None) -> int:
        """Parse ``files`` in order; stop before the first one ``until(index)`` says is answered for."""
        reading = stream(commons, files)
        try:
            for index, (file, data) in enumerate(reading):
                if until is not None and until(index):
                    return index
                loaded = codec.load(file.path, data or b"")
                add(file, entry_of(loaded, file.blob), loaded.problems)
                if progress is not None and (done % 256 == 0 or done == total):
                    progress(min(total, done + (helper.done if helper else 0)), total)
        finally:
            reading.close()  # abandoned midway: its cat-file stops
        return len(files)

    try:
        if helper is None:
            parse(missing)
        else:
            shared = helper.files
            parse([f for f in missing if f.data is not None or f.on_disk])
            count = len(shared)
            mine = parse(shared, until=lambda index: index >= count - helper.done)
            left = []
            for file, entry, file_problems in helper.results(count - mine):
                if entry is None:
                    left.append(file)  # the helper stopped short of it: parsed here
                else:
                    add(file, entry, file_problems)
            parse(left)
            if progress is not None:
                progress(done, total)
    finally:
        if helper is not None:
            helper.close()
        if enabled:
            gc.enable()


BACKGROUND_FROM = 5000
"""Files parsed from which the blob cache is written by a thread while the snapshot is already shown."""
FREEZE_FROM = 10_000
"""Records from which what a load allocated is moved out of the garbage collector's sight."""


def load(commons: Commons, ref: str | None, progress: Progress | None = None, search: bool = True) -> Snapshot:
    """Return the snapshot at ``ref`` (None: the work tree); see :meth:`store.commons.Commons.load`.

    A tree seen before (a ref, or a work tree and index that hold exactly
    HEAD's files) is read whole from :mod:`store.snapcache`; otherwise the
    listing is built and unknown blobs parsed, and a clean tree is saved there.

    The entries of a large commons live as long as the program: once loaded
    they are frozen out of the cyclic garbage collector (``gc.freeze``), which
    would otherwise walk the million objects of 100,000 records again and
    again, pausing whatever runs then (a keystroke in the search screen).
    Reference counting still frees them when a later snapshot replaces them.
    """
    enabled = gc.isenabled()
    gc.disable()  # until frozen: re-enabled before, it would walk everything just allocated, at once
    try:
        snapshot = _load(commons, ref, progress, search)
        if len(snapshot.entries) >= FREEZE_FROM:
            gc.freeze()
        return snapshot
    finally:
        if enabled:
            gc.enable()


def _load(commons: Commons, ref: str | None, progress: Progress | None, search: bool) -> Snapshot:
    scanned = early = prepared = None
    if ref is None:
        commit = commons.head()
        wait = _scan(commons, commit)
        tree = tree_of(commons.objects.reader, commit) if commit else None
        first = commons._last is None  # later loads try the previous snapshot before the file
        cached = snapcache.load(commons.data_dir, tree) if tree and first else None  # while git scans
        # No snapshot file: the listing of HEAD and the blob cache will be needed; read them while git scans.
        early = _Early(commons, tree) if tree and first and cached is None else None
        if cached is not None and search:  # likely the snapshot to show: index it for search while git scans
            prepared = Searcher(cached[0].values(), None, cached[3])
        scanned = wait()
        if scanned.temps:
            safefs.sweep(commons.root, scanned.temps)
    else:
        commit = commons.resolve(ref)
        tree = tree_of(commons.objects.reader, commit)
        cached = None
    clean = tree is not None and (scanned is None or scanned.clean)
    previous = commons._last
    if clean and cached is None and previous is not None:
        if previous[0] == tree:
            return Snapshot.of_cache(commons, ref, commit, *previous[1:])
        derived = snapcache.derive(commons.root, commons.objects.reader, previous, tree, commons._cache.count_parsed)
        if derived is not None:
            return _remember(commons, tree, Snapshot.of_cache(commons, ref, commit, *derived), save=True)
    if clean and cached is None and early is None:
        cached = snapcache.load(commons.data_dir, tree)
    if cached is not None and clean:
        snapshot = Snapshot.of_cache(commons, ref, commit, *cached)
        snapshot._searcher = prepared
        return _remember(commons, tree, snapshot, save=False)
    cached = None
    if early is not None:
        head = early.result()
    else:
        commons._cache.refresh()
        head = commons.trees.files(tree) if ref is None and commit else None
    if ref is None:
        files, _temps, stale = listing.work_tree(commons.root, commons.object_format, head, scanned)
        if stale > 50:
            git.run(commons.root, "update-index", "-q", "--refresh", check=False, env={"GIT_OPTIONAL_LOCKS": "1"})
    else:
        files = list(commons.trees.files(tree).values())
    snapshot = build(commons, ref, commit, files, progress)
    return _remember(commons, tree, snapshot, save=True) if clean else snapshot


def _scan(commons: Commons, commit: str | None) -> Callable[[], listing.Scan]:
    """Start git's scan of the work tree, or take the one started before opening when HEAD is the same."""
    early, commons._early_scan = commons._early_scan, None
    if early is not None:
        if early.head == commit:
            return early.wait
        try:
            early.wait()  # HEAD moved meanwhile: that scan compared the index with another commit
        except StoreError:
            pass
    return listing.start_scan(commons.root, commit is not None)


class _Early(threading.Thread):
    """Reads the blob cache and the listing of a tree in a thread, while git scans the work tree."""

    def __init__(self, commons: Commons, tree: str):
        super().__init__(name="traam-listing", daemon=True)
        self._commons, self._tree = commons, tree
        self._files: dict[str, File] | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._commons._cache.refresh()
            self._files = self._commons.trees.files(self._tree)
        except BaseException as error:  # re-raised by result(), in the loading thread
            self._error = error

    def result(self) -> dict[str, File]:
        """Return the listing (a fresh dict); raise what reading it raised."""
        self.join()
        if self._error is not None:
            raise self._error
        return self._files


def _remember(commons: Commons, tree: str, snapshot: Snapshot, save: bool) -> Snapshot:
    """Keep a clean tree's snapshot for deriving the next one; write its snapshot file in the background."""
    commons._last = (tree, snapshot.entries, snapshot._files, snapshot.problems, snapshot.search_index)
    if save:
        saving = commons._saving
        if saving is not None and saving.is_alive() and saving.name.endswith(tree):
            return snapshot  # that very file is being written
        commons._saving = snapcache.save_later(commons.data_dir, tree, snapshot.entries, snapshot._files,
                                               snapshot.problems)
    return snapshot
