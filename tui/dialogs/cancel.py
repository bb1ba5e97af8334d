"""Provides ``cancel(dialog)``: close a dialog without its action and say so (« Annulé »), never silently.

Every dialog's Escape and « Annuler » go through here, so that a user who
cancelled by mistake (a stray Tab, Enter) sees that nothing was done.
"""

from __future__ import annotations

from textual.screen import ModalScreen

from tui import strings


def cancel(dialog: ModalScreen, result: object = None) -> None:
    """Dismiss ``dialog`` with ``result`` (None: nothing chosen) and show « Annulé »."""
    dialog.app.notify(strings.CANCELLED, timeout=3)
    dialog.dismiss(result)
