"""Provides ExportDialog: format, output and filters; runs :mod:`store.publish` in a worker and says where it wrote."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from records import vocab
from store.publish.choices import FORMATS
from tui import strings
from tui.dialogs.cancel import cancel
from tui.safe import plain
from tui.screens.worker_errors import ReportsWorkerErrors

ALL = "toutes"


class ExportDialog(ReportsWorkerErrors, ModalScreen[None]):
    """The export form; stays open to show where the export was written (Escape closes it)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "close", strings.KEY_BACK, id="dialog.cancel"),
        Binding("ctrl+s", "export", strings.EXPORT_RUN, id="export.run"),
    ]

    class Progress(Message):
        """Files written so far by the export worker (a flood collapses to the latest)."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ExportDialog.Progress)

    def __init__(self, campaigns: list[str], base: Path | None = None) -> None:
        super().__init__()
        self.campaigns = campaigns
        self.base = base
        """Folder relative outputs are resolved against (default: the current folder)."""
        self.written: Sequence[Path] = []

    def compose(self) -> ComposeResult:
        states = [(Content(label), code) for code, label in strings.EXPORT_STATE_CHOICES.items()]
        states += [(Content(label), code) for code, label in vocab.STATES.items()]
        campaigns = [(Content(strings.EXPORT_ALL_CAMPAIGNS), ALL)] + [(Content(c), c) for c in self.campaigns]
        with Vertical(id="dialog"):
            yield Label(Content(strings.EXPORT_TITLE), id="dialog-title")
            yield Label(Content(strings.EXPORT_FORMAT))
            yield Select([(Content(f"{name} — {text}"), name) for name, text in FORMATS.items()],
                         value="site", allow_blank=False, id="format")
            yield Label(Content(strings.EXPORT_OUTPUT))
            yield Input(strings.EXPORT_DEFAULTS["site"], id="output", select_on_focus=False)
            with Horizontal(id="filters"):
                with Vertical():
                    yield Label(Content(strings.EXPORT_STATE))
                    yield Select(states, value="valide", allow_blank=False, id="etat")
                with Vertical():
                    yield Label(Content(strings.EXPORT_CAMPAIGN))
                    yield Select(campaigns, value=ALL, allow_blank=False, id="campagne")
            yield Static("", id="dialog-status")
            yield ProgressBar(id="export-progress", show_eta=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(Content(strings.KEY_BACK), id="cancel")
                yield Button(Content(strings.EXPORT_RUN), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "format":
            output = self.query_one("#output", Input)
            if output.value in strings.EXPORT_DEFAULTS.values() or not output.value.strip():
                output.value = strings.EXPORT_DEFAULTS.get(str(event.value), output.value)

    def options(self) -> dict:
        """Return the chosen format, output path and filters."""
        output = Path(self.query_one("#output", Input).value.strip()).expanduser()
        if not output.is_absolute():
            output = (self.base or Path.cwd()) / output
        campaign = self.query_one("#campagne", Select).value
        return {"fmt": str(self.query_one("#format", Select).value), "out": output,
                "etat": str(self.query_one("#etat", Select).value),
                "campagnes": None if campaign == ALL else [str(campaign)]}

    def action_export(self) -> None:
        if not self.query_one("#output", Input).value.strip():
            self.query_one("#dialog-status", Static).update(Content.styled(strings.EXPORT_NO_OUTPUT, "$text-error"))
            return
        self.query_one("#dialog-status", Static).update(Content.styled(strings.EXPORT_RUNNING, "$text-muted"))
        self.query_one("#ok", Button).disabled = True
        self.run_export(**self.options())

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def run_export(self, fmt: str, out: Path, etat: str, campagnes: list[str] | None) -> None:
        """Export the session's records (states derived if not known yet) in a worker."""
        from store.errors import StoreError
        from store.publish import run as publish
        from store.publish.selection import SelectionError
        from store.publish.site import SiteError

        session = self.app.session
        try:
            states = session.states
            if states is None:
                states = publish.states_of(session.commons, session.snapshot)
            result, _ = publish.export_snapshot(fmt, session.snapshot, states, out, etat=etat, campagnes=campagnes,
                                                progress=lambda done, total: self.post_message(self.Progress(done, total)))
        except (SelectionError, SiteError) as error:
            raise StoreError(str(error)) from error
        finally:
            self.app.call_from_thread(setattr, self.query_one("#ok", Button), "disabled", False)
        self.app.call_from_thread(self.done, fmt, out, result)

    def on_export_dialog_progress(self, message: Progress) -> None:
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = message.done < message.total
        bar.update(total=max(message.total, 1), progress=message.done)

    def done(self, fmt: str, out: Path, result) -> None:
        self.written = result.paths
        text = strings.EXPORT_DONE.format(format=fmt, files=len(result.paths), where=plain(str(out)),
                                          records=sum(result.counts.values()))
        self.query_one("#dialog-status", Static).update(Content.styled(text, "$text-success"))
        self.app.notify(text, timeout=8)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.action_export()
        else:
            cancel(self)

    def action_close(self) -> None:
        self.dismiss(None)
