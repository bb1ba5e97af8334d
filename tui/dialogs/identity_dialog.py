"""Provides IdentityDialog: asks once for the name and e-mail address git records with each commit."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from tui import strings
from tui.dialogs.input_dialog import InputDialog


class IdentityDialog(InputDialog[tuple[str, str]]):
    """Type a name and an e-mail address; dismisses with ``(name, email)`` or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, name: str = "", email: str = "") -> None:
        super().__init__()
        self.known = (name, email)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(strings.IDENTITY_TITLE), id="dialog-title")
            yield Static(Content(strings.IDENTITY_HELP), id="dialog-help")
            yield Label(Content(strings.IDENTITY_NAME))
            yield Input(self.known[0], id="name", placeholder="Camille Martin")
            yield Label(Content(strings.IDENTITY_EMAIL))
            yield Input(self.known[1], id="email", placeholder="camille.martin@ac-lille.fr")
            yield Label("", id="dialog-status")
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.IDENTITY_SAVE), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#email" if self.known[0] else "#name", Input).focus()

    def _confirm(self) -> None:
        name = " ".join(self.query_one("#name", Input).value.split())
        email = self.query_one("#email", Input).value.strip()
        status = self.query_one("#dialog-status", Label)
        if not name:
            status.update(Content.styled(strings.IDENTITY_NAME_MISSING, "$text-error"))
            self.query_one("#name").focus()
        elif "@" not in email or any(c.isspace() or c in "<>" for c in email):
            status.update(Content.styled(strings.IDENTITY_EMAIL_INVALID, "$text-error"))
            self.query_one("#email").focus()
        else:
            self.dismiss((name, email))
