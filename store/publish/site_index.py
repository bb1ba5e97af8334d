"""Provides the site's search index, split in small shards so that a query downloads only what it needs.

The search page loads ``static/recherche/meta.js`` (a few kilobytes), then,
for each word typed, the one *word shard* whose key is the longest key that
starts the word, and for the results shown, the *record chunks* they live in:

- ``t/<n>.js``: the words that start with key ``n`` (``{word: postings}``). Keys
  form a trie: a key whose words weigh more than :data:`SHARD_BUDGET` is split
  by the next letter, and keeps only the words equal to itself. So a word
  longer than its key finds every word it starts in one shard.
- ``f/d-<discipline>.js``, ``f/a-<académie>.js``: the records of a filter.
- ``d/<n>.js``: what a result card shows for records ``n*CHUNK`` to ``n*CHUNK+CHUNK-1``.

Records are numbered in the order of their folded titles, so the first
results of a query sit in few chunks. Postings are delta-encoded numbers
(``2 * gap + in_title``) in a base-32 varint spelled with URL-safe letters.
Stop words are left out; record text only reaches a file as JSON escaped so
that it cannot end the script (``<``, ``>`` and ``&`` as ``\\u`` escapes).
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterator

from records import vocab
from records.models import Scenario
from records.text import fold
from store.publish.catalogue import Catalogue

FOLDER = "static/recherche"
SHARD_BUDGET = 96_000
"""Largest size in bytes of a word shard, unless it holds a single word."""
CHUNK = 32
"""Records per chunk of result cards."""
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
STOP_WORDS = frozenset(
    "a au aux avec ce ces cette d dans de des du en et il ils elle elles l la le les leur leurs ne nous on ou par "
    "pas pour qu que qui sa se ses son sur un une vous y".split()
)
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Return the folded words of ``text`` (what search.js's ``words`` returns for the same text)."""
    return _WORD.findall(fold(text))


def encode(values: array[int]) -> str:
    """Return postings ``2 * record + flag`` (ascending records) as gaps in base-32 varints."""
    out: list[str] = []
    previous = -1
    for value in values:
        number, flag = value >> 1, value & 1
        gap = (number - previous - 1) * 2 + flag
        previous = number
        groups = [gap & 31]
        gap >>= 5
        while gap:
            groups.append(gap & 31)
            gap >>= 5
        out.extend(DIGITS[32 + g] for g in reversed(groups[1:]))
        out.append(DIGITS[groups[0]])
    return "".join(out)


def script(name: str, data: object) -> str:
    """Return a shard file: a call that hands ``data`` to the page, with no way for the text to break out."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"TRAAM_RECHERCHE.put({json.dumps(name)},{text});\n"


class Builder:
    """Collects the words of each scenario as an export streams them, then writes the shards.

    Scenarios arrive in any order: each gets a provisional number, renumbered
    in title order by :meth:`files`. Postings live in compact arrays (4 bytes
    each), so 100,000 scenarios weigh a few tens of megabytes.
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.postings: dict[str, array[int]] = {}
        self.filters: dict[str, array[int]] = {}

    def add(self, record_id: str, scenario: Scenario) -> None:
        """Index one scenario's title, summary, keywords, tools, académie and disciplines."""
        number = len(self.ids)
        self.ids.append(record_id)
        in_title = set(words(scenario.title))
        text = [scenario.summary, *scenario.keywords, *(t.name for t in scenario.tools),
                vocab.label(vocab.ACADEMIES, scenario.academie),
                *(vocab.label(vocab.DISCIPLINES, d) for d in scenario.disciplines)]
        every = in_title.union(*(words(part) for part in text))
        for word in every - STOP_WORDS:
            self.postings.setdefault(word, array("I")).append(number * 2 + (word in in_title))
        for key in (*(f"d-{code}" for code in dict.fromkeys(scenario.disciplines)), f"a-{scenario.academie}"):
            self.filters.setdefault(key, array("I")).append(number * 2)

    def files(self, catalogue: Catalogue, *, budget: int | None = None) -> Iterator[tuple[str, str]]:
        """Yield every file of the index as ``(path relative to the site root, text)``, the meta file first.

        ``catalogue`` holds the cards of the scenarios added (for titles and result cards); ``budget``
        defaults to :data:`SHARD_BUDGET`.
        """
        scenarios = catalogue.scenarios
        order = sorted(range(len(self.ids)), key=lambda n: (fold(scenarios[self.ids[n]].title), self.ids[n]))
        final = array("I", bytes(4 * len(order)))
        for rank, number in enumerate(order):
            final[number] = rank
        encoded = {}
        for word in sorted(self.postings):  # each array is dropped once encoded: never both at once
            encoded[word] = encode(_renumber(self.postings.pop(word), final))
        shards = split({word: len(word) + len(text) + 6 for word, text in encoded.items()}, budget or SHARD_BUDGET)
        keys = sorted(shards)
        disciplines = sorted({d for s in scenarios.values() for d in s.disciplines}, key=list(vocab.DISCIPLINES).index)
        academies = sorted({s.academie for s in scenarios.values()}, key=list(vocab.ACADEMIES).index)
        meta = {
            "n": len(order), "keys": keys, "chunk": CHUNK, "stop": sorted(STOP_WORDS),
            "disciplines": [[code, vocab.DISCIPLINES[code]] for code in disciplines],
            "academies": [[code, vocab.ACADEMIES[code]] for code in academies],
        }
        yield f"{FOLDER}/meta.js", script("meta", meta)
        for number, key in enumerate(keys):
            yield f"{FOLDER}/t/{number}.js", script(f"t/{number}", {w: encoded.pop(w) for w in shards[key]})
        for key, values in sorted(self.filters.items()):
            yield f"{FOLDER}/f/{key}.js", script(f"f/{key}", encode(_renumber(values, final)))
        ranked = [self.ids[n] for n in order]
        for start in range(0, len(ranked), CHUNK):
            cards = [_card(rid, scenarios[rid]) for rid in ranked[start:start + CHUNK]]
            yield f"{FOLDER}/d/{start // CHUNK}.js", script(f"d/{start // CHUNK}", cards)


def _renumber(values: array[int], final: array[int]) -> array[int]:
    """Return postings ``2 * number + flag`` with each number replaced by its rank, sorted."""
    return array("I", sorted(final[v >> 1] * 2 + (v & 1) for v in values))


def split(sizes: dict[str, int], budget: int = SHARD_BUDGET) -> dict[str, list[str]]:
    """Return the shard keys and their words: a key over ``budget`` splits by the next letter and keeps only itself.

    Args:
        sizes: the encoded size of each word's entry.
    """
    shards: dict[str, list[str]] = {}

    def visit(prefix: str, group: list[str]) -> None:
        if sum(sizes[w] for w in group) <= budget or all(w == prefix for w in group):
            shards[prefix] = group
            return
        shards[prefix] = [w for w in group if w == prefix]
        children: dict[str, list[str]] = {}
        for word in group:
            if word != prefix:
                children.setdefault(word[len(prefix)], []).append(word)
        for letter, members in sorted(children.items()):
            visit(prefix + letter, members)

    visit("", sorted(sizes))
    return shards


def _card(record_id: str, scenario: Scenario) -> list[object]:
    """Return what a result card shows: title, page (under ``scenarios/``), académie, disciplines, campaign."""
    page = record_id.removeprefix("scenarios/")
    return [scenario.title, page, scenario.academie, list(scenario.disciplines), scenario.campaign]
