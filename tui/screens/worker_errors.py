"""Provides ReportsWorkerErrors: a screen mixin that turns its failed workers into the app's French error dialog.

``Worker.StateChanged`` does not bubble, so the app's handler only sees its
own workers; a screen that runs git work in its own workers forwards their
failures with this mixin (never a silent failure, never a traceback).
"""

from __future__ import annotations

from textual.worker import Worker, WorkerState


class ReportsWorkerErrors:
    """Mixin for screens: ``on_worker_state_changed`` shows the error of a failed worker."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            from tui.dialogs.error_dialog import french_message

            self.worker_failed(event.worker)
            self.app.show_error(french_message(event.worker.error))

    def worker_failed(self, worker: Worker) -> None:
        """Let the screen undo its "running" look after a failure (default: nothing)."""
