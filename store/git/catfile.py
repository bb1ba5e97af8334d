"""Provides CatFile, one persistent ``git cat-file --batch`` process to read many objects fast.

One process serves every blob and tree read of a commons (about 20 µs an
object instead of a few milliseconds per ``git show``). Bulk reads pipeline
the requests from a writer thread so that neither side blocks.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from store import git
from store.errors import StoreError


class CatFile:
    """A persistent ``git cat-file --batch`` of one repository; thread-safe."""

    def __init__(self, root: Path):
        self.root = root
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def _start(self) -> tuple[subprocess.Popen[bytes], IO[bytes], IO[bytes]]:
        """Return the running process and its two pipes (standard input and output), started if needed."""
        if self._process is None or self._process.poll() is not None:
            self._process = git.spawn(
                self.root, "cat-file", "--batch", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, bufsize=1 << 16,
            )
        process = self._process
        assert process.stdin is not None and process.stdout is not None  # both are pipes, opened just above
        return process, process.stdin, process.stdout

    def _read_one(self, out: IO[bytes], name: str) -> tuple[str, bytes] | None:
        header = out.readline()
        if not header:
            self.close()
            raise StoreError("la lecture des objets git s'est interrompue (git cat-file)")
        parts = header.split()
        if len(parts) < 3 or parts[1] in (b"missing", b"ambiguous"):
            return None
        size = int(parts[2])
        data = out.read(size)
        out.read(1)
        return parts[1].decode("ascii"), data

    def get(self, name: str) -> tuple[str, bytes] | None:
        """Return ``(type, content)`` of an object (an id or ``rev:path``), None when missing.

        Raises:
            StoreError: the git process died.
        """
        if "\n" in name:
            return None
        with self._lock:
            _process, stdin, stdout = self._start()
            try:
                stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
                stdin.flush()
            except BrokenPipeError as error:
                self.close()
                raise StoreError("la lecture des objets git s'est interrompue (git cat-file)") from error
            return self._read_one(stdout, name)

    def blob(self, oid: str) -> bytes | None:
        """Return the content of blob ``oid``, None when missing or not a blob."""
        found = self.get(oid)
        return found[1] if found and found[0] == "blob" else None

    def many(self, oids: Iterable[str]) -> Iterator[tuple[str, bytes | None]]:
        """Yield ``(oid, content or None)`` for each object, pipelining the requests.

        Raises:
            StoreError: the git process died.
        """
        oids = list(oids)
        if not oids:
            return
        with self._lock:
            process, stdin, stdout = self._start()
            failure: list[BaseException] = []

            def feed() -> None:
                try:
                    chunk: list[str] = []
                    for oid in oids:
                        chunk.append(oid)
                        if len(chunk) >= 512:
                            stdin.write(("\n".join(chunk) + "\n").encode("ascii"))
                            chunk = []
                    if chunk:
                        stdin.write(("\n".join(chunk) + "\n").encode("ascii"))
                    stdin.flush()
                except (BrokenPipeError, ValueError, OSError) as error:
                    failure.append(error)

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            done = 0
            try:
                for oid in oids:
                    found = self._read_one(stdout, oid)
                    done += 1
                    yield oid, (found[1] if found else None)
            finally:
                if done < len(oids):  # abandoned midway: the rest of the answers would desync the stream
                    process.kill()
                    self._process = None
                writer.join()
            if failure:
                raise StoreError("la lecture des objets git s'est interrompue (git cat-file)")

    def close(self) -> None:
        """Stop the git process (it is restarted on the next read)."""
        process, self._process = self._process, None
        if process is not None:
            try:
                if process.stdin is not None:
                    process.stdin.close()
            except OSError:
                pass
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout:
                process.stdout.close()
