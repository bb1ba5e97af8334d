"""Keeps the benchmark scripts working: a 200-record commons, every measure and floor once, not timed (< 30 s)."""

from __future__ import annotations

import json

from bench import run, terminal
from bench.generate import generate
from bench.measures import corpus_queries, keystrokes
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
    assert result["floors"]["read1"]["records"] == result["floors"]["read2"]["records"] == 199
    assert result["validate"]["problems"] == 0
    assert result["write"]["history_items"] >= 1
    assert result["warm"]["search"]["count"] == len(keystrokes()) >= 300
    assert git(root, "status", "--porcelain") == ""  # the measured commits were undone
    by_name = {row["measure"]: row for row in result["rows"]}
    assert by_name["ouverture à froid, avec progression"]["ratio"] > 0
    assert by_name["un commit par l'application (hooks installés)"]["floor"] == result["floors"]["commit"]["seconds"]
    text = run.report.table(result)
    assert "moteur de recherche seul, p95" in text and "200 enregistrements" in text and "plancher" in text
    json.dumps(result)


def test_queries_are_fixed_and_hold_typos():
    assert corpus_queries() == corpus_queries()
    assert len(keystrokes()) >= 300
    assert "biodivrsté" in corpus_queries()


def test_keystrokes_painted_in_a_pty(tmp_path):
    """The stamps of traam's search and of the floor app still arrive (the pty measure cannot rot)."""
    root = generate(200, tmp_path, say=lambda _text: None)
    assert len(terminal.traam_keystrokes(root, "Commun de test (200", ["bio"])) == 3
    assert len(terminal.floor_keystrokes(["bio"])) == 3


def test_signed_merges_commons_verifies(tmp_path):
    """The signed commons of the verify benchmark (signatures made through ssh-agent) passes ``traam verify``."""
    from bench import verify_bench

    result = verify_bench.measure(6, tmp_path, say=lambda _text: None)
    assert result["merges"] == 6 and result["cold"] > 0 and result["again"] > 0
    root = tmp_path / "signed-6"
    assert int(git(root, "rev-list", "--count", "--merges", "main")) == 6
    assert "gpgsig -----BEGIN SSH SIGNATURE-----" in git(root, "cat-file", "commit", "main")
