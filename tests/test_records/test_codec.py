"""Tests the TOML codec: model → TOML → model round trips, canonical dumps, and the demo files."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

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
