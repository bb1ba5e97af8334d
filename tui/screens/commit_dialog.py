"""Provides CommitDialog, the prompt for the commit message of a save (with a sensible default)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui import strings
from tui.safe import content


class CommitDialog(ModalScreen[str | None]):
    """Ask for the commit message; dismisses with the message, or None when cancelled."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "cancel", strings.CANCEL, id="dialog.cancel")]

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
            yield Input(self.default, id="message", select_on_focus=True)
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.COMMIT_OK), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._confirm()
        else:
            self.dismiss(None)

    def _confirm(self) -> None:
        message = self.query_one(Input).value.strip()
        self.dismiss(message or self.default)

    def action_cancel(self) -> None:
        self.dismiss(None)
