"""Tests that exports publish only validated records by default, with states derived from real signed merges."""

from __future__ import annotations

import json

from tests.conftest import run_traam
from tests.test_store import review_world

DRAFT_ID = "scenarios/2026-2027/svt/lille/brouillon"


def test_default_export_keeps_validated_records_and_stats_count_states(tmp_path):
    world = review_world.make_world(tmp_path)
    repo = world.clone("nation", signing="nation")
    review_world.edit(repo, "contrib/lille/herbier", {f"{review_world.NEW_ID}.toml": review_world.scenario(title="Herbier numérique")})
    review_world.merge(repo, "main", "contrib/lille/herbier", key=world.keys["nation"])
    review_world.edit(repo, "contrib/lille/brouillon", {f"{DRAFT_ID}.toml": review_world.scenario(title="Brouillon")})

    done = run_traam("-C", str(repo), "export", "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    items = {item["id"]: item for item in map(json.loads, done.stdout.splitlines())}
    assert items[review_world.NEW_ID]["state"] == "national"  # merged into main by a signed national merge
    assert DRAFT_ID not in items  # only on its contribution branch
    done = run_traam("-C", str(repo), "export", "-f", "jsonl", "--etat", "brouillon")
    ids = [json.loads(line)["id"] for line in done.stdout.splitlines()]
    assert DRAFT_ID in ids and review_world.NEW_ID not in ids

    done = run_traam("-C", str(repo), "stats", "--json")
    data = json.loads(done.stdout)
    assert data["by_state"]["brouillon"] == {"teams": 0, "scenarios": 1}
    validated = sum(data["by_state"].get(s, {"scenarios": 0})["scenarios"] for s in ("academique", "national"))
    (svt,) = [c for c in data["crcn_validated"] if c["discipline"] == "svt"]
    assert svt["campaign"] == "2026-2027" and svt["scenarios"] == validated  # the draft is not counted
    done = run_traam("-C", str(repo), "stats")
    assert "CRCN par campagne et discipline (scénarios validés seulement)" in done.stdout
