"""Provides build(): the snapshot of a listing, entries from the blob cache, the unknown blobs parsed.

Only blobs the cache has never seen are parsed; with many of them, a helper
process parses from the other end of the list (:mod:`store.index.parallel`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from records import layout
from records.entry import Entry, entry_of
from records.problems import Problem
from store.git.listing import File, twins
from store.index import parallel
from store.index.blobload import load_blob
from store.index.snapshot import Progress, Snapshot, _id, stream

if TYPE_CHECKING:
    from store.commons import Commons

_KEEP_TEXT = 5000
"""Above this many files read from the work tree, their bytes are re-read from disk instead of kept."""
BACKGROUND_FROM = 5000
"""Files parsed from which the blob cache is written by a thread while the snapshot is already shown."""


def build(commons: Commons, ref: str | None, commit: str | None, files: list[File],
          progress: Progress | None = None) -> Snapshot:
    """Build the snapshot of ``files``: cached entries where the blob is known, parsing the others.

    Args:
        commons: the commons (its cache and object reader).
        ref, commit: what the snapshot shows.
        files: the listing (see :mod:`store.git.listing`).
        progress: called with ``(done, total)`` while parsing unknown blobs.
    """
    snapshot = Snapshot(commons, ref, commit)
    cache = commons.load_state.blobs
    problems: list[Problem] = []
    missing: list[File] = []
    entries = snapshot.entries
    by_id: dict[str, File] = {}
    snapshot._files = by_id
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
        if hit is None or hit[0].id != layout.id_of(file.path):
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
    :mod:`store.index.parallel`) from the last one backwards; they stop where they
    meet. (:func:`store.index.loading.load` keeps the garbage collector paused meanwhile.)
    """
    cache = commons.load_state.blobs
    total = len(missing)
    done = 0
    helper = parallel.start(commons.root, missing)

    def add(file: File, entry: Entry, file_problems: list[Problem]) -> None:
        nonlocal done
        cache.put(file.blob, file.path, entry, file_problems)
        entries[entry.id] = entry
        by_id[entry.id] = file
        problems.extend(file_problems)
        done += 1

    def parse(files: list[File], until: Callable[[int], bool] | None = None) -> int:
        """Parse ``files`` in order; stop before the first one ``until(index)`` says is answered for."""
        reading = stream(commons, files)
        try:
            for index, (file, data) in enumerate(reading):
                if until is not None and until(index):
                    return index
                loaded = load_blob(file.path, data)
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
            parse([f for f in missing if not f.in_objects])
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
