"""Provides RecordForm, the form generated from a record model, with each problem shown under its field."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from records.problems import Problem
from tui import strings
from tui.form import FieldSpec, spec_for_problem
from tui.safe import content


def field_id(key: str) -> str:
    """Return the widget id of the control of a dotted key (ids may not hold dots)."""
    return "field-" + key.replace(".", "--").replace("_", "-")


class FieldRow(Vertical):
    """A label, its control and the line where its problems appear."""

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

    def __init__(self, spec: FieldSpec, value: Any) -> None:
        super().__init__(id="row-" + field_id(spec.key))
        self.spec = spec
        self.value = value
        self.shown: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        spec, value = self.spec, self.value
        label = spec.label + (" *" if spec.required and not spec.optional_parent else "")
        yield Label(Content(label), classes="field-label")
        control_id = field_id(spec.key)
        if spec.control in ("input", "date", "int"):
            placeholder = {"date": "AAAA-MM-JJ", "int": "0"}.get(spec.control, "")
            yield Input(value=value or "", placeholder=placeholder, id=control_id, compact=True)
        elif spec.control in ("text", "lines", "tables"):
            area = TextArea(value or "", id=control_id, soft_wrap=True, show_line_numbers=False,
                            classes="lines" if spec.control != "text" else "")
            yield area
            if spec.control == "lines":
                yield Label(Content(strings.FORM_LIST_HINT), classes="field-hint")
            elif spec.control == "tables":
                yield Label(Content("{ name = \"…\", … } — " + strings.FORM_LIST_HINT), classes="field-hint")
        elif spec.control == "select":
            options = [(Content(label), option) for label, option in spec.options]
            known = any(option == value for _, option in spec.options)
            yield Select(options, value=value if known else Select.NULL, allow_blank=not spec.required,
                         prompt=strings.FORM_NONE, id=control_id, compact=True)
        elif spec.control == "multi":
            chosen = set(value or [])
            yield SelectionList(*(Selection(Content(label), option, option in chosen) for label, option in spec.options),
                                id=control_id, compact=True)
            names = [label for label, option in spec.options if option in chosen]
            yield Static(Content(f"{strings.FORM_CHOSEN} : " + (", ".join(names) or strings.FORM_NONE)),
                         classes="field-choice")
        elif spec.control == "check":
            yield Checkbox(Content(strings.FORM_YES), bool(value), id=control_id, compact=True)
        yield Static("", classes="field-problem")

    def show_problems(self, problems: list[Problem]) -> None:
        """Show ``problems`` under the field (an empty list clears it); unchanged problems cost nothing."""
        messages = tuple(p.message for p in problems)
        if messages == self.shown:
            return
        self.shown = messages
        self.set_class(bool(problems), "-invalid")
        self.query_one(".field-problem", Static).update(
            Content("\n").join(content(self._message(p)) for p in problems)
        )

    def _message(self, problem: Problem) -> str:
        """Return the problem's message without the key the row already names (``title : …``)."""
        prefix = f"{problem.key} : "
        if not problem.key or not problem.message.startswith(prefix):
            return problem.message
        rest = problem.message[len(prefix):]
        inner = problem.key[len(self.spec.key):].lstrip(".")
        return f"{strings.field_label(inner)} : {rest}" if inner else rest

    def show_choice(self, labels: list[str]) -> None:
        """Show the chosen items of a multi-select under it (the list may scroll them out of sight)."""
        for hint in self.query(".field-choice"):
            hint.update(Content(f"{strings.FORM_CHOSEN} : " + (", ".join(labels) or strings.FORM_NONE)))


class RecordForm(VerticalScroll):
    """Every field of a record; posts :class:`RecordForm.Changed` whenever a value changes."""

    class Changed(Message):
        """A value of the form changed."""

        def __init__(self, form: "RecordForm") -> None:
            super().__init__()
            self.form = form

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, RecordForm.Changed)

    def __init__(self, specs: list[FieldSpec], values: dict[str, Any], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.specs = specs
        self.initial = dict(values)
        self.unknown: dict[str, Any] = {}
        """Values a select cannot show (a code outside the vocabulary, from $EDITOR): kept so the validator names them."""
        self._remember_unknown(values)

    def _remember_unknown(self, values: dict[str, Any]) -> None:
        self.unknown.clear()
        for spec in self.specs:
            value = values.get(spec.key)
            if spec.control == "select" and value is not None and all(o != value for _, o in spec.options):
                self.unknown[spec.key] = value

    def compose(self) -> ComposeResult:
        for spec in self.specs:
            yield FieldRow(spec, self.initial.get(spec.key))

    def values(self) -> dict[str, Any]:
        """Return the raw value of every control, keyed by dotted field key."""
        out: dict[str, Any] = {}
        for spec in self.specs:
            widget: Widget = self.query_one(f"#{field_id(spec.key)}")
            if isinstance(widget, Input):
                out[spec.key] = widget.value
            elif isinstance(widget, TextArea):
                out[spec.key] = widget.text
            elif isinstance(widget, Select):
                out[spec.key] = self.unknown.get(spec.key) if widget.value is Select.NULL else widget.value
            elif isinstance(widget, SelectionList):
                # Keep the record's order (the first discipline names the folder), new choices after.
                chosen = set(widget.selected)
                before = [v for v in self.initial.get(spec.key) or [] if v in chosen]
                out[spec.key] = before + [o for _, o in spec.options if o in chosen and o not in before]
            elif isinstance(widget, Checkbox):
                out[spec.key] = widget.value
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        """Put ``values`` into the controls (after ``$EDITOR`` returns)."""
        self._remember_unknown(values)
        for spec in self.specs:
            widget: Widget = self.query_one(f"#{field_id(spec.key)}")
            value = values.get(spec.key)
            if isinstance(widget, Input):
                widget.value = value or ""
            elif isinstance(widget, TextArea):
                widget.load_text(value or "")
            elif isinstance(widget, Select):
                known = any(option == value for _, option in spec.options)
                widget.value = value if known else Select.NULL
            elif isinstance(widget, SelectionList):
                self.initial[spec.key] = list(value or [])
                widget.deselect_all()
                for option in value or []:
                    widget.select(option)
            elif isinstance(widget, Checkbox):
                widget.value = bool(value)

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        """Attach each problem to its field; return the problems that belong to no field."""
        by_key: dict[str, list[Problem]] = {spec.key: [] for spec in self.specs}
        orphans = []
        for problem in problems:
            spec = spec_for_problem(self.specs, problem)
            if spec is None:
                orphans.append(problem)
            else:
                by_key[spec.key].append(problem)
        for spec in self.specs:
            self.query_one(f"#row-{field_id(spec.key)}", FieldRow).show_problems(by_key[spec.key])
        return orphans

    def focus_field(self, key: str, scroll: bool = True) -> None:
        """Move the focus to the control of ``key`` (scrolling it into view unless ``scroll`` is False)."""
        self.query_one(f"#{field_id(key)}").focus(scroll_visible=scroll)

    def _changed(self) -> None:
        self.post_message(self.Changed(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self.unknown.pop(self._key_of(event.select), None)
        self._changed()

    def _key_of(self, widget: Widget) -> str:
        return next((s.key for s in self.specs if field_id(s.key) == widget.id), "")

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        key = self._key_of(event.selection_list)
        spec = next((s for s in self.specs if s.key == key), None)
        if spec is not None:
            labels = dict((option, label) for label, option in spec.options)
            chosen = self.values()[key]
            self.query_one(f"#row-{field_id(key)}", FieldRow).show_choice([labels[c] for c in chosen])
        self._changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._changed()
