"""Provides SearchScreen (Recherche): fuzzy search as you type, facets typed or picked, matches highlighted."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Input, Label
from textual.worker import get_current_worker

from store.search.query import parse_query
from tui import strings
from tui.dialogs.facet_dialog import FacetDialog
from tui.screens.base import SessionScreen
from tui.screens.record_actions import RecordActions
from tui.session import Session
from tui.widgets.list_header import ListHeader
from tui.widgets.record_list import RecordList, Row

LIMIT = 200
"""Results shown per query: enough to browse, few enough to repaint within 60 ms at 100,000 records."""


class SearchScreen(RecordActions, SessionScreen):
    """A search bar over a virtual list of hits; Enter opens the highlighted record."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.SEARCH
    BINDINGS = [
        Binding("slash", "focus_search", strings.KEY_SEARCH, id="search.focus"),
        Binding("f2", "pick_facet", strings.KEY_FACETS, id="search.facet"),
        Binding("down", "focus_results", strings.KEY_FOCUS_LIST, show=False, id="search.results"),
        Binding("escape", "leave_field", strings.KEY_LEAVE_FIELD, show=False, id="search.leave"),
        *RecordActions.RECORD_BINDINGS,
    ]

    shown_query: str | None = None
    """The query whose results the list shows."""
    open_when_shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=strings.SEARCH_PLACEHOLDER, id="query", select_on_focus=False)
        yield Label(Content(strings.SEARCH_HINT), id="status")
        yield ListHeader(id="results-header")
        yield RecordList(id="results")
        yield Footer()

    def show_session(self, session: Session) -> None:
        self.query_one(RecordList).set_invalid(session.invalid_ids())
        self.query_one("#query", Input).focus()
        self.run_search(self.query_one("#query", Input).value)

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#query")
    def query_submitted(self, event: Input.Submitted) -> None:
        if self.shown_query != event.value:
            # Enter typed before the last keystroke's results arrived: open the first hit when they do.
            self.open_when_shown = True
            return
        results = self.query_one(RecordList)
        if results.current is not None:
            self.app.open_record(results.current.id)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        """Search in a worker; a newer keystroke makes this result stale, and it is then dropped."""
        session = self.session
        if session is None:
            return
        if query.strip():
            hits = session.searcher.search(query, limit=LIMIT)
            rows = [Row(h.entry, session.state_of(h.entry.id), tuple(getattr(h, "spans", ()) or ())) for h in hits]
        else:
            rows = [Row(e, session.state_of(e.id)) for e in session.listed()[:LIMIT]]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_rows, query, rows)

    def show_rows(self, query: str, rows: list[Row]) -> None:
        if query != self.query_one("#query", Input).value:
            return  # a newer search is on its way
        self.shown_query = query
        self.query_one(RecordList).set_rows(rows)
        found = strings.SEARCH_RESULTS_CAPPED if len(rows) >= LIMIT else strings.SEARCH_RESULTS
        status = found.format(count=len(rows)) if query.strip() else strings.SEARCH_HINT
        notes = parse_query(query).messages if query.strip() else []
        if notes:  # an unknown facet or value is said, with the nearest value, never silently empty
            status = " ; ".join([*notes, status])
        self.query_one("#status", Label).update(Content(status), layout=False)  # one line, fixed: no re-layout
        if self.open_when_shown:
            self.open_when_shown = False
            if rows:
                self.app.open_record(rows[0].entry.id)

    def on_record_list_selected(self, event: RecordList.Selected) -> None:
        self.app.open_record(event.entry.id)

    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_leave_field(self) -> None:
        """Escape leaves the query field for the results, where single-key commands work again."""
        if self.focused is self.query_one("#query", Input):
            self.action_focus_results()

    def action_focus_results(self) -> None:
        self.query_one(RecordList).focus()

    def action_pick_facet(self) -> None:
        campaigns = [e.campaign for e in self.session.campaigns()] if self.session else []

        def add(facet: str | None) -> None:
            if facet:
                search = self.query_one("#query", Input)
                search.value = (search.value.rstrip() + " " + facet).strip() + " "
                search.cursor_position = len(search.value)
                search.focus()

        self.app.push_screen(FacetDialog(campaigns), add)

    def current_record_id(self) -> str | None:
        entry = self.query_one(RecordList).current
        return entry.id if entry else None
