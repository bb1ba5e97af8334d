"""Provides TraamApp, the terminal application (an assembler of screens), and ``run_app(path)``."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import work
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.keys import key_to_character
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui import preferences, strings
from tui.dialogs.error_dialog import ErrorDialog, french_message
from tui.keymap import check_keymap
from tui.messages import LoadProgress, SessionLoaded, WorkFailed
from tui.palette import FoldedCommands, FoldedThemes, FrenchPalette
from tui.safe import plain
from tui.screens.base import SessionScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.loading import LoadingScreen
from tui.session import Session
from tui.workflow import WORKFLOW_BINDINGS, WorkflowActions


def _module_of(module: str) -> str:
    """Return the dotted module of a screen (``tui.screens``) or of a modal dialog (``tui.dialogs``)."""
    return f"tui.{'dialogs' if module.endswith('_dialog') else 'screens'}.{module}"


def _screen(module: str, name: str):
    """Return the class of a screen or dialog, imported on first use (the dashboard paints before the others load)."""
    return getattr(importlib.import_module(_module_of(module)), name)


def _is_screen(screen: Screen, module: str, name: str) -> bool:
    """Tell whether ``screen`` is that screen class, without importing a module no screen has needed yet."""
    cls = getattr(sys.modules.get(_module_of(module)), name, None)
    return cls is not None and isinstance(screen, cls)


def _mode(module: str, name: str):
    """Return a factory of a mode's screen for ``MODES``, importing it when the mode is first shown."""
    return lambda: _screen(module, name)()


class TraamApp(WorkflowActions, App):
    """traam in the terminal: dashboard, explorer and search modes; records open in pushed screens."""

    TITLE = strings.APP_TITLE
    SUB_TITLE = strings.APP_SUBTITLE
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = {FoldedCommands}
    MODES = {"dashboard": DashboardScreen, "explorer": _mode("explorer", "ExplorerScreen"),
             "search": _mode("search", "SearchScreen"), "review": _mode("review", "ReviewScreen"),
             "contribution": _mode("contribution", "ContributionScreen")}
    BINDINGS = [
        Binding("f1,question_mark", "help", strings.KEY_HELP, id="app.help"),
        Binding("1", "switch_mode('dashboard')", strings.KEY_DASHBOARD, id="app.dashboard"),
        Binding("2", "switch_mode('explorer')", strings.KEY_EXPLORER, id="app.explorer"),
        Binding("slash,3", "search", strings.KEY_SEARCH, id="app.search"),
        Binding("n", "new", strings.KEY_NEW, id="app.new"),
        Binding("ctrl+r", "reload", strings.KEY_RELOAD, id="app.reload"),
        Binding("q", "quit", strings.KEY_QUIT, id="app.quit"),
        *WORKFLOW_BINDINGS,
    ]

    def __init__(self, path: str | Path = ".", *, today: dt.date | None = None, preload=None) -> None:
        super().__init__()
        self.path = Path(path)
        self.today = today
        self._session: Session | None = None
        self._preload = preload
        self._single_keys = single_key_actions(self)
        """The app's actions that only a printable key reaches (see :meth:`check_action`)."""
        """A :class:`tui.preload.Preload` already reading this commons, or None."""

    @property
    def session(self) -> Session | None:
        """The open commons as the screens see it (None while loading)."""
        return self._session

    @session.setter
    def session(self, session: Session | None) -> None:
        # Once its states are known (the searcher needs them for etat:), a session gets its searcher
        # warmed off the UI thread, so that the first keystroke costs what the others cost.
        self._session = session
        if session is not None and session.states is not None and session._searcher is None:
            self.warm_search(session)

    @work(thread=True, group="warm-search", exit_on_error=False)
    def warm_search(self, session: Session) -> None:
        """Build the search index of ``session`` in a worker."""
        session.warm_search()

    # --- loading --------------------------------------------------------------------

    def on_mount(self) -> None:
        saved = preferences.load().get("theme")
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        keymap, problems = user_keymap(type(self))
        self.set_keymap(keymap)
        for problem in problems:  # a wrong touches.toml is said, in French; what is right still applies
            self.notify(problem, title=strings.KEYMAP_PROBLEM, severity="warning", timeout=12)
        self.push_screen(LoadingScreen(str(self.path.resolve())))
        self.load_session()

    def _remember_theme(self, theme) -> None:
        """Keep the theme chosen (palette, Ctrl+P) for the next launch."""
        if not preferences.save(theme=theme.name):
            self.notify(strings.PREFERENCES_NOT_SAVED, severity="warning")

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_session(self) -> None:
        """Open and read the commons in a worker; progress and the result come back as messages."""
        step = {"next": 0}

        def progress(done: int, total: int) -> None:
            # The store may report every record: post at most ~100 messages per load.
            if done >= step["next"] or done == total:
                step["next"] = done + max(1, total // 100)
                self.post_message(LoadProgress(done, total))

        preload, self._preload = self._preload, None
        try:
            if preload is not None:
                session = preload.result(progress)
            else:
                session = Session.open(self.path, progress=progress, today=self.today, states=False)
        except Exception as error:  # noqa: BLE001 - every failure becomes a French dialog
            self.post_message(WorkFailed(french_message(error), fatal=True))
            return
        self.post_message(SessionLoaded(session, first=True))

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def reload_session(self) -> None:
        """Re-read the commons (after a save, or Ctrl+R) in a worker."""
        if self.session is not None:
            self.post_message(SessionLoaded(self.session.reload(states=False)))

    def on_load_progress(self, message: LoadProgress) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.progress(message.done, message.total)

    async def on_session_loaded(self, message: SessionLoaded) -> None:
        session = self.session = message.session
        manifest = session.snapshot.record("traam")
        if manifest is not None:
            self.commons_name = plain(manifest.name)
        self.show_branch(session.tracking)
        if message.first:
            self.pop_screen()
            await self.switch_mode("dashboard")
            # The states and the validator are seconds of work in threads that would share the interpreter
            # with the first paint: they start once the dashboard is on screen.
            self.call_after_refresh(self._complete, session)
            return
        self._complete(session)
        screen = self.screen
        if isinstance(screen, SessionScreen):
            screen._refresh_if_needed()

    def _complete(self, session: Session) -> None:
        """Derive what a session loaded without it still lacks (states, every problem), in workers."""
        if session.states is None:
            self.derive_states(session)
        if session.problems is None:
            self.check_problems(session)

    def on_work_failed(self, message: WorkFailed) -> None:
        self.show_error(message.message, fatal=message.fatal)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The one place where a failed worker becomes a dialog (never a traceback).
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.show_error(french_message(event.worker.error))

    def show_error(self, message: str, fatal: bool = False) -> None:
        """Show a French error in a dialog; ``fatal`` quits (exit code 1) once it is closed."""
        self.push_screen(ErrorDialog(message), (lambda _: self.exit(return_code=1)) if fatal else None)

    # --- navigation ----------------------------------------------------------------------

    def open_record(self, record_id: str) -> None:
        """Show a record full screen."""
        self.push_screen(_screen("record_screen", "RecordScreen")(record_id))

    def open_editor(self, record_id: str, raw: bool = False) -> None:
        """Open the form of a record (``raw``: straight into $EDITOR)."""
        entry = self.session.entries.get(record_id) if self.session else None
        kind = entry.kind if entry else None
        if kind not in ("campaign", "theme", "team", "scenario", "governance", "manifest"):
            from records import layout

            try:
                kind = layout.locate(layout.path_of(record_id)).kind
            except layout.LayoutError as error:
                self.show_error(str(error))
                return
        self.push_screen(_screen("edit", "EditScreen")(record_id, kind, raw=raw))

    def open_history(self, record_id: str) -> None:
        """Show the history of a record."""
        self.push_screen(_screen("history", "HistoryScreen")(record_id))

    def get_key_display(self, binding: Binding) -> str:
        """Name keys in French everywhere (footer, help): Échap, PgPréc, Entrée…"""
        if binding.key_display:
            return binding.key_display
        *modifiers, base = binding.key.split("+")
        if base in strings.KEY_NAMES:
            return "+".join([m.capitalize() for m in modifiers] + [strings.KEY_NAMES[base]])
        return super().get_key_display(binding)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Show a toast; markup is OFF by default because messages carry record and git text (SECURITY.md, fact 1)."""
        from records.text import printable

        super().notify(printable(message, multiline=True), title=printable(title), severity=severity,
                       timeout=timeout, markup=markup)

    def action_help(self) -> None:
        help_screen = _screen("help", "HelpScreen")
        if not isinstance(self.screen, help_screen):
            self.push_screen(help_screen())

    async def action_search(self) -> None:
        # The search mode keeps its own stack: a record opened from a result stays on it. `/` always
        # means « type a query », so the screens above the search screen are closed (never a dirty form).
        await self.switch_mode("search")
        while len(self.screen_stack) > 1 and not _is_screen(self.screen, "search", "SearchScreen"):
            if _is_screen(self.screen, "edit", "EditScreen") and self.screen.dirty:
                self.notify(strings.SEARCH_FORM_OPEN, severity="warning")
                return
            await self.pop_screen()
        if _is_screen(self.screen, "search", "SearchScreen") and self.screen.is_mounted:
            self.screen.action_focus_search()

    # --- single-key commands never act inside a form or a dialog (issue 13, item 2) ------------

    def holds_form(self) -> bool:
        """Tell whether the screen on top is a form or a dialog, where a typed letter is never a command."""
        screen = self.screen
        return screen.is_modal or getattr(screen, "HOLDS_FORM", False)

    def set_keymap(self, keymap) -> None:
        super().set_keymap(keymap)
        self._single_keys = single_key_actions(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.holds_form() and (action, parameters) in self._single_keys)

    def action_reload(self) -> None:
        self.reload_session()
        self.notify(strings.LOADING_COMMONS)

    def action_new(self) -> None:
        if self.session is None:
            return
        from records.templates import table as template

        campaign = self.session.current_campaign()

        def create(kind: str | None) -> None:
            if kind:
                code = campaign.code if campaign else ""
                self.push_screen(_screen("edit", "EditScreen")(None, kind, template=template(kind, campaign=code)))

        self.push_screen(_screen("new_dialog", "NewRecordDialog")(), create)

    async def action_quit(self) -> None:
        screen = self.screen
        if _is_screen(screen, "edit", "EditScreen") and screen.dirty:
            screen.action_leave()
            return
        self.exit()

    # --- command palette: every action ------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        palette = strings.PALETTE
        yield SystemCommand(*palette["dashboard"], partial(self.switch_mode, "dashboard"))
        yield SystemCommand(*palette["explorer"], partial(self.switch_mode, "explorer"))
        yield SystemCommand(*palette["search"], self.action_search)
        yield SystemCommand(*palette["new"], self.action_new)
        yield SystemCommand(*palette["reload"], self.action_reload)
        yield SystemCommand(*palette["help"], self.action_help)
        yield SystemCommand(*palette["theme"], self.action_change_theme)
        yield SystemCommand(*palette["quit"], self.action_quit)
        yield from self.workflow_commands()
        # Keys of the screen and its widgets: ours only (they carry an id and a French description),
        # once each; Textual's own (« Focus Next », « Copy selected text ») stay off the palette.
        seen = {"app"}
        titles: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.id or not binding.description or not active.enabled:
                continue
            if binding.id.split(".")[0] in seen or binding.description in titles:
                continue
            titles.add(binding.description)
            yield SystemCommand(binding.description, strings.PALETTE_KEY.format(key=self.get_key_display(binding)),
                                partial(self.call_later, self.run_action, binding.action, active.node))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not FrenchPalette.is_open(self):
            self.push_screen(FrenchPalette(id="--command-palette"))

    def search_themes(self) -> None:
        self.push_screen(FrenchPalette(providers=[FoldedThemes], placeholder=strings.PALETTE_THEMES))


def user_keymap(app_class: type) -> tuple[dict[str, str], list[str]]:
    """Return the user's ``touches.toml`` checked against every binding id, and its problems in French."""
    from tui.screens.help import binding_ids

    return check_keymap(known_ids=binding_ids(app_class))


def single_key_actions(app: App) -> set[tuple[str, tuple]]:
    """Return the app's ``(action, parameters)`` that only printable keys reach (keymap applied): off in forms."""
    keys_of: dict[tuple[str, tuple], list[str]] = {}
    for binding in app.BINDINGS:  # one Binding may hold several keys (« f1,question_mark »)
        keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
        _, name, parameters = parse_action(binding.action)
        action = (name, parameters)
        keys_of.setdefault(action, []).extend(k.strip() for k in keys.split(",") if k.strip())
    return {action for action, keys in keys_of.items() if keys and all(_printable(k) for k in keys)}


def _printable(key: str) -> bool:
    """Tell whether ``key`` types a character (``n``, ``3``, ``slash``), as opposed to F1, Ctrl+S, Escape."""
    character = "/" if key == "slash" else key_to_character(key)  # Textual names « / » slash, not SOLIDUS
    return character is not None and character.isprintable()


def run_app(path: str | Path = ".", *, today: dt.date | None = None, preload=None) -> int:
    """Run the application on the commons at ``path`` and return the exit code.

    ``preload``: a :class:`tui.preload.Preload` of the same commons started before importing this module.
    """
    app = TraamApp(path, today=today, preload=preload)
    app.run()
    return app.return_code or 0
