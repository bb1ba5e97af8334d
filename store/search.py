"""Provides the search engine of the commons: fuzzy, facet-aware, French-ranked and incremental.

Ranking. Each free word of the query gets a class in each record, the best
that applies: a whole word of the title (100), the start of a title word (90),
inside a title word (70), a title word within a typo or two (60); then the
same in the summary, keywords, tools and names (50, 45, 35, 30). A record's
score is the mean over the words; every word must match somewhere. Ties are
broken by kind (scenario, team, theme, campaign, then the rest: people look
for scenarios first), then the shorter title, then the id — at 100,000
records thousands of records share the top score, so the order must be
explicit. Records are kept in that tie-break order once for all, so that
candidates are always ordered and ties cost nothing.

Typos. Words of 4 letters and more also match the words of the commons whose
start is within 1 edit (2 from 8 letters: ``biodivrsté`` finds biodiversité).
This fuzzy pass runs only when the exact pass finds fewer than
:data:`FUZZY_BELOW` records, so a correct word stays fast and precise.
Words of 1 or 2 letters only match the start of a title word.

Incremental. Each search remembers its candidates; a query that only adds
letters, words or facets to a recent one filters that candidate list instead
of scanning every record, under the same rules, so the result is identical
to a fresh search.
"""

from __future__ import annotations

import re
import string
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from bisect import bisect_right
from itertools import accumulate, islice
from operator import attrgetter

from records.entry import Entry
from records.text import fold
from store.fuzzy import Vocabulary, typo_budget
from store.query import Facet, Query, parse_query
from store.spans import title_spans

KIND_ORDER = ("scenario", "team", "theme", "campaign", "governance", "manifest")
"""Kinds in tie-break order; unknown kinds (invalid files) come last."""

FUZZY_BELOW = 5
"""The typo pass runs when the exact pass finds fewer records than this."""

_SHORT = 3
"""Words shorter than this only match the start of a title word."""

# Punctuation becomes a space in titles, so that " word" means "a word starts here" (l'eau, Aix-Marseille).
_SEPARATORS = str.maketrans({c: " " for c in string.punctuation + "’‘«»“”–—…·"})

TITLE_WORD, TITLE_PREFIX, TITLE_INSIDE, TITLE_FUZZY = 100, 90, 70, 60
TEXT_WORD, TEXT_PREFIX, TEXT_INSIDE, TEXT_FUZZY = 50, 45, 35, 30


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result."""

    entry: Entry
    score: int
    """0–100: the mean class of the query words (see the module documentation)."""
    spans: tuple[tuple[int, int], ...]
    """``(start, end)`` of the matched text in ``entry.title`` as written (not folded), sorted, disjoint."""


class Searcher:
    """Search over a fixed set of entries; build once per snapshot, query many times."""

    def __init__(self, entries: Iterable[Entry], states: Mapping[str, str] | None = None):
        """Index the entries.

        Args:
            entries: the slim index lines (``title_key``/``text_key`` already folded).
            states: validation state code by record id (``etat:`` facet); records
                absent from it have no state and never match ``etat:``.
        """
        entries = list(entries)
        if any(entries[k].id > entries[k + 1].id for k in range(len(entries) - 1)):
            entries.sort(key=attrgetter("id"))
        rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
        last = len(rank)
        # A stable sort on one int keeps the id order among equals: kind, then title length, then id.
        entries.sort(key=lambda e: rank.get(e.kind, last) << 16 | min(len(e.title), 0xFFFF))
        self.entries: list[Entry] = entries
        self._titles = [f" {e.title_key.translate(_SEPARATORS)} " for e in entries]
        self._texts = [e.text_key for e in entries]
        self._all = list(range(len(entries)))
        self._states = states or {}
        self._vocabulary: Vocabulary | None = None
        self._lists: OrderedDict[tuple[str, bool], list[int]] = OrderedDict()
        self._tools: dict[tuple[str, ...], str] = {}
        self._joined: _Joined | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def warm(self) -> None:
        """Prepare now what the first searches would build (joined keys, word list for typos).

        Takes about a second at 100,000 records: call it from a worker after loading.
        """
        self._scan("")
        self._words()

    def _words(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(self._titles, self._texts)
        return self._vocabulary

    # --- public --------------------------------------------------------------------

    def search(self, query: str | Query, limit: int | None = 50) -> list[Hit]:
        """Return the best records for a query, best first.

        Args:
            query: what the user typed, or a :class:`Query` from :func:`store.query.parse_query`.
            limit: maximum number of hits (None: all).

        Returns:
            Hits with score and title spans. A query with facets and no word
            lists the matching records in tie-break order (score 0); an empty
            query returns nothing.
        """
        if isinstance(query, str):
            query = parse_query(query)
        if not query.words and not query.facets:
            return []
        lists, patterns = [], {}
        for word in dict.fromkeys(query.words):
            found = self._word_list(word, fuzzy=False)
            if len(found) < FUZZY_BELOW and typo_budget(word):
                patterns[word] = self._words().pattern(word)
                if patterns[word] is not None:
                    found = self._word_list(word, fuzzy=True)
            lists.append(found)
        candidates = _intersect(lists) if lists else self._all
        for facet in query.facets:
            candidates = self._facet_filter(facet, candidates)
        if not query.words:
            chosen = candidates if limit is None else candidates[:limit]
            return [Hit(self.entries[i], 0, ()) for i in chosen]
        return self._rank(query.words, candidates, patterns, limit)

    # --- filtering -----------------------------------------------------------------

    def _word_list(self, word: str, fuzzy: bool) -> list[int]:
        """Return the records a word matches, in tie-break order; narrows a cached shorter word when it can."""
        key = (word, fuzzy)
        found = self._lists.get(key)
        if found is not None:
            self._lists.move_to_end(key)
            return found
        base = self._all
        for (other, other_fuzzy), other_list in self._lists.items():
            if other_fuzzy == fuzzy and _word_narrows(word, other, fuzzy) and len(other_list) < len(base):
                base = other_list
        titles, texts = self._titles, self._texts
        variants = self._words().variants(word) if fuzzy else []
        if len(word) < _SHORT:
            needle = " " + word
            found = [i for i in base if needle in titles[i]]
        elif len(base) * 4 < len(self._all):
            found = [i for i in base if word in titles[i] or word in texts[i]]
            for variant in variants:
                found = sorted({*found, *(i for i in base if variant in titles[i] or variant in texts[i])})
        else:
            # A scan of the joined keys finds the few records holding a word much faster than a loop.
            hits = set(self._word_list(word, fuzzy=False)) if fuzzy else self._scan(word)
            for variant in variants:
                hits |= self._scan(variant)
            found = sorted(hits) if base is self._all else [i for i in base if i in hits]
        self._lists[key] = found
        if len(self._lists) > 32:
            self._lists.popitem(last=False)
        return found

    def _scan(self, needle: str) -> set[int]:
        """Return the records whose title or text holds ``needle``, scanning the joined keys."""
        if self._joined is None:
            self._joined = _Joined(self._titles, self._texts)
        return self._joined.find(needle)

    def _facet_filter(self, facet: Facet, candidates: Iterable[int]) -> list[int]:
        entries = self.entries
        name, codes = facet.name, facet.codes or frozenset()
        if name == "campagne":
            return [i for i in candidates if entries[i].campaign.startswith(facet.values)]
        if name == "outil":
            return [i for i in candidates if any(v in self._tool_key(entries[i]) for v in facet.values)]
        if name == "discipline":
            return [i for i in candidates if not codes.isdisjoint(entries[i].disciplines)]
        if name == "academie":
            return [i for i in candidates if entries[i].academie in codes]
        if name == "niveau":
            return [i for i in candidates if not codes.isdisjoint(entries[i].levels)]
        if name == "type":
            return [i for i in candidates if entries[i].kind in codes]
        if name == "crcn":
            return [i for i in candidates if not codes.isdisjoint(entries[i].crcn)]
        if name == "etat":
            states = self._states
            return [i for i in candidates if states.get(entries[i].id) in codes]
        raise ValueError(name)  # pragma: no cover - parse_query only makes the facets above

    def _tool_key(self, entry: Entry) -> str:
        """Folded tool names and kinds of an entry, memoised per distinct tool list."""
        key = entry.tools + entry.tool_kinds
        folded = self._tools.get(key)
        if folded is None:
            folded = self._tools[key] = " ".join((fold(" ".join(entry.tools)), *entry.tool_kinds))
        return folded

    # --- ranking -------------------------------------------------------------------

    def _rank(self, words: tuple[str, ...], candidates: list[int], patterns: dict, limit: int | None) -> list[Hit]:
        """Grade the candidates and keep the best; text is only graded where it could change the result.

        Title classes (60–100) all beat text classes (30–50), so a record's
        title grades bound its total; its text is read only when that bound
        could still reach the best ``limit`` totals found from titles alone.
        """
        titles, texts = self._titles, self._texts
        matchers = [_Matcher(w, patterns.get(w)) for w in words]
        if len(matchers) == 1 and limit is not None:
            buckets = self._single_word_buckets(matchers[0], candidates, limit)
        else:
            buckets = self._buckets(matchers, candidates, limit)
        hits: list[Hit] = []
        for total in sorted(buckets, reverse=True):
            if not total:
                continue  # a record none of whose texts holds a word (cannot happen after filtering)
            chosen = sorted(buckets[total])
            if limit is not None:
                chosen = chosen[: limit - len(hits)]
            for i in chosen:
                entry = self.entries[i]
                spans = title_spans(entry.title, entry.title_key, words, patterns)
                hits.append(Hit(entry, round(total / len(words)), spans))
            if limit is not None and len(hits) >= limit:
                break
        return hits

    def _single_word_buckets(self, matcher: _Matcher, candidates: list[int], limit: int) -> dict[int, list[int]]:
        """Grade one word tier by tier, best first, each tier a lazy C-speed filter stopped once ``limit`` is reached."""
        titles, texts = self._titles, self._texts
        word, alone, start, pattern = matcher.word, matcher.alone, matcher.start, matcher.pattern
        tiers = [
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
        for i in candidates:
            title = titles[i]
            if word not in title and (pattern is None or not pattern.search(title)):
                buckets[matcher.text_grade(texts[i])].append(i)
        return buckets

    def _buckets(self, matchers: list[_Matcher], candidates: list[int], limit: int | None) -> dict[int, list[int]]:
        """Grade several words record by record; texts are read only where they could change the result.

        Title classes (60–100) all beat text classes (30–50), so a record's
        title grades bound its total; its text is read only when that bound
        could still reach the best ``limit`` totals found from titles alone.
        """
        titles, texts = self._titles, self._texts
        best = TITLE_WORD * len(matchers)
        buckets: dict[int, list[int]] = defaultdict(list)
        partial: list[tuple[int, int, list[_Matcher]]] = []
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


class _Joined:
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


def _intersect(lists: list[list[int]]) -> list[int]:
    """Return the items common to sorted lists, in order (the shortest list drives)."""
    lists = sorted(lists, key=len)
    result = lists[0]
    for other in lists[1:]:
        members = set(other)
        result = [i for i in result if i in members]
    return result


class _Matcher:
    """Grades one query word in a record: the class of its best occurrence (see the module documentation)."""

    __slots__ = ("word", "short", "alone", "start", "whole", "inside", "pattern")

    def __init__(self, word: str, pattern: re.Pattern | None):
        self.word, self.pattern = word, pattern
        self.short = len(word) < _SHORT
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


def _word_narrows(new: str, old: str, fuzzy: bool) -> bool:
    """Tell whether every record matching ``new`` also matches ``old`` (same matching rules)."""
    if not new.startswith(old):
        return False
    if (len(new) < _SHORT) != (len(old) < _SHORT):
        return False
    return not fuzzy or typo_budget(new) == typo_budget(old)


