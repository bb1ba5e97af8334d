"""Provides ReviewScreen (Revue): the contributions waiting in the reviewer's scope and the decisions on them.

The queue, the field diffs and the rule report are read in a thread worker;
"Valider" makes the signed record-aware merge (conflicts chosen per field in
:class:`ConflictDialog`) and pushes it; "Demander des modifications" and
"Refuser" write a review note. All git work runs in workers; failures reach
the application's error dialog in French.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from records import layout
from store.review.authority import needs_national_message
from store.review.status import Decision
from tui import strings, workflow_data
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.dialogs.conflict_dialog import ConflictDialog
from tui.dialogs.note_dialog import ReviewNoteDialog
from tui.safe import content, formatted
from tui.screens.base import SessionScreen
from tui.screens.worker_errors import ReportsWorkerErrors
from tui.session import Session
from tui.widgets.review_detail import ReviewDetail, candidate_summary


class ReviewScreen(ReportsWorkerErrors, SessionScreen):
    """The review queue on the left, the highlighted contribution on the right."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.REVIEW
    BINDINGS = [
        Binding("v", "approve", strings.KEY_APPROVE, id="review.approve"),
        Binding("d", "request_changes", strings.KEY_REQUEST_CHANGES, id="review.changes"),
        Binding("r", "refuse", strings.KEY_REFUSE, id="review.refuse"),
        Binding("f", "fetch", strings.KEY_FETCH, id="review.fetch"),
        Binding("escape", "cancel_fetch", strings.KEY_CANCEL_FETCH, id="review.cancel_fetch"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.queue: workflow_data.Queue | None = None
        self._root: Path | None = None
        self.fetching: threading.Event | None = None
        """Set to cancel the fetch running in the background; None when no fetch runs."""
        self.fetch_note: Content | None = None
        """What the last fetch says about the remote (fetching, unreachable, cancelled), None when up to date."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review"):
            with Vertical(id="left"):
                yield Label(Content(strings.REVIEW_LOADING), id="review-status")
                yield OptionList(id="queue")
            yield ReviewDetail(id="review-detail")
        yield Footer()

    @property
    def root(self) -> Path:
        return Path(self.session.commons.root)

    def show_session(self, session: Session) -> None:
        # States arriving or a reload give a new session; the queue is read again only for another commons.
        if self._root != Path(session.commons.root):
            self._root = Path(session.commons.root)
            self.load_queue()

    # --- reading the queue ------------------------------------------------------------

    def load_queue(self, remote: bool = True) -> None:
        """Read the local queue in a worker (shown at once), then fetch the remote in another one (``remote``)."""
        self.query_one("#queue", OptionList).loading = self.queue is None
        self.read_queue()
        if remote:
            self.start_fetch()

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def read_queue(self) -> None:
        """List and plan every pending contribution the repository holds (blocking git work, no network)."""
        queue = self.session.commons.review.queue(remote=False)
        self.app.call_from_thread(self.show_queue, queue)

    def start_fetch(self) -> None:
        if self.fetching is not None:
            return
        self.fetching = threading.Event()
        self.fetch_note = Content.styled(strings.REVIEW_FETCHING, "$text-muted")
        self.refresh_bindings()
        self.run_fetch(self.fetching)

    @work(thread=True, exclusive=True, group="review-fetch", exit_on_error=False)
    def run_fetch(self, cancel: threading.Event) -> None:
        """Fetch the remote's branches and notes with a deadline; Escape cancels it."""
        remote, fetched = self.session.commons.review.fetch_queue(cancel=cancel)
        self.app.call_from_thread(self.fetch_done, remote, fetched)

    def fetch_done(self, remote: str | None, fetched) -> None:
        self.fetching = None
        self.refresh_bindings()
        if fetched is None:
            self.fetch_note = Content.styled(strings.REVIEW_NO_REMOTE, "$text-muted")
        elif fetched.ok:
            self.fetch_note = None
            self.read_queue()  # the fetch brought new branches or notes: list them
        elif fetched.outcome == "cancelled":
            self.fetch_note = Content.styled(formatted(strings.REVIEW_FETCH_CANCELLED, remote=remote), "$text-warning")
        elif fetched.outcome == "timeout":
            self.fetch_note = Content.styled(formatted(strings.REVIEW_FETCH_TIMEOUT, remote=remote,
                                                       seconds=f"{fetched.seconds:.0f}"), "$text-warning")
        else:
            self.fetch_note = Content.styled(formatted(strings.REVIEW_OFFLINE, remote=remote), "$text-warning")
        self.show_status()

    def action_cancel_fetch(self) -> None:
        if self.fetching is not None:
            self.fetching.set()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_fetch":
            return self.fetching is not None  # Escape means « stop waiting » only while a fetch runs
        return True

    def on_unmount(self) -> None:
        if self.fetching is not None:  # never leave git waiting on a dead remote behind a closed screen
            self.fetching.set()

    def worker_failed(self, worker) -> None:
        self.query_one("#queue", OptionList).loading = False
        if worker.group == "review-fetch":
            self.fetching = None
            self.fetch_note = None
            self.refresh_bindings()

    def show_queue(self, queue: workflow_data.Queue) -> None:
        self.queue = queue
        self.query_one("#queue", OptionList).loading = False
        options = self.query_one("#queue", OptionList)
        options.clear_options()
        options.add_options([Option(candidate_summary(item), id=str(index)) for index, item in enumerate(queue.items)])
        self.show_status()
        if queue.items:
            options.highlighted = 0
            options.focus()
        self.show_current()

    def show_status(self) -> None:
        """Say how many contributions wait, as whom, and what the remote said (fetching, unreachable…)."""
        queue = self.queue
        if queue is None:
            status = [Content(strings.REVIEW_LOADING)]
        else:
            status = [Content(strings.REVIEW_COUNT.format(count=len(queue.items)) if queue.items
                              else strings.REVIEW_EMPTY)]
            if queue.reviewer:
                status.append(Content.assemble(f"{strings.REVIEW_AS} : ", content(queue.reviewer)))
            else:
                status.append(Content.styled(strings.REVIEW_UNKNOWN_REVIEWER, "$text-warning"))
        if self.fetch_note is not None:
            status.append(self.fetch_note)
        self.query_one("#review-status", Label).update(Content("\n").join(status))

    def current(self):
        """Return the highlighted candidate, or None."""
        if not self.queue or not self.queue.items:
            return None
        index = self.query_one("#queue", OptionList).highlighted
        return self.queue.items[index] if index is not None and index < len(self.queue.items) else None

    def show_current(self) -> None:
        item = self.current()
        preview = self.queue.previews.get(item.name) if item is not None and self.queue else None
        self.query_one(ReviewDetail).show(item, preview)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_current()

    def action_fetch(self) -> None:
        self.load_queue()

    # --- Valider ---------------------------------------------------------------------------

    def action_approve(self) -> None:
        item = self.current()
        if item is None:
            return
        national = needs_national_message(item)
        if national:  # the store would refuse it after the confirmation: say why before anything starts
            self.app.show_error(national[0].upper() + national[1:])
            return
        if item.plan is not None and item.plan.conflicts:
            self.ask_conflicts(item.name, item.plan.conflicts, {})
        else:
            self.confirm_approve(item.name, {})

    def ask_conflicts(self, name: str, conflicts: list, resolutions: dict[str, str]) -> None:
        """Let the reviewer choose each conflicting field, then confirm the validation."""

        def chosen(choices: dict[str, str] | None) -> None:
            if choices is not None:
                self.confirm_approve(name, {**resolutions, **choices})

        self.app.push_screen(ConflictDialog(conflicts), chosen)

    def confirm_approve(self, name: str, resolutions: dict[str, str]) -> None:
        item = self.current()
        target = item.target if item is not None and item.name == name else ""

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.notify(formatted(strings.APPROVE_RUNNING, name=name))
                self.run_approve(name, resolutions, self.shown_tip(name))

        self.app.push_screen(ConfirmDialog(strings.APPROVE_TITLE, formatted(strings.APPROVE_QUESTION, name=name,
                                                                                                   target=target),
                                           strings.APPROVE_YES, strings.CANCEL), answered)

    def shown_tip(self, name: str) -> str | None:
        """Return the tip of ``name`` as this screen showed it (what an approval must merge, nothing newer)."""
        items = self.queue.items if self.queue else []
        return next((item.tip for item in items if item.name == name), None)

    @work(thread=True, exclusive=True, group="review-decision", exit_on_error=False)
    def run_approve(self, name: str, resolutions: dict[str, str], tip: str | None = None) -> None:
        """Signed merge, verification and push in a worker; new conflicts go back to the dialog."""
        from store.review.reviews import UnresolvedConflicts

        try:
            done = workflow_data.approve(self.session.commons, name, resolutions, tip=tip)
        except UnresolvedConflicts as error:
            self.app.call_from_thread(self.ask_conflicts, name, error.plan.conflicts, resolutions)
            return
        self.app.call_from_thread(self.approved, name, done)

    def approved(self, name: str, done) -> None:
        message = formatted(strings.APPROVED, name=name, target=done.target, commit=done.commit[:10])
        self.app.notify(message + " " + (strings.APPROVED_PUSHED if done.pushed else strings.APPROVED_LOCAL),
                        timeout=8)
        self.load_queue(remote=False)
        self.app.reload_session()

    # --- Demander des modifications, Refuser ------------------------------------------------

    def _records_of(self, item) -> list[str]:
        preview = self.queue.previews.get(item.name) if self.queue else None
        plan = preview or item.plan
        if plan is not None and plan.changes:
            return sorted(plan.changes)
        return sorted(layout.id_of(p) for p in (plan.touched if plan else []) if p.endswith(".toml"))

    def _decide(self, decision: Decision, title: str) -> None:
        item = self.current()
        if item is None:
            return

        def written(result: tuple[str, dict[str, str]] | None) -> None:
            if result is not None:
                self.run_decide(item.name, decision, *result)

        self.app.push_screen(ReviewNoteDialog(title, item.name, self._records_of(item)), written)

    def action_request_changes(self) -> None:
        self._decide(Decision.CHANGES, strings.NOTE_CHANGES_TITLE)

    def action_refuse(self) -> None:
        self._decide(Decision.REFUSE, strings.NOTE_REFUSE_TITLE)

    @work(thread=True, exclusive=True, group="review-decision", exit_on_error=False)
    def run_decide(self, name: str, decision: Decision, message: str, records: dict[str, str]) -> None:
        """Write (and push) the review note in a worker."""
        self.session.commons.review.decide(name, decision, message, records=records, tip=self.shown_tip(name))
        self.app.call_from_thread(self.decided, name, decision)

    def decided(self, name: str, decision: Decision) -> None:
        text = strings.NOTE_SENT_CHANGES if decision == Decision.CHANGES else strings.NOTE_SENT_REFUSE
        self.app.notify(formatted(text, name=name))
        self.load_queue(remote=False)
        self.app.reload_session()
