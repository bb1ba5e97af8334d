"""Provides BlobCache: the slim index of parsed records, keyed by blob id and path, kept in the commons' cache folder.

An unchanged blob is never parsed twice: the entry and the file problems of
each ``(blob, path)`` are kept in memory and on disk. The disk files are
``marshal`` data (plain values only, fast to load) in the format of
:mod:`store.index.cachedir`, in the user's cache folder, never in the
repository. A large base file is rewritten only
after cold loads; entries parsed later go to a small delta file, so one
edited record does not rewrite 50 MB. Loading pauses the garbage collector,
which makes bulk unmarshalling much faster.
"""

from __future__ import annotations

import marshal
import operator
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from records import layout
from records.entry import Entry
from records.problems import Problem, Severity
from store.index.cachedir import paused_gc, read, write

Cached = tuple[Entry, tuple[Problem, ...]]
ProblemRow = tuple[str, int, int, str, str, Severity, str]
"""A problem as a plain tuple (see :func:`problem_row`)."""


def key_of(blob: str, path: str) -> str:
    """Return the key of a file content at a path (for the in-memory caches of full records)."""
    return f"{blob}:{path}"


def _id_of_path(path: str) -> str:
    return layout.id_of(path)


class BlobCache:
    """Entries and problems by blob (and path), persisted in ``entries.bin`` (+ ``entries.delta``) of the cache folder.

    Entries are keyed by blob id alone, the entry's id telling the path it
    was built for (an id is its path without ``.toml``); the rare same
    content at a second path goes to ``others``, keyed by blob and path.

    Attributes:
        parsed: how many files were parsed since this cache was created
            (tests check that a warm load parses nothing).
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / "entries.bin"
        self.delta_path = folder / "entries.delta"
        self.items: dict[str, Cached] = {}
        self.others: dict[str, Cached] = {}
        self.parsed = 0
        self.dirty = False
        self._fresh: dict[str, Cached] = {}
        """Entries not in the base file (written to the delta file)."""
        self._base_count = 0
        self._stamps: dict[Path, tuple[int, int, int] | None] = {}

    @staticmethod
    def _file_stamp(path: Path) -> tuple[int, int, int] | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def _read(self, path: Path) -> dict[str, Cached] | None:
        """Read one cache file if it changed since last read; None when unchanged, missing or untrusted."""
        stamp = self._file_stamp(path)
        if stamp is None or stamp == self._stamps.get(path):
            return None
        self._stamps[path] = stamp
        body = read(path)
        if body is None:
            return None
        with paused_gc():
            try:
                make, empty = tuple.__new__, ()
                loaded = {
                    key: (make(Entry, entry), tuple([Problem(*p) for p in problems]) if problems else empty)
                    for key, entry, problems in marshal.loads(body)
                }
            except (ValueError, EOFError, TypeError, IndexError):
                return None  # unreadable: ignore it, it will be rebuilt
        first = next(iter(loaded.values()), None)
        if first is not None and len(first[0]) != len(Entry._fields):
            return None  # written for other entry fields (the CRC already vouches for every byte)
        return loaded

    def refresh(self) -> None:
        """Load the disk cache files that changed since last read (another traam process wrote them)."""
        base = self._read(self.path)
        if base is not None:
            self._base_count = len(base)
            self._merge(base)
        delta = self._read(self.delta_path)
        if delta is not None:
            self._merge(delta)
            for key, value in delta.items():
                self._fresh.setdefault(key, value)

    def _merge(self, loaded: dict[str, Cached]) -> None:
        others = {key: loaded.pop(key) for key in [k for k in loaded if ":" in k]}
        if not self.items:
            self.items = loaded
        else:
            loaded.update(self.items)
            self.items = loaded
        others.update(self.others)
        self.others = others

    def get(self, blob: str, path: str) -> Cached | None:
        """Return the cached entry and problems of this content at this path, or None."""
        hit = self.items.get(blob)
        if hit is not None and hit[0].id == _id_of_path(path):
            return hit
        return self.others.get(key_of(blob, path)) if self.others else None

    def count_parsed(self) -> None:
        """Count a file parsed for the index without going through this cache (a derived snapshot)."""
        self.parsed += 1

    def put(self, blob: str, path: str, entry: Entry, problems: list[Problem]) -> None:
        """Remember a freshly parsed file."""
        value = (entry, tuple(problems))
        hit = self.items.get(blob)
        if hit is None or hit[0].id == entry.id:
            self.items[blob] = value
            self._fresh[blob] = value
        else:
            self.others[key_of(blob, path)] = value
            self._fresh[key_of(blob, path)] = value
        self.parsed += 1
        self.dirty = True

    def save(self, keep: set[str] | None = None, background: bool = False) -> None:
        """Write what changed: the delta file when small, else the whole base (pruned to ``keep`` blob ids
        when it grew large).

        Errors writing (read-only repository, full disk) are ignored: the
        cache is only an accelerator. With ``background``, the file is
        written by a thread (a second at 100,000 records) while the caller
        goes on; :meth:`wait` waits for it.
        """
        self.wait()
        if not self.dirty:
            return
        if self._base_count and len(self._fresh) <= max(1000, self._base_count // 20):
            target, pairs, whole = self.delta_path, list(self._fresh.items()), False
        else:
            if keep is not None and len(self.items) > 2 * len(keep) + 1000:
                self.items = {k: v for k, v in self.items.items() if k in keep}
                self.others = {k: v for k, v in self.others.items() if k.split(":", 1)[0] in keep}
            target, pairs, whole = self.path, [*self.items.items(), *self.others.items()], True
            self._base_count, self._fresh = len(pairs), {}
        self.dirty = False

        def write() -> None:
            if not self._write(target, pairs):
                self.dirty = True
                if whole:
                    self._base_count = 0  # the base was not written: write it whole next time
            elif whole:
                self._write(self.delta_path, [])

        if background:
            self._writing = threading.Thread(target=write, name="traam-cache-save")
            self._writing.start()
        else:
            write()

    def wait(self) -> None:
        """Wait until a cache file being written in the background is written."""
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.join()

    _writing: threading.Thread | None = None

    def _write(self, path: Path, pairs: Iterable[tuple[str, Cached]]) -> bool:
        rows = [(key, astuple_fast(entry), tuple(map(problem_row, problems)) if problems else ())
                for key, (entry, problems) in pairs]
        if not write(path, marshal.dumps(rows)):
            return False
        self._stamps[path] = self._file_stamp(path)
        return True


_NAMES = Entry._fields
_FIELDS = operator.attrgetter(*_NAMES)
_CODES = tuple(i for i, name in enumerate(_NAMES) if name in
               {"kind", "campaign", "academie", "theme", "disciplines", "levels", "tool_kinds", "crcn", "tools"})
_shared: dict[Any, Any] = {}
"""One object per code or tuple of codes (keys: the values seen and their interned forms)."""


def _share(value: Any) -> Any:
    """Return one shared object per distinct code or tuple of codes, so marshal writes each once."""
    found = _shared.get(value)
    if found is None:
        found = sys.intern(value) if isinstance(value, str) else tuple(map(sys.intern, value))
        found = _shared.setdefault(found, found)
        if len(_shared) < 100_000:  # codes are few; free text passed here is not kept forever
            _shared[value] = found
    return found


def astuple_fast(entry: Entry) -> tuple[Any, ...]:
    """Return the field values of an entry as a plain tuple, codes shared (smaller file, less memory)."""
    row = list(_FIELDS(entry))
    for index in _CODES:
        row[index] = _share(row[index])
    return tuple(row)


def problem_row(problem: Problem) -> ProblemRow:
    """Return a problem as a plain tuple (marshal writes tuples; ``Problem(*row)`` makes it again)."""
    return (problem.path, problem.line, problem.column, problem.message, problem.key, problem.severity, problem.rule)
