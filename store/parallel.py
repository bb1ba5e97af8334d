"""Provides Helper: a second process that parses part of a cold load, so that both cores work.

Parsing a record (TOML, model, entry) costs about 150 µs of Python; a cold
open of 100,000 records is CPU-bound in one interpreter. When many blobs are
unknown, :func:`start` hands the second half of those read from git's
objects to ``python -I`` running :func:`worker` (our own code, found by an
explicit path: never the commons' folder), which reads them through its own
``cat-file`` and sends back, in marshal chunks, the entry and the problems of
each file, exactly what :func:`records.entry.entry_of` and
:func:`records.codec.load` give here. If the helper fails in any way, the
files it did not answer for are parsed here: the result never depends on it.
"""

from __future__ import annotations

import marshal
import os
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from records.entry import Entry
from records.problems import Problem

from store.listing import File

PARALLEL_FROM = 20000
"""Unknown blobs from which a helper process is started (below, its start-up would cost more than it saves)."""
_CODE = Path(__file__).resolve().parent.parent
_HEADER = struct.Struct("<Q")
_CHUNK = 512


class Helper:
    """A running helper process parsing ``files``; ``done`` tells how many it has answered for."""

    def __init__(self, root: Path, files: list[File]):
        self.files = files
        self.done = 0
        self._rows: list[tuple] = []
        command = [sys.executable, "-I", "-c",
                   "import sys; sys.path.insert(0, sys.argv[1]); from store.parallel import worker; worker()",
                   str(_CODE), str(root)]
        self._process = subprocess.Popen(command, cwd=str(_CODE), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
        payload = marshal.dumps([(f.path, f.blob) for f in files])
        self._feeder = threading.Thread(target=self._feed, args=(payload,), daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._feeder.start()
        self._reader.start()

    def _feed(self, payload: bytes) -> None:
        try:
            self._process.stdin.write(payload)
            self._process.stdin.close()
        except OSError:
            pass

    def _read(self) -> None:
        out = self._process.stdout
        try:
            while True:
                head = out.read(_HEADER.size)
                if len(head) < _HEADER.size:
                    return
                body = out.read(_HEADER.unpack(head)[0])
                rows = marshal.loads(body)
                self._rows.extend(rows)
                self.done += len(rows)
        except (OSError, ValueError, EOFError, TypeError, struct.error):
            return

    def close(self) -> None:
        """Stop the helper if it still runs (the load was abandoned)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()

    def results(self) -> Iterator[tuple[File, Entry | None, list[Problem]]]:
        """Wait for the helper; yield each file with its entry and problems (entry None: parse it here)."""
        self._reader.join()
        self._feeder.join()
        if self._process.wait() != 0:
            self._rows = []  # a failed helper is not trusted for anything
        make = tuple.__new__
        rows = self._rows
        for index, file in enumerate(self.files):
            if index < len(rows) and rows[index][0] == file.path:
                _path, entry, problems = rows[index]
                yield file, make(Entry, entry), [Problem(*p) for p in problems]
            else:
                yield file, None, []


def start(root: Path, missing: list[File]) -> Helper | None:
    """Start a helper on half of the ``missing`` files read from git's objects, or None when not worth it."""
    from_git = [f for f in missing if f.data is None and not f.on_disk]
    if len(missing) < PARALLEL_FROM or len(from_git) < PARALLEL_FROM // 2 or (os.cpu_count() or 1) < 2:
        return None
    try:
        return Helper(root, from_git[len(from_git) // 2:])
    except OSError:
        return None


def worker() -> None:
    """Helper side: read ``[(path, blob)]`` (marshal) on stdin, write chunks of ``(path, entry, problems)``."""
    import gc

    from records import codec
    from records.entry import entry_of
    from store.catfile import CatFile

    gc.disable()
    root = Path(sys.argv[2])
    items = marshal.loads(sys.stdin.buffer.read())
    out = sys.stdout.buffer
    reader = CatFile(root)
    chunk: list[tuple] = []
    for (path, blob), (_oid, data) in zip(items, reader.many([blob for _path, blob in items])):
        loaded = codec.load(path, data or b"")
        entry = entry_of(loaded, blob)
        chunk.append((path, tuple(entry), [_problem(p) for p in loaded.problems]))
        if len(chunk) >= _CHUNK:
            _send(out, chunk)
            chunk = []
    if chunk:
        _send(out, chunk)
    out.flush()
    reader.close()


def _send(out, chunk: list[tuple]) -> None:
    body = marshal.dumps(chunk)
    out.write(_HEADER.pack(len(body)))
    out.write(body)


def _problem(problem: Problem) -> tuple:
    return (problem.path, problem.line, problem.column, problem.message, problem.key, problem.severity, problem.rule)

