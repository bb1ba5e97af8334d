"""Provides the application measures of the benchmark: first screen in a pseudo-terminal, search repaints headless.

Start to first screen with data: the real ``traam`` runs in a pseudo-terminal,
timed from just before the process starts until the terminal output holds the
commons' name or a campaign title. Keystroke repaint in search: the
application runs headless (Textual's ``run_test``), ``/`` opens the search,
then each character of a query is pressed and timed until the search worker
has finished and the results are shown and painted.
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


def first_paint(root: Path) -> dict:
    """Run ``traam -C root`` in a pty of 120×40; return the time to the first screen with data (seconds)."""
    import fcntl
    import struct
    import termios

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
            return {"first_paint": None, "note": "aucun écran avec données en 30 s"}
        return {"first_paint": first_paint, "note": "pseudo-terminal 120×40, repère : nom du commun ou campagne"}
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        process.wait(timeout=10)
        os.close(main_fd)


def search_repaints(root: Path, query: str = "biodiversite") -> dict:
    """Type ``query`` in the search screen of the headless application; return the p95 per keystroke (seconds)."""
    import asyncio

    from bench.measures import percentile
    from tui.app import TraamApp

    from tui.screens.search import SearchScreen

    shown_at: list[float] = []
    original = SearchScreen.show_rows

    def stamped(screen, query, rows):  # noqa: ANN001 - wraps the screen's method for the measure only
        original(screen, query, rows)
        # Stamp once the results are painted: the refresh after set_rows is what a person sees.
        screen.call_after_refresh(lambda: shown_at.append(time.perf_counter()))

    SearchScreen.show_rows = stamped

    async def run() -> tuple[list[float], list[float]]:
        app = TraamApp(root)
        async with app.run_test(size=(120, 40)) as pilot:
            deadline = time.perf_counter() + TIMEOUT
            while app.session is None and time.perf_counter() < deadline:
                await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            await pilot.press("slash")
            await app.workers.wait_for_complete()
            await pilot.pause()
            times, cpu = [], []
            for char in query:
                started, started_cpu = time.perf_counter(), time.process_time()
                del shown_at[:]
                await pilot.press(char)
                await app.workers.wait_for_complete()
                await pilot.pause()
                with_pilot.append(time.perf_counter() - started)
                # From the key press to the results painted, measured inside the app (no pilot waits).
                times.append((shown_at[-1] if shown_at else time.perf_counter()) - started)
                cpu.append(time.process_time() - started_cpu)
            return times, cpu

    with_pilot: list[float] = []
    try:
        times, cpu = asyncio.run(run())
    finally:
        SearchScreen.show_rows = original
    return {
        "keystroke_p95": percentile(times, 95), "keystroke_cpu_p95": percentile(cpu, 95),
        "keystroke_note": f"« {query} » tapé lettre à lettre (Textual sans terminal), de la touche aux résultats "
        f"peints ; avec les attentes du pilote de test : p95 {percentile(with_pilot, 95) * 1000:.0f} ms ; "
        f"temps processeur p95 {percentile(cpu, 95) * 1000:.1f} ms",
    }
