"""Provides the search keys of the records: padded titles, texts, and all of them joined for fast scans.

Titles are padded with a space at each end and their punctuation becomes a
space, so that ``" word"`` means "a title word starts here" (``l'eau``,
``Aix-Marseille``) and a whole word is ``" word "``, both found with plain
substring tests, which run at C speed.
"""

from __future__ import annotations

import string
from bisect import bisect_right
from itertools import accumulate

_SEPARATORS = str.maketrans({c: " " for c in string.punctuation + "’‘«»“”–—…·"})


def padded_title(title_key: str) -> str:
    """Return the title key with punctuation turned into spaces and a space at each end."""
    return f" {title_key.translate(_SEPARATORS)} "


class Joined:
    """Every record's padded title and text joined in one string, to find which records hold a needle."""

    __slots__ = ("text", "starts")

    def __init__(self, titles: list[str], texts: list[str]):
        self.text = "\n".join(map(str.__add__, titles, texts))
        self.starts = list(accumulate((len(t) + len(x) + 1 for t, x in zip(titles[:-1], texts)), initial=0))

    def find(self, needle: str) -> set[int]:
        """Return the indexes of the keys that hold ``needle`` (none for an empty needle)."""
        found: set[int] = set()
        if not needle:
            return found
        text, starts, find = self.text, self.starts, self.text.find
        last = len(starts) - 1
        at = find(needle)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            if index == last:
                break
            at = find(needle, starts[index + 1])
        return found
