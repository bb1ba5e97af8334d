"""Provides HistoryScreen (Historique): the commits that touched a record, with field-level diffs, who and when."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, LoadingIndicator, Static

from tui import strings
from tui.safe import content, plain
from tui.screens.base import SessionScreen
from tui.session import Session
from tui.widgets.review_detail import change_lines

def render_item(item) -> Content:
    """Return a commit of the history: date, author, email, short id, message, then its changes."""
    head = Content.assemble(
        (item.date.strftime("%d/%m/%Y %H:%M"), "bold $accent"), f" {strings.BY} ", content(item.author, "bold"),
        " <", content(item.email), "> ", (plain(item.commit[:8]), "$text-muted"),
    )
    lines = [head, Content.assemble("  ", content(item.message, "italic"))]
    lines.extend(change_lines(item.changes))
    return Content("\n").join(lines)


class HistoryScreen(SessionScreen):
    """Who changed which field of ``record_id``, and when, newest first."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "app.pop_screen", strings.KEY_BACK, id="history.back")]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="history"):
            yield Static(Content.assemble((f"{strings.HISTORY} : ", "bold"), content(self.record_id)), id="title")
            yield LoadingIndicator()
        yield Footer()

    def show_session(self, session: Session) -> None:
        self.title = strings.HISTORY
        self.load()

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def load(self) -> None:
        """Read the history in a worker (git log with field diffs)."""
        items = self.session.commons.history(self.record_id)
        self.app.call_from_thread(self.show_items, items)

    def show_items(self, items: list) -> None:
        box = self.query_one("#history", VerticalScroll)
        for indicator in self.query(LoadingIndicator):
            indicator.remove()
        if not items:
            box.mount(Static(Content.styled(strings.HISTORY_EMPTY, "$text-muted")))
            return
        box.mount_all(Static(render_item(item), classes="commit") for item in items)
        box.focus()
