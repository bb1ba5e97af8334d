"""Provides CalendarPanel: the current campaign, its phase and where its calendar stands, with dates."""

from __future__ import annotations

import datetime as dt

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from records import vocab
from tui import strings
from tui.safe import content


def calendar_lines(campaign, today: dt.date) -> list[Content]:
    """Return one line per step of the campaign calendar: mark, date, step, distance from ``today``."""
    lines = []
    steps = [(getattr(campaign, attr), label) for attr, label in strings.CALENDAR_STEPS]
    current = max((i for i, (date, _) in enumerate(steps) if date <= today), default=-1)
    for index, (date, label) in enumerate(steps):
        days = (date - today).days
        if index < current:
            mark, style = "✔", "$text-muted"
        elif index == current:
            mark, style = "▶", "bold $text-success"
        else:
            mark, style = "·", ""
        if days > 0:
            when = strings.IN_DAYS.format(days=days)
        elif days < 0:
            when = strings.DAYS_AGO.format(days=-days)
        else:
            when = strings.TODAY
        lines.append(Content.assemble(
            (f"{mark} ", style), (date.strftime("%d/%m/%Y"), style), " ", (label, style), (f" ({when})", "$text-muted"),
        ))
    return lines


class CalendarPanel(Widget):
    """The campaign that is current at ``today`` (else the newest), with its calendar."""

    DEFAULT_CSS = "CalendarPanel { height: auto; padding: 0 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.campaign = None
        self.today = dt.date.today()

    def show(self, campaign, today: dt.date) -> None:
        """Show ``campaign`` (a Campaign record, or None) as seen on ``today``."""
        self.campaign, self.today = campaign, today
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        if self.campaign is None:
            return Content.styled(strings.NO_CAMPAIGN, "$text-muted")
        campaign = self.campaign
        head = Content.assemble(
            (f"{strings.CURRENT_CAMPAIGN} ", "bold $accent"), content(campaign.code, "bold"), " — ",
            content(campaign.title),
        )
        phase = Content.assemble((f"{strings.field_label('phase')} : ", "$text-muted"),
                                 content(vocab.label(vocab.PHASES, campaign.phase)))
        return Content("\n").join([head, phase, *calendar_lines(campaign, self.today)])
