"""Provides HelpScreen (Aide): every key of every screen, with its action and its id for remapping."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tui import strings


def _bindings(owner) -> list[Binding]:
    return [b for b in Binding.make_bindings(getattr(owner, "BINDINGS", [])) if b.description]


def workflow_owners() -> list[tuple[str, type]]:
    """Return the review, contribution, sync and export screens with the name the help table gives them."""
    from tui.dialogs.export_dialog import ExportDialog
    from tui.dialogs.note_dialog import ReviewNoteDialog
    from tui.screens.contribution import ContributionScreen
    from tui.screens.review import ReviewScreen
    from tui.screens.sync import SyncScreen

    return [(strings.REVIEW, ReviewScreen), (strings.NOTE_CHANGES_TITLE, ReviewNoteDialog),
            (strings.CONTRIBUTION, ContributionScreen), (strings.SYNC, SyncScreen),
            (strings.EXPORT_TITLE, ExportDialog)]


def binding_owners(app_class: type) -> list[tuple[str, type]]:
    """Return ``(where, class)`` for the app and every screen, dialog and widget whose keys the help lists."""
    from tui.screens.edit import EditScreen
    from tui.screens.explorer import ExplorerScreen
    from tui.screens.history import HistoryScreen
    from tui.screens.record_screen import RecordScreen
    from tui.screens.search import SearchScreen
    from tui.widgets.record_list import RecordList

    return [
        (strings.HELP_GLOBAL, app_class),
        (strings.EXPLORER, ExplorerScreen),
        (strings.SEARCH, SearchScreen),
        (strings.EXPLORER + ", " + strings.SEARCH, RecordList),
        ("Fiche", RecordScreen),
        (strings.EDIT, EditScreen),
        (strings.HISTORY, HistoryScreen),
        *workflow_owners(),
    ]


def binding_ids(app_class: type) -> set[str]:
    """Return every binding id a user may remap in ``touches.toml``."""
    from tui.dialogs import confirm_dialog, error_dialog, facet_dialog, input_dialog, new_dialog

    dialogs = [confirm_dialog.ConfirmDialog, error_dialog.ErrorDialog, facet_dialog.FacetDialog,
               input_dialog.InputDialog, new_dialog.NewRecordDialog, HelpScreen]
    owners = [owner for _, owner in binding_owners(app_class)] + dialogs
    return {b.id for owner in owners for b in _bindings(owner) if b.id}


def key_rows(app) -> list[tuple[str, str, str, str]]:
    """Return ``(keys, description, id, screen)`` for every binding of the application, keymap applied."""
    owners = binding_owners(type(app))
    keymap = getattr(app, "_keymap", {}) or {}
    rows: dict[tuple[str, str], list] = {}
    for where, owner in owners:
        for binding in _bindings(owner):
            if binding.id in keymap:
                binding = binding.with_key(keymap[binding.id])
            key = (binding.id or binding.action, where)
            shown = app.get_key_display(binding)
            if key in rows:
                if shown not in rows[key][0].split(", "):
                    rows[key][0] += f", {shown}"
            else:
                rows[key] = [shown, binding.description, binding.id or "", where]
    rows_out = [tuple(r) for r in rows.values()]
    rows_out.append(("Ctrl+P", strings.KEY_PALETTE, "", strings.HELP_GLOBAL))
    return rows_out


class HelpScreen(Screen):
    """The key table; Escape closes it."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", strings.KEY_BACK, id="help.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            yield Static(Content(strings.HELP_INTRO), id="help-intro")
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = strings.HELP_TITLE
        table = self.query_one(DataTable)
        # DataTable measures Rich Text (a str cell would be parsed as markup).
        table.add_columns(*(Text(c) for c in strings.HELP_COLUMNS))
        for row in key_rows(self.app):
            table.add_row(*(Text(cell) for cell in row))
        table.focus()
