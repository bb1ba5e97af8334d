"""Provides RecordActions: the keys every screen showing a record shares (form, $EDITOR, history, link)."""

from __future__ import annotations

from textual.binding import Binding

from tui import strings
from tui.render import first_url


class RecordActions:
    """Mixin for screens with a current record; subclasses implement ``current_record_id``."""

    RECORD_BINDINGS = [
        Binding("m", "edit_form", strings.KEY_EDIT, id="record.edit"),
        Binding("e", "edit_raw", strings.KEY_EDITOR, id="record.editor"),
        Binding("h", "history", strings.KEY_HISTORY, id="record.history"),
        Binding("o", "open_link", strings.KEY_LINK, show=False, id="record.link"),
    ]

    def current_record_id(self) -> str | None:
        """Return the id of the record the screen shows, or None."""
        raise NotImplementedError

    def current_record(self):
        """Return the model of the current record, when the screen has it already (no git call)."""
        return None

    def action_edit_form(self) -> None:
        record_id = self.current_record_id()
        if record_id:
            self.app.open_editor(record_id)

    def action_edit_raw(self) -> None:
        record_id = self.current_record_id()
        if record_id:
            self.app.open_editor(record_id, raw=True)

    def action_history(self) -> None:
        record_id = self.current_record_id()
        if record_id:
            self.app.open_history(record_id)

    def action_open_link(self) -> None:
        url = first_url(self.current_record()) if self.current_record() is not None else None
        if not url:
            self.app.notify(strings.NO_LINK)
        elif not url.startswith("https://"):
            self.app.notify(strings.LINK_REFUSED, severity="warning")
        else:
            self.app.notify(strings.OPENING_LINK)
            self.app.open_url(url)
