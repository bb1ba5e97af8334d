"""Provides ErrorDialog, the modal that shows a French error message (never a traceback)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui import strings
from tui.safe import content


class ErrorDialog(ModalScreen[None]):
    """A titled French message and an OK button; the message may quote git or records (sanitised)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape,enter", "dismiss", strings.OK, id="dialog.close")]

    def __init__(self, message: str, title: str = strings.ERROR_TITLE) -> None:
        super().__init__()
        self.message = message
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(self.heading), id="dialog-title")
            yield Static(content(self.message, multiline=True), id="dialog-message")
            yield Button(Content(strings.OK), variant="primary", id="dialog-ok")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


def french_message(error: BaseException) -> str:
    """Return what to tell a person about ``error``: the store's French message, else a generic one."""
    from store.errors import StoreError

    if isinstance(error, StoreError):
        return error.message + (f"\n\n{error.stderr.strip()}" if error.stderr.strip() else "")
    if isinstance(error, OSError):
        return strings.ERROR_UNEXPECTED.format(kind=error.strerror or type(error).__name__)
    return strings.ERROR_UNEXPECTED.format(kind=type(error).__name__)
