"""Provides DashboardScreen (Tableau de bord): the current campaign, its calendar, counts and latest changes."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
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
    ("app.dashboard", strings.DASHBOARD, "app.switch_mode('dashboard')"),
    ("app.explorer", strings.EXPLORER, "app.switch_mode('explorer')"),
    ("app.search", strings.SEARCH, "app.search"),
    ("app.review", strings.KEY_REVIEW, "app.switch_mode('review')"),
    ("app.contribution", strings.KEY_CONTRIBUTION, "app.switch_mode('contribution')"),
    ("app.new", strings.KEY_NEW, "app.new"),
    ("app.sync", strings.KEY_SYNC, "app.sync"),
    ("app.export", strings.KEY_EXPORT, "app.export"),
    ("app.reload", strings.KEY_RELOAD, "app.reload"),
    ("", strings.KEY_PALETTE, "app.command_palette"),
    ("app.help", strings.HELP, "app.help"),
    ("app.quit", strings.KEY_QUIT, "app.quit"),
)
"""Binding id, label, action: the actions are our constants, so these lines may carry ``@click`` (no data in them)."""


def keys_of(app, binding_id: str) -> str:
    """Return the keys of a binding as the user set them (``touches.toml``), named as the footer names them."""
    if not binding_id:
        return app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette"))
    keymap = getattr(app, "_keymap", {}) or {}
    for binding in app.BINDINGS:
        if isinstance(binding, Binding) and binding.id == binding_id:
            keys = keymap.get(binding_id, binding.key)
            return " ".join(app.get_key_display(Binding(k.strip(), binding.action)) for k in keys.split(","))
    return ""


def shortcuts(app) -> Content:
    """Return the shortcut lines, clickable (our own strings only; labels passed as variables, not markup)."""
    lines = [Content.styled(strings.SHORTCUTS, "bold $accent")]
    for binding_id, label, action in SHORTCUTS:
        lines.append(Content.from_markup(f"[@click={action}][bold $text-primary]$key[/] $label[/]",
                                         key=keys_of(app, binding_id).ljust(7), label=label))
    return Content("\n").join(lines)


def totals(count: int, scenarios: int, problems: list | None) -> Content:
    """Return the totals line; its problem count (from the validator of ``traam validate``) opens the problems."""
    if problems is None:
        found = strings.PROBLEMS_PENDING
    else:
        errors = sum(1 for p in problems if p.severity == "error")
        found = strings.PROBLEMS_TOTAL.format(errors=errors, warnings=len(problems) - errors)
    return Content.assemble(
        Content.styled(strings.RECORD_COUNT.format(count=count, scenarios=scenarios), "$text-muted"),
        Content.from_markup("[@click=app.problems][u]$found[/u] $see[/]", found=found, see=strings.PROBLEMS_SEE))


class DashboardScreen(SessionScreen):
    """Where the campaign stands, what the commons holds, what changed last."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.DASHBOARD

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            with Grid(id="top"):
                yield CalendarPanel(id="calendar")
                yield Static(shortcuts(self.app), id="shortcuts")
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
        if campaign is not None:  # the charts count one campaign: their titles say which
            for chart_id, title in (("#by-discipline", strings.BY_DISCIPLINE), ("#by-academie", strings.BY_ACADEMIE),
                                    ("#by-state", strings.BY_STATE)):
                self.query_one(chart_id, BarChart).title = strings.CHART_SCOPE.format(title=title,
                                                                                       campaign=campaign.code)
        self.query_one("#by-discipline", BarChart).set_counts(counts["discipline"], vocab.DISCIPLINES)
        self.query_one("#by-academie", BarChart).set_counts(counts["academie"], vocab.ACADEMIES)
        self.query_one("#by-state", BarChart).set_counts(counts["etat"], vocab.STATES)
        entries = session.listed()  # what the explorer lists under « Tous les enregistrements »
        scenarios = sum(1 for e in entries if e.kind == "scenario")
        self.query_one("#totals", Static).update(totals(len(entries), scenarios, session.problems))
        lines = []
        for change in session.recent:
            lines.append(Content.assemble(
                (change.date.strftime("%d/%m/%Y %H:%M"), "$text-muted"), " ", content(change.author, "bold"), " ",
                content(change.message),
            ))
        self.query_one("#recent", Static).update(
            Content("\n").join(lines) if lines else Content.styled(strings.NO_RECENT, "$text-muted"))
