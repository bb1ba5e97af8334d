"""Provides TableItem, one item of a list of tables shown as a bordered sub-form with its buttons."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from records.problems import Problem
from tui import strings
from tui.form import FieldSpec, spec_for_problem
from tui.safe import content
from tui.widgets.field_row import FieldRow, field_id


class TableItem(Vertical):
    """One item of a list of tables: a bordered group of field rows and its « Monter », « Descendre », « Retirer »."""

    DEFAULT_CSS = """
    TableItem { height: auto; border: round $panel-lighten-2; border-title-color: $text-accent; padding: 0 1; }
    TableItem:focus-within { border: round $accent; }
    TableItem > FieldRow { layout: grid; grid-size: 2; grid-columns: 20 1fr; grid-rows: auto; margin: 0; }
    TableItem > FieldRow.-text { grid-rows: 6 auto; }
    TableItem > FieldRow.-lines { grid-rows: 4 auto; }
    TableItem > FieldRow > .field-problem, TableItem > FieldRow > .field-hint, TableItem > FieldRow > .field-choice {
        column-span: 2; padding-left: 20;
    }
    TableItem > .item-problem { color: $text-error; display: none; }
    TableItem.-invalid > .item-problem { display: block; }
    TableItem > .item-buttons { height: auto; align-horizontal: right; }
    TableItem > .item-buttons > Button { margin-left: 1; }
    """

    class Remove(Message):
        """The user asked to remove this item."""

        def __init__(self, item: TableItem) -> None:
            super().__init__()
            self.item = item

    class Move(Message):
        """The user asked to move this item up (``offset`` -1) or down (+1)."""

        def __init__(self, item: TableItem, offset: int) -> None:
            super().__init__()
            self.item = item
            self.offset = offset

    def __init__(self, spec: FieldSpec, values: dict[str, Any], serial: int) -> None:
        base = f"{spec.key}.{serial}"
        super().__init__(id="item-" + field_id(base))
        self.item_specs = list(spec.item_specs)
        self.rows = {
            s.key: FieldRow(s, values.get(s.key), key=f"{base}.{s.key}", allow_blank=True) for s in self.item_specs
        }
        self.problem_line = Static("", classes="item-problem")
        self.shown: tuple[str, ...] = ()
        self.up = Button(Content(strings.FORM_MOVE_UP), classes="item-up", compact=True)
        self.down = Button(Content(strings.FORM_MOVE_DOWN), classes="item-down", compact=True)
        self.remove_button = Button(Content(strings.FORM_REMOVE), classes="item-remove", compact=True,
                                    variant="error")

    def compose(self) -> ComposeResult:
        yield from self.rows.values()
        yield self.problem_line
        with Horizontal(classes="item-buttons"):
            yield self.up
            yield self.down
            yield self.remove_button

    def raw_values(self) -> dict[str, Any]:
        """Return the raw value of every field of the item, keyed relative to the item."""
        return {key: row.raw_value() for key, row in self.rows.items()}

    def set_raw_values(self, values: dict[str, Any]) -> None:
        """Put ``values`` into the item's controls."""
        for key, row in self.rows.items():
            row.set_raw_value(values.get(key))

    def show_problems(self, problems: list[Problem]) -> None:
        """Show problems keyed relative to the item under their fields; whole-item ones above the buttons."""
        by_key: dict[str, list[Problem]] = {key: [] for key in self.rows}
        own = []
        for problem in problems:
            spec = spec_for_problem(self.item_specs, problem)
            (by_key[spec.key] if spec else own).append(problem)
        for key, row in self.rows.items():
            row.show_problems(by_key[key])
        messages = tuple(p.message for p in own)
        if messages != self.shown:
            self.shown = messages
            self.problem_line.update(Content("\n").join(content(message) for message in messages))
            self.set_class(bool(messages), "-invalid")

    def focus_key(self, key: str = "") -> None:
        """Focus the control of ``key`` (relative to the item), or the first one."""
        row = self.rows.get(key) or next(iter(self.rows.values()))
        row.focus_control()

    def show_position(self, position: int, count: int) -> None:
        """Show the item's position in its title and allow only the moves that stay in the list."""
        self.border_title = Content(strings.FORM_ITEM.format(number=position + 1))
        self.up.disabled = position == 0
        self.down.disabled = position == count - 1

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button is self.remove_button:
            self.post_message(self.Remove(self))
        elif event.button in (self.up, self.down):
            self.post_message(self.Move(self, -1 if event.button is self.up else 1))
