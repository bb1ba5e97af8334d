"""Provides FacetDialog: pick a search filter (discipline, académie, état …) from lists instead of typing it."""

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
from tui.safe import content

FACET_VOCABULARIES: dict[str, dict[str, str]] = {
    "discipline": vocab.DISCIPLINES,
    "academie": vocab.ACADEMIES,
    "niveau": vocab.LEVELS,
    "type": vocab.KINDS,
    "etat": vocab.STATES,
    "outil": vocab.TOOL_KINDS,
    "crcn": {code: f"{code} {label}" for code, label in vocab.CRCN.items()},
}


class FacetDialog(ModalScreen[str | None]):
    """Two lists: the filter, then its value; dismisses with ``name:code`` or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "cancel", strings.CANCEL, id="dialog.cancel")]

    def __init__(self, campaigns: list[str]) -> None:
        super().__init__()
        self.vocabularies = dict(FACET_VOCABULARIES)
        self.vocabularies["campagne"] = {code: code for code in campaigns}

    def compose(self) -> ComposeResult:
        names = [(Content(strings.FACET_NAMES[name]), name) for name in strings.FACET_NAMES]
        with Vertical(id="dialog"):
            yield Label(Content(strings.FACET_PICK), id="dialog-title")
            yield Label(Content(strings.FACET_KIND))
            yield Select(names, value="discipline", allow_blank=False, id="facet-name")
            yield Label(Content(strings.FACET_VALUE))
            yield Select(self._values("discipline"), id="facet-value", prompt=strings.FORM_NONE)
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.FACET_ADD), variant="primary", id="ok")

    def _values(self, name: str) -> list[tuple[Content, str]]:
        return [(content(label), code) for code, label in self.vocabularies.get(name, {}).items()]

    def on_mount(self) -> None:
        self.query_one("#facet-name", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "facet-name" and event.value is not Select.NULL:
            self.query_one("#facet-value", Select).set_options(self._values(str(event.value)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id != "ok":
            cancel(self)
            return
        name = self.query_one("#facet-name", Select).value
        value = self.query_one("#facet-value", Select).value
        if name is Select.NULL or value is Select.NULL:
            self.dismiss(None)
        else:
            self.dismiss(f"{name}:{value}")

    def action_cancel(self) -> None:
        cancel(self)
