"""Provides SyncScreen (Synchronisation): fetch upstream and merge it record by record, with progress and conflicts.

The fetch and the field-level merge (``commons.remotes.sync``) and the
re-read of the commons run in a thread worker; the steps, a progress bar
for the re-read and the conflicting fields of each file are shown. A merge
left with conflicts is finished here field by field (``commons.remotes.resolve``,
choices in :class:`ConflictDialog`) or aborted.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ProgressBar, Static

from tui import strings
from tui.dialogs.conflict_dialog import ConflictDialog
from tui.messages import SessionLoaded
from tui.safe import content, formatted, plain
from tui.screens.worker_errors import ReportsWorkerErrors


def render_conflicts(result) -> Content:
    """Return the conflicting files and fields of a sync result (sanitised)."""
    lines = [Content.styled(formatted(strings.SYNC_CONFLICTS, source=result.source, count=len(result.conflicts)),
                            "bold $warning")]
    for path, descriptions in sorted(result.conflicts.items()):
        lines.append(Content.assemble("  ", content(path, "bold")))
        lines.extend(Content.assemble("    ", content(line)) for line in descriptions)
    lines += [Content(""), Content.styled(strings.SYNC_CONFLICTS_HELP, "$text-muted")]
    return Content("\n").join(lines)


def render_following(follows, root: Path) -> Content:
    """Return which remote and branch a sync follows, and how to add ``upstream`` to a fork that lacks it."""
    if follows.remote is None:
        return Content.styled(formatted(strings.SYNC_NO_REMOTE, command=add_upstream_command(root)), "$text-warning")
    source = follows.source or f"{follows.remote}/{follows.branch or 'main'}"
    lines = [Content.assemble((strings.SYNC_FOLLOWS, "bold"), content(source, "bold"), " → ",
                              content(strings.SYNC_INTO.format(branch=follows.branch or "HEAD")))]
    if not follows.has_upstream:
        lines.append(Content.styled(formatted(strings.SYNC_NO_UPSTREAM, remote=follows.remote,
                                              command=add_upstream_command(root)), "$text-warning"))
    return Content("\n").join(lines)


def add_upstream_command(root: Path) -> str:
    """Return the exact command, run in the commons' folder, that makes a fork follow the commons it came from."""
    return f"git remote add upstream {strings.UPSTREAM_URL_PLACEHOLDER}"


class SyncScreen(ReportsWorkerErrors, Screen):
    """Run a sync on demand and report what it did."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    TITLE = strings.SYNC
    BINDINGS = [
        Binding("s,enter", "sync", strings.KEY_SYNC, id="sync.run"),
        Binding("r", "resolve", strings.KEY_RESOLVE, id="sync.resolve"),
        Binding("a", "abort", strings.KEY_ABORT_MERGE, id="sync.abort"),
        Binding("escape", "app.pop_screen", strings.KEY_BACK, id="sync.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.result = None
        self.running = False
        self.merging = False
        """A merge is in progress (left by this screen or by ``traam sync``): r resumes it, a aborts it."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="sync"):
            yield Static(Content(strings.SYNC_HELP), id="sync-help")
            yield Static(Content.styled(strings.SYNC_READING, "$text-muted"), id="sync-following")
            yield Label("", id="sync-status")
            yield ProgressBar(id="sync-progress", show_eta=False)
            yield Static("", id="sync-result")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.running = True
        self.read_state()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def read_state(self) -> None:
        """Read what a sync follows and whether a merge is already in progress (git calls, no network)."""
        remotes = self.app.session.commons.remotes
        self.app.call_from_thread(self.show_state, remotes.following(), remotes.pending_merge())

    def show_state(self, follows, pending) -> None:
        self.running = False
        self.query_one("#sync-following", Static).update(render_following(follows, self.root))
        if pending is not None:
            self.merging = True
            self.result = pending
            self.set_status(formatted(strings.SYNC_PENDING, source=pending.source), "bold $warning")
            self.query_one("#sync-result", Static).update(
                render_conflicts(pending) if pending.conflicts else Content.styled(strings.SYNC_PENDING_CLEAN, ""))

    @property
    def root(self) -> Path:
        return Path(self.app.session.commons.root)

    def set_status(self, text: str, style: str = "") -> None:
        self.query_one("#sync-status", Label).update(Content.styled(text, style) if style else Content(text))

    def set_progress(self, done: int, total: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)

    def action_sync(self) -> None:
        if self.running or self.app.session is None:
            return
        if self.merging:  # finish or abort the merge in progress first (never « git stash »)
            self.app.notify(strings.SYNC_FINISH_FIRST, severity="warning")
            return
        self.running = True
        self.query_one("#sync-result", Static).update("")
        self.set_status(strings.SYNC_FETCHING)
        self.run_sync()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def run_sync(self) -> None:
        """Fetch and merge upstream, then re-read the commons; the steps are shown as they happen."""
        result = self.app.session.commons.remotes.sync(transfer=lambda step: self.app.call_from_thread(
            self.set_status, strings.transfer_line(step)))
        self.app.call_from_thread(self.set_status, strings.SYNC_RELOADING)
        session = self.app.session.reload(
            progress=lambda done, total: self.app.call_from_thread(self.set_progress, done, total), states=False)
        self.app.post_message(SessionLoaded(session))
        self.app.call_from_thread(self.show_result, result)

    def worker_failed(self, worker) -> None:
        self.running = False
        self.query_one(ProgressBar).display = False
        self.set_status("")

    def show_result(self, result) -> None:
        self.running = False
        self.result = result
        self.query_one(ProgressBar).display = False
        if result.conflicts:
            self.merging = True
            self.set_status("")
            self.query_one("#sync-result", Static).update(render_conflicts(result))
        elif result.up_to_date:
            self.set_status(formatted(strings.SYNC_UP_TO_DATE, source=result.source), "$text-success")
        else:
            self.set_status(formatted(strings.SYNC_DONE, source=result.source, before=result.before[:10],
                                                     after=result.after[:10]), "$text-success")

    def action_resolve(self) -> None:
        if self.result is not None and (self.result.conflicts or self.merging) and not self.running:
            self.read_conflicts()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def read_conflicts(self) -> None:
        """Read the three versions of each conflicted record in a worker, then ask field by field."""
        found = self.app.session.commons.remotes.conflicts()
        self.app.call_from_thread(self.ask, found)

    def ask(self, found) -> None:
        if found.manual:
            self.set_status(strings.SYNC_MANUAL.format(paths=", ".join(plain(p) for p in found.manual)),
                            "$text-warning")
        if not found.fields:
            self.run_resolve({})
            return

        def chosen(choices: dict[str, str] | None) -> None:
            if choices is not None:
                self.run_resolve(choices)

        self.app.push_screen(ConflictDialog(found.fields, ours=strings.SYNC_KEEP_OURS, theirs=strings.SYNC_KEEP_THEIRS,
                                            help_text=strings.SYNC_CONFLICT_HELP), chosen)

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def run_resolve(self, choices: dict[str, str]) -> None:
        """Write the chosen values, stage them, commit the merge when nothing is left, re-read the commons."""
        commit = self.app.session.commons.remotes.resolve(choices)
        session = self.app.session.reload(states=False)
        self.app.post_message(SessionLoaded(session))
        if commit is not None:
            self.app.call_from_thread(self.resolved, commit)

    def resolved(self, commit: str) -> None:
        self.result = None
        self.merging = False
        self.query_one("#sync-result", Static).update("")
        self.set_status(strings.SYNC_RESOLVED.format(commit=commit[:10]), "$text-success")

    def action_abort(self) -> None:
        if self.result is not None and (self.result.conflicts or self.merging) and not self.running:
            self.run_abort()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def run_abort(self) -> None:
        """``git merge --abort`` in a worker, then re-read the commons."""
        self.app.session.commons.remotes.abort_merge()
        session = self.app.session.reload(states=False)
        self.app.post_message(SessionLoaded(session))
        self.app.call_from_thread(self.aborted)

    def aborted(self) -> None:
        self.result = None
        self.merging = False
        self.query_one("#sync-result", Static).update("")
        self.set_status(strings.SYNC_ABORTED, "$text-success")
