"""Provides NewContributionDialog: the académie and short name of a new contribution branch."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from records import vocab
from records.text import is_slug
from tui import strings
from tui.dialogs.input_dialog import InputDialog


class NewContributionDialog(InputDialog[tuple[str, str]]):
    """Pick the académie and type the slug; dismisses with ``(academie, slug)`` or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, academie: str = "", *, slug: str = "", title: str = "", help_text: str = "",
                 confirm: str = "") -> None:
        super().__init__()
        self.academie = academie if academie in vocab.ACADEMIES else ""
        self.slug = slug
        self.texts = (title or strings.CONTRIB_TITLE, help_text or strings.CONTRIB_HELP, confirm or strings.CREATE)

    def compose(self) -> ComposeResult:
        choices = sorted(((Content(label), code) for code, label in vocab.ACADEMIES.items()),
                         key=lambda pair: vocab.ACADEMIES[pair[1]])
        with Vertical(id="dialog"):
            yield Label(Content(self.texts[0]), id="dialog-title")
            yield Static(Content(self.texts[1]), id="dialog-help")
            yield Label(Content(strings.CONTRIB_ACADEMIE))
            yield Select(choices, value=self.academie or Select.NULL, id="academie", prompt=strings.CONTRIB_ACADEMIE)
            yield Label(Content(strings.CONTRIB_SLUG))
            yield Input(self.slug, id="slug", placeholder="herbier-numerique", select_on_focus=False)
            yield Label("", id="dialog-status")
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.CANCEL), id="cancel")
                yield Button(Content(self.texts[2]), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#slug" if self.academie else "#academie").focus()

    def _confirm(self) -> None:
        academie = self.query_one("#academie", Select).value
        slug = self.query_one("#slug", Input).value.strip()
        status = self.query_one("#dialog-status", Label)
        if not isinstance(academie, str) or academie not in vocab.ACADEMIES:
            status.update(Content.styled(strings.CONTRIB_ACADEMIE + " ?", "$text-error"))
            self.query_one("#academie").focus()
        elif not is_slug(slug):
            status.update(Content.styled(strings.CONTRIB_SLUG_INVALID, "$text-error"))
            self.query_one("#slug").focus()
        else:
            self.dismiss((academie, slug))
