"""Tests that every fact of the demo commons is traced to a seed text or marked as an example.

The table is ``demo_sources.toml`` beside this file: per record id pattern,
each field and its source (a seed file name, « exemple », « dérivé » or
« commun »). A demo record whose set field has no source there fails here;
a field said to be « exemple » needs the record's ``illustrative`` field, the
one the TUI, ``traam show`` and the exports display.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from records.demo import DEMO_MANIFEST, demo_records
from records.models import Model
from tests.conftest import REPO_ROOT

TABLE = tomllib.loads((Path(__file__).with_name("demo_sources.toml")).read_text(encoding="utf-8"))
SEEDS: dict[str, str] = TABLE["seeds"]
PATTERNS: dict[str, dict[str, str]] = TABLE["records"]
KINDS_OF_SOURCE = ("exemple", "dérivé", "commun")
SEEDS_FOLDER = next((p for p in (Path(os.environ.get("TRAAM_SEEDS", "/nonexistent")),
                                 REPO_ROOT.parent / "shared" / "seeds", REPO_ROOT.parent.parent / "shared" / "seeds")
                     if p.is_dir()), REPO_ROOT.parent / "shared" / "seeds")
"""Where the programme's texts sit beside the repository (or ``$TRAAM_SEEDS``), when they do: the checks on
their words need them."""


@functools.cache
def _records() -> dict[str, Model]:
    return {**demo_records(), "traam": DEMO_MANIFEST}


def _facts(record: Model) -> list[str]:
    """Return the fields of ``record`` that say something: set to other than their default, ``illustrative`` aside."""
    return [name for name, info in type(record).model_fields.items()
            if name != "illustrative" and getattr(record, name) != info.default]


def sources_of(record_id: str) -> dict[str, str]:
    """Return the source of each traced field of ``record_id``, the later patterns winning."""
    merged: dict[str, str] = {}
    for pattern, fields in PATTERNS.items():
        if fnmatchcase(record_id, pattern):
            merged.update(fields)
    return merged


def _source(text: str) -> str:
    return text.split(" — ", 1)[0].strip()


def listing() -> dict[str, dict[str, str]]:
    """Return, per demo record, the source of each of its facts (what a reviewer reads)."""
    return {rid: {name: sources_of(rid).get(name, "(non tracé)") for name in _facts(record)}
            for rid, record in sorted(_records().items())}


def test_every_fact_of_every_demo_record_has_a_source() -> None:
    untraced = [f"{rid}: {name}" for rid, fields in listing().items() for name, source in fields.items()
                if source == "(non tracé)"]
    assert untraced == [], "faits sans source dans tests/test_records/demo_sources.toml :\n" + "\n".join(untraced)


def test_sources_are_seeds_or_say_what_they_are() -> None:
    for pattern, fields in PATTERNS.items():
        for name, text in fields.items():
            source = _source(text)
            assert source in SEEDS or source in KINDS_OF_SOURCE, f"{pattern}.{name}: source inconnue « {source} »"


def test_invented_facts_are_disclosed_in_the_record() -> None:
    for rid, record in _records().items():
        invented = [name for name in _facts(record) if _source(sources_of(rid).get(name, "")) == "exemple"]
        if invented:
            assert getattr(record, "illustrative", ""), f"{rid}: {invented} inventés sans champ illustrative"


def test_every_pattern_matches_a_demo_record() -> None:
    ids = list(_records())
    assert [p for p in PATTERNS if not any(fnmatchcase(rid, p) for rid in ids)] == []


def test_the_people_store_demo_adds_are_placeholders() -> None:
    """store/demo/ recreates the reviewers with real keys: its people say « exemple » and live at example.org."""
    from store.demo import plan

    for name, address in (plan.NATIONAL, plan.FALLBACK_AUTHOR, plan.academic("lille"), plan.academic("caen")):
        assert "exemple" in name and address.endswith("@example.org"), name


def _words(text: str) -> str:
    """Return ``text`` without bold tags, its spaces collapsed, none before a comma (the call's table has them)."""
    return " ".join(re.sub(r"</?b>", "", text).split()).replace(" ,", ",")


@functools.cache
def _seed_text(name: str) -> str:
    return _words((SEEDS_FOLDER / name).read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEEDS_FOLDER.is_dir(), reason="les textes du programme ne sont pas à côté du dépôt")
def test_seed_files_exist_and_official_titles_are_word_for_word() -> None:
    assert sorted(p.name for p in SEEDS_FOLDER.iterdir() if p.suffix == ".txt") == sorted(SEEDS)
    altered = []
    for rid, record in _records().items():
        source = sources_of(rid).get("title", "")
        if "mot pour mot" in source:
            title = _words(str(record.title))  # type: ignore[attr-defined]
            if title not in _seed_text(_source(source)):
                altered.append(f"{rid}: « {title} »")
    assert altered == [], "intitulés absents de leur texte source :\n" + "\n".join(altered)
