"""Provides ExplorerScreen (Explorateur): the tree of the commons, a virtual record list and a detail pane."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Label

from tui import strings
from tui.screens.base import SessionScreen
from tui.screens.record_actions import RecordActions
from tui.session import Session
from tui.widgets.commons_tree import CommonsTree, Scope
from tui.widgets.list_header import ListHeader
from tui.widgets.record_detail import RecordDetail
from tui.widgets.record_list import EntryRows, RecordList


class ExplorerScreen(RecordActions, SessionScreen):
    """Browse campaign → discipline → académie → scenarios; the list shows what the tree node holds."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.EXPLORER
    BINDINGS = [
        Binding("t", "focus_tree", strings.KEY_FOCUS_TREE, show=False, id="explorer.tree"),
        Binding("l", "focus_list", strings.KEY_FOCUS_LIST, show=False, id="explorer.list"),
        *RecordActions.RECORD_BINDINGS,
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="explorer"):
            yield CommonsTree(id="tree")
            with Vertical(id="right"):
                yield Label("", id="count")
                yield ListHeader(id="records-header")
                yield RecordList(id="records")
                yield RecordDetail(id="detail")
        yield Footer()

    def show_session(self, session: Session) -> None:
        records = self.query_one(RecordList)
        records.set_invalid(session.invalid_ids())
        if session.snapshot is getattr(self, "_snapshot", None):
            # Same records, newly known states or problems: keep where the user stands.
            records.replace_rows(self.rows_for(self._scope))
            return
        self._snapshot = session.snapshot
        self._index = session.tree()
        self._all = session.listed()
        titles = {e.id: e.title for e in self._all if e.kind == "campaign"}
        self.query_one(CommonsTree).fill(self._index, titles)
        self.show_scope(Scope())

    def rows_for(self, scope: Scope) -> EntryRows:
        """Return the rows of the records within ``scope``, taken from the tree index (no full scan)."""
        session = self.session
        if scope.record_id:
            entries = [session.entries[scope.record_id]] if scope.record_id in session.entries else []
        elif not scope.campaign:
            entries = self._all
        else:
            disciplines = self._index.get(scope.campaign, {})
            if scope.discipline:
                disciplines = {scope.discipline: disciplines.get(scope.discipline, {})}
            entries = []
            if not scope.discipline and f"campaigns/{scope.campaign}" in session.entries:
                entries.append(session.entries[f"campaigns/{scope.campaign}"])
            for academies in disciplines.values():
                if scope.academie:
                    entries.extend(academies.get(scope.academie, []))
                else:
                    for bucket in academies.values():
                        entries.extend(bucket)
            entries.sort(key=lambda e: e.id)
        return EntryRows(entries, session.state_of)

    def show_scope(self, scope: Scope) -> None:
        self._scope = scope
        rows = self.rows_for(scope)
        self.query_one("#count", Label).update(Content(strings.LIST_COUNT.format(count=len(rows))))
        self.query_one(RecordList).set_rows(rows)
        if not rows:
            self.query_one(RecordDetail).show(None, None)

    def on_commons_tree_scope_chosen(self, event: CommonsTree.ScopeChosen) -> None:
        self.show_scope(event.scope)

    def on_record_list_highlighted(self, event: RecordList.Highlighted) -> None:
        self.load_detail(event.entry.id)

    def on_record_list_selected(self, event: RecordList.Selected) -> None:
        self.app.open_record(event.entry.id)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_detail(self, record_id: str) -> None:
        """Read the full record in a worker (lazy parse of its blob) and show it."""
        session = self.session
        record = session.snapshot.record(record_id)
        problems = session.problems_of(record_id)
        state = session.state_of(record_id)
        self.app.call_from_thread(self.query_one(RecordDetail).show, record_id, record, state, problems,
                                  session.note_of(record_id))

    def current_record_id(self) -> str | None:
        entry = self.query_one(RecordList).current
        return entry.id if entry else None

    def current_record(self):
        return self.query_one(RecordDetail).record

    def action_focus_tree(self) -> None:
        self.query_one(CommonsTree).focus()

    def action_focus_list(self) -> None:
        self.query_one(RecordList).focus()
