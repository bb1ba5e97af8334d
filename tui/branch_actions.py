"""Provides BranchActions: the current branch in the header, outside switches followed, the switcher, save guards.

A mixin of :class:`tui.app.TraamApp` (through :class:`tui.workflow.WorkflowActions`).
The header's subtitle always says the branch and how it stands against its
remote. A timer stats ``HEAD`` every two seconds (no git call while it does
not change) and re-reads the commons after a switch made outside traam.
Saving runs two guards first: a git identity (asked once, in French) and a
contribution branch (a save on ``main`` or ``academie/*`` starts one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work

from tui import strings
from tui.messages import SessionLoaded
from tui.safe import plain

POLL_SECONDS = 2.0
REFRESH_EVERY = 10
"""Polls between two ahead/behind refreshes while HEAD does not move (refs move on fetches)."""


def branch_label(tracking) -> str:
    """Return the header's branch text: ``⎇ branch ↑ahead ↓behind remote/branch`` (sanitised)."""
    if tracking is None:
        return ""
    name = plain(tracking.branch) if tracking.branch else strings.BRANCH_DETACHED
    if not tracking.branch:
        return f"⎇ {name}"
    if not tracking.upstream:
        return f"⎇ {name} ({strings.BRANCH_NO_UPSTREAM})"
    return f"⎇ {name} " + strings.BRANCH_AHEAD_BEHIND.format(ahead=tracking.ahead, behind=tracking.behind,
                                                             upstream=plain(tracking.upstream))


class BranchActions:
    """Branch display, outside-switch following, the branch switcher and the save guards."""

    commons_name: str = ""
    tracking = None
    _head_stamp: tuple[int, int] | None = None
    _polls = 0
    _reading_head = False

    # --- the header's branch ------------------------------------------------------------

    def show_branch(self, tracking) -> None:
        """Show ``tracking`` in the header (every screen's subtitle) and start following HEAD."""
        self.tracking = tracking
        name = self.commons_name or strings.APP_SUBTITLE
        label = branch_label(tracking)
        self.sub_title = f"{name} · {label}" if label else name
        if getattr(self, "_head_timer", None) is None:
            self._head_timer = self.set_interval(POLL_SECONDS, self._poll_head)

    def _poll_head(self) -> None:
        # Never cancel a running read (a cancelled worker fails whoever waits for it): skip this tick.
        if self.session is not None and not self._reading_head:
            self._reading_head = True
            self.read_head(Path(self.session.commons.root))

    @work(thread=True, group="branch-follow", exit_on_error=False)
    def read_head(self, root: Path, force: bool = False) -> None:
        """Stat ``HEAD``; when it moved (or now and then, for fetches), read the branch and its counts."""
        try:
            self._read_head(root, force)
        finally:
            self._reading_head = False

    def _branches(self):
        """The open commons' branches (the store's :class:`store.branching.Branches`)."""
        return self.session.commons.branches

    def _read_head(self, root: Path, force: bool) -> None:
        branches = self._branches()
        stamp = branches.head_stamp()
        self._polls += 1
        if not force and stamp == self._head_stamp and self._polls % REFRESH_EVERY:
            return
        self._head_stamp = stamp
        tracking = branches.tracking()
        self.call_from_thread(self._branch_read, tracking)

    def _branch_read(self, tracking) -> None:
        before = self.tracking
        if tracking == before:
            return
        self.show_branch(tracking)
        if before is not None and tracking.branch != before.branch and not self._editing():
            self.notify(strings.BRANCH_CHANGED.format(branch=plain(tracking.branch or strings.BRANCH_DETACHED)))
            self.reload_session()

    # --- the switcher -------------------------------------------------------------------------

    def action_branches(self) -> None:
        from tui.screens.branches import BranchesScreen

        if self.session is not None and not isinstance(self.screen, BranchesScreen) and not self._editing():
            self.push_screen(BranchesScreen())

    @work(thread=True, exclusive=True, group="branch-switch", exit_on_error=False)
    def switch_branch(self, root: Path, choice) -> None:
        """Check out the chosen branch, then re-read the commons (refused with unsaved changes)."""
        branches = self._branches()
        branches.switch(choice)
        self._head_stamp = branches.head_stamp()
        session = self.session.reload(states=False)
        self.post_message(SessionLoaded(session))
        self.call_from_thread(self.notify, strings.BRANCH_SWITCHED.format(branch=plain(choice.name)))

    # --- guards before saving ------------------------------------------------------------------

    def guard_save(self, record_id: str, proceed: Callable[[], None]) -> None:
        """Make sure git knows who saves and that the save lands on a contribution, then ``proceed()``."""
        if self.session is not None:
            self.read_save_context(Path(self.session.commons.root), record_id, proceed)

    @work(thread=True, exclusive=True, group="save-guard", exit_on_error=False)
    def read_save_context(self, root: Path, record_id: str, proceed: Callable[[], None]) -> None:
        """Read the branch, the identity and the contribution a save would start (git calls)."""
        from store import branching

        branches = self._branches()
        branch = branches.current()
        academie = branching.academie_of(record_id) or self.session.commons.contribution.academie()
        slug = branches.free_slug(academie, branching.slug_for(record_id)) if academie else \
            branching.slug_for(record_id)
        context = {"branch": branch, "identity": branches.identity(), "academie": academie, "slug": slug,
                   "protected": branches.is_protected(branch)}
        self.call_from_thread(self._ask_identity, root, context, proceed)

    def _ask_identity(self, root: Path, context: dict, proceed: Callable[[], None]) -> None:
        from tui.dialogs.identity_dialog import IdentityDialog

        name, email = context["identity"]
        if name and email:
            self._ask_contribution_for_save(root, context, proceed)
            return

        def answered(answer: tuple[str, str] | None) -> None:
            if answer is None:
                self.notify(strings.SAVE_CANCELLED, severity="warning")
            else:
                self.set_identity(root, answer, context, proceed)

        self.push_screen(IdentityDialog(name, email), answered)

    @work(thread=True, exclusive=True, group="save-guard", exit_on_error=False)
    def set_identity(self, root: Path, answer: tuple[str, str], context: dict, proceed: Callable[[], None]) -> None:
        self._branches().set_identity(*answer)
        self.call_from_thread(self.notify, strings.IDENTITY_SET.format(name=plain(answer[0]), email=plain(answer[1])))
        self.call_from_thread(self._ask_contribution_for_save, root, context, proceed)

    def _ask_contribution_for_save(self, root: Path, context: dict, proceed: Callable[[], None]) -> None:
        from tui.dialogs.contrib_dialog import NewContributionDialog

        if not context["protected"]:
            proceed()
            return

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is None:
                self.notify(strings.SAVE_CANCELLED, severity="warning")
            else:
                self.start_contribution_then(root, *answer, proceed)

        help_text = strings.SAVE_ON_VALIDATION_HELP.format(branch=plain(context["branch"]))
        self.push_screen(NewContributionDialog(context["academie"], slug=context["slug"],
                                               title=strings.SAVE_ON_VALIDATION_TITLE, help_text=help_text,
                                               confirm=strings.SAVE_ON_VALIDATION_OK), chosen)

    @work(thread=True, exclusive=True, group="save-guard", exit_on_error=False)
    def start_contribution_then(self, root: Path, academie: str, slug: str, proceed: Callable[[], None]) -> None:
        """Create and check out the contribution, then carry on saving there."""
        branch = self.session.commons.contribution.start(slug, academie)
        branches = self._branches()
        self._head_stamp = branches.head_stamp()
        tracking = branches.tracking()
        self.call_from_thread(self.show_branch, tracking)
        self.call_from_thread(self.notify, strings.CONTRIB_CREATED.format(branch=plain(branch)))
        self.call_from_thread(proceed)
