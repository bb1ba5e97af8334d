"""Provides RawEditing, the form's ``$EDITOR`` round trip: a text that does not parse is never lost.

The edited TOML that does not parse is kept in memory *and* in a recovery
file of the user's state folder (:mod:`store.recovery`); the form says where,
counts it as a problem (never « Aucun problème »), refuses to save over it,
and offers to reopen the editor on it.
"""

from __future__ import annotations

from pathlib import Path

from records import codec, layout
from records.problems import Problem
from tui import form, strings
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.external_editor import edit_text
from tui.safe import plain
from tui.widgets.record_form import RecordForm


class RawEditing:
    """Mixin of EditScreen: F4 / Ctrl+E open the record's TOML in ``$EDITOR``."""

    pending_text: str | None = None
    """Unparseable TOML back from $EDITOR, reopened as is by the next F4."""
    pending_problems: list[Problem] = []
    """Why the pending text does not parse."""
    recovery: Path | None = None
    """The recovery file that keeps the pending text."""

    def action_raw_editor(self, text: str | None = None) -> None:
        if not self.ready:
            return
        if text is None:
            text = self.pending_text
        if text is None:
            table, _ = form.table_of(self.specs, self.query_one(RecordForm).values(), "")
            text = codec.dump(self.record) if self.record is not None else form.check("", table)[1]
        edited, editor = edit_text(self.app, text, self.target_id.rsplit("/", 1)[-1] or "nouveau")
        if edited is None:
            self.app.show_error(strings.EDITOR_FAILED.format(editor=plain(editor)))
            return
        if edited == text and self.pending_text is None:
            self.notify(strings.EDITOR_UNCHANGED)
            return
        path = layout.path_of(self.target_id)
        parsed, problems = codec.parse_text(path, edited)
        if parsed is None:
            self.keep_pending(edited, problems)
            return
        self.drop_pending()
        self.query_one(RecordForm).set_values(form.values_of(self.specs, parsed))
        self.call_after_refresh(self._after_editor)

    def keep_pending(self, edited: str, problems: list[Problem]) -> None:
        """Keep a text that does not parse (memory and recovery file), say where, offer to reopen it."""
        from store import recovery
        from store.errors import StoreError

        previous = self.recovery
        self.pending_text, self.pending_problems = edited, problems
        try:
            self.recovery = recovery.keep(self.record_id or f"nouveau-{self.kind}", edited)
        except (StoreError, OSError) as error:
            self.recovery = None
            self.notify(strings.EDITOR_NOT_KEPT.format(error=plain(str(error))), severity="error")
        if previous is not None and previous != self.recovery:
            previous.unlink(missing_ok=True)
        self.save_tried = True
        self.validate()
        where = str(self.recovery) if self.recovery else strings.EDITOR_IN_MEMORY

        def answer(reopen: bool | None) -> None:
            if reopen:
                self.action_raw_editor()

        self.app.push_screen(ConfirmDialog(strings.EDITOR_INVALID_TITLE,
                                           strings.EDITOR_REOPEN.format(count=len(problems), path=plain(where)),
                                           strings.EDITOR_REOPEN_YES, strings.EDITOR_REOPEN_NO), answer)

    def drop_pending(self) -> None:
        """Forget the pending text (it parsed, or it was saved): its recovery file goes too."""
        if self.recovery is not None:
            self.recovery.unlink(missing_ok=True)
        self.pending_text, self.pending_problems, self.recovery = None, [], None

    def _after_editor(self) -> None:
        self.validate()
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            self.notify(strings.EDITOR_INVALID.format(count=len(errors)), severity="error")
        else:
            self.notify(strings.EDITOR_LOADED)
