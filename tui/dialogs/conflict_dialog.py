"""Provides ConflictDialog: choose, field by field, the target's or the contribution's value of each conflict."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioSet, Static

from tui import strings
from tui.dialogs.cancel import cancel
from tui.safe import content
from tui.widgets.review_detail import field_name, shown_value
from tui.widgets.toggles import RadioButton


class ConflictDialog(ModalScreen[dict[str, str] | None]):
    """One radio pair per conflicting field; dismisses with ``{conflict name: "ours"|"theirs"}`` or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "cancel", strings.CANCEL, id="dialog.cancel")]

    def __init__(self, conflicts: list, *, ours: str = strings.CONFLICT_KEEP_OURS,
                 theirs: str = strings.CONFLICT_KEEP_THEIRS, help_text: str = strings.CONFLICT_HELP) -> None:
        super().__init__()
        self.conflicts = list(conflicts)
        self.ours_label, self.theirs_label, self.help_text = ours, theirs, help_text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(strings.CONFLICT_TITLE.format(count=len(self.conflicts))), id="dialog-title")
            yield Static(Content(self.help_text), id="dialog-help")
            with VerticalScroll(id="conflicts"):
                for index, conflict in enumerate(self.conflicts):
                    yield Label(Content.assemble(content(conflict.record_id, "bold"), " › ",
                                                 content(field_name(conflict.key), "bold")),
                                classes="conflict-field")
                    ours = content(shown_value(conflict.key, conflict.ours))
                    theirs = content(shown_value(conflict.key, conflict.theirs))
                    with RadioSet(id=f"conflict-{index}", classes="conflict-choice"):
                        yield RadioButton(Content.assemble(f"{self.ours_label} : ", ours), id=f"ours-{index}")
                        yield RadioButton(Content.assemble(f"{self.theirs_label} : ", theirs), id=f"theirs-{index}")
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.CONFLICT_APPLY), variant="primary", id="ok", disabled=True)

    def on_mount(self) -> None:
        if self.conflicts:
            self.query_one("#conflict-0", RadioSet).focus()

    def choices(self) -> dict[str, str]:
        """Return the choices made so far (conflict name → ours/theirs)."""
        found = {}
        for index, conflict in enumerate(self.conflicts):
            pressed = self.query_one(f"#conflict-{index}", RadioSet).pressed_button
            if pressed is not None and pressed.id:
                found[conflict.name] = pressed.id.split("-", 1)[0]
        return found

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.query_one("#ok", Button).disabled = len(self.choices()) < len(self.conflicts)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            chosen = self.choices()
            if len(chosen) == len(self.conflicts):
                self.dismiss(chosen)
        else:
            cancel(self)

    def action_cancel(self) -> None:
        cancel(self)
