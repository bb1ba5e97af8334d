"""Provides LoadingScreen: shown while the commons is read, with a progress bar on cold loads."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, LoadingIndicator, ProgressBar

from tui import strings
from tui.safe import content


class LoadingScreen(Screen):
    """A spinner, the commons' folder and, once the total is known, a progress bar in place of the spinner."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Label(Content(strings.LOADING_COMMONS), id="loading-title")
            yield Label(content(self.where), id="loading-where")
            yield LoadingIndicator()
            yield ProgressBar(total=None, show_eta=False, id="loading-bar")
            yield Label("", id="loading-count")

    def progress(self, done: int, total: int) -> None:
        """Show that ``done`` of ``total`` records were read."""
        # Once the total is known the bar says more than the spinner (and does not move on its own).
        self.query_one(LoadingIndicator).display = False
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#loading-count", Label).update(
            Content(strings.LOADING_PROGRESS.format(done=done, total=total)))
