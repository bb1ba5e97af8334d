"""Tests of the client hooks through real ``git commit`` and ``git merge`` runs in throw-away commons."""

from __future__ import annotations

import os

import pytest

from tests.conftest import git, run_traam
from tests.test_hooks.helpers import SCENARIO, commit, git_run, make_commons, scenario, write

TEAM = "teams/2026-2027/nsi/lille.toml"


@pytest.fixture
def repo(tmp_path):
    """A commons with traam's client hooks installed, on a work branch."""
    path = make_commons(tmp_path / "c")
    done = run_traam("hooks", "install", cwd=path)
    assert done.returncode == 0, done.stderr
    git(path, "switch", "-q", "-c", "travail")
    return path


def test_invalid_staged_record_is_refused_with_line(repo):
    """A schema error in a staged record refuses the commit with ``path:line:col`` in French."""
    write(repo, SCENARIO, scenario().replace('academie = "lille"', 'academie = "lille"\ncouleur = "bleu"'))
    git(repo, "add", SCENARIO)
    done = git_run(repo, "commit", "-m", "essai")
    assert done.returncode == 1
    assert f"{SCENARIO}:6:1: couleur : champ inconnu « couleur »" in done.stderr
    assert "commit refusé" in done.stderr


def test_index_is_checked_not_the_work_tree(repo):
    """What is staged counts: a broken but unstaged file does not block; a broken staged one does."""
    write(repo, SCENARIO, scenario(title="Bon titre"))
    git(repo, "add", SCENARIO)
    write(repo, SCENARIO, "cassé = [\n")
    assert git_run(repo, "commit", "-m", "bon").returncode == 0
    git(repo, "add", SCENARIO)
    write(repo, SCENARIO, scenario(title="Réparé dans l'arbre seulement"))
    done = git_run(repo, "commit", "-m", "cassé")
    assert done.returncode == 1 and "enregistrement invalide" in done.stderr


def test_commit_all_uses_the_temporary_index(repo):
    """``git commit -a`` checks the index git builds for it (GIT_INDEX_FILE), not the stale one."""
    write(repo, SCENARIO, scenario(levels=["cycle-4"]).replace("cycle-4", "cycle-9"))
    done = git_run(repo, "commit", "-a", "-m", "niveau inconnu")
    assert done.returncode == 1
    assert "niveau inconnu" in done.stderr


def test_symlink_outside_layout_and_twins_are_refused(repo, tmp_path):
    """Mode 120000, a path outside the layout and a case twin are each refused."""
    secret = tmp_path / "secret.toml"
    secret.write_text('name = "x"\n', encoding="utf-8")
    os.symlink(secret, repo / "scenarios/2026-2027/nsi/lille/lien.toml")
    write(repo, "notes/idee.txt", "hors du commun\n")
    write(repo, "scenarios/2026-2027/nsi/lille/Defi.toml", scenario())
    git(repo, "add", "-A")
    done = git_run(repo, "commit", "-m", "trois fautes")
    assert done.returncode == 1
    assert "lien.toml:0:0: lien symbolique refusé" in done.stderr
    assert "notes/idee.txt:0:0: chemin" in done.stderr
    assert "Defi.toml:0:0: chemin invalide" in done.stderr and "caractère « D »" in done.stderr


def test_rules_touched_by_a_deletion_are_checked(repo):
    """Deleting a team breaks the scenarios that point at it: the rule is checked on them too."""
    git(repo, "rm", "-q", TEAM)
    done = git_run(repo, "commit", "-m", "supprimer l'équipe")
    assert done.returncode == 1
    assert f"{SCENARIO}:" in done.stderr and "aucune équipe ne correspond" in done.stderr


def test_valid_commit_passes_and_not_a_commons_is_ignored(repo, tmp_path):
    """A valid change commits; a repository without traam.toml is left alone by the hook."""
    write(repo, SCENARIO, scenario(title="Nouveau titre"))
    commit(repo, "titre")
    git(repo, "rm", "-q", "traam.toml")
    write(repo, "n'importe.txt", "x\n")
    commit(repo, "plus un commun")


def test_commit_msg_refuses_empty_and_hidden_characters(repo):
    """An empty message (only comments) and a bidi override are refused in French."""
    write(repo, SCENARIO, scenario(title="Autre"))
    git(repo, "add", SCENARIO)
    done = git_run(repo, "commit", "--allow-empty-message", "-m", "")
    assert done.returncode == 1 and "message de commit est vide" in done.stderr
    done = git_run(repo, "commit", "-m", "Titre \u202egnp.exe")
    assert done.returncode == 1 and "U+202E" in done.stderr
    assert git_run(repo, "commit", "-m", "Changer le titre").returncode == 0


def test_plain_merge_into_main_is_refused(repo):
    """A merge commit on main must go through ``traam review approve``."""
    write(repo, SCENARIO, scenario(title="Travail"))
    commit(repo, "travail")
    git(repo, "switch", "-q", "main")
    done = git_run(repo, "merge", "--no-ff", "--no-edit", "travail")
    assert done.returncode != 0
    assert "traam review approve" in done.stderr
    assert git_run(repo, "rev-parse", "-q", "--verify", "MERGE_HEAD").returncode == 0  # nothing committed
