"""Provides Snapshot, every record of a commons at one ref (or in the work tree), as the store hands it out.

A snapshot holds the slim index line of every record; full records are
parsed lazily, one at a time, when asked for. How a snapshot is built is in
:mod:`store.index.building`, how a load chooses between caches in :mod:`store.index.loading`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import TYPE_CHECKING

from records import codec, layout, rules
from records.entry import Entry
from records.models import Model
from records.problems import Problem
from store.git.catfile import CatFile
from store.git.listing import File
from store.index import splitcheck
from store.index.cachedir import paused_gc
from store.search.engine import Prepared, Searcher

if TYPE_CHECKING:
    from store.commons import Commons

Progress = Callable[[int, int], None]


class Snapshot:
    """Every record file of a commons at one ref; ``ref`` None is the work tree as the user sees it."""

    def __init__(self, commons: Commons, ref: str | None, commit: str | None):
        self.ref = ref
        self.commit = commit
        self.entries: dict[str, Entry] = {}
        self.problems: list[Problem] = []
        self.search_index: Prepared | None = None
        """:func:`store.search.engine.prepare` of ``entries``, when known (read with them from a snapshot file)."""
        self._commons = commons
        self._files: Mapping[str, File] = {}
        self._searcher: Searcher | None = None
        self._searching = threading.Lock()

    @classmethod
    def of_cache(cls, commons: Commons, ref: str | None, commit: str | None, entries: dict[str, Entry],
                 files: Mapping[str, File], problems: list[Problem], prepared: Prepared | None = None) -> Snapshot:
        """Return the snapshot of a tree read whole from :mod:`store.index.snapcache`."""
        snapshot = cls(commons, ref, commit)
        snapshot.entries, snapshot._files, snapshot.problems = entries, files, problems
        snapshot.search_index = prepared
        return snapshot

    def searcher(self, states: Mapping[str, str] | None = None) -> Searcher:
        """Return a :class:`~store.search.engine.Searcher` over this snapshot's entries (the one prepared while
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

    def records(self, wanted: list[File] | None = None, progress: Progress | None = None) -> dict[str, Model]:
        """Return every valid model by id (parses what is not yet in memory; gc paused).

        ``wanted``: only these files (of this snapshot) instead of every valid one;
        ``progress``: called with ``(done, total)`` every 1,000 records and at the end.
        """
        with paused_gc():
            if progress is None:
                return dict(self.iter_records(wanted))
            wanted = self._valid_files() if wanted is None else wanted
            out = {}
            for rid, model in self.iter_records(wanted):
                out[rid] = model
                if len(out) % 1000 == 0:
                    progress(len(out), len(wanted))
            progress(len(wanted), len(wanted))
            return out

    def records_of_kinds(self, kinds: frozenset[str] | set[str], *, without: str = "",
                         progress: Progress | None = None) -> dict[str, Model]:
        """Return every valid model whose kind is in ``kinds`` (but ``without``), by id: the context the
        rules read to judge one record (see :func:`records.rules.context_kinds`); ``progress`` as for
        :meth:`records`."""
        return self.records([f for rid, f in self._files.items() if rid != without and not f.refused
                             and self.entries[rid].errors == 0 and self.entries[rid].kind in kinds], progress)

    def iter_records(self, wanted: list[File] | None = None, *,
                     where: Callable[[str], bool] | None = None) -> Iterator[tuple[str, Model]]:
        """Yield ``(id, model)`` of every valid record (or of ``wanted``), parsed one at a time and not kept.

        What an export that must not hold 100,000 models at once walks (see :mod:`store.publish.site`).

        Args:
            wanted: only these files (of this snapshot) instead of every valid one.
            where: only the records whose id it accepts (before anything is read).
        """
        if wanted is None:
            wanted = self._valid_files()
        if where is not None:
            wanted = [file for file in wanted if where(_id(file))]
        for file, data in stream(self._commons, wanted):
            loaded = self._commons.objects.parse(file, _given(data), remember=False)
            if loaded is not None and loaded.record is not None:
                yield _id(file), loaded.record

    def count(self, where: Callable[[str], bool] | None = None) -> int:
        """Return how many valid records :meth:`iter_records` would yield for ``where`` (for progress totals)."""
        return sum(1 for file in self._valid_files() if where is None or where(_id(file)))

    def _valid_files(self) -> list[File]:
        return [f for rid, f in self._files.items() if not f.refused and self.entries[rid].errors == 0]

    def validate(self, progress: Progress | None = None) -> list[Problem]:
        """Return the file problems plus the rules of the cahier des charges across records, sorted.

        With many scenarios, a helper process (see :mod:`store.index.splitcheck`) parses
        half of them and checks the rules on those, seeing every other record
        too: no rule compares scenarios with one another, so the two halves'
        findings together are exactly those of one process. ``progress`` counts the
        records this process parses.

        The garbage collector stays paused until the models are dropped: a
        collection over 100,000 fresh models costs seconds and frees nothing.
        """
        with paused_gc():
            present = set(self.entries)
            files = self._valid_files()
            mine, theirs = splitcheck.split_scenarios(files)
            helper = splitcheck.start_rules(self._commons.root, files, theirs, present) if theirs else None
            try:
                found = rules.check(self.records(mine, progress), text_of=self.text, present=present)
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


def stream(commons: Commons, files: list[File]) -> Generator[tuple[File, bytes | None], None, None]:
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


def _given(data: bytes | None) -> Callable[[], bytes | None]:
    """Return a call that gives ``data`` (what :meth:`store.index.objects.Objects.parse` asks for)."""
    return lambda: data


def _id(file: File) -> str:
    """A record's id is its path without ``.toml`` (``traam.toml`` → ``traam``), as layout.locate says."""
    return layout.id_of(file.path)
