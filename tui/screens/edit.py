"""Provides EditScreen (Édition): the form of a record, validated as you type, saved as one commit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Label, LoadingIndicator, Static

from records import codec, layout, templates, vocab
from records.models import MODELS
from records.problems import Problem, has_errors
from tui import form, strings
from tui.dialogs.commit_dialog import CommitDialog
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.dialogs.error_dialog import french_message
from tui.form_choices import Choices, choices_of, with_choices
from tui.render import problem_line
from tui.safe import content, plain
from tui.screens.base import SessionScreen
from tui.screens.edit_raw import RawEditing
from tui.screens.edit_stamps import SaveChecks
from tui.session import Session
from tui.widgets.record_form import RecordForm


class EditScreen(RawEditing, SaveChecks, SessionScreen):
    """Edit ``record_id`` (or a new record of ``kind`` from ``template``); Ctrl+S saves, Escape leaves."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    HOLDS_FORM = True
    """Typed letters belong to the form: the app's single-key commands are off here (see TraamApp.check_action)."""
    BINDINGS = [
        Binding("ctrl+s", "save", strings.KEY_SAVE, priority=True, id="edit.save"),
        Binding("f4,ctrl+e", "raw_editor", strings.KEY_EDITOR, priority=True, id="edit.editor"),
        Binding("escape", "leave", strings.KEY_BACK, id="edit.back"),
    ]

    def __init__(self, record_id: str | None, kind: str, *, raw: bool = False, template: dict | None = None) -> None:
        super().__init__()
        self.record_id = record_id
        self.kind = kind
        self.open_raw = raw
        self.template = template or {}
        self.specs = form.specs_for(MODELS[kind])
        self.blob: str | None = None
        self.initial: dict[str, Any] = {}
        self.problems: list[Problem] = []
        self.rule_problems: list[Problem] = []
        """What the rules across records (those of ``traam validate``) find on the form's record."""
        self.context = None
        """The records those rules read (``store.checking.RecordContext``), read by the load worker."""
        self.record = None
        self.ready = False
        self.pending_text: str | None = None
        self.pending_problems: list[Problem] = []
        self.loaded_text: str | None = None
        """Canonical text of the record as opened (None if invalid): a form that gives it back saves nothing."""
        self.choices = Choices()
        self.save_tried = False
        self.form_focused = False
        """A save was asked: a new record's problems show even where the user has typed nothing yet."""

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="edit"):
            yield Label("", id="record-id")
            yield Static("", id="edit-status")
            yield LoadingIndicator(id="edit-loading")
        yield Footer()

    def show_session(self, session: Session) -> None:
        if not self.ready:
            self.load()

    @property
    def target_id(self) -> str:
        """The id the record is saved under (computed from the fields for a new record)."""
        if self.record_id:
            return self.record_id
        if not self.ready:
            return ""
        table, _ = form.table_of(self.specs, self.query_one(RecordForm).values(), "")
        return templates.record_id_of(self.kind, table)

    @work(thread=True, exclusive=True, group="edit-load", exit_on_error=False)
    def load(self) -> None:
        """Read the record's raw TOML in a worker; an unreadable file goes straight to $EDITOR.

        A new record starts with the user's académie (``traam.academie``) and today's creation date.
        """
        table, blob, problems, broken_text = dict(self.template), None, [], None
        session = self.session
        self.choices = choices_of(list(session.entries.values()))
        if not self.record_id:
            if "academie" in table and not table["academie"]:
                table["academie"] = session.commons.contribution.academie()
            if self._has_field("created") and not table.get("created"):
                table["created"] = self.today
        if self.record_id:
            entry = session.entries.get(self.record_id)
            blob = entry.blob if entry else None
            text = session.commons.text(self.record_id) or ""
            path = layout.path_of(self.record_id)
            parsed, problems = codec.parse_text(path, text)
            if parsed is None:
                broken_text, table = text, {}
            else:
                table = parsed
        from store.checking import context_of

        self.context = context_of(self.session.snapshot, self.kind, self.record_id)
        self.app.call_from_thread(self.ready_to_edit, table, blob, problems, broken_text)

    def ready_to_edit(self, table: dict, blob: str | None, problems: list[Problem], broken_text: str | None) -> None:
        self.blob = blob
        self.specs = with_choices(self.specs, self.choices, str(table.get("campaign") or ""))
        values = form.values_of(self.specs, table)
        self.initial = values
        self.query_one("#edit-loading").remove()
        record_form = RecordForm(self.specs, values, id="form")
        self.query_one("#edit", Vertical).mount(record_form)
        self.ready = True
        # The first field is at the top already: focusing it must not scroll (stable snapshots, no jump).
        record_form.call_after_refresh(self._focus_first_field)
        self.title = strings.EDIT if self.record_id else strings.NEW_TITLE.format(
            kind=vocab.KINDS.get(self.kind, self.kind).lower())
        self.validate()
        self.loaded_text = codec.dump(self.record) if self.record is not None else None
        if problems:
            self.show_problems(problems)
        if broken_text is not None or self.open_raw:
            self.call_after_refresh(self.action_raw_editor, broken_text)

    def _focus_first_field(self) -> None:
        self.query_one(RecordForm).focus_field(self.specs[0].key, False)
        # The hint of a new form shows once typing goes to its first field (a terminal test waits on it).
        self.form_focused = True
        self.show_problems(self.problems)

    # --- validation -----------------------------------------------------------------

    def validate(self) -> None:
        """Validate the form's values and show every problem next to its field."""
        values = self.query_one(RecordForm).values()
        target = self.target_id
        path = layout.path_of(target)
        table, read_problems = form.table_of(self.specs, values, path)
        record, text, problems = form.check(path, table)
        self.record = record if not has_errors(problems) and not read_problems and self.pending_text is None else None
        self.rule_problems = []
        if self.record is not None and self.context is not None:
            from store.checking import check_record

            self.rule_problems = check_record(self.context, target, self.record, text)
        self.show_problems(self.pending_problems + read_problems + problems)
        self.query_one("#record-id", Label).update(
            Content.assemble((f"{strings.ID_FIELD} : ", "bold"), content(target),
                             ("  ● " + strings.FORM_UNSAVED, "$text-warning") if self.dirty else ""))

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        status = self.query_one("#edit-status", Static)
        if not (self.record_id or self.save_tried or self.dirty):
            # An untouched new form has nothing wrong yet: it says what to do, not what is missing.
            self.query_one(RecordForm).show_problems([])
            status.update(Content.styled(strings.FORM_NEW_HINT, "$text-muted") if self.form_focused else "")
            return
        orphans = self.query_one(RecordForm).show_problems(problems + self.rule_problems)
        errors = [p for p in problems if p.severity == "error"]
        rule_errors = sum(1 for p in self.rule_problems if p.severity == "error")
        if errors:
            lines = [Content.styled(strings.FORM_PROBLEMS.format(count=len(errors)), "bold $text-error")]
            lines.extend(content(p.message, "$text-error") for p in orphans if p in problems)
            if self.pending_text is not None:
                where = str(self.recovery) if self.recovery else strings.EDITOR_IN_MEMORY
                lines.append(content(strings.EDITOR_KEPT.format(path=where), "$text-warning"))
        else:
            lines = [Content.styled(strings.FORM_OK, "$text-success")] if not rule_errors else []
        if self.rule_problems:  # the rules across records: shown, saving stays possible (fix in any order)
            lines.append(Content.styled(strings.FORM_RULES.format(
                errors=rule_errors, warnings=len(self.rule_problems) - rule_errors), "bold $text-warning"))
            lines.extend(content("• " + problem_line(p), "$text-warning") for p in self.rule_problems)
        status.update(Content("\n").join(lines))

    @property
    def dirty(self) -> bool:
        """True when the form differs from what was loaded (or when a new record has any value)."""
        if not self.ready:
            return False
        return self.pending_text is not None or self.query_one(RecordForm).values() != self.initial

    def on_record_form_changed(self, event: RecordForm.Changed) -> None:
        if self.ready:
            self.validate()

    def on_select_changed(self, event) -> None:
        """A new campaign offers its own themes."""
        from tui.widgets.field_row import field_id

        if not self.ready or event.select.id != field_id("campaign"):
            return
        row = self.query_one(RecordForm).rows.get("theme")
        if row is not None and getattr(row.spec, "from_commons", False):
            row.set_options(self.choices.themes_of(str(event.value) if event.value is not event.select.NULL else ""))

    # --- saving ------------------------------------------------------------------------

    def action_save(self) -> None:
        if not self.ready:
            return
        self.save_tried = True
        self.validate()
        if self.record is None:
            self.refuse_save()
            return
        # A blank sub-form item makes the form dirty (leaving asks) but is not saved: no empty commit.
        if self.record_id and (not self.dirty or codec.dump(self.record) == self.loaded_text):
            self.notify(strings.NOTHING_TO_SAVE)
            return
        self.stamp_dates()
        target = self.target_id
        default = (strings.MESSAGE_MODIFY if self.record_id else strings.MESSAGE_CREATE).format(id=target)

        def commit(message: str | None) -> None:
            if message:
                self.save(self.record, target, message)

        self.app.guard_save(target, lambda: self.app.push_screen(CommitDialog(default), commit))

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def save(self, record, target: str, message: str) -> None:
        """Write and commit in a worker; a conflict or a git failure becomes a French dialog."""
        from store.commons import ConflictError

        try:
            saved = self.session.commons.save(record, record_id=target, expected_blob=self.blob, message=message)
        except ConflictError:
            self.app.call_from_thread(self.app.show_error, strings.CONFLICT)
            return
        except Exception as error:  # noqa: BLE001 - translated into a French dialog, never a traceback
            self.app.call_from_thread(self.app.show_error, french_message(error))
            return
        self.app.call_from_thread(self.saved, saved)

    def saved(self, saved) -> None:
        created = self.record_id is None
        self.blob = saved.blob
        self.record_id = saved.record_id
        self.initial = self.query_one(RecordForm).values()
        self.validate()
        self.notify(strings.SAVED.format(commit=plain(saved.commit[:8])))
        self.app.reload_session()
        self.dismiss()
        if created:
            # The user made a record: show it, not the screen the form was opened from.
            self.app.open_record(saved.record_id)

    # --- leaving -------------------------------------------------------------------------

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss()
            return

        def answer(leave: bool | None) -> None:
            if leave:
                if self.recovery is not None:
                    self.app.notify(strings.EDITOR_KEPT.format(path=str(self.recovery)), timeout=10)
                self.dismiss()

        self.app.push_screen(
            ConfirmDialog(strings.CONFIRM_LEAVE_TITLE, strings.CONFIRM_LEAVE, strings.CONFIRM_YES, strings.CONFIRM_NO),
            answer,
        )
