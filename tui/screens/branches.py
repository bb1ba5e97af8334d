"""Provides BranchesScreen (Branches): switch between one's contributions, ``main`` and the académie branches.

The list is read in a thread worker; Enter checks out the highlighted
branch (through the app, which re-reads the commons); a branch only the
remote has is created locally, following it. Escape goes back.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tui import strings
from tui.safe import content
from tui.screens.worker_errors import ReportsWorkerErrors


def render_choice(choice) -> Content:
    """Return one line of the list: the branch name and whether it is current or only on the remote."""
    parts = [content(choice.name, "bold" if choice.current else "")]
    if choice.current:
        parts += ["  ", (strings.BRANCHES_CURRENT, "$text-success")]
    if choice.remote_ref:
        parts += ["  ", content(strings.BRANCHES_REMOTE.format(ref=choice.remote_ref), "$text-muted")]
    return Content.assemble(*parts)


class BranchesScreen(ReportsWorkerErrors, Screen):
    """The branches one can work on, grouped: contributions, national validation, académie validations."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.BRANCHES
    BINDINGS = [Binding("escape", "app.pop_screen", strings.KEY_BACK, id="branches.back")]

    def __init__(self) -> None:
        super().__init__()
        self.choices: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content.styled(strings.BRANCHES_HELP, "$text-muted"), id="branches-help")
        yield OptionList(id="branches")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load(self.app.session.commons)

    @work(thread=True, exclusive=True, group="branches", exit_on_error=False)
    def load(self, commons) -> None:
        """Read the branches (git calls) in a worker."""
        found = commons.branches.choices()
        self.app.call_from_thread(self.show_choices, found)

    def show_choices(self, found: list) -> None:
        options: list[Option | None] = []
        self.choices = {}
        highlight = None
        kind = None
        for n, choice in enumerate(found):
            if choice.kind != kind:
                if kind is not None:
                    options.append(None)
                kind = choice.kind
                options.append(Option(Content.styled(strings.BRANCHES_KINDS[kind], "bold $accent"),
                                      id=f"kind-{kind}", disabled=True))
            key = f"branch-{n}"
            self.choices[key] = choice
            options.append(Option(Content.assemble("  ", render_choice(choice)), id=key))
            if choice.current:
                highlight = key
        if not found:
            options.append(Option(Content.styled(strings.BRANCHES_NONE, "$text-muted"), disabled=True))
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options)
        if highlight is not None:
            listing.highlighted = listing.get_option_index(highlight)
        elif self.choices:
            listing.highlighted = listing.get_option_index(next(iter(self.choices)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = self.choices.get(event.option.id or "")
        if choice is None:
            return
        if choice.current:
            self.app.pop_screen()
            return
        self.app.switch_branch(Path(self.app.session.commons.root), choice)
        self.app.pop_screen()
