"""Provides NewRecordDialog: choose the kind of record to create from a template."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select

from records import vocab
from tui import strings
from tui.dialogs.cancel import cancel

CREATABLE = ("scenario", "team", "theme", "synthesis", "campaign")


class NewRecordDialog(ModalScreen[str | None]):
    """A list of kinds; dismisses with the kind chosen, or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "cancel", strings.CANCEL, id="dialog.cancel")]
    AUTO_FOCUS = "#ok"
    """Focused before the first paint: an Enter typed as soon as the dialog shows creates (no race)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(strings.NEW_TITLE_DIALOG), id="dialog-title")
            yield Label(Content(strings.NEW_KIND))
            yield Select([(Content(vocab.KINDS[k]), k) for k in CREATABLE], value="scenario", allow_blank=False,
                         id="kind")
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.CREATE), variant="primary", id="ok")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.dismiss(str(self.query_one(Select).value))
        else:
            cancel(self)

    def action_cancel(self) -> None:
        cancel(self)
