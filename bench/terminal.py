"""Provides the application measures of the benchmark: the real ``traam`` run in a pseudo-terminal.

Start to first screen with data: from just before the process starts until
the terminal output holds the commons' name or a campaign title. Keystroke
repaint in search: ``/`` opens the search, then each character of a query is
sent and timed until the application has written its repaint (the output
goes quiet for :data:`QUIET` seconds; that wait is not counted).
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

QUIET = 0.05
TIMEOUT = 30.0
MARKERS = ("Commun de test", "Travaux académiques mutualisés")


def _read(fd: int, timeout: float) -> bytes:
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def _settle(fd: int) -> float:
    """Read until the output is quiet; return when the last byte arrived."""
    last = time.perf_counter()
    while True:
        chunk = _read(fd, QUIET)
        if not chunk:
            return last
        last = time.perf_counter()


def measure_app(root: Path, query: str = "biodiversite") -> dict:
    """Run ``traam -C root`` in a pty of 120×40 and return the timings (seconds)."""
    import fcntl
    import struct
    import termios

    from bench.measures import percentile

    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40")
    repo = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = str(repo) + os.pathsep + env.get("PYTHONPATH", "")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "-C", str(root)], stdin=child_fd, stdout=child_fd, stderr=child_fd,
        env=env, start_new_session=True,
    )
    os.close(child_fd)
    seen = b""
    first_paint = None
    markers = [m.encode("utf-8") for m in MARKERS]
    try:
        while time.perf_counter() - started < TIMEOUT and process.poll() is None:
            seen += _read(main_fd, 0.5)
            if any(m in seen for m in markers):
                first_paint = time.perf_counter() - started
                break
        if first_paint is None:
            return {"first_paint": None, "note": "aucun écran avec données en 30 s", "keystroke_p95": None}
        _settle(main_fd)
        os.write(main_fd, b"/")
        _settle(main_fd)
        times = []
        for char in query:
            sent = time.perf_counter()
            os.write(main_fd, char.encode())
            last = _settle(main_fd)
            times.append(max(0.0, last - sent))
        return {
            "first_paint": first_paint, "note": "pseudo-terminal 120×40, repère : nom du commun ou campagne",
            "keystroke_p95": percentile(times, 95),
            "keystroke_note": f"« {query} » tapé lettre à lettre, jusqu'à la fin de l'écriture",
        }
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        process.wait(timeout=10)
        os.close(main_fd)
