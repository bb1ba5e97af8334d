"""Provides DashboardScreen (Tableau de bord): the current campaign, its calendar, counts and latest changes."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from records import vocab
from tui import strings
from tui.safe import content
from tui.screens.base import SessionScreen
from tui.session import Session
from tui.widgets.bar_chart import BarChart
from tui.widgets.calendar_panel import CalendarPanel

SHORTCUTS = (
    ("1", strings.DASHBOARD, "app.switch_mode('dashboard')"),
    ("2", strings.EXPLORER, "app.switch_mode('explorer')"),
    ("/", strings.SEARCH, "app.search"),
    ("4", strings.KEY_REVIEW, "app.switch_mode('review')"),
    ("5", strings.KEY_CONTRIBUTION, "app.switch_mode('contribution')"),
    ("n", strings.KEY_NEW, "app.new"),
    ("s", strings.KEY_SYNC, "app.sync"),
    ("x", strings.KEY_EXPORT, "app.export"),
    ("Ctrl+R", strings.KEY_RELOAD, "app.reload"),
    ("Ctrl+P", strings.KEY_PALETTE, "app.command_palette"),
    ("F1 ?", strings.HELP, "app.help"),
    ("q", strings.KEY_QUIT, "app.quit"),
)
"""Key, label, action: the actions are our constants, so these lines may carry ``@click`` (no data in them)."""


def shortcuts() -> Content:
    """Return the shortcut lines, clickable (our own strings only; labels passed as variables, not markup)."""
    lines = [Content.styled(strings.SHORTCUTS, "bold $accent")]
    for key, label, action in SHORTCUTS:
        lines.append(Content.from_markup(f"[@click={action}][bold $text-primary]$key[/] $label[/]",
                                         key=key.ljust(7), label=label))
    return Content("\n").join(lines)


class DashboardScreen(SessionScreen):
    """Where the campaign stands, what the commons holds, what changed last."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.DASHBOARD

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            with Grid(id="top"):
                yield CalendarPanel(id="calendar")
                yield Static(shortcuts(), id="shortcuts")
            yield Static("", id="totals")
            with Grid(id="charts"):
                yield BarChart(strings.BY_DISCIPLINE, id="by-discipline")
                yield BarChart(strings.BY_ACADEMIE, id="by-academie")
                yield BarChart(strings.BY_STATE, id="by-state")
                with Vertical(id="recent-box"):
                    yield Static(Content.styled(strings.RECENT, "bold $accent"))
                    yield Static("", id="recent")
        yield Footer()

    def show_session(self, session: Session) -> None:
        campaign = session.current_campaign()
        self.query_one(CalendarPanel).show(campaign, session.today)
        counts = session.counts("scenario", campaign.code if campaign else None)
        self.query_one("#by-discipline", BarChart).set_counts(counts["discipline"], vocab.DISCIPLINES)
        self.query_one("#by-academie", BarChart).set_counts(counts["academie"], vocab.ACADEMIES)
        self.query_one("#by-state", BarChart).set_counts(counts["etat"], vocab.STATES)
        entries = session.entries.values()
        scenarios = sum(1 for e in entries if e.kind == "scenario")
        problems = len(getattr(session.snapshot, "problems", []) or [])
        self.query_one("#totals", Static).update(Content.styled(
            strings.RECORD_COUNT.format(count=len(session.entries), scenarios=scenarios, problems=problems),
            "$text-muted"))
        lines = []
        for change in session.recent:
            lines.append(Content.assemble(
                (change.date.strftime("%d/%m/%Y %H:%M"), "$text-muted"), " ", content(change.author, "bold"), " ",
                content(change.message),
            ))
        self.query_one("#recent", Static).update(
            Content("\n").join(lines) if lines else Content.styled(strings.NO_RECENT, "$text-muted"))
