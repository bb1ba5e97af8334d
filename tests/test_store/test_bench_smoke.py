"""Keeps the benchmark scripts working: generate a 200-record commons and run every measure once (not timed)."""

from __future__ import annotations

from bench import run
from bench.generate import generate
from records.layout import locate
from tests.conftest import git


def test_generate_and_run_at_200_records(tmp_path):
    root = generate(200, tmp_path, say=lambda _text: None)
    assert generate(200, tmp_path, say=lambda _text: None) == root  # reused from the cache folder
    files = git(root, "ls-files").split()
    assert len([f for f in files if f.endswith(".toml")]) == 200
    assert all(locate(f) for f in files if f.endswith(".toml"))
    assert int(git(root, "rev-list", "--count", "HEAD")) > 10
    assert git(root, "status", "--porcelain") == ""
    result = run.run(200, tmp_path, progress=lambda _text: None, slow=False)
    assert result["cold"]["records"] == 200
    assert result["validate"]["problems"] == 0
    assert result["write"]["history_items"] >= 1
    assert result["warm"]["search"]["count"] > 100
    assert git(root, "status", "--porcelain") == ""  # the measured commit was undone
    text = run.table(result)
    assert "recherche par frappe, p95" in text and "200 enregistrements" in text
