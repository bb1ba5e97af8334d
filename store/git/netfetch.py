"""Provides a fetch with a deadline and a cancel switch: an unreachable remote never holds a screen for long.

``git fetch`` to a host that does not answer waits for the system's TCP
timeout (about a minute). Here git runs in its own process group, with the
runner's whole safety policy (:func:`store.git.runner.spawn`); the group is
killed when the deadline passes or when the caller sets its cancel event.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from store.git.runner import spawn

Outcome = Literal["ok", "failed", "timeout", "cancelled"]

POLL = 0.05
"""Seconds between two looks at git and at the cancel event."""


@dataclass(frozen=True)
class Fetched:
    """How a fetch ended: ``ok``, ``failed`` (git's stderr in ``stderr``), ``timeout`` or ``cancelled``."""

    outcome: Outcome
    seconds: float
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def fetch(root: Path | str, remote: str, *, timeout: float, cancel: threading.Event | None = None) -> Fetched:
    """Fetch ``remote`` quietly; give up after ``timeout`` seconds, or as soon as ``cancel`` is set.

    Raises:
        StoreError: git is not installed.
    """
    start = time.monotonic()
    process = spawn(root, "fetch", "--quiet", remote, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE, start_new_session=True)
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read() if process.stderr else b""),
                              daemon=True)
    reader.start()
    outcome: Outcome | None = None
    while process.poll() is None:
        if cancel is not None and cancel.is_set():
            outcome = "cancelled"
        elif time.monotonic() - start >= timeout:
            outcome = "timeout"
        if outcome is not None:
            _kill(process)
            break
        time.sleep(POLL)
    reader.join(1)
    stderr = b"".join(errors).decode("utf-8", "replace").strip()
    if outcome is None:
        outcome = "ok" if process.returncode == 0 else "failed"
    return Fetched(outcome, time.monotonic() - start, stderr)


def _kill(process: subprocess.Popen) -> None:
    """Kill git and every helper it started (ssh, remote helpers): they share its process group."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
