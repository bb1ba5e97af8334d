"""Provides the command line's progress display: Rich's progress bars on standard error when it is a terminal,
nothing at all when it is piped or redirected (scripts and CI read clean output).

Usage::

    with Steps() as steps:
        snapshot = commons.load(progress=steps.step("Lecture des enregistrements"))
        problems = snapshot.validate(progress=steps.step("Vérification"))

A step's callback takes ``(done, total)``; a step that never reports counts
shows a moving bar until the next step starts or the block ends. Every
callback is None when nothing is shown, so the store skips the work of
reporting.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

Progress = Callable[[int, int | None], None]


class Steps:
    """A group of progress lines on standard error, shown only when it is a terminal."""

    def __init__(self, *, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.bar = None
        self.current = None

    def __enter__(self) -> Steps:
        if not self.stream.isatty():
            return self
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=Console(file=self.stream), transient=True)
        self.bar.start()
        return self

    def step(self, label: str) -> Progress | None:
        """Start a new line labelled ``label`` (French) and return its callback (None when quiet)."""
        if self.bar is None:
            return None
        self._finish()
        task = self.bar.add_task(label, total=None)
        self.current = task

        def update(done: int, total: int | None) -> None:
            self.bar.update(task, completed=done, total=total)

        return update

    def later(self, label: str) -> Progress | None:
        """Return a callback that starts the step ``label`` on its first call (for a step inside a store call)."""
        if self.bar is None:
            return None
        started: list[Progress] = []

        def update(done: int, total: int | None) -> None:
            if not started:
                started.append(self.step(label))
            started[0](done, total)

        return update

    def transfer(self) -> Callable[[object], None] | None:
        """Return a callback for git's transfer steps (:class:`store.git.network.Transfer`): one line per phase,
        named in French (« Réception des objets »), counted when git knows the total; None when quiet."""
        if self.bar is None:
            return None
        from tui.strings import TRANSFER_PHASES

        lines: dict[tuple[str, bool], Progress | None] = {}

        def update(step) -> None:
            if step is None:
                return
            key = (step.phase, step.remote)
            if key not in lines:
                phase = TRANSFER_PHASES.get(step.phase, step.phase)
                lines[key] = self.step(("distant — " if step.remote else "") + phase)
            callback = lines[key]
            if callback is not None:
                callback(step.done, step.total)

        return update

    def _finish(self) -> None:
        if self.current is not None:
            task = self.bar.tasks[self.current] if self.current < len(self.bar.tasks) else None
            if task is not None and task.total is None:
                self.bar.update(self.current, total=1, completed=1)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

