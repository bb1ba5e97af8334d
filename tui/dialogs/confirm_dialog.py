"""Provides ConfirmDialog, a yes/no question (leaving with unsaved changes)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui import strings
from tui.dialogs.cancel import cancel


class ConfirmDialog(ModalScreen[bool]):
    """Ask a question; dismisses with True (yes) or False (no, the default: Escape)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "answer(False)", strings.CONFIRM_NO, id="dialog.cancel")]

    def __init__(self, title: str, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.heading, self.question, self.yes, self.no = title, question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(self.heading), id="dialog-title")
            yield Static(Content(self.question), id="dialog-message")
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(self.no), variant="primary", id="no")
                yield Button(Content(self.yes), variant="error", id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        if answer:
            self.dismiss(True)
        else:
            cancel(self, False)
