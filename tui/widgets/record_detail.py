"""Provides RecordDetail, the pane that renders one record with French labels (links shown, never live)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui import strings
from tui.render import render_problems, render_record, render_rule_problems
from tui.safe import content


class RecordDetail(VerticalScroll, can_focus=True):
    """Scrollable view of a record; ``show`` takes the id, the model (or None) and its problems."""

    DEFAULT_CSS = """
    RecordDetail { padding: 0 1; background: $surface; }
    RecordDetail > Static { width: 100%; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.record_id: str | None = None
        self.record = None

    def compose(self):
        yield Static(Content.styled(strings.NO_SELECTION, "$text-muted"), id="detail-body")

    def show(self, record_id: str | None, record, state: str | None = None, problems: list | None = None,
             note: str | None = None) -> None:
        """Render ``record`` (None with ``problems`` for an invalid file; None and no id to clear).

        ``note``: a reviewer's comment on this record, shown first to its author.
        """
        self.record_id, self.record = record_id, record
        body = self.query_one("#detail-body", Static)
        if record_id is None:
            body.update(Content.styled(strings.NO_SELECTION, "$text-muted"))
        elif record is None:
            body.update(render_problems(problems or []))
        else:
            shown = render_record(record_id, record, state)
            errors = [p for p in problems or () if p.severity == "error"]
            warnings = [p for p in problems or () if p.severity != "error"]
            if errors:  # a valid file that the rules across records reject: said first, in words
                shown = Content("\n").join([render_rule_problems(errors), Content(""), shown])
            if warnings:
                shown = Content("\n").join([shown, Content(""), render_rule_problems(warnings)])
            if note:
                shown = Content("\n").join([Content.assemble((f"{strings.REVIEW_NOTE} : ", "bold $warning"),
                                                              content(note, multiline=True)), shown])
            body.update(shown)
        self.scroll_home(animate=False)
