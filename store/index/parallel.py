"""Provides Helper: a second process that parses part of a cold load, so that both cores work.

Parsing a record (TOML, model, entry) costs about 45 µs of Python; a cold
open of 100,000 records is CPU-bound in one interpreter. When many blobs are
unknown, :func:`start` hands those read from git's objects to ``python -I``
running :func:`worker` (our own code, found by an explicit path: never the
commons' folder). The helper works from the last file backwards while this
process parses from the first one forwards, until they meet: neither core
waits for the other, however busy the machine. The helper reads through its
own ``cat-file`` and sends back, in marshal chunks, the entry and the
problems of each file, exactly what :func:`records.entry.entry_of` and
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
from typing import Any, BinaryIO

from records.entry import Entry
from records.problems import Problem
from store.git.listing import File
from store.index.blobload import load_blob
from store.index.cache import ProblemRow, problem_row

PARALLEL_FROM = 20000
"""Unknown blobs from which a helper process is started (below, its start-up would cost more than it saves)."""
CODE = Path(__file__).resolve().parents[2]
_HEADER = struct.Struct("<Q")
_CHUNK = 256

_Row = tuple[str, tuple[Any, ...], list[ProblemRow]]
"""What the helper sends per file: its path, the entry's fields and the problems' fields."""


def spawn(root: Path, module: str, function: str) -> subprocess.Popen[bytes]:
    """Start ``python -I`` running ``module.function()`` of traam's own code (found by an explicit path,
    never the commons' folder) with ``root`` as its argument, talking through its standard input and output.

    Raises:
        OSError: the interpreter could not be started.
    """
    code = f"import sys; sys.path.insert(0, sys.argv[1]); from {module} import {function}; {function}()"
    return subprocess.Popen([sys.executable, "-I", "-c", code, str(CODE), str(root)], cwd=str(CODE),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a helper process if it still runs, and reap it."""
    if process.poll() is None:
        process.kill()
    process.wait()


class Helper:
    """A running helper process parsing ``files`` from the last one backwards.

    ``done`` tells how many files, counted from the end, it has answered for.
    """

    def __init__(self, root: Path, files: list[File]):
        self.files = files
        self.done = 0
        self._rows: list[_Row] = []
        self._answered = threading.Condition()
        self._finished = False
        self._process = spawn(root, "store.index.parallel", "worker")
        payload = marshal.dumps([(f.path, f.blob) for f in files])
        self._feeder = threading.Thread(target=self._feed, args=(payload,), daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._feeder.start()
        self._reader.start()

    def _feed(self, payload: bytes) -> None:
        stdin = self._process.stdin
        assert stdin is not None  # a pipe (see spawn)
        try:
            stdin.write(payload)
            stdin.close()
        except OSError:
            pass

    def _read(self) -> None:
        out = self._process.stdout
        assert out is not None  # a pipe (see spawn)
        try:
            while True:
                head = out.read(_HEADER.size)
                if len(head) < _HEADER.size:
                    return
                body = out.read(_HEADER.unpack(head)[0])
                rows = marshal.loads(body)
                with self._answered:
                    self._rows.extend(rows)
                    self.done += len(rows)
                    self._answered.notify_all()
        except (OSError, ValueError, EOFError, TypeError, struct.error):
            return
        finally:
            with self._answered:
                self._finished = True
                self._answered.notify_all()

    def close(self) -> None:
        """Stop the helper if it still runs (its work is done or no longer wanted)."""
        stop(self._process)
        self._reader.join()
        self._feeder.join()

    def wait(self, count: int, timeout: float | None = None) -> bool:
        """Wait until the helper has answered for ``count`` files or has stopped; True if it has answered."""
        with self._answered:
            self._answered.wait_for(lambda: self.done >= count or self._finished, timeout)
            return self.done >= count

    def results(self, count: int) -> Iterator[tuple[File, Entry | None, list[Problem]]]:
        """Yield the last ``count`` files with their entry and problems (entry None: parse it here).

        Waits until the helper has answered for them or has stopped; then
        stops it. Each row is checked against the path it stands for.
        """
        self.wait(count)
        self.close()
        make = tuple.__new__
        rows, files = self._rows, self.files
        last = len(files) - 1
        for index in range(count):
            file = files[last - index]
            if index < len(rows) and rows[index][0] == file.path:
                _path, entry, problems = rows[index]
                yield file, make(Entry, entry), [Problem(*p) for p in problems]
            else:
                yield file, None, []


def start(root: Path, missing: list[File]) -> Helper | None:
    """Start a helper on the ``missing`` files read from git's objects, or None when not worth it."""
    from_git = [f for f in missing if f.in_objects]
    if len(missing) < PARALLEL_FROM or len(from_git) < PARALLEL_FROM // 2 or (os.cpu_count() or 1) < 2:
        return None
    try:
        return Helper(root, from_git)
    except OSError:
        return None


def worker() -> None:
    """Helper side: read ``[(path, blob)]`` (marshal) on stdin, write chunks of ``(path, entry, problems)``."""
    import gc

    from records.entry import entry_of
    from store.git.catfile import CatFile

    gc.disable()
    root = Path(sys.argv[2])
    items = marshal.loads(sys.stdin.buffer.read())[::-1]  # from the last file: the other process starts at the first
    out = sys.stdout.buffer
    reader = CatFile(root)
    chunk: list[_Row] = []
    for (path, blob), (_oid, data) in zip(items, reader.many([blob for _path, blob in items])):
        loaded = load_blob(path, data)
        entry = entry_of(loaded, blob)
        chunk.append((path, tuple(entry), [problem_row(p) for p in loaded.problems]))
        if len(chunk) >= _CHUNK:
            _send(out, chunk)
            chunk = []
    if chunk:
        _send(out, chunk)
    out.flush()
    reader.close()


def _send(out: BinaryIO, chunk: list[_Row]) -> None:
    body = marshal.dumps(chunk)
    out.write(_HEADER.pack(len(body)))
    out.write(body)
