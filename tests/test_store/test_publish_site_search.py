"""Tests of the site's sharded search index: every word findable from its shard, shards small, the streaming export
equal to the whole build, and the real search page in Chromium loading only what a query needs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench import corpus
from records import codec
from records.models import Manifest, Scenario
from store.commons import Commons
from store.publish import run as publish
from store.publish import site, site_index
from store.publish.site_index import DIGITS, STOP_WORDS, words
from tests.conftest import make_repo
from tests.test_store.test_publish_site import CHROMIUM, chromium

BUDGET = 3_000
"""A small shard budget, so that a test corpus splits keys several letters deep."""


def decode(text: str) -> list[tuple[int, int]]:
    """Python twin of search.js's ``decode``: ``[(record, in_title)]``."""
    out, record, value = [], -1, 0
    for char in text:
        digit = DIGITS.index(char)
        if digit >= 32:
            value = value * 32 + digit - 32
            continue
        value = value * 32 + digit
        record += value // 2 + 1
        out.append((record, value % 2))
        value = 0
    return out


def shard_data(text: str):
    name, data = re.fullmatch(r'TRAAM_RECHERCHE\.put\(("[^"]+"),(.*)\);\n', text, re.S).groups()
    return json.loads(name), json.loads(data)


@pytest.fixture(scope="module")
def records():
    return dict(corpus.commons(1200, seed=11))


@pytest.fixture(scope="module")
def built(records, tmp_path_factory):
    budget = site_index.SHARD_BUDGET
    site_index.SHARD_BUDGET = BUDGET
    try:
        return site.build(records, base_url="https://traam.example/")
    finally:
        site_index.SHARD_BUDGET = budget


def test_encode_decode_round_trip():
    values = [0, 1, 31, 32, 1000, 1001, 70_000]
    flags = [1, 0, 1, 0, 0, 1, 1]
    from array import array

    encoded = site_index.encode(array("I", [v * 2 + f for v, f in zip(values, flags)]))
    assert re.fullmatch(r"[0-9A-Za-z_-]+", encoded)
    assert decode(encoded) == list(zip(values, flags))


def test_every_word_of_every_scenario_is_in_the_shard_its_start_names(records, built):
    """Rebuild ``{word: {record: in_title}}`` from the shards a query would load; it equals the records' words."""
    meta = shard_data(built["static/recherche/meta.js"])[1]
    keys = meta["keys"]
    assert len(keys) > 20 and max(len(k) for k in keys) >= 2  # the budget split keys
    cards = [card for n in range(0, meta["n"], meta["chunk"])
             for card in shard_data(built[f"static/recherche/d/{n // meta['chunk']}.js"])[1]]
    rank = {f"scenarios/{card[1]}": n for n, card in enumerate(cards)}
    scenarios = {rid: r for rid, r in records.items() if isinstance(r, Scenario)}
    assert set(rank) == set(scenarios) and meta["n"] == len(scenarios)
    titles = [card[0] for card in cards]
    assert [t.casefold() for t in titles] != [t.casefold() for t in sorted(titles, reverse=True)]
    shards = {}
    for n, key in enumerate(keys):
        text = built[f"static/recherche/t/{n}.js"]
        data = shard_data(text)[1]
        assert len(text) <= BUDGET + 200 or len(data) == 1, key  # only a single word may exceed the budget
        assert all(word.startswith(key) for word in data)
        shards[key] = data
    for rid, scenario in scenarios.items():
        title = set(words(scenario.title))
        text = " ".join([scenario.summary, *scenario.keywords, *(t.name for t in scenario.tools)])
        for word in (title | set(words(text))) - STOP_WORDS:
            key = max((k for k in keys if word.startswith(k)), key=len)
            found = dict(decode(shards[key][word]))
            assert found.get(rank[rid]) == (word in title), (rid, word)


def test_filters_list_the_records_of_a_discipline_and_an_academie(records, built):
    meta = shard_data(built["static/recherche/meta.js"])[1]
    cards = [card for n in range(0, meta["n"], meta["chunk"])
             for card in shard_data(built[f"static/recherche/d/{n // meta['chunk']}.js"])[1]]
    code = meta["disciplines"][0][0]
    members = {n for n, _ in decode(shard_data(built[f"static/recherche/f/d-{code}.js"])[1])}
    assert members == {n for n, card in enumerate(cards) if code in card[3]}
    academie = meta["academies"][0][0]
    members = {n for n, _ in decode(shard_data(built[f"static/recherche/f/a-{academie}.js"])[1])}
    assert members == {n for n, card in enumerate(cards) if card[2] == academie}


def test_streamed_export_writes_the_same_site_as_the_whole_build(tmp_path):
    """Differential: the bounded-memory export of a real commons equals ``site.build`` over all its records."""
    records = dict(corpus.commons(150, seed=3))
    files = {"traam.toml": codec.dump(Manifest(name="Commun de test"))}
    files |= {f"{rid}.toml": codec.dump(record) for rid, record in records.items()}
    root = make_repo(tmp_path / "commun", files)
    commons = Commons.open(root)
    seen = []
    result, _ = publish.export_commons(commons, "site", tmp_path / "site", etat="tous", dates={},
                                       progress=lambda done, total: seen.append((done, total)))
    states = publish.states_of(commons, commons.load())
    expected = site.build(records, states, dates={})
    out = tmp_path / "site"
    written = {str(p.relative_to(out)) for p in result.paths} - {site.MARKER}
    assert written == set(expected)
    for path, text in expected.items():
        assert (out / path).read_text(encoding="utf-8") == text, path
    assert result.counts["scenario"] == sum(isinstance(r, Scenario) for r in records.values())
    assert seen and seen[-1][0] == seen[-1][1] and all(done <= total for done, total in seen)


def downloaded(out: Path, dom: str) -> int:
    """Bytes the search page fetched: the page, its style sheet and every script the rendered DOM holds."""
    scripts = re.findall(r'<script src="([^"]+)"', dom)
    paths = [out / "recherche.html", out / "static/style.css"]
    paths += [out / re.sub(r"^(\.\./)*|^file://" + re.escape(str(out)) + "/", "", s) for s in scripts]
    return sum(p.stat().st_size for p in paths)


def reference(records, query: str) -> set[str]:
    """Records where every query word (not a stop word) starts a word of the title or text."""
    wanted = [w for w in words(query) if w not in STOP_WORDS]
    found = set()
    for rid, s in records.items():
        if not isinstance(s, Scenario):
            continue
        from records import vocab

        text = " ".join([s.title, s.summary, *s.keywords, *(t.name for t in s.tools),
                         vocab.label(vocab.ACADEMIES, s.academie), *(vocab.label(vocab.DISCIPLINES, d) for d in s.disciplines)])
        mine = set(words(text))
        if all(any(m.startswith(w) for m in mine) for w in wanted):
            found.add(rid)
    return found


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (paquet Debian « chromium ») : recherche non vérifiée")
def test_chromium_searches_a_split_index_and_loads_only_the_shards_needed(records, built, tmp_path):
    out = tmp_path / "site"
    site.write(built, out)
    total = sum(len(text.encode()) for path, text in built.items() if path.startswith("static/recherche/"))
    for query in ("biodiversite capteurs", "Podcast grecs", "écri"):
        expected = reference(records, query)
        assert expected, query
        done = chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom",
                        (out / "recherche.html").as_uri() + "?q=" + query.replace(" ", "+"))
        count = len(expected)
        shown = f"{count:,}".replace(",", "\u202f")
        assert (f"{shown} scénarios trouvés." if count > 1 else "1 scénario trouvé.") in done.stdout, \
            (query, count, done.stdout[-3000:], done.stderr[-2000:])
        cards = re.findall(r'<li><h2><a href="scenarios/([^"]+)\.html">', done.stdout)
        assert len(cards) == min(count, 20) and {f"scenarios/{c}" for c in cards} <= expected
        assert downloaded(out, done.stdout) < total / 3, query  # a fraction of the index, not all of it
    done = chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom",
                    (out / "recherche.html").as_uri() + "?q=biodivrsite")  # a typo after the shard's key
    assert "scénario" in done.stdout and "Aucun scénario" not in done.stdout
