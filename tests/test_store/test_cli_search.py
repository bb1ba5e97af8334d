"""``traam search``: lines ``id — titre`` sanitised, JSON, limit, exit codes, French messages."""

from __future__ import annotations

import json

import pytest

from store.init import init_commons
from tests.conftest import run_traam
from tests.test_store.test_search import _scenario, _theme


@pytest.fixture()
def commons(tmp_path):
    records = dict(
        [
            _scenario("jardin", "La biodiversité du jardin", "Inventaire avec Capytale."),
            _scenario("abeilles", "Enquête sur les abeilles", "La biodiversité et les pollinisateurs.",
                      academie="la-reunion"),
            _scenario("piege", "Titre \u200b piégé [@click=app.quit]", "Texte."),
            _theme("Biodiversité et numérique"),
        ]
    )
    init_commons(tmp_path / "commun", name="Commun d'essai", records=records)
    return tmp_path / "commun"


def test_search_prints_id_and_title_best_first(commons):
    done = run_traam("search", "biodivrsté", cwd=commons)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "scenarios/2025-2026/svt/lille/jardin — La biodiversité du jardin"
    assert "themes/2025-2026/svt — Biodiversité et numérique" in lines
    assert lines[-1] == "scenarios/2025-2026/svt/la-reunion/abeilles — Enquête sur les abeilles"


def test_search_with_facets_json_and_limit(commons):
    done = run_traam("-C", str(commons), "search", "biodiversite", "académie:réunion", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [d["id"] for d in data] == ["scenarios/2025-2026/svt/la-reunion/abeilles"]
    assert data[0]["kind"] == "scenario" and data[0]["spans"] == []
    done = run_traam("search", "biodiversité", "--limit", "1", "--json", cwd=commons)
    data = json.loads(done.stdout)
    assert len(data) == 1 and data[0]["spans"] == [[3, 15]]


def test_nothing_found_exits_1_with_a_french_message(commons):
    done = run_traam("search", "volcan", "couleur:bleu", cwd=commons)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "filtre inconnu « couleur: »" in done.stderr
    assert "aucun résultat" in done.stderr


def test_hostile_title_is_printed_sanitised(commons):
    done = run_traam("search", "piégé", cwd=commons)
    assert done.returncode == 0
    assert "\u200b" not in done.stdout
    assert "⟨U+200B⟩" in done.stdout and "[@click=app.quit]" in done.stdout


def test_outside_a_commons_and_bad_limit(tmp_path):
    done = run_traam("search", "x", cwd=tmp_path)
    assert done.returncode == 1 and "traam : erreur" in done.stderr
    done = run_traam("search", "x", "--limit", "0", cwd=tmp_path)
    assert done.returncode == 2


def test_state_facet_uses_the_validation_states(commons):
    from store.commons import Commons
    from store.review.states import record_states

    opened = Commons.open(commons)
    states = record_states(opened, opened.load())
    state = states["scenarios/2025-2026/svt/lille/jardin"]
    done = run_traam("search", "jardin", f"état:{state}", cwd=commons)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["scenarios/2025-2026/svt/lille/jardin — La biodiversité du jardin"]
    other = next(code for code in ("brouillon", "national") if code != state)
    assert run_traam("search", "jardin", f"etat:{other}", cwd=commons).returncode == 1
