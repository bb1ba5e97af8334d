"""Provides SubmitDialog: push the current contribution, optionally opening a GitLab merge request."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from tui import strings
from tui.dialogs.input_dialog import InputDialog
from tui.safe import plain
from tui.widgets.toggles import Checkbox


class SubmitDialog(InputDialog[dict]):
    """Say what is pushed where; dismisses with ``{"merge_request", "title", "description"}`` or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, branch: str, remote: str, target: str, gitlab: bool) -> None:
        super().__init__()
        self.branch, self.remote, self.target, self.gitlab = branch, remote, target, gitlab

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(strings.SUBMIT_TITLE), id="dialog-title")
            yield Static(Content(strings.SUBMIT_WHAT.format(branch=plain(self.branch), remote=plain(self.remote),
                                                            target=plain(self.target))), id="dialog-help")
            yield Checkbox(Content(strings.SUBMIT_MR), self.gitlab, id="merge-request")
            with Vertical(id="mr-fields"):
                yield Label(Content(strings.SUBMIT_MR_TITLE))
                yield Input(id="mr-title", select_on_focus=False)
                yield Label(Content(strings.SUBMIT_MR_DESCRIPTION))
                yield Input(id="mr-description", select_on_focus=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(strings.KEY_SUBMIT), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#mr-fields").display = self.gitlab
        self.query_one("#ok", Button).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.query_one("#mr-fields").display = event.value

    def _confirm(self) -> None:
        wanted = self.query_one("#merge-request", Checkbox).value
        self.dismiss({
            "merge_request": wanted,
            "title": (self.query_one("#mr-title", Input).value.strip() or None) if wanted else None,
            "description": (self.query_one("#mr-description", Input).value.strip() or None) if wanted else None,
        })
