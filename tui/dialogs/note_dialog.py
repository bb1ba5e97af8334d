"""Provides ReviewNoteDialog: the message of a review decision, with an optional comment per record."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from tui import strings
from tui.dialogs.cancel import cancel
from tui.safe import content


class ReviewNoteDialog(ModalScreen[tuple[str, dict[str, str]] | None]):
    """Ask for the message to the author and per-record comments; dismisses with ``(message, comments)``."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "cancel", strings.CANCEL, id="dialog.cancel"),
        Binding("ctrl+s", "send", strings.NOTE_SEND, id="dialog.send"),
    ]

    def __init__(self, title: str, name: str, records: list[str]) -> None:
        super().__init__()
        self.heading = title
        self.branch = name
        self.records = list(records)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content.assemble(self.heading, " : ", content(self.branch)), id="dialog-title")
            yield Label(Content(strings.NOTE_MESSAGE))
            yield TextArea(id="message", soft_wrap=True, show_line_numbers=False)
            if self.records:
                yield Label(Content(strings.NOTE_RECORDS), id="records-title")
                with VerticalScroll(id="records", can_focus=False):  # no invisible stop between the fields
                    for index, record_id in enumerate(self.records):
                        yield Static(content(record_id, "bold"), classes="record-id")
                        yield Input(id=f"record-{index}", classes="record-comment", select_on_focus=False)
            yield Label("", id="dialog-status")
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.NOTE_SEND), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#message", TextArea).focus()

    def result(self) -> tuple[str, dict[str, str]]:
        """Return the message and the non-empty comments by record id."""
        comments = {}
        for index, record_id in enumerate(self.records):
            text = self.query_one(f"#record-{index}", Input).value.strip()
            if text:
                comments[record_id] = text
        return self.query_one("#message", TextArea).text.strip(), comments

    def action_send(self) -> None:
        message, comments = self.result()
        if not message and not comments:
            self.query_one("#dialog-status", Label).update(Content.styled(strings.NOTE_EMPTY, "$text-error"))
            return
        self.dismiss((message or strings.NOTE_DEFAULT, comments))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.action_send()
        else:
            cancel(self)

    def action_cancel(self) -> None:
        cancel(self)
