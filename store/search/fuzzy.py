"""Provides typo tolerance for search: the words of the commons and their near neighbours.

A query word of 4 letters or more is allowed a small number of edits
(:func:`typo_budget`). Its *variants* are the words of the commons whose
start is within that many edits of it (optimal string alignment distance
between the word and a prefix of the same length, give or take the budget:
two swapped neighbours, ``escpae`` for ``escape``, count as one edit). Searching for the
variants as word starts is monotone: a longer word has fewer variants than its
prefix under the same budget, which is what lets search narrow incrementally.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

_WORD = re.compile(r"\w+")


def typo_budget(word: str) -> int:
    """Return how many edits a query word may differ by: 0 under 4 letters, 1 under 8, else 2."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


class Vocabulary:
    """The distinct words of the folded titles and texts, with their prefixes by length (built lazily)."""

    def __init__(self, words: Iterable[str]):
        """Keep the distinct words given (folded)."""
        self.words = sorted(set(words))
        self.joined = "\n".join(self.words)
        """Every word on its own line: ``needle in joined`` tells whether the commons holds it anywhere."""
        self._prefixes: dict[int, dict[str, list[str]]] = {}
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    @classmethod
    def of_tokens(cls, tokens: Iterable[bytes]) -> Vocabulary:
        """Collect the distinct words of distinct UTF-8 tokens (the regex sees each token once)."""
        return cls(word for token in tokens for word in _WORD.findall(token.decode("utf-8", "replace")))

    @classmethod
    def cached(cls, tokens: Callable[[], Iterable[bytes]], key: str, path: Path | None) -> Vocabulary:
        """Return the vocabulary of ``tokens()``, read from ``path`` when it was saved there for the same ``key``.

        The file is a cache file of :mod:`store.index.cachedir` (checked
        length and CRC, so a truncated list is rebuilt, never taken as a
        short vocabulary) holding the key, then one word a line; any problem
        reading or writing it only costs the rebuild.
        """
        from store.index import cachedir

        if path is not None:
            body = cachedir.read(path)
            try:
                lines = bytes(body).decode("utf-8").split("\n") if body is not None else []
            except UnicodeDecodeError:
                lines = []
            if lines and lines[0] == key:
                return cls(w for w in lines[1:] if w)
        vocabulary = cls.of_tokens(tokens())
        if path is not None:
            cachedir.write(path, "\n".join([key, *vocabulary.words]).encode("utf-8"))
        return vocabulary

    def __len__(self) -> int:
        return len(self.words)

    def _by_prefix(self, length: int) -> dict[str, list[str]]:
        table = self._prefixes.get(length)
        if table is None:
            table = {}
            for word in self.words:
                if len(word) >= length:
                    table.setdefault(word[:length], []).append(word)
            self._prefixes[length] = table
        return table

    def variants(self, word: str) -> list[str]:
        """Return the words of the commons whose start is within the typo budget of ``word``."""
        budget = typo_budget(word)
        if not budget:
            return []
        found: set[str] = set()
        for length in range(max(1, len(word) - budget), len(word) + budget + 1):
            table = self._by_prefix(length)
            matches = process.extract(
                word, list(table), scorer=OSA.distance, score_cutoff=budget, limit=None
            )
            for prefix, _distance, _index in matches:
                found.update(table[prefix])
        return sorted(found)

    def pattern(self, word: str) -> re.Pattern[str] | None:
        """Return a regex finding any variant of ``word`` as a whole word, or None when it has none."""
        if word not in self._patterns:
            variants = self.variants(word)
            if not variants:
                self._patterns[word] = None
            else:
                alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
                self._patterns[word] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        return self._patterns[word]
