"""Provides BlobCache: the slim index of parsed records, keyed by blob id and path, kept under ``.git/traam/``.

An unchanged blob is never parsed twice: the entry and the file problems of
each ``(blob, path)`` are kept in memory and on disk. The disk file is
``marshal`` data (plain values only, fast to load) behind an HMAC made with
a key from the user's own data folder, so a cache copied in with a
repository is ignored, never trusted. Loading pauses the garbage collector,
which makes bulk unmarshalling much faster.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import marshal
import os
import secrets
import sys
from dataclasses import fields
from pathlib import Path

from records.entry import Entry
from records.problems import Problem

FORMAT = b"traam-cache-1\n"

Cached = tuple[Entry, tuple[Problem, ...]]


def _data_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "traam"


def _secret() -> bytes:
    """Return this user's cache key, creating it (mode 0600) on first use."""
    path = _data_home() / "cache.key"
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    temp = path.with_name(f".cache.key.{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    os.replace(temp, path)
    return path.read_bytes()


def key_of(blob: str, path: str) -> str:
    """Return the key of a file content at a path (for the in-memory caches of full records)."""
    return f"{blob}:{path}"


def _id_of_path(path: str) -> str:
    return path[:-5] if path.endswith(".toml") else path


class BlobCache:
    """Entries and problems by blob (and path), persisted in ``<gitdir>/traam/entries.bin``.

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
        self.items: dict[str, Cached] = {}
        self.others: dict[str, Cached] = {}
        self.parsed = 0
        self.dirty = False
        self._stamp: tuple | None = None

    def _file_stamp(self) -> tuple | None:
        try:
            info = self.path.stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def refresh(self) -> None:
        """Load the disk cache if it changed since last read (another traam process wrote it)."""
        stamp = self._file_stamp()
        if stamp is None or stamp == self._stamp:
            return
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        self._stamp = stamp
        head = len(FORMAT) + 32
        if not data.startswith(FORMAT) or len(data) < head:
            return
        body = data[head:]
        if not hmac.compare_digest(data[len(FORMAT):head], hmac.new(_secret(), body, hashlib.sha256).digest()):
            return  # not written by this user: ignore it, it will be rebuilt
        enabled = gc.isenabled()
        gc.disable()
        try:
            rows = marshal.loads(body)
            make, empty = Entry, ()
            items = {
                key: (make(*entry), tuple([Problem(*p) for p in problems]) if problems else empty)
                for key, entry, problems in rows
            }
        except (ValueError, EOFError, TypeError):
            return  # unreadable: ignore it, it will be rebuilt
        finally:
            if enabled:
                gc.enable()
        others = {key: items.pop(key) for key in [k for k in items if ":" in k]}
        items.update(self.items)
        others.update(self.others)
        self.items, self.others = items, others

    def get(self, blob: str, path: str) -> Cached | None:
        """Return the cached entry and problems of this content at this path, or None."""
        hit = self.items.get(blob)
        if hit is not None and hit[0].id == _id_of_path(path):
            return hit
        return self.others.get(key_of(blob, path)) if self.others else None

    def put(self, blob: str, path: str, entry: Entry, problems: list[Problem]) -> None:
        """Remember a freshly parsed file."""
        hit = self.items.get(blob)
        if hit is None or hit[0].id == entry.id:
            self.items[blob] = (entry, tuple(problems))
        else:
            self.others[key_of(blob, path)] = (entry, tuple(problems))
        self.parsed += 1
        self.dirty = True

    def save(self, keep: set[str] | None = None) -> None:
        """Write the cache atomically if it changed; with ``keep`` (blob ids), prune it to those when it grew large.

        Errors writing (read-only repository, full disk) are ignored: the
        cache is only an accelerator.
        """
        if not self.dirty:
            return
        if keep is not None and len(self.items) > 2 * len(keep) + 1000:
            self.items = {k: v for k, v in self.items.items() if k in keep}
            self.others = {k: v for k, v in self.others.items() if k.split(":", 1)[0] in keep}
        rows = [
            (key, astuple_fast(entry), tuple(_problem_tuple(p) for p in problems))
            for table in (self.items, self.others)
            for key, (entry, problems) in table.items()
        ]
        body = marshal.dumps(rows)
        digest = hmac.new(_secret(), body, hashlib.sha256).digest()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temp = self.folder / f".entries.{os.getpid()}.tmp"
            with open(temp, "wb") as handle:
                handle.write(FORMAT + digest + body)
            os.replace(temp, self.path)
        except OSError:
            return
        self._stamp = self._file_stamp()
        self.dirty = False


_NAMES = tuple(f.name for f in fields(Entry))


_CODES = frozenset({"kind", "campaign", "academie", "theme", "disciplines", "levels", "tool_kinds", "crcn", "tools"})
_shared: dict[tuple, tuple] = {}


def _share(value):
    """Return one shared object per distinct code or tuple of codes, so marshal writes each once."""
    if isinstance(value, str):
        return sys.intern(value)
    value = tuple(sys.intern(v) for v in value)
    return _shared.setdefault(value, value)


def astuple_fast(entry: Entry) -> tuple:
    """Return the field values of an entry as a plain tuple, codes shared (smaller file, less memory)."""
    return tuple(_share(getattr(entry, name)) if name in _CODES else getattr(entry, name) for name in _NAMES)


def _problem_tuple(problem: Problem) -> tuple:
    return (problem.path, problem.line, problem.column, problem.message, problem.key, problem.severity, problem.rule)


