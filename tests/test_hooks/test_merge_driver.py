"""Tests of the record merge driver, through real ``git merge`` runs and on its pure function."""

from __future__ import annotations

import rtoml

from hooks.merge_driver import MARKER, merge_texts, show_value
from records import codec
from tests.conftest import git, run_traam
from tests.test_hooks.helpers import SCENARIO, commit, git_run, make_commons, scenario, write


def _branches(tmp_path, ours: str, theirs: str):
    repo = make_commons(tmp_path / "c")
    assert run_traam("hooks", "install", cwd=repo).returncode == 0
    git(repo, "switch", "-q", "-c", "eux")
    write(repo, SCENARIO, theirs)
    commit(repo, "eux", verify=False)  # may be an invalid record on purpose
    git(repo, "switch", "-q", "-c", "travail", "main")  # main is protected: plain merges there are refused
    write(repo, SCENARIO, ours)
    commit(repo, "nous")
    return repo


def test_git_merge_different_fields_merges_cleanly(tmp_path):
    """Two branches editing different fields (and the keyword list) merge field by field, no conflict."""
    repo = _branches(
        tmp_path,
        ours=scenario(title="Titre de nous", keywords=["plantes", "jardin"]),
        theirs=scenario(summary="Résumé d'eux.", keywords=["plantes", "biodiversité"]),
    )
    done = git_run(repo, "merge", "--no-edit", "eux")
    assert done.returncode == 0, done.stdout + done.stderr
    text = (repo / SCENARIO).read_text(encoding="utf-8")
    keywords = ["plantes", "jardin", "biodiversité"]
    assert text == scenario(title="Titre de nous", summary="Résumé d'eux.", keywords=keywords)


def test_git_merge_same_field_conflict_leaves_valid_record(tmp_path):
    """The same field changed on both sides: git reports a conflict, the file stays a valid record + a description."""
    repo = _branches(tmp_path, ours=scenario(title="Titre A"), theirs=scenario(title="Titre B", summary="Autre."))
    done = git_run(repo, "merge", "--no-edit", "eux")
    assert done.returncode == 1
    assert "CONFLICT" in done.stdout
    text = (repo / SCENARIO).read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    loaded = codec.load(SCENARIO, text)
    assert [p.rule for p in loaded.problems] == ["conflict"]  # valid record, but unresolved
    assert loaded.record.title == "Titre A" and loaded.record.summary == "Autre."
    assert f'{MARKER} : champ « title » — base : "Défi botanique" / nous : "Titre A" / eux : "Titre B"' in text
    assert git_run(repo, "ls-files", "-u").stdout.count(SCENARIO) == 3  # git knows it is unresolved


def test_unresolved_merge_cannot_be_committed_nor_validated(tmp_path):
    """``git add`` + ``git commit`` of a file still headed by « CONFLIT traam » is refused; so is validate.

    Once the comment lines are removed, the merge commits.
    """
    repo = _branches(tmp_path, ours=scenario(title="Titre A"), theirs=scenario(title="Titre B"))
    assert git_run(repo, "merge", "--no-edit", "eux").returncode == 1
    git(repo, "add", SCENARIO)
    done = git_run(repo, "commit", "--no-edit")
    assert done.returncode == 1
    assert f"{SCENARIO}:1:1: fusion non résolue" in done.stderr
    done = run_traam("validate", cwd=repo)
    assert done.returncode == 1 and f"{SCENARIO}:1:1: fusion non résolue" in done.stdout + done.stderr
    resolved = "".join(line for line in (repo / SCENARIO).read_text(encoding="utf-8").splitlines(keepends=True)
                       if not line.startswith("#"))
    write(repo, SCENARIO, resolved)
    git(repo, "add", SCENARIO)
    done = git_run(repo, "commit", "--no-edit")
    assert done.returncode == 0, done.stderr
    assert run_traam("validate", cwd=repo).returncode == 0


def test_conflict_description_is_one_safe_line_per_field():
    """Values with newlines, quotes and odd characters stay on one comment line; the file parses."""
    base = scenario(summary="a")
    ours = scenario(summary="ligne 1\nligne 2 # pas un commentaire \"x\"")
    theirs = scenario(summary="zéro\u200bwidth \\ fin")
    text, lines = merge_texts(SCENARIO, base.encode(), ours.encode(), theirs.encode())
    assert len(lines) == 3
    assert all(line.startswith("#") and "\n" not in line for line in lines)
    assert "⟨U+200B⟩" in lines[2]
    table = rtoml.loads(text)
    assert table["summary"] == "ligne 1\nligne 2 # pas un commentaire \"x\""
    assert show_value(None) == "(absent)" and len(show_value("x" * 1000)) == 160


def test_invalid_side_keeps_ours_intact(tmp_path):
    """A side that is not a valid record: conflict, and our file is left byte for byte."""
    repo = _branches(tmp_path, ours=scenario(title="Nous"), theirs="title = [cassé\n")
    before = (repo / SCENARIO).read_text(encoding="utf-8")
    done = git_run(repo, "merge", "--no-edit", "eux")
    assert done.returncode == 1
    assert (repo / SCENARIO).read_text(encoding="utf-8") == before
    assert "version « eux » invalide" in done.stderr


def test_added_on_both_sides_merges_against_empty_base():
    """An add/add (empty base) merges the two new records field by field."""
    text, lines = merge_texts(SCENARIO, b"", scenario(title="A").encode(), scenario(title="A").encode())
    assert lines == [] and text == scenario(title="A")
    text, lines = merge_texts(SCENARIO, b"", scenario(title="A").encode(), scenario(title="B").encode())
    assert codec.load(SCENARIO, text).record.title == "A" and "title" in lines[2]


def test_git_pull_uses_driver(tmp_path):
    """A plain ``git pull`` by a user outside traam merges records field by field too."""
    upstream = make_commons(tmp_path / "up")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(upstream), str(clone))
    assert run_traam("hooks", "install", cwd=clone).returncode == 0
    git(clone, "switch", "-q", "-c", "travail", "--track", "origin/main")
    write(upstream, SCENARIO, scenario(summary="Résumé amont."))
    commit(upstream, "amont")
    write(clone, SCENARIO, scenario(title="Titre local"))
    commit(clone, "local")
    done = git_run(clone, "pull", "--no-rebase", "--no-edit")
    assert done.returncode == 0, done.stderr
    assert (clone / SCENARIO).read_text(encoding="utf-8") == scenario(title="Titre local", summary="Résumé amont.")


def test_toml_outside_the_layout_falls_back_to_line_merge(tmp_path, monkeypatch):
    """A TOML file that is not a record gets git's own line merge, with conflict markers."""
    from hooks.merge_driver import run

    monkeypatch.chdir(tmp_path)
    for name, text in (("base", 'a = 1\n'), ("ours", 'a = 2\n'), ("theirs", 'a = 3\n')):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert run("base", "ours", "theirs", "outils/reglages.toml") == 1
    merged = (tmp_path / "ours").read_text(encoding="utf-8")
    assert "<<<<<<< nous" in merged and "a = 2" in merged and "a = 3" in merged
