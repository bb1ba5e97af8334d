"""Provides FieldRow, one field of a form: its French label, its control and the line where its problems appear."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.selection_list import Selection

from records.problems import Problem
from tui import strings
from tui.form import FieldSpec
from tui.safe import content
from tui.widgets.search_select import SearchSelect
from tui.widgets.toggles import Checkbox, SelectionList


def field_id(key: str) -> str:
    """Return the widget id of the control of a dotted key (ids may not hold dots)."""
    return "field-" + key.replace(".", "--").replace("_", "-")


class FieldRow(Vertical):
    """A label, its control and the line where its problems appear.

    The row reads and writes its own raw value (see :func:`tui.form.values_of`),
    and answers with the value it was given until its control is composed.
    """

    DEFAULT_CSS = """
    FieldRow { height: auto; margin: 0 0 1 0; }
    FieldRow > .field-label { color: $text-accent; text-style: bold; }
    FieldRow > .field-hint, FieldRow > .field-choice { color: $text-muted; }
    FieldRow > .field-problem { color: $text-error; display: none; }
    FieldRow.-invalid > .field-problem { display: block; }
    FieldRow.-invalid Input, FieldRow.-invalid TextArea, FieldRow.-invalid SelectionList, FieldRow.-invalid Select > SelectCurrent { background: $error 15%; }
    FieldRow TextArea { height: 6; }
    FieldRow TextArea.lines { height: 4; }
    FieldRow SelectionList { height: auto; max-height: 8; }
    """

    def __init__(self, spec: FieldSpec, value: Any, *, key: str | None = None, allow_blank: bool | None = None) -> None:
        """Build the row; ``key`` names its widgets (default: the spec's key).

        ``allow_blank`` lets a required select show « (aucun) » (a new sub-form item has no value yet).
        """
        self.control_id = field_id(key or spec.key)
        super().__init__(id="row-" + self.control_id, classes=f"-{spec.control}")
        self.spec = spec
        self.value = value
        known = any(option == value for _, option in spec.options)
        # A required select with no value yet (a new record) shows « (aucun) » rather than a guessed first choice.
        self.allow_blank = (not spec.required or not known or spec.from_commons) if allow_blank is None else allow_blank
        self.unknown: Any = None
        """A value the select cannot show (a code outside the vocabulary): kept so the validator names it."""
        self.control: Widget | None = None
        self.shown: tuple[str, ...] = ()
        self._remember_unknown(value)

    def _remember_unknown(self, value: Any) -> None:
        known = any(option == value for _, option in self.spec.options)
        self.unknown = value if self.spec.control == "select" and value is not None and not known else None

    def compose(self) -> ComposeResult:
        spec, value = self.spec, self.value
        label = spec.label + (" *" if spec.required and not spec.optional_parent else "")
        yield Label(Content(label), classes="field-label")
        control_id = self.control_id
        if spec.control in ("input", "date", "int"):
            placeholder = {"date": "AAAA-MM-JJ", "int": "0"}.get(spec.control, "")
            self.control = Input(value=value or "", placeholder=placeholder, id=control_id, compact=True,
                                 select_on_focus=False)
            yield self.control
        elif spec.control in ("text", "lines"):
            self.control = TextArea(value or "", id=control_id, soft_wrap=True, show_line_numbers=False,
                                    classes="lines" if spec.control != "text" else "")
            yield self.control
            if spec.control == "lines":
                yield Label(Content(strings.FORM_LIST_HINT), classes="field-hint")
        elif spec.control == "select":
            options = [(Content(label), option) for label, option in spec.options]
            known = any(option == value for _, option in spec.options)
            self.control = SearchSelect(options, value=value if known else Select.NULL, allow_blank=self.allow_blank,
                                        prompt=strings.FORM_NONE, id=control_id, compact=True)
            yield self.control
        elif spec.control == "multi":
            chosen = set(value or [])
            self.control = SelectionList(
                *(Selection(Content(label), option, option in chosen) for label, option in spec.options),
                id=control_id, compact=True)
            yield self.control
            yield Static(self._choice(self._labels(value or [])), classes="field-choice")
        elif spec.control == "check":
            self.control = Checkbox(Content(strings.FORM_YES), bool(value), id=control_id, compact=True)
            yield self.control
        yield Static(self._problem_text(), classes="field-problem")

    # --- value ---------------------------------------------------------------------------

    def raw_value(self) -> Any:
        """Return the raw value of the control (the value given, while the control is not composed yet)."""
        widget = self.control
        if widget is None:
            return self.value
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return self.unknown if widget.value is Select.NULL else widget.value
        if isinstance(widget, SelectionList):
            # Keep the record's order (the first discipline names the folder), new choices after.
            chosen = set(widget.selected)
            before = [v for v in self.value or [] if v in chosen]
            return before + [o for _, o in self.spec.options if o in chosen and o not in before]
        if isinstance(widget, Checkbox):
            return widget.value
        return self.value

    def set_raw_value(self, value: Any) -> None:
        """Put ``value`` into the control (after ``$EDITOR`` returns)."""
        self._remember_unknown(value)
        widget = self.control
        if widget is None or isinstance(widget, SelectionList):
            self.value = list(value or []) if self.spec.control == "multi" else value
        if isinstance(widget, Input):
            widget.value = value or ""
        elif isinstance(widget, TextArea):
            widget.load_text(value or "")
        elif isinstance(widget, Select):
            known = any(option == value for _, option in self.spec.options)
            widget.value = value if known else Select.NULL
        elif isinstance(widget, SelectionList):
            widget.deselect_all()
            for option in value or []:
                widget.select(option)
        elif isinstance(widget, Checkbox):
            widget.value = bool(value)

    def set_options(self, options: tuple[tuple[str, Any], ...]) -> None:
        """Offer ``options`` in the select (the themes of another campaign); a value no longer offered is kept."""
        value = self.raw_value()
        self.spec = replace(self.spec, options=options)
        self._remember_unknown(value)
        widget = self.control
        if isinstance(widget, Select):
            with widget.prevent(Select.Changed):
                widget.set_options([(Content(label), option) for label, option in options])
                known = any(option == value for _, option in options)
                if known:
                    widget.value = value

    def focus_control(self, scroll: bool = True) -> None:
        """Move the focus to the control (scrolling it into view unless ``scroll`` is False)."""
        if self.control is not None:
            self.control.focus(scroll_visible=scroll)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self.unknown = None

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        for hint in self.query(".field-choice"):
            hint.update(self._choice(self._labels(self.raw_value())))

    def _labels(self, chosen: list) -> list[str]:
        labels = {option: label for label, option in self.spec.options}
        return [labels.get(option, str(option)) for option in chosen]

    @staticmethod
    def _choice(labels: list[str]) -> Content:
        return Content(f"{strings.FORM_CHOSEN} : " + (", ".join(labels) or strings.FORM_NONE))

    # --- problems ------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        """Show ``problems`` under the field (an empty list clears it); unchanged problems cost nothing."""
        messages = tuple(self._message(p) for p in problems)
        if messages == self.shown:
            return
        self.shown = messages
        self.set_class(bool(problems), "-invalid")
        for line in self.query(".field-problem"):
            line.update(self._problem_text())

    def _problem_text(self) -> Content:
        return Content("\n").join(content(message) for message in self.shown)

    def _message(self, problem: Problem) -> str:
        """Return the problem's message without the key the row already names (``title : …``)."""
        prefix = f"{problem.key} : "
        if not problem.key or not problem.message.startswith(prefix):
            return problem.message
        rest = problem.message[len(prefix):]
        inner = problem.key[len(self.spec.key):].lstrip(".")
        return f"{strings.field_label(inner)} : {rest}" if inner else rest
