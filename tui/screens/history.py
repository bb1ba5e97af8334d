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


def render_validations(validations: list) -> Content:
    """Return who validated the record, when, into which branch (verified signed merges only)."""
    lines = [Content.styled(strings.HISTORY_VALIDATIONS, "bold $accent")]
    if not validations:
        lines.append(Content.styled(f"  {strings.HISTORY_NO_VALIDATION}", "$text-muted"))
    for done in validations:
        level = strings.HISTORY_NATIONAL if done.national else strings.HISTORY_ACADEMIC
        lines.append(Content.assemble(
            "  ", (done.date.strftime("%d/%m/%Y %H:%M"), "bold"), " ", (level, "bold $text-success"),
            f" {strings.BY} ", content(done.name, "bold"), " <", content(done.principal), "> ",
            f"{strings.HISTORY_INTO} ", content(done.branch, "bold"),
            content(f" ({done.contribution})" if done.contribution else "", "$text-muted")))
    return Content("\n").join([*lines, Content("")])


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
        validations = self.session.commons.review.validations(self.record_id)
        self.app.call_from_thread(self.show_items, items, validations)

    def show_items(self, items: list, validations: list | None = None) -> None:
        box = self.query_one("#history", VerticalScroll)
        for indicator in self.query(LoadingIndicator):
            indicator.remove()
        box.mount(Static(render_validations(validations or []), id="validations"))
        if not items:
            box.mount(Static(Content.styled(strings.HISTORY_EMPTY, "$text-muted")))
            return
        box.mount_all(Static(render_item(item), classes="commit") for item in items)
        box.focus()
