"""Provides CommitDialog, the prompt for the commit message of a save (with a sensible default)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from tui import strings
from tui.dialogs.input_dialog import InputDialog
from tui.safe import content


class CommitDialog(InputDialog[str]):
    """Ask for the commit message; dismisses with the message, or None when cancelled."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, default: str, summary: str = "") -> None:
        super().__init__()
        self.default = default
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(strings.COMMIT_TITLE), id="dialog-title")
            yield Static(Content(strings.COMMIT_HELP), id="dialog-help")
            if self.summary:
                yield Static(content(self.summary, multiline=True), id="dialog-summary")
            yield Input(self.default, id="message", select_on_focus=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.COMMIT_OK), variant="primary", id="ok")

    def on_mount(self) -> None:
        # The default message is selected once, on opening (typing replaces it); tabbing back keeps it.
        message = self.query_one(Input)
        message.focus()
        message.select_all()

    def _confirm(self) -> None:
        message = self.query_one(Input).value.strip()
        self.dismiss(message or self.default)
