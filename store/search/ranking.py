"""Provides the ranking of search candidates: the class of each query word in a record, best records first.

Classes, best first: a whole word of the title (100), the start of a title
word (90), inside a title word (70), a title word within the typo budget
(60); then the same in the text — summary, keywords, tools, names (50, 45,
35, 30). A record's total is the sum over the query words. Candidates arrive
in tie-break order, so among equal totals the first one wins, and the best
``limit`` records can often be found without grading every candidate.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from itertools import islice

TITLE_WORD, TITLE_PREFIX, TITLE_INSIDE, TITLE_FUZZY = 100, 90, 70, 60
TEXT_WORD, TEXT_PREFIX, TEXT_INSIDE, TEXT_FUZZY = 50, 45, 35, 30

SHORT = 3
"""Words shorter than this only match the start of a title word."""
_WORD = re.compile(r"\w+")


class Grader:
    """Grades one query word in a record: the class of its best occurrence (see the module documentation)."""

    __slots__ = ("word", "short", "alone", "start", "whole", "inside", "pattern", "absent", "no_whole", "no_start")

    def __init__(self, word: str, pattern: re.Pattern[str] | None, absent: bool = False, words: list[str] | None = None):
        """Prepare the tests of one word.

        Args:
            word: the folded query word.
            pattern: regex of its typo variants, when it is searched with typos.
            absent: True when no record holds the word itself (only its variants can match).
            words: every distinct word of the commons, sorted, when known: then a tier that no record can
                fill (the word whole, or starting a word) is skipped instead of tested record by record.
        """
        self.word, self.pattern, self.absent = word, pattern, absent
        self.no_whole = self.no_start = False
        if words is not None and _WORD.fullmatch(word):
            at = bisect_left(words, word)
            self.no_start = at == len(words) or not words[at].startswith(word)
            self.no_whole = at == len(words) or words[at] != word
        self.short = len(word) < SHORT
        self.alone, self.start = f" {word} ", f" {word}"
        escaped = re.escape(word)
        self.whole = re.compile(rf"(?<!\w){escaped}(?!\w)").search
        self.inside = re.compile(rf"(?<!\w){escaped}").search

    def title_grade(self, title: str) -> int:
        """Return the class of the word in a padded title (60–100), 0 when absent."""
        if self.word in title:
            if self.alone in title:
                return TITLE_WORD
            return TITLE_PREFIX if self.start in title else TITLE_INSIDE
        if self.pattern is not None and self.pattern.search(title):
            return TITLE_FUZZY
        return 0

    def text_grade(self, text: str) -> int:
        """Return the class of the word in a text (30–50), 0 when absent (always for short words)."""
        if self.short:
            return 0
        if self.word in text:
            if self.whole(text):
                return TEXT_WORD
            return TEXT_PREFIX if self.inside(text) else TEXT_INSIDE
        if self.pattern is not None and self.pattern.search(text):
            return TEXT_FUZZY
        return 0



def rank(graders: list[Grader], candidates: list[int], titles: list[str], texts: list[str],
         limit: int | None) -> list[tuple[int, int]]:
    """Return ``(total, index)`` of the best candidates, best first (ties: lower index first).

    Args:
        graders: one per query word.
        candidates: record indexes, in tie-break order.
        titles: padded title keys by index; texts: text keys by index.
        limit: how many to return (None: all).
    """
    if len(graders) == 1 and limit is not None:
        buckets = _single_word(graders[0], candidates, titles, texts, limit)
    else:
        buckets = _several_words(graders, candidates, titles, texts, limit)
    ranked: list[tuple[int, int]] = []
    for total in sorted(buckets, reverse=True):
        if not total:
            continue  # cannot happen after filtering: every candidate holds every word
        chosen = sorted(buckets[total])
        if limit is not None:
            chosen = chosen[: limit - len(ranked)]
        ranked.extend((total, i) for i in chosen)
        if limit is not None and len(ranked) >= limit:
            break
    return ranked


def _single_word(matcher: Grader, candidates: list[int], titles: list[str], texts: list[str],
             limit: int) -> dict[int, list[int]]:
    """Grade one word tier by tier, best first, each tier a lazy C-speed filter stopped once ``limit`` is reached."""
    word, alone, start, pattern = matcher.word, matcher.alone, matcher.start, matcher.pattern
    tiers = [] if matcher.absent else [
        (TITLE_WORD, (i for i in candidates if alone in titles[i])),
        (TITLE_PREFIX, (i for i in candidates if start in titles[i] and alone not in titles[i])),
        (TITLE_INSIDE, (i for i in candidates if word in titles[i] and start not in titles[i])),
    ]
    if pattern is not None:
        search = pattern.search
        tiers.append((TITLE_FUZZY, (i for i in candidates if word not in titles[i] and search(titles[i]))))
    buckets: dict[int, list[int]] = defaultdict(list)
    found = 0
    for grade, tier in tiers:
        buckets[grade] = list(islice(tier, limit - found))
        found += len(buckets[grade])
        if found >= limit:
            return buckets
    if matcher.short:
        return buckets
    # The rest hold the word in their text only: graded tier by tier too, so that a common word stops
    # after ``limit`` records instead of running the text patterns over every candidate.
    if pattern is None:
        rest = [i for i in candidates if word not in titles[i]]
    else:
        rest = [i for i in candidates if word not in titles[i] and not pattern.search(titles[i])]
    # A tier that no word of the commons can fill is skipped (Grader.no_whole, Grader.no_start).
    whole, inside = (lambda _text: None) if matcher.no_whole else matcher.whole, matcher.inside
    tiers = [] if matcher.no_whole else [(TEXT_WORD, (i for i in rest if word in texts[i] and whole(texts[i])))]
    if matcher.no_start:  # every occurrence is inside a word
        tiers.append((TEXT_INSIDE, (i for i in rest if word in texts[i])))
    else:
        tiers.append((TEXT_PREFIX, (i for i in rest if word in texts[i] and not whole(texts[i]) and inside(texts[i]))))
        tiers.append((TEXT_INSIDE, (i for i in rest if word in texts[i] and not inside(texts[i]))))
    if pattern is not None:
        tiers.append((TEXT_FUZZY, (i for i in rest if word not in texts[i] and search(texts[i]))))
    for grade, tier in tiers:
        buckets[grade] = list(islice(tier, limit - found))
        found += len(buckets[grade])
        if found >= limit:
            break
    return buckets


def _several_words(matchers: list[Grader], candidates: list[int], titles: list[str], texts: list[str],
               limit: int | None) -> dict[int, list[int]]:
    """Grade several words record by record; texts are read only where they could change the result.

    Title classes (60–100) all beat text classes (30–50), so a record's
    title grades bound its total; its text is read only when that bound
    could still reach the best ``limit`` totals found from titles alone.
    """
    best = TITLE_WORD * len(matchers)
    buckets: dict[int, list[int]] = defaultdict(list)
    partial: list[tuple[int, int, list[Grader]]] = []
    for i in candidates:
        title = titles[i]
        total, missing = 0, None
        for matcher in matchers:
            grade = matcher.title_grade(title)
            if grade:
                total += grade
            elif missing is None:
                missing = [matcher]
            else:
                missing.append(matcher)
        if missing:
            partial.append((total + TEXT_WORD * len(missing), i, missing))
            continue
        bucket = buckets[total]
        bucket.append(i)
        # Candidates come in tie-break order: once the best total is full, nothing later can enter.
        if total == best and limit is not None and len(bucket) >= limit:
            return buckets
    floor = _floor(buckets, limit)
    for bound, i, missing in partial:
        if floor is not None and (bound, -i) < floor:
            continue
        text = texts[i]
        buckets[bound - TEXT_WORD * len(missing) + sum(m.text_grade(text) for m in missing)].append(i)
    return buckets


def _floor(buckets: dict[int, list[int]], limit: int | None) -> tuple[int, int] | None:
    """Return ``(total, -index)`` of the last of the best ``limit`` complete candidates, or None if fewer."""
    if limit is None:
        return None
    seen = 0
    for total in sorted(buckets, reverse=True):
        bucket = buckets[total]
        if seen + len(bucket) >= limit:
            return total, -bucket[limit - seen - 1]
        seen += len(bucket)
    return None
