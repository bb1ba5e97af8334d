"""Provides the highlighting of search hits: where the query words are in a title as written.

Search runs on folded keys (no case, no accents, spaces collapsed); the
interface highlights the original title, so positions are mapped back one
character at a time (``É`` folds to ``e``, ``œ`` to ``oe``, ``ß`` to ``ss``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD_CHAR = re.compile(r"\w")
_PIECES: dict[str, str] = {}
"""Folded form of each character seen, memoised (folding is per character)."""

Patterns = dict[str, re.Pattern[str] | None]
"""Typo pattern of each query word searched with typos (None: the word has no variant in the commons)."""


@lru_cache(maxsize=4096)
def fold_with_map(value: str) -> tuple[str, list[int]]:
    """Fold ``value`` like :func:`records.text.fold` and say where each folded character comes from.

    Returns:
        ``(folded, origin)`` where ``origin[k]`` is the index in ``value`` of
        the character that produced ``folded[k]`` (memoised: the same titles
        come back keystroke after keystroke; do not modify the list).
    """
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    for index, char in enumerate(value):
        piece = _PIECES.get(char)
        if piece is None:
            piece = unicodedata.normalize("NFKD", char.casefold())
            piece = "".join(c for c in piece if not unicodedata.combining(c)).replace("œ", "oe").replace("æ", "ae")
            if len(_PIECES) < 10_000:
                _PIECES[char] = piece
        for part in piece:
            if part.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                origin.append(index - 1)
                pending_space = False
            chars.append(part)
            origin.append(index)
    return "".join(chars), origin


def _find_all(key: str, word: str, word_start: bool) -> list[tuple[int, int]]:
    found = []
    at = key.find(word)
    while at >= 0:
        if not word_start or at == 0 or not _WORD_CHAR.match(key[at - 1]):
            found.append((at, at + len(word)))
        at = key.find(word, at + 1)
    return found


def title_spans(
    title: str, title_key: str, words: tuple[str, ...], patterns: Patterns | None = None
) -> tuple[tuple[int, int], ...]:
    """Return the ``(start, end)`` spans of the query words in ``title`` as written.

    Args:
        title: the title as written in the record.
        title_key: its folded form (``Entry.title_key``).
        words: folded query words; words under 3 letters only count at a word start.
        patterns: for words searched with typos, the regex of their variants.

    Returns:
        Sorted, disjoint spans; empty when the title cannot be mapped.
    """
    folded, origin = fold_with_map(title)
    if folded != title_key:
        return ()
    raw: list[tuple[int, int]] = []
    for word in words:
        found = _find_all(folded, word, word_start=len(word) < 3)
        pattern = (patterns or {}).get(word)
        if not found and pattern is not None:
            found = [m.span() for m in pattern.finditer(folded)]
        raw.extend(found)
    merged: list[list[int]] = []
    for start, end in sorted(raw):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((origin[start], origin[end - 1] + 1) for start, end in merged)
