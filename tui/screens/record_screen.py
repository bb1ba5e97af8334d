"""Provides RecordScreen: one record shown full screen, with the keys to edit it and see its history."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header

from tui import strings
from tui.safe import plain
from tui.screens.base import SessionScreen
from tui.screens.record_actions import RecordActions
from tui.session import Session
from tui.widgets.record_detail import RecordDetail


class RecordScreen(RecordActions, SessionScreen):
    """The detail of ``record_id``; Escape goes back to where it was opened from."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "app.pop_screen", strings.KEY_BACK, id="record.back"),
                *RecordActions.RECORD_BINDINGS]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield RecordDetail(id="detail")
        yield Footer()

    def show_session(self, session: Session) -> None:
        self.title = strings.RECORD
        self.sub_title = plain(self.record_id)
        self.query_one(RecordDetail).focus()
        self.load()

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load(self) -> None:
        """Read the record in a worker and show it."""
        session = self.session
        record = session.snapshot.record(self.record_id)
        problems = session.problems_of(self.record_id)
        self.app.call_from_thread(self.query_one(RecordDetail).show, self.record_id, record,
                                  session.state_of(self.record_id), problems, session.note_of(self.record_id))

    def current_record_id(self) -> str | None:
        return self.record_id

    def current_record(self):
        return self.query_one(RecordDetail).record
