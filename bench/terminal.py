"""Provides the application measures of the benchmark, in a real pseudo-terminal of 120×40.

First paint: the process is started in the pty and timed until its output
holds a marker (the commons' name for traam, a row of the list for the
floor app). Keystroke → painted: the app runs in the pty with a stamp pipe
(``TRAAM_BENCH_STAMP_FD``); each key is written to the terminal, and the app
writes ``query<TAB>time`` on that pipe once the results of ``query`` are
painted (``call_after_refresh``). Both ends read the same clock
(``perf_counter`` is ``CLOCK_MONOTONIC`` on Linux), so a figure is from the
byte written to the terminal to the results on screen. traam and the floor
app (:mod:`bench.floor_app`) are measured the same way on the same keys.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

TIMEOUT = 60.0
REPO = Path(__file__).resolve().parent.parent
CLEAR = b"\x15"  # ctrl+u: Input's delete_left_all


class Session:
    """One program running in a 120×40 pseudo-terminal, with a pipe on which it writes its paint stamps."""

    def __init__(self, argv: list[str]):
        self.main_fd, child_fd = pty.openpty()
        fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.stamp_fd, stamp_write = os.pipe()
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40",
                   TRAAM_BENCH_STAMP_FD=str(stamp_write))
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=child_fd, stdout=child_fd, stderr=child_fd, env=env,
                                        start_new_session=True, pass_fds=(stamp_write,))
        os.close(child_fd)
        os.close(stamp_write)
        self.output = b""
        self.stamps: list[tuple[str, float]] = []
        self._partial = b""
        self.box = ""
        """What the search box holds."""

    def _pump(self, timeout: float) -> None:
        ready, _, _ = select.select([self.main_fd, self.stamp_fd], [], [], timeout)
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if fd == self.main_fd:
                self.output = (self.output + data)[-200_000:]
            else:
                *lines, self._partial = (self._partial + data).split(b"\n")
                for line in lines:
                    query, _, when = line.decode("utf-8").rpartition("\t")
                    self.stamps.append((query, float(when)))

    def wait_output(self, markers: tuple[bytes, ...]) -> float | None:
        """Return the seconds from start until the output holds one of ``markers`` (None on timeout)."""
        while time.perf_counter() - self.started < TIMEOUT and self.process.poll() is None:
            if any(m in self.output for m in markers):
                return time.perf_counter() - self.started
            self._pump(0.2)
        return None

    def wait_stamp(self, query: str, since: float, timeout: float = TIMEOUT) -> float | None:
        """Return the time of the first stamp of ``query`` painted after ``since`` (None on timeout)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self.process.poll() is None:
            for text, when in self.stamps:
                if text == query and when >= since:
                    return when
            self._pump(0.2)
        return None

    def type(self, queries: list[str]) -> list[float]:
        """Clear the box then type each query a character at a time; return key → painted seconds per key."""
        times = []
        for query in queries:
            if self.box:
                sent = time.perf_counter()
                os.write(self.main_fd, CLEAR)
                if self.wait_stamp("", sent, 10.0) is None:
                    raise RuntimeError("la recherche vide n'a pas été affichée")
            for n in range(1, len(query) + 1):
                del self.stamps[:]
                sent = time.perf_counter()
                os.write(self.main_fd, query[n - 1].encode("utf-8"))
                painted = self.wait_stamp(query[:n], sent)
                if painted is None:
                    raise RuntimeError(f"« {query[:n]} » n'a jamais été affiché")
                times.append(painted - sent)
            self.box = query
        return times

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.main_fd)
        os.close(self.stamp_fd)


def traam_first_paint(root: Path, marker: str) -> float | None:
    """Start ``traam -C root`` as a user would; return the seconds until the commons' name is on screen."""
    session = Session([sys.executable, "-m", "tui", "-C", str(root)])
    try:
        return session.wait_output((marker.encode("utf-8"),))
    finally:
        session.close()


def traam_keystrokes(root: Path, marker: str, queries: list[str]) -> list[float]:
    """Open traam's search (``/``) and type ``queries``; return key → painted seconds per key."""
    session = Session([sys.executable, "-m", "bench.stamped", str(root)])
    try:
        if session.wait_output((marker.encode("utf-8"),)) is None:
            raise RuntimeError("traam n'a rien affiché")
        sent = time.perf_counter()
        os.write(session.main_fd, b"/")
        if session.wait_stamp("", sent) is None:
            raise RuntimeError("la recherche de traam ne s'est pas ouverte")
        return session.type(queries)
    finally:
        session.close()


def floor_first_paint() -> float | None:
    """Start the bare Textual app; return the seconds until its list is on screen."""
    session = Session([sys.executable, "-m", "bench.floor_app"])
    try:
        return session.wait_output((b"Ligne 30 ",))
    finally:
        session.close()


def floor_keystrokes(queries: list[str]) -> list[float]:
    """Type ``queries`` in the bare Textual app's Input (200 rows refreshed per key); key → painted per key."""
    session = Session([sys.executable, "-m", "bench.floor_app"])
    try:
        if session.wait_stamp("", session.started) is None:
            raise RuntimeError("l'application plancher n'a pas démarré")
        return session.type(queries)
    finally:
        session.close()
