"""Provides ContributionScreen (Contribution): the author's view of the current contribution and its review notes.

Shows the branch, its state (brouillon, proposée, modifications demandées,
refusée), every review note with its per-record comments, and the records
the contribution changes with their validation state. The data is read in a
thread worker; ``c`` starts a new contribution and ``p`` submits this one.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from records import vocab
from store.review.notes import label
from store.review.status import RecordState
from tui import strings, workflow_data
from tui.safe import content, formatted, plain
from tui.screens.base import SessionScreen
from tui.screens.worker_errors import ReportsWorkerErrors
from tui.session import Session
from tui.widgets.review_detail import french_date

HEADING = "bold $accent"


def contribution_state(info: workflow_data.Contribution) -> str:
    """Return the key of :data:`strings.CONTRIBUTION_STATES` for the contribution."""
    if not info.pushed:
        return RecordState.DRAFT
    decision = info.decision
    return decision.decision if decision is not None else RecordState.PROPOSED


def render_contribution(info: workflow_data.Contribution, session: Session | None) -> Content:
    """Return the author's panel: branch, state, review notes and records (all data sanitised)."""
    if not info.is_contribution:
        return Content.styled(formatted(strings.NOT_A_CONTRIBUTION, branch=info.branch or "HEAD"), "$text-warning")
    lines = [
        Content.assemble((f"{strings.CONTRIBUTION_BRANCH} : ", HEADING), content(info.branch, "bold"),
                         "  →  ", content(f"academie/{info.academie}")),
        Content.assemble((f"{strings.CONTRIBUTION_STATE} : ", HEADING),
                         strings.CONTRIBUTION_STATES[contribution_state(info)]),
        Content(""),
        Content.styled(strings.CONTRIBUTION_REVIEWS, HEADING),
    ]
    if not info.reviews:
        lines.append(Content.styled(f"  {strings.CONTRIBUTION_NO_REVIEWS}", "$text-muted"))
    for review in reversed(info.reviews):
        lines.append(Content.assemble("  ", content(french_date(review.date), "$text-muted"), " · ",
                                      content(review.reviewer, "bold"), " · ",
                                      (plain(label(review)), "$text-warning" if review.authenticated
                                       else "$text-muted")))
        lines.extend(Content.assemble("    ", content(line)) for line in review.message.splitlines())
        for record_id, comment in sorted(review.records.items()):
            lines.append(Content.assemble("    • ", content(record_id, "bold"), " : ", content(comment)))
    lines += [Content(""), Content.styled(strings.CONTRIBUTION_RECORDS, HEADING)]
    if not info.records:
        lines.append(Content.styled(f"  {strings.CONTRIBUTION_NO_RECORDS}", "$text-muted"))
    for record_id in info.records:
        entry = session.entries.get(record_id) if session else None
        state = session.state_of(record_id) if session else None
        lines.append(Content.assemble(
            "  • ", content(record_id, "bold"), " — ", content(entry.title if entry else ""), "  ",
            (vocab.label(vocab.STATES, state) if state else strings.STATE_UNKNOWN, "$text-muted")))
    return Content("\n").join(lines)


class ContributionScreen(ReportsWorkerErrors, SessionScreen):
    """What happened to my contribution: state, notes of the reviewers, records."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.CONTRIBUTION
    BINDINGS = [
        Binding("f", "fetch", strings.KEY_FETCH, id="contribution.fetch"),
        # The app's own keys, repeated here so that the footer of this screen shows them.
        Binding("c", "app.contrib_start", strings.KEY_CONTRIB_START, id="contribution.start"),
        Binding("p", "app.submit", strings.KEY_SUBMIT, id="contribution.submit"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.info: workflow_data.Contribution | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="contribution"):
            yield Static(Content.styled(strings.LOADING_COMMONS, "$text-muted"), id="contribution-body")
        yield Footer()

    def show_session(self, session: Session) -> None:
        self.load(fetch=False)

    @work(thread=True, exclusive=True, group="contribution", exit_on_error=False)
    def load(self, fetch: bool = False) -> None:
        """Read the branch, its notes and records in a worker (``fetch``: first get the remote's)."""
        commons = self.session.commons
        if fetch:
            commons.review.fetch()
        info = commons.contribution.current()
        self.app.call_from_thread(self.show_info, info, fetch)

    def show_info(self, info: workflow_data.Contribution, fetched: bool = False) -> None:
        self.info = info
        self.query_one("#contribution-body", Static).update(render_contribution(info, self.session))
        if fetched:
            self.app.reload_session()

    def action_fetch(self) -> None:
        self.load(fetch=True)
