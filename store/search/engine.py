"""Provides the search engine of the commons: fuzzy, facet-aware, French-ranked and incremental.

Matching. Every free word of the query must be found in a record: in its
title or its text (summary, keywords, tools, names), anywhere in a word;
words of 1 or 2 letters only at the start of a title word. Facets filter
(see :mod:`store.search.query`). Ranking is :mod:`store.search.ranking`: a word of the
title beats a hit in the text, a whole word beats a word start, which beats
the inside of a word, which beats a typo. Hit scores are the mean class.

Tie-breakers. Records are sorted once: by kind (scenario, team, theme,
campaign, then the rest — people look for scenarios first), then the shorter
title, then the file path (the id and ``.toml``, in the order git lists them). At 100,000 records thousands share the top score, so the
order must be explicit; candidates then stay in that order and ties cost
nothing.

Typos. A word of 4 letters or more found in fewer than :data:`FUZZY_BELOW`
records also matches the words of the commons whose start is within 1 edit
of it (2 from 8 letters: ``biodivrsté`` finds biodiversité), ranked below
exact matches. A correct word stays fast and precise.

Incremental. The records matching each word are kept (the last few dozen
words); a longer word filters the list of its longest known prefix matched
under the same rules instead of scanning every record, so typing narrows
and the result is identical to a fresh search. Words are then intersected,
shortest list first, and facets filter what is left.
"""

from __future__ import annotations

import copy
import hashlib
import operator
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter
from pathlib import Path

from records.entry import Entry
from records.text import fold
from store.search.fuzzy import Vocabulary, typo_budget
from store.search.keys import Joined, padded_titles
from store.search.query import Facet, Query, parse_query
from store.search.ranking import SHORT, Grader, rank
from store.search.spans import Patterns, title_spans

KIND_ORDER = ("scenario", "team", "theme", "campaign", "governance", "manifest")
"""Kinds in tie-break order; unknown kinds (invalid files) come last."""

FUZZY_BELOW = 5
"""The typo pass runs when the exact pass finds fewer records than this."""

@dataclass(frozen=True, slots=True)
class Hit:
    """One search result."""

    entry: Entry
    score: int
    """0–100: the mean class of the query words (see the module documentation)."""
    spans: tuple[tuple[int, int], ...]
    """``(start, end)`` of the matched text in ``entry.title`` as written (not folded), sorted, disjoint."""


Prepared = tuple[list[int], list[str]]
"""What :func:`prepare` derives from entries: their positions in tie-break order, and their padded title keys."""


class _Prepared:
    """The word list for typos and the joined keys of a searcher, built on first need, shared by its copies."""

    __slots__ = ("vocabulary", "joined")

    def __init__(self) -> None:
        self.vocabulary: Vocabulary | None = None
        self.joined: Joined | None = None


class Searcher:
    """Search over a fixed set of entries; build once per snapshot, query many times, from any thread."""

    def __init__(self, entries: Iterable[Entry], states: Mapping[str, str] | None = None,
                 prepared: Prepared | None = None):
        """Index the entries.

        Args:
            entries: the slim index lines (``title_key``/``text_key`` already folded).
            states: validation state code by record id (``etat:`` facet); records
                absent from it have no state and never match ``etat:``.
            prepared: :func:`prepare` of these very entries, when known (a
                snapshot file keeps it): the sort and the title keys are then not redone.
        """
        entries = list(entries)
        if prepared is None or len(prepared[0]) != len(entries) or len(prepared[1]) != len(entries):
            prepared = prepare(entries)
        order, titles = prepared
        entries = list(map(entries.__getitem__, order))
        self.entries: list[Entry] = entries
        self._titles = titles
        self._texts = list(map(attrgetter("text_key"), entries))
        self._all = list(range(len(entries)))
        self._states = states or {}
        self._shared = _Prepared()
        self._lists: OrderedDict[tuple[str, bool], list[int]] = OrderedDict()
        self._tools: dict[tuple[str, ...], str] = {}
        self._rarity: dict[str, bool] = {}
        # Searches share caches; interfaces run them in worker threads, where a stale one may still run.
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self.entries)

    # What is built on first need lives in one object that copies share (see with_states).
    @property
    def _vocabulary(self) -> Vocabulary | None:
        return self._shared.vocabulary

    @_vocabulary.setter
    def _vocabulary(self, value: Vocabulary | None) -> None:
        self._shared.vocabulary = value

    @property
    def _joined(self) -> Joined | None:
        return self._shared.joined

    @_joined.setter
    def _joined(self, value: Joined | None) -> None:
        self._shared.joined = value

    def with_states(self, states: Mapping[str, str] | None) -> Searcher:
        """Return a searcher over the same index (shared, caches included) that knows ``states``.

        Word lists do not depend on states (only the ``etat:`` facet reads
        them, at query time), so sharing them is exact.
        """
        other = copy.copy(self)
        other._states = states or {}
        return other

    def warm(self, cache: Path | None = None) -> None:
        """Prepare now what the first searches would build: the joined keys and the word list for typos.

        Args:
            cache: a file where the word list is kept between runs (``vocabulary.txt`` of the commons' cache folder),
                reused while the records' blobs are the same; without it the list is rebuilt
                (about half a second at 100,000 records). Call this from a worker after loading.
        """
        with self._lock:
            self._warm(cache)

    def _warm(self, cache: Path | None) -> None:
        if self._vocabulary is None:
            key = hashlib.sha1("".join(f"{e.id} {e.blob}\n" for e in self.entries).encode()).hexdigest()
            self._vocabulary = Vocabulary.cached(self._corpus().tokens, f"traam-vocabulary-1 {key}", cache)

    def _words(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = Vocabulary.of_tokens(self._corpus().tokens())
        return self._vocabulary

    def _corpus(self) -> Joined:
        if self._joined is None:
            self._joined = Joined(self._titles, self._texts)
        return self._joined

    # --- public --------------------------------------------------------------------

    def search(self, query: str | Query, limit: int | None = 50) -> list[Hit]:
        """Return the best records for a query, best first.

        Args:
            query: what the user typed, or a :class:`Query` from :func:`store.search.query.parse_query`.
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
        with self._lock:
            return self._search(query, limit)

    def _search(self, query: Query, limit: int | None) -> list[Hit]:
        candidates, patterns = self._match_words(query.words)
        for facet in query.facets:
            candidates = self._facet_filter(facet, candidates)
        if not query.words:
            chosen = candidates if limit is None else candidates[:limit]
            return [Hit(self.entries[i], 0, ()) for i in chosen]
        return self._rank(query.words, candidates, patterns, limit)

    # --- filtering -----------------------------------------------------------------

    def _match_words(self, words: tuple[str, ...]) -> tuple[list[int], Patterns]:
        """Return the records matching every word, and the typo patterns of the words searched with typos.

        Words already known (cached lists) come first, then the longest; once
        the candidates are few, the next words filter them directly instead
        of scanning every record. A word is searched with typos when it has a
        typo budget and fewer than :data:`FUZZY_BELOW` records hold it at all.
        """
        candidates: list[int] = self._all
        patterns: Patterns = {}
        ordered = sorted(dict.fromkeys(words), key=lambda w: ((w, False) not in self._lists, -len(w)))
        for position, word in enumerate(ordered):
            few = position > 0 and len(candidates) * 4 < len(self._all)
            found = self._match(word, candidates, []) if few else self._word_list(word, fuzzy=False)
            if len(found) < FUZZY_BELOW and typo_budget(word) and self._rare(word):
                patterns[word] = pattern = self._words().pattern(word)
                if pattern is not None:
                    found = self._match(word, candidates, self._words().variants(word)) if few else \
                        self._word_list(word, fuzzy=True)
            candidates = found if few or position == 0 else _intersect([candidates, found])
        return candidates, patterns

    def _rare(self, word: str) -> bool:
        """Tell whether fewer than :data:`FUZZY_BELOW` records hold ``word``; the scan stops at that many."""
        known = self._lists.get((word, False))
        if known is not None:
            return len(known) < FUZZY_BELOW
        if self._vocabulary is not None and word not in self._vocabulary.joined:
            return True
        rare = self._rarity.get(word)
        if rare is None:
            # A word that extends a rare word is rare too.
            rare = any(word.startswith(other) for other, flag in self._rarity.items() if flag) or \
                self._corpus().count(word, FUZZY_BELOW) < FUZZY_BELOW
            if len(self._rarity) > 256:
                self._rarity.clear()
            self._rarity[word] = rare
        return rare

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
        if fuzzy:
            # The word's own records plus its variants' ones; a variant often extends a word typed just
            # before ("biodiv" → "biodiversite"), so its list is usually narrowed from a known one.
            variants = self._words().variants(word)
            hits = set(self._word_list(word, fuzzy=False))
            for variant in variants:
                hits.update(self._word_list(variant, fuzzy=False) if len(variants) <= 8 else self._scan(variant))
            found = sorted(hits) if base is self._all else [i for i in base if i in hits]
        elif self._vocabulary is not None and word not in self._vocabulary.joined:
            found = []  # no word of the commons holds it: nothing to scan
        elif len(word) >= SHORT and len(base) * 4 >= len(self._all):
            # A scan of the joined keys finds the records holding a word much faster than a loop.
            hits = self._scan(word)
            found = sorted(hits) if base is self._all else [i for i in base if i in hits]
        else:
            found = self._match(word, base, [])
        self._lists[key] = found
        if len(self._lists) > 32:
            self._lists.popitem(last=False)
        return found

    def _match(self, word: str, base: Iterable[int], variants: list[str]) -> list[int]:
        """Return the records of ``base`` matching a word (or one of its typo variants), in order."""
        titles, texts = self._titles, self._texts
        if len(word) < SHORT:
            needle = " " + word
            return [i for i in base if needle in titles[i]]
        found = [i for i in base if word in titles[i] or word in texts[i]]
        for variant in variants:
            found = sorted({*found, *(i for i in base if variant in titles[i] or variant in texts[i])})
        return found

    def _scan(self, needle: str) -> set[int]:
        """Return the records whose title or text holds ``needle``, scanning the joined keys."""
        return self._corpus().find(needle)

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

    def _rank(self, words: tuple[str, ...], candidates: list[int], patterns: Patterns, limit: int | None) -> list[Hit]:
        vocabulary = self._vocabulary
        known = vocabulary.words if vocabulary is not None else None
        graders = [Grader(w, patterns.get(w), vocabulary is not None and w not in vocabulary.joined, known) for w in words]
        hits = []
        for total, i in rank(graders, candidates, self._titles, self._texts, limit):
            entry = self.entries[i]
            hits.append(Hit(entry, round(total / len(words)), title_spans(entry.title, entry.title_key, words, patterns)))
        return hits


def prepare(entries: list[Entry]) -> Prepared:
    """Return what a :class:`Searcher` derives from ``entries`` before any query, for a snapshot file to keep:
    their positions in tie-break order, and their title keys in that order, padded for word starts."""
    order = search_order(entries)
    return order, padded_titles([entries[i].title_key for i in order])


def search_order(entries: list[Entry]) -> list[int]:
    """Return the positions of ``entries`` in tie-break order: kind, then title length, then file path."""
    # Last tie-breaker: the file path (id + ".toml"), the order in which git lists files and the store
    # hands them over, so that this check usually saves a sort.
    paths = list(map(str.__add__, map(attrgetter("id"), entries), repeat(".toml")))
    by_path = list(range(len(entries)))
    if not all(map(operator.le, paths, paths[1:])):
        by_path.sort(key=paths.__getitem__)
    rank = {kind: i << 16 for i, kind in enumerate(KIND_ORDER)}
    kinds = map(rank.get, map(attrgetter("kind"), entries), repeat(len(rank) << 16))
    lengths = map(min, map(len, map(attrgetter("title"), entries)), repeat(0xFFFF))
    keys = list(map(operator.or_, kinds, lengths))
    # A stable sort keeps the path order among equals: kind, then title length, then path.
    return sorted(by_path, key=keys.__getitem__)


def _intersect(lists: list[list[int]]) -> list[int]:
    """Return the items common to sorted lists, in order (the shortest list drives)."""
    lists = sorted(lists, key=len)
    result = lists[0]
    for other in lists[1:]:
        members = set(other)
        result = [i for i in result if i in members]
    return result


def _word_narrows(new: str, old: str, fuzzy: bool) -> bool:
    """Tell whether every record matching ``new`` also matches ``old`` (same matching rules)."""
    if not new.startswith(old):
        return False
    if (len(new) < SHORT) != (len(old) < SHORT):
        return False
    return not fuzzy or typo_budget(new) == typo_budget(old)


