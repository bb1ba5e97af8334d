"""Provides RecordForm, the form generated from a record model, with each problem shown under its field."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from records.problems import Problem
from tui.form import FieldSpec, spec_for_problem
from tui.widgets.field_row import FieldRow, field_id
from tui.widgets.table_list import TableList

__all__ = ["FieldRow", "RecordForm", "TableList", "field_id"]


class RecordForm(VerticalScroll):
    """Every field of a record; posts :class:`RecordForm.Changed` whenever a value changes.

    A list of tables (``teachers``) is a :class:`TableList` of sub-forms; every
    other field is a :class:`FieldRow`. Both read and write their own raw value.
    """

    class Changed(Message):
        """A value of the form changed."""

        def __init__(self, form: RecordForm) -> None:
            super().__init__()
            self.form = form

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, RecordForm.Changed)

    def __init__(self, specs: list[FieldSpec], values: dict[str, Any], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.specs = specs
        # Rows exist before they are composed: the editor reads the values right after mounting the form.
        self.rows: dict[str, FieldRow | TableList] = {
            spec.key: TableList(spec, values.get(spec.key) or []) if spec.control == "tables"
            else FieldRow(spec, values.get(spec.key))
            for spec in specs
        }

    def compose(self) -> ComposeResult:
        yield from self.rows.values()

    def values(self) -> dict[str, Any]:
        """Return the raw value of every control, keyed by dotted field key."""
        return {key: row.raw_value() for key, row in self.rows.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        """Put ``values`` into the controls (after ``$EDITOR`` returns)."""
        for key, row in self.rows.items():
            row.set_raw_value(values.get(key))

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        """Attach each problem to its field; return the problems that belong to no field."""
        by_key: dict[str, list[Problem]] = {key: [] for key in self.rows}
        orphans = []
        for problem in problems:
            spec = spec_for_problem(self.specs, problem)
            if spec is None:
                orphans.append(problem)
            else:
                by_key[spec.key].append(problem)
        for key, row in self.rows.items():
            row.show_problems(by_key[key])
        return orphans

    def focus_field(self, key: str, scroll: bool = True) -> None:
        """Move the focus to the control of ``key`` (scrolling it into view unless ``scroll`` is False)."""
        self.rows[key].focus_control(scroll)

    def focus_problem(self, problem: Problem) -> None:
        """Move the focus to the control a problem is about, inside a sub-form if need be."""
        spec = spec_for_problem(self.specs, problem)
        if spec is None:
            return
        row = self.rows[spec.key]
        if isinstance(row, TableList):
            row.focus_problem(problem)
        else:
            row.focus_control()

    def _changed(self) -> None:
        self.post_message(self.Changed(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._changed()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._changed()

    def on_table_list_changed(self, event: TableList.Changed) -> None:
        self._changed()
