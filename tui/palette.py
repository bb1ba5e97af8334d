"""Provides the command palette in French: its keys, its placeholder, and matching that ignores accents.

Textual's palette says « Search for commands… » and matches ``theme`` against
« Thème » letter for letter, so nothing is found. Here both the query and each
command name are folded one character for one (``é`` → ``e``, lower case), so the
highlight found on the folded name lands on the same characters of the real one.
"""

from __future__ import annotations

import unicodedata

from textual.binding import Binding
from textual.command import CommandPalette, Hit, Hits
from textual.content import Content
from textual.system_commands import SystemCommandsProvider
from textual.theme import ThemeProvider

from tui import strings


def fold_chars(text: str) -> str:
    """Lower ``text`` and drop its accents, one character for one (the length never changes)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0].lower()
        out.append(base if len(base) == 1 else char)
    return "".join(out)


def _search(provider, query: str, commands) -> Hits:
    matcher = provider.matcher(fold_chars(query))
    for name, help_text, callback in commands:
        if (score := matcher.match(fold_chars(name))) > 0:
            spans = matcher.highlight(fold_chars(name)).spans
            yield Hit(score, Content(name, spans=list(spans)), callback, help=help_text)


class FoldedCommands(SystemCommandsProvider):
    """The app's commands (see ``TraamApp.get_system_commands``), matched without regard to accents."""

    async def search(self, query: str) -> Hits:
        commands = [(name, help_text, callback) for name, help_text, callback, *_ in
                    self.app.get_system_commands(self.screen)]
        for hit in _search(self, query, commands):
            yield hit


class FoldedThemes(ThemeProvider):
    """The colour themes, matched without regard to accents."""

    async def search(self, query: str) -> Hits:
        for hit in _search(self, query, [(name, None, callback) for name, callback in self.commands]):
            yield hit


class FrenchPalette(CommandPalette):
    """The command palette, its keys described in French."""

    BINDINGS = [
        Binding("ctrl+end, shift+end", "command_list('last')", strings.PALETTE_LAST, show=False),
        Binding("ctrl+home, shift+home", "command_list('first')", strings.PALETTE_FIRST, show=False),
        Binding("down", "cursor_down", strings.PALETTE_NEXT, show=False),
        Binding("escape", "escape", strings.PALETTE_CLOSE),
        Binding("pagedown", "command_list('page_down')", strings.KEY_NEXT_PAGE, show=False),
        Binding("pageup", "command_list('page_up')", strings.KEY_PREV_PAGE, show=False),
        Binding("up", "command_list('cursor_up')", strings.PALETTE_PREVIOUS, show=False),
    ]

    def __init__(self, providers=None, *, placeholder: str = strings.PALETTE_PLACEHOLDER, **kwargs) -> None:
        super().__init__(providers=providers, placeholder=placeholder, **kwargs)
