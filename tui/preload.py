"""Provides Preload: the commons' session read in a thread while the application itself is still being imported.

``traam`` spends a few tenths of a second importing Textual and the screens;
git's scan of the work tree and the read of the cache need no Textual, so
they start first and run meanwhile. The application then takes the session
(or the error) from here instead of opening the commons itself. This module
imports nothing heavy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

Progress = Callable[[int, int], None]


class Preload:
    """``Session.open(path, states=False)`` running in a daemon thread, started at creation."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._sink: Progress | None = None
        self._last: tuple[int, int] | None = None
        self._lock = threading.Lock()
        self._opened = threading.Event()
        self._commons = None
        self._session = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="traam-preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from store.repository import scan_early

            early = scan_early(self.path)  # git stats the files while the rest is imported
            from store.commons import Commons

            try:
                self._commons = Commons.open(self.path)
            finally:
                self._opened.set()
            self._commons.adopt_scan(early)
            from tui.session import Session

            self._session = Session.open(self._commons, progress=self._progress, states=False)
        except BaseException as error:  # noqa: BLE001 - handed to the application, which shows it in French
            self._error = error
            self._opened.set()

    def commons(self):
        """Wait until the folder is opened as a commons and return the store's ``Commons``.

        Raises:
            Exception: what opening raised (a StoreError with a French message: not a commons…).
        """
        self._opened.wait()
        if self._commons is None:
            raise self._error
        return self._commons

    def _progress(self, done: int, total: int) -> None:
        with self._lock:
            sink, self._last = self._sink, (done, total)
        if sink is not None:
            sink(done, total)

    def result(self, progress: Progress | None = None):
        """Wait for the session and return it; ``progress`` receives the loading progress from now on.

        Raises:
            Exception: whatever opening the commons raised (a StoreError with a French message).
        """
        with self._lock:
            self._sink, last = progress, self._last
        if progress is not None and last is not None:
            progress(*last)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._session
