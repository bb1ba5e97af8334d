"""Provides WorkflowActions, the application's actions for review, contributions, sync, export and states.

A mixin of :class:`tui.app.TraamApp`, so that the app stays an assembler:
each action opens a screen or a dialog, and the git work runs in thread
workers whose failures become the app's French error dialog.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding

from tui import strings
from tui.branch_actions import BranchActions
from tui.messages import ProblemsChecked, SessionLoaded, StatesLoaded
from tui.safe import formatted
from tui.session import Session

if TYPE_CHECKING:
    from store.commons import Commons
    from store.review.reviews import Contribution

WORKFLOW_BINDINGS = [
    Binding("4", "switch_mode('review')", strings.KEY_REVIEW, id="app.review"),
    Binding("5", "switch_mode('contribution')", strings.KEY_CONTRIBUTION, id="app.contribution"),
    Binding("c", "contrib_start", strings.KEY_CONTRIB_START, show=False, id="app.contrib_start"),
    Binding("p", "submit", strings.KEY_SUBMIT, show=False, id="app.submit"),
    Binding("s", "sync", strings.KEY_SYNC, show=False, id="app.sync"),
    Binding("x", "export", strings.KEY_EXPORT, show=False, id="app.export"),
    Binding("b", "branches", strings.KEY_BRANCHES, show=False, id="app.branches"),
    Binding("6", "problems", strings.KEY_PROBLEMS, show=False, id="app.problems"),
]
"""Bindings the application adds for these actions (ids remappable in touches.toml)."""


class WorkflowActions(BranchActions):
    """Actions of issues 5, 6 and 7 for :class:`tui.app.TraamApp`."""

    session: Session | None

    # --- validation states: derived after the first paint ------------------------------

    @work(thread=True, exclusive=True, group="states", exit_on_error=False)
    def derive_states(self, session: Session) -> None:
        """Derive the validation states (and the author's review comments) in a worker; « — » until then.

        The explorer's sorted lists are computed here too, off the UI thread, after the first paint.
        """
        session.prepare()
        states = session.load_states()
        self.post_message(StatesLoaded(session, states, session.commons.contribution.author_notes()))

    def on_states_loaded(self, message: StatesLoaded) -> None:
        if self.session is None or message.session.snapshot is not self.session.snapshot:
            return  # a newer session is on its way and will get its own states
        self.session = self.session.with_states(message.states, message.notes)
        self._refresh_screen()

    def _refresh_screen(self) -> None:
        refresh = getattr(self.screen, "_refresh_if_needed", None)
        if refresh is not None:
            refresh()

    # --- problems: the validator of ``traam validate``, run on the whole commons in a worker -----------

    @work(thread=True, exclusive=True, group="problems", exit_on_error=False)
    def check_problems(self, session: Session) -> None:
        """Find every problem of the commons (files and rules across records), as ``traam validate`` does."""
        self.post_message(ProblemsChecked(session.snapshot, session.check_problems()))

    def on_problems_checked(self, message: ProblemsChecked) -> None:
        if self.session is None or message.snapshot is not self.session.snapshot:
            return  # checked an older snapshot: the newer one is being checked
        self.session = self.session.with_problems(message.problems)
        self._refresh_screen()

    def action_problems(self) -> None:
        """Show every problem of the commons (the list ``traam validate`` prints)."""
        from tui.screens.problems import ProblemsScreen

        if self.session is not None and not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen())

    def _editing(self) -> bool:
        """Tell (and say) whether a form with unsaved changes is open: git work would change its files."""
        from tui.screens.edit import EditScreen

        if any(isinstance(screen, EditScreen) and screen.dirty for screen in self.screen_stack):
            self.notify(strings.UNSAVED_FIRST, severity="warning")
            return True
        return False

    # --- contributions -------------------------------------------------------------------

    def action_contrib_start(self) -> None:
        if self.session is None or self._editing():
            return
        self.read_academie(self.session.commons)

    @work(thread=True, exclusive=True, group="contribution", exit_on_error=False)
    def read_academie(self, commons: Commons) -> None:
        """Read the configured académie (a git call) before asking for the contribution's name."""
        academie = commons.contribution.academie()
        self.call_from_thread(self._ask_contribution, commons, academie)

    def _ask_contribution(self, commons: Commons, academie: str) -> None:
        from tui.dialogs.contrib_dialog import NewContributionDialog

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer:
                self.start_contribution(commons, *answer)

        self.push_screen(NewContributionDialog(academie), chosen)

    @work(thread=True, exclusive=True, group="contribution", exit_on_error=False)
    def start_contribution(self, commons: Commons, academie: str, slug: str) -> None:
        """Create and check out the contribution branch, then re-read the commons."""
        branch = commons.contribution.start(slug, academie)
        self._reload_after(formatted(strings.CONTRIB_CREATED, branch=branch))

    def action_submit(self) -> None:
        if self.session is not None:
            self.read_contribution(self.session.commons)

    @work(thread=True, exclusive=True, group="contribution", exit_on_error=False)
    def read_contribution(self, commons: Commons) -> None:
        """Find the branch, remote and forge before asking how to submit."""
        from store.errors import StoreError

        info = commons.contribution.current()
        if not info.is_contribution:
            raise StoreError(formatted(strings.NOT_A_CONTRIBUTION, branch=info.branch or "HEAD"))
        if not info.remote:
            raise StoreError(strings.SUBMIT_NO_REMOTE)
        commons.contribution.check_submittable(info.remote)
        self.call_from_thread(self._ask_submit, commons, info)

    def _ask_submit(self, commons: Commons, info: Contribution) -> None:
        from tui.dialogs.submit_dialog import SubmitDialog

        def chosen(options: dict | None) -> None:
            if options is not None:
                self.submit_contribution(commons, options)

        self.push_screen(SubmitDialog(info.branch, info.remote, f"academie/{info.academie}", info.gitlab), chosen)

    @work(thread=True, exclusive=True, group="contribution", exit_on_error=False)
    def submit_contribution(self, commons: Commons, options: dict) -> None:
        """Push the contribution (merge request by push options when asked), then re-read the states."""
        done = commons.contribution.submit(merge_request=options["merge_request"], title=options["title"],
                              description=options["description"])
        text = formatted(strings.SUBMITTED, branch=done.branch, remote=done.remote, target=done.target)
        self._reload_after(text + (" " + strings.SUBMITTED_MR if done.push_options else ""))

    def _reload_after(self, notice: str) -> None:
        """From a worker: re-read the commons, hand it to the app, then tell the user ``notice``."""
        session = self.session.reload(states=False)
        self.post_message(SessionLoaded(session))
        self.call_from_thread(self.notify, notice, timeout=8)

    # --- sync and export --------------------------------------------------------------------

    def action_sync(self) -> None:
        from tui.screens.sync import SyncScreen

        if self.session is not None and not isinstance(self.screen, SyncScreen) and not self._editing():
            self.push_screen(SyncScreen())

    def action_export(self) -> None:
        from tui.dialogs.export_dialog import ExportDialog

        if self.session is not None:
            self.push_screen(ExportDialog([e.campaign for e in self.session.campaigns()]))

    # --- command palette ------------------------------------------------------------------------

    def workflow_commands(self) -> Iterable[SystemCommand]:
        """Return the palette commands of these actions."""
        palette = strings.WORKFLOW_PALETTE
        yield SystemCommand(*palette["review"], partial(self.switch_mode, "review"))
        yield SystemCommand(*palette["contribution"], partial(self.switch_mode, "contribution"))
        yield SystemCommand(*palette["contrib_start"], self.action_contrib_start)
        yield SystemCommand(*palette["submit"], self.action_submit)
        yield SystemCommand(*palette["sync"], self.action_sync)
        yield SystemCommand(*palette["export"], self.action_export)
        yield SystemCommand(strings.BRANCHES, strings.BRANCHES_PALETTE, self.action_branches)
        yield SystemCommand(strings.PROBLEMS, strings.PROBLEMS_PALETTE, self.action_problems)
