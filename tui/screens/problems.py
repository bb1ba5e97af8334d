"""Provides ProblemsScreen (Problèmes): every problem of the commons as ``traam validate`` finds them.

The list comes from the session, checked in a worker by the one validator
(:meth:`store.index.snapshot.Snapshot.validate`); until it is known the
screen says so. Each line names the record (``path:line:col``), the field in
French, the severity in words (never by colour alone), the French message
and the rule id, one problem on two lines; Enter opens the record.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from records.layout import id_of
from tui import strings
from tui.render import field_text
from tui.safe import content
from tui.screens.base import SessionScreen
from tui.session import Session


def problem_option(problem) -> Content:
    """Return one problem as two lines: severity in words, ``path:line:col`` and rule id; then field and message.

    Built from plain Content (record and git text is never markup); long messages wrap.
    """
    severity = strings.PROBLEM_ERROR if problem.severity == "error" else strings.PROBLEM_WARNING
    where = f"{problem.path}:{problem.line}:{problem.column}"
    return Content.assemble(
        (severity.upper(), "bold $text-error" if problem.severity == "error" else "bold $text-warning"), "  ",
        content(where, "bold"), "  ", content(strings.PROBLEM_RULE.format(rule=problem.rule or "—"), "$text-muted"),
        "\n    ", content(field_text(problem.key), "italic"), " : ", content(problem.message))


class ProblemsScreen(SessionScreen):
    """The problems of the whole commons; Enter jumps to the record of the highlighted one, Escape goes back."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.PROBLEMS
    BINDINGS = [Binding("escape", "app.pop_screen", strings.KEY_BACK, id="problems.back")]

    def __init__(self) -> None:
        super().__init__()
        self.shown: list = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="problems-status")
        yield OptionList(id="problems")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        super().on_mount()

    def show_session(self, session: Session) -> None:
        status = self.query_one("#problems-status", Static)
        listing = self.query_one(OptionList)
        listing.clear_options()
        problems = session.problems
        self.shown = sorted(problems or [], key=lambda p: p.severity != "error")  # errors first, each in file order
        if problems is None:
            status.update(Content.styled(strings.PROBLEMS_CHECKING, "$text-muted"))
            return
        errors = sum(1 for p in problems if p.severity == "error")
        if not problems:
            status.update(Content.styled(strings.PROBLEMS_NONE, "$text-success"))
            return
        status.update(Content(strings.PROBLEMS_COUNT.format(errors=errors, warnings=len(problems) - errors)))
        listing.add_options([Option(problem_option(p), id=str(n)) for n, p in enumerate(self.shown)])
        listing.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id or 0)
        if 0 <= index < len(self.shown):
            record_id = id_of(self.shown[index].path)
            if self.session is not None and record_id in self.session.entries:
                self.app.open_record(record_id)
            else:
                self.app.notify(strings.PROBLEMS_NO_RECORD, severity="warning")
