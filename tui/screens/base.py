"""Provides SessionScreen, the base of the screens that show the open commons and refresh when it reloads."""

from __future__ import annotations

from textual.screen import Screen

from tui.session import Session


class SessionScreen(Screen):
    """A screen fed by the app's session; ``show_session`` runs on mount and whenever the session changed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Session | None = None

    @property
    def session(self) -> Session | None:
        return getattr(self.app, "session", None)

    def on_mount(self) -> None:
        self._refresh_if_needed()

    def on_screen_resume(self) -> None:
        self._refresh_if_needed()

    def _refresh_if_needed(self) -> None:
        session = self.session
        if session is not None and session is not self._shown:
            self._shown = session
            self.show_session(session)

    def show_session(self, session: Session) -> None:
        """Fill the screen from ``session`` (subclasses)."""
        raise NotImplementedError
