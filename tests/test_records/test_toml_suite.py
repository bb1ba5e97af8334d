"""Only TOML 1.0 enters the commons: the codec agrees with the official toml-test suite (1.0 files) and tomllib.

The files under ``data/toml-test/`` are copied unchanged from
github.com/toml-lang/toml-test (``tests/files-toml-1.0.0``; MIT licence beside
them). rtoml alone accepts 9 of the invalid ones (TOML 1.1 syntax). The files
under ``data/toml-test-1.1/`` are the 68 files that toml-test lists for TOML
1.1 only (``tests/files-toml-1.1.0`` minus ``files-toml-1.0.0``, at commit
d168c2a): the codec must agree with tomllib (TOML 1.0) on each of them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import rtoml

from records import codec
from tests.test_store.samples import SCENARIO_ID, scenario

SUITE = Path(__file__).parent / "data" / "toml-test"
VALID = sorted((SUITE / "valid").rglob("*.toml"))
INVALID = sorted((SUITE / "invalid").rglob("*.toml"))
SUITE_11 = Path(__file__).parent / "data" / "toml-test-1.1"
ONLY_11 = sorted(SUITE_11.rglob("*.toml"))


def _name(path: Path) -> str:
    return path.relative_to(SUITE).as_posix()


def test_the_suite_is_all_there():
    assert len(VALID) == 210 and len(INVALID) == 499


@pytest.mark.parametrize("path", INVALID, ids=_name)
def test_every_invalid_file_is_refused(path):
    table, problems = codec.parse_toml(_name(path), path.read_bytes())
    assert table is None and len(problems) == 1
    assert problems[0].message.startswith("enregistrement invalide") and problems[0].line >= 1


@pytest.mark.parametrize("path", VALID, ids=_name)
def test_every_valid_file_is_read(path):
    table, problems = codec.parse_toml(_name(path), path.read_bytes())
    assert problems == [] and isinstance(table, dict)


@pytest.mark.parametrize("path", ONLY_11, ids=lambda p: p.relative_to(SUITE_11).as_posix())
def test_files_of_the_toml_11_suite_are_read_exactly_as_tomllib_reads_them(path):
    text = path.read_bytes().decode("utf-8")
    try:
        tomllib.loads(text.removeprefix("\ufeff"))
        expected = True
    except tomllib.TOMLDecodeError:
        expected = False
    table, problems = codec.parse_toml(path.name, path.read_bytes())
    assert (table is not None) == expected, problems


def test_the_toml_11_suite_is_all_there_and_holds_toml_11_syntax():
    assert len(ONLY_11) == 68
    assert sum(1 for path in ONLY_11 if codec.parse_toml(path.name, path.read_bytes())[0] is None) == 21


@pytest.mark.parametrize("text", [
    'a = { b = "}", \n c = 1 }\n',
    "a = { b = '}',\n  c = 1 }\n",
    'a = { b = { c = 1 }, \n d = 2 }\n',
    'a = { b = "{}", # note\n}\n',
])
def test_a_multi_line_inline_table_is_refused_whatever_its_first_line_holds(text):
    table, problems = codec.parse_toml("x.toml", text.encode())
    assert table is None and problems[0].rule == "toml" and problems[0].line in (1, 2)


def test_rtoml_alone_would_let_toml_11_in_and_the_fast_filter_sees_each_case():
    """The differential: where rtoml accepts an invalid file, the filter that decides to ask tomllib fires."""
    lenient = []
    for path in INVALID:
        try:
            text = path.read_bytes().decode("utf-8")
            rtoml.loads(text)
        except (UnicodeDecodeError, rtoml.TomlParsingError, ValueError, RecursionError, OverflowError):
            continue
        lenient.append(_name(path))
        assert codec._TOML11.search(text), path
        with pytest.raises(tomllib.TOMLDecodeError):
            tomllib.loads(text)
    assert len(lenient) >= 9 and "invalid/inline-table/trailing-comma.toml" in lenient


@pytest.mark.parametrize("extra, line", [
    ('start = 07:32\n', 7),
    ('meta = { a = 1, }\n', 7),
    ('meta = { a = 1,\n  b = 2 }\n', 8),
    ('code = "\\x41"\n', 7),
])
def test_a_record_with_toml_11_syntax_is_refused_with_its_line(extra, line):
    text = scenario("Défi").replace('academie = "lille"\n', 'academie = "lille"\n', 1)
    lines = text.splitlines(keepends=True)
    text = "".join(lines[:6]) + extra + "".join(lines[6:])
    loaded = codec.load(f"{SCENARIO_ID}.toml", text)
    assert loaded.record is None
    problem = loaded.problems[0]
    assert "TOML 1.0" in problem.message and problem.line in (line, line - 1, line + 1)


def test_times_in_prose_cost_tomllib_but_change_nothing():
    text = scenario("Rendez-vous à 10:30 au CDI")
    loaded = codec.load(f"{SCENARIO_ID}.toml", text)
    assert loaded.ok and loaded.record.title == "Rendez-vous à 10:30 au CDI"
