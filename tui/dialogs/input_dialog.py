"""Provides InputDialog, the base of the small dialogs that take typed input: Enter or « OK » confirms, Escape cancels."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from tui import strings
from tui.dialogs.cancel import cancel

Result = TypeVar("Result")


class InputDialog(ModalScreen[Result | None], Generic[Result]):
    """A modal dialog whose button ``#ok`` or Enter in any input calls :meth:`_confirm`; anything else cancels."""

    BINDINGS = [Binding("escape", "cancel", strings.CANCEL, id="dialog.cancel")]

    def _confirm(self) -> None:
        """Check the input and dismiss with the result (subclasses)."""
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._confirm()
        else:
            cancel(self)

    def action_cancel(self) -> None:
        cancel(self)
