"""Provides TableList, a list of tables (a team's teachers, a scenario's steps) edited as one sub-form per item."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Label, Static

from records.problems import Problem
from tui import strings
from tui.form import FieldSpec, blank_item
from tui.safe import content
from tui.widgets.field_row import field_id
from tui.widgets.table_item import TableItem


def _strip_key(problem: Problem, prefix: str) -> Problem:
    """Return ``problem`` keyed relative to ``prefix`` (``teachers.2.name`` → ``name``), message alike."""
    sub = problem.key[len(prefix):].lstrip(".")
    message = problem.message
    if message.startswith(f"{problem.key} : "):
        rest = message[len(problem.key) + 3:]
        message = f"{sub} : {rest}" if sub else rest
    return replace(problem, key=sub, message=message)


class TableList(Vertical):
    """A list of tables edited as sub-forms, with « Ajouter »; posts :class:`TableList.Changed` on add, remove, move."""

    DEFAULT_CSS = """
    TableList { height: auto; margin: 0 0 1 0; }
    TableList > .field-label { color: $text-accent; text-style: bold; }
    TableList > .table-empty { color: $text-muted; display: none; }
    TableList.-empty > .table-empty { display: block; }
    TableList > .field-problem { color: $text-error; display: none; }
    TableList.-invalid > .field-problem { display: block; }
    """

    class Changed(Message):
        """An item was added, removed or moved."""

        def __init__(self, table_list: TableList) -> None:
            super().__init__()
            self.table_list = table_list

    def __init__(self, spec: FieldSpec, items: list[dict[str, Any]]) -> None:
        self.control_id = field_id(spec.key)
        super().__init__(id="row-" + self.control_id)
        self.spec = spec
        self.serial = 0
        self.items = [self._new_item(values) for values in items]
        self.shown: tuple[str, ...] = ()
        self.problem_line = Static("", classes="field-problem")
        self.add_button = Button(Content(strings.FORM_ADD), id=self.control_id + "-add", compact=True,
                                 variant="primary")
        self.renumber()

    def _new_item(self, values: dict[str, Any]) -> TableItem:
        item = TableItem(self.spec, values, self.serial)
        self.serial += 1
        return item

    def compose(self) -> ComposeResult:
        required = self.spec.required and not self.spec.optional_parent
        yield Label(Content(self.spec.label + (" *" if required else "")), classes="field-label")
        yield Static(Content(strings.FORM_NO_ITEM), classes="table-empty")
        yield from self.items
        yield self.add_button
        yield self.problem_line

    def renumber(self) -> None:
        """Number the items in their order; say that the list is empty when it is."""
        for position, item in enumerate(self.items):
            item.show_position(position, len(self.items))
        self.set_class(not self.items, "-empty")

    # --- value ---------------------------------------------------------------------------

    def raw_value(self) -> list[dict[str, Any]]:
        """Return the raw values of every item, blank ones included (:func:`tui.form.table_of` drops them)."""
        return [item.raw_values() for item in self.items]

    def set_raw_value(self, items: list[dict[str, Any]] | None) -> None:
        """Show ``items``: the items in place take their values, extra ones are added or removed."""
        items = items or []
        for item, values in zip(self.items, items):
            item.set_raw_values(values)
        surplus = self.items[len(items):]
        self.items = self.items[:len(items)]
        composed = self.add_button.parent is self  # before that, compose yields ``self.items``
        for item in surplus:
            if composed:
                item.remove()
        for values in items[len(self.items):]:
            item = self._new_item(values)
            self.items.append(item)
            if composed:
                self.mount(item, before=self.add_button)
        self.renumber()

    # --- problems ------------------------------------------------------------------------

    def _item_of(self, problem: Problem) -> tuple[TableItem | None, Problem]:
        """Return the item a problem is about and the problem keyed relative to it (None: the whole list).

        Problem keys count the saved items only; blank items are dropped when saving.
        """
        rest = problem.key[len(self.spec.key):].lstrip(".")
        index = rest.split(".", 1)[0]
        blank = blank_item(self.spec)
        kept = [item for item in self.items if item.raw_values() != blank]
        if not index.isdigit() or int(index) >= len(kept):
            return None, problem
        return kept[int(index)], _strip_key(problem, f"{self.spec.key}.{index}")

    def show_problems(self, problems: list[Problem]) -> None:
        """Show each problem under its field in its item; problems of the list itself under the group."""
        by_item: dict[int, list[Problem]] = {id(item): [] for item in self.items}
        own = []
        for problem in problems:
            item, relative = self._item_of(problem)
            if item is None:
                own.append(_strip_key(problem, self.spec.key) if problem.key == self.spec.key else problem)
            else:
                by_item[id(item)].append(relative)
        for item in self.items:
            item.show_problems(by_item[id(item)])
        messages = tuple(p.message for p in own)
        if messages == self.shown:
            return
        self.shown = messages
        self.problem_line.update(Content("\n").join(content(message) for message in messages))
        self.set_class(bool(own), "-invalid")

    def focus_control(self, scroll: bool = True) -> None:
        """Focus the first field of the first item, or « Ajouter » when the list is empty."""
        if self.items:
            self.items[0].focus_key()
        else:
            self.add_button.focus(scroll_visible=scroll)

    def focus_problem(self, problem: Problem) -> None:
        """Focus the field a problem is about (« Ajouter » for a problem of the whole list)."""
        item, relative = self._item_of(problem)
        if item is None:
            self.add_button.focus()
        else:
            item.focus_key(relative.key.split(".", 1)[0])

    # --- add, remove, move -----------------------------------------------------------------

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button is not self.add_button:
            return
        event.stop()
        item = self._new_item(blank_item(self.spec))
        self.items.append(item)
        await self.mount(item, before=self.add_button)
        self.renumber()
        self.post_message(self.Changed(self))
        item.focus_key()

    def on_table_item_remove(self, event: TableItem.Remove) -> None:
        event.stop()
        position = self.items.index(event.item)
        self.items.remove(event.item)
        event.item.remove()
        self.renumber()
        self.post_message(self.Changed(self))
        if position < len(self.items):
            self.items[position].remove_button.focus()
        else:
            self.add_button.focus()

    def on_table_item_move(self, event: TableItem.Move) -> None:
        event.stop()
        position = self.items.index(event.item)
        target = position + event.offset
        if not 0 <= target < len(self.items):
            return
        other = self.items[target]
        self.items[position], self.items[target] = other, event.item
        if event.offset < 0:
            self.move_child(event.item, before=other)
        else:
            self.move_child(event.item, after=other)
        self.renumber()
        self.post_message(self.Changed(self))
        # A button that just became disabled loses the focus: keep the focus in the moved item.
        button = event.item.up if event.offset < 0 else event.item.down
        (event.item.remove_button if button.disabled else button).focus()
