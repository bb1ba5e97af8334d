"""Tests the TOML codec: model → TOML → model round trips, canonical dumps, and the demo files."""

from __future__ import annotations

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records import codec, layout
from records.demo import DEMO_MANIFEST, demo_records
from tests.test_records.strategies import RECORDS, path_of

ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_round_trip_gives_an_equal_model_and_a_stable_dump(kind: str) -> None:
    """For every kind, any valid model dumps to TOML that loads back equal, with no problem, and dumps the same."""

    @ROUND_TRIP
    @given(RECORDS[kind])
    def round_trip(record) -> None:
        text = codec.dump(record)
        loaded = codec.load(path_of(record), text)
        assert loaded.problems == []
        assert loaded.record == record
        assert codec.dump(loaded.record) == text
        assert text.endswith("\n") and not text.endswith("\n\n\n")
        assert codec.load(path_of(record), text.encode("utf-8")).record == record

    round_trip()


DEMO = demo_records()


@pytest.mark.parametrize("record_id", sorted(DEMO))
def test_every_demo_file_is_canonical(record_id: str) -> None:
    """``dump(load(text)) == text`` for the canonical text of every demo record."""
    text = codec.dump(DEMO[record_id])
    loaded = codec.load(layout.path_of(record_id), text)
    assert loaded.ok, loaded.problems
    assert codec.dump(loaded.record) == text
    assert codec.is_canonical(text, loaded.record)


def test_demo_manifest_is_canonical() -> None:
    text = codec.dump(DEMO_MANIFEST)
    loaded = codec.load("traam.toml", text)
    assert loaded.record == DEMO_MANIFEST and codec.dump(loaded.record) == text


def test_non_canonical_text_loads_and_dump_canonicalises() -> None:
    """Hand-written order, comments and inline tables load; the dump is the canonical form (a fixed point)."""
    text = (
        "# écrit à la main\n"
        'title = "Thème"  # commentaire\n'
        'discipline = "svt"\n'
        "campaign = '2026-2027'\n"
        'axes = ["a", "b",]\n'
    )
    loaded = codec.load("themes/2026-2027/svt.toml", text)
    assert loaded.ok, loaded.problems
    canonical = codec.dump(loaded.record)
    assert canonical != text
    assert canonical.startswith('campaign = "2026-2027"\ndiscipline = "svt"\ntitle = "Thème"\n')
    assert codec.dump(codec.load("themes/2026-2027/svt.toml", canonical).record) == canonical


def _paths(value, prefix: tuple = ()):
    """Yield the path of every key and list item in a table."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield prefix + (key,)
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield prefix + (index,)
            yield from _paths(item, prefix + (index,))


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_positions_find_every_key_of_a_canonical_dump(kind: str) -> None:
    """Problems can point at any field: every key and item of a dump has a position, and keys sit there."""

    @ROUND_TRIP
    @given(RECORDS[kind])
    def every_key(record) -> None:
        text = codec.dump(record)
        lines = text.split("\n")
        positions = codec.Positions(text)
        for path in _paths(codec.to_table(record)):
            assert path in positions.at, (path, text)
            line, column = positions.at[path]
            if isinstance(path[-1], str):
                at = lines[line - 1][column - 1 :]
                assert at.startswith(path[-1]) or (at.startswith("[") and path[-1] in at), (path, text)

    every_key()


def test_positions_of_hand_written_layouts() -> None:
    text = (
        "a = 1 # commentaire [x]\n"
        'b = """\n[pas une table]\nc = 2\n"""\n'
        "d = [\n  1, 2,\n  # commentaire\n  { e = 'f', g = [3, [4, 5]] },\n]\n"
        '"clé quotée".h = 1\n'
        "[t.u]\nv = 1\n"
        "[[w]]\nx = 1\n[[w]]\nx = 2\n[w.y]\nz = 3\n"
    )
    at = codec.Positions(text).at
    assert at[("a",)] == (1, 1) and at[("b",)] == (2, 1)
    assert ("c",) not in at and ("pas une table",) not in at
    assert at[("d", 0)] == (7, 3) and at[("d", 1)] == (7, 6)
    assert at[("d", 2)] == (9, 3) and at[("d", 2, "e")] == (9, 5) and at[("d", 2, "g")] == (9, 14)
    assert at[("d", 2, "g", 1, 0)] == (9, 23)
    assert at[("clé quotée", "h")] == (11, 1)
    assert at[("t", "u")] == (12, 1) and at[("t", "u", "v")] == (13, 1)
    assert at[("w", 0, "x")] == (15, 1) and at[("w", 1, "x")] == (17, 1) and at[("w", 1, "y", "z")] == (19, 1)


@pytest.mark.parametrize("text", ["a = [1,\n", 'a = """x', "[a\n", "a = {b = 1,", "= 1", "a = 'x\n'"])
def test_positions_never_raise_on_broken_text(text: str) -> None:
    assert isinstance(codec.Positions(text).find(("a", 0)), tuple)


_KEYS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6)
_SCALARS = st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.dates(),
                     st.text(st.characters(blacklist_categories=("Cs",)), max_size=10))
_TABLES = st.dictionaries(
    _KEYS,
    st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
                 max_leaves=12),
    max_size=5,
)


@settings(max_examples=120, deadline=None)
@given(_TABLES, st.booleans())
def test_positions_find_every_key_of_any_toml_document(table: dict, multiline: bool) -> None:
    """Quoted keys with escapes, implicit tables, nested arrays and inline tables: every path has a position."""
    text = tomli_w.dumps(table, multiline_strings=multiline)
    at = codec.Positions(text).at
    missing = [path for path in _paths(table) if path not in at]
    assert missing == [], text
