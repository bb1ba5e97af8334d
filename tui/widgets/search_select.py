"""Provides SearchSelect, a Select that finds its option as you type, accents and case ignored.

Textual's type-to-search only reads ``str`` and ``Text`` prompts (ours are
``Content``, never markup) and only once the list is open. Here a printable
key typed on the closed select opens it and starts the search, and « cre »
finds « Créteil ».
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.app import ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents (« Créteil » → « creteil »)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class SearchOverlay(SelectOverlay):
    """The open list: an option whose label starts with the typed text wins, then the earliest match."""

    _seeded = False

    def __init__(self, type_to_search: bool = True) -> None:
        super().__init__(type_to_search)
        # Textual forgets the letters typed after 0.7 s: too short for a teacher looking for « Besançon ».
        self._search_reset_delay = 2.0

    def type_ahead(self, character: str) -> None:
        """Add ``character`` to the search (typed on the select before this list had the focus)."""
        self._seeded = True
        self._search_reset_timer.reset()
        self._search_query += character
        index = self._find_search_match(self._search_query)
        if index is not None:
            self.select(index)

    def watch_has_focus(self, value: bool) -> None:
        query, seeded = self._search_query, self._seeded
        self._seeded = False
        super().watch_has_focus(value)
        if value and seeded:
            self._search_query = query  # the letters that opened the list are the start of the search

    def _find_search_match(self, query: str) -> int | None:
        wanted = fold(query)
        best: int | None = None
        best_position: int | None = None
        for index, option in enumerate(self._options):
            prompt = option.prompt
            label = fold(getattr(prompt, "plain", prompt) if not isinstance(prompt, str) else prompt)
            position = label.find(wanted)
            if position != -1 and (best_position is None or position < best_position):
                best, best_position = index, position
        return best


class SearchSelect(Select):
    """A select that opens on the first letter typed and jumps to the option that matches."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield SearchOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def on_key(self, event: events.Key) -> None:
        if self.expanded and event.key == "enter":
            # Typed right after the letters, before the open list had the focus: choose what they found.
            event.stop()
            event.prevent_default()
            self.query_one(SearchOverlay).action_select()
            return
        if not event.is_printable or not event.character or (event.character == " " and not self.expanded):
            return
        event.stop()
        event.prevent_default()
        if not self.expanded:
            self.action_show_overlay()
        # Until the open list has the focus, the letters typed arrive here: they go on searching.
        self.query_one(SearchOverlay).type_ahead(event.character)
