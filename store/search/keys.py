"""Provides the search keys of the records: padded titles, texts, and all of them joined for fast scans.

Titles are padded with a space at each end and their punctuation becomes a
space, so that ``" word"`` means "a title word starts here" (``l'eau``,
``Aix-Marseille``) and a whole word is ``" word "``, both found with plain
substring tests, which run at C speed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_PUNCTUATION = re.compile(r"[^\w\s]")


_ASCII_PUNCTUATION = bytes(32 if c < 128 and _PUNCTUATION.match(chr(c)) else c for c in range(256))
"""Byte table turning ASCII punctuation (as :data:`_PUNCTUATION` sees it) into spaces, leaving UTF-8 alone."""


def padded_titles(title_keys: list[str]) -> list[str]:
    """Return the title keys with punctuation turned into spaces and a space at each end.

    ASCII punctuation is replaced in one ``bytes.translate`` over all titles
    joined (C speed); titles still holding other characters then go through
    the regular expression, one by one. Folded keys hold no newline, so the
    join is reversible.
    """
    if not title_keys:
        return []
    joined = " \n ".join(title_keys).encode("utf-8", "surrogatepass").translate(_ASCII_PUNCTUATION)
    lines = (" " + joined.decode("utf-8", "surrogatepass") + " ").split("\n")
    sub = _PUNCTUATION.sub
    return [line if line.isascii() else sub(" ", line) for line in lines]


class Joined:
    """Every record's padded title and text, UTF-8 encoded and joined, to find which records hold a needle.

    Bytes take one byte per character of folded French text, where a str
    holding a single ``’`` or ``–`` would take two for every character.
    """

    __slots__ = ("data", "starts")

    def __init__(self, titles: list[str], texts: list[str]):
        pieces = list(map(str.encode, map(str.__add__, titles, texts)))
        self.starts = list(accumulate((len(p) + 1 for p in pieces[:-1]), initial=0)) if pieces else []
        self.data = b"\n".join(pieces)

    def find(self, needle: str) -> set[int]:
        """Return the indexes of the keys that hold ``needle`` (none for an empty needle)."""
        found: set[int] = set()
        if not needle or not self.starts:
            return found
        starts, find = self.starts, self.data.find
        encoded = needle.encode()
        last = len(starts) - 1
        at = find(encoded)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            if index == last:
                break
            at = find(encoded, starts[index + 1])
        return found

    def count(self, needle: str, enough: int) -> int:
        """Return how many keys hold ``needle``, counting no further than ``enough``."""
        starts, find = self.starts, self.data.find
        encoded, count, last = needle.encode(), 0, len(starts) - 1
        at = find(encoded) if needle and starts else -1
        while at >= 0 and count < enough:
            count += 1
            index = bisect_right(starts, at) - 1
            if index == last:
                break
            at = find(encoded, starts[index + 1])
        return count

    def tokens(self, chunk: int = 1 << 20) -> set[bytes]:
        """Return the distinct space-separated tokens, splitting a chunk at a time to keep memory flat."""
        data, tokens, start = self.data, set(), 0
        while start < len(data):
            end = data.find(b"\n", start + chunk)
            end = len(data) if end < 0 else end
            tokens.update(data[start:end].split())
            start = end + 1
        return tokens
