"""The journeys of issue 13, end to end in the real ``traam`` in tmux, at 120×40 and 80×24.

Each journey builds its own world: a bare shared remote, clones, real ssh-keygen keys for the
reviewers, a hermetic HOME. The terminal is driven by keys and read with capture-pane; every
step waits for what the screen must show (generous timeouts, never a sleep as synchronisation).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import git, run_traam
from tests.e2e.test_tmux import Terminal
from tests.test_store.review_world import NEW_ID, make_world, scenario
from tests.test_tui.review_scenes import SCENARIO_ID, contribute, edit
from tests.test_tui.test_sync_export_tui import upstream_change

pytestmark = pytest.mark.e2e

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
SVT_POSITION = 17
"""Rank of SVT in the disciplines list (premier degré first): the form's list is walked with ↓."""


def run_traam_in(tmp_path: Path, traam_bin: Path, home: Path, repo: Path, size) -> Terminal:
    env = {**os.environ, "PATH": f"{traam_bin}{os.pathsep}{os.environ['PATH']}", "HOME": str(home),
           "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return Terminal(["traam", "-C", str(repo)], env, tmp_path, size=size)


@pytest.mark.parametrize("size", SIZES)
def test_teacher_creates_a_record_and_submits_it(tmp_path, traam_bin, hermetic_git, size):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    git(teacher, "config", "traam.academie", "lille")
    term = run_traam_in(tmp_path, traam_bin, hermetic_git, teacher, size)
    try:
        term.wait_for("Campagne en cours", timeout=90)
        term.keys("n")
        term.wait_for("Scénario")
        term.keys("Enter")
        term.wait_for("remplissez les champs")  # an untouched form: a hint, no error
        term.keys("Tab", *["Down"] * SVT_POSITION, "Space")
        term.wait_for("[x] Sciences de la vie")
        # Ctrl+S on an incomplete form says why and puts the focus on the first faulty field: the theme
        # (the académie is Lille already, from traam.academie), chosen by typing in its list.
        term.keys("C-s")
        term.wait_for("Thématique.")  # « Enregistrement impossible … Premier : Thématique. » (wrapped at 80×24)
        term.type("svt")
        term.wait_for("Biodiversité et données (svt)")
        term.keys("Enter")
        term.wait_for("1 problème(s)")  # the theme is chosen: only the title is missing
        term.keys("C-s")
        term.wait_for("Titre.")
        term.type("Mares et têtards")
        term.wait_for("mares-et-tetards")
        term.keys("C-s")  # on main: the form proposes a contribution named after the record
        term.wait_for("Enregistrer dans une contribution")
        term.keys("Enter")
        term.wait_for("Message du commit")
        term.keys("Enter")
        screen = term.wait_for("Brouillon", timeout=60)  # the new record opens, a draft
        assert "Mares et têtards" in screen
        term.keys("p")
        term.wait_for("Soumettre la contribution")
        term.keys("Enter")
        term.wait_for("Proposé", timeout=60)  # the record's state, derived from the pushed branch
        term.keys("q")
    finally:
        term.close()
    remote = git(teacher, "ls-remote", "origin")
    assert "refs/heads/contrib/lille/mares-et-tetards" in remote, remote
    assert git(world.remote, "rev-parse", "main") == git(teacher, "rev-parse", "origin/main"), "main untouched"


@pytest.mark.parametrize("size", SIZES)
def test_academie_reviewer_requests_changes_then_approves_the_new_version(tmp_path, traam_bin, hermetic_git, size):
    world = make_world(tmp_path)
    teacher = contribute(world)
    lille = world.clone("lille", signing="lille")
    term = run_traam_in(tmp_path, traam_bin, hermetic_git, lille, size)
    try:
        term.wait_for("Campagne en cours", timeout=90)
        term.keys("4")
        term.wait_for("contrib/lille/herbier", timeout=90)
        term.keys("d")
        term.wait_for("Demander des modifications")
        term.type("Ajoutez la durée.")
        term.keys("C-s")
        term.wait_for("Aucune contribution", timeout=60)  # waiting for the author now
        # The teacher answers with a new commit on the same branch (by plain git: this journey is the reviewer's).
        (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique", duration="3 séances"),
                                                 encoding="utf-8")
        git(teacher, "commit", "-q", "-am", "Ajouter la durée")
        git(teacher, "push", "-q", "origin", "contrib/lille/herbier")
        term.keys("f")
        term.wait_for("contrib/lille/herbier", timeout=90)
        term.wait_for("3 séances", timeout=60)
        term.keys("v")
        term.wait_for("Valider et signer")
        term.keys("Tab")  # the dialog opens on « Annuler »: approving is a deliberate second step
        term.keys("Enter")
        term.wait_for("Validé :", timeout=90)
        term.wait_for("Aucune contribution", timeout=60)
        term.keys("q")
    finally:
        term.close()
    note = git(world.remote, "notes", "--ref=refs/notes/traam-review", "list")
    assert note.strip(), "the request for changes is a note pushed to the shared remote"
    merged = git(world.remote, "show", "academie/lille:" + f"{NEW_ID}.toml")
    assert "3 séances" in merged, "the version approved is the new one, merged into academie/lille on the remote"
    assert "-----BEGIN SSH SIGNATURE-----" in git(world.remote, "cat-file", "commit", "academie/lille")


@pytest.mark.parametrize("size", SIZES)
def test_nsi_team_clones_its_fork_syncs_and_resolves_a_same_field_conflict(tmp_path, traam_bin, hermetic_git, size):
    """The NSI team's fork lives on its own forge; the commons upstream changes the title the team changed too."""
    world = make_world(tmp_path)
    git(tmp_path, "clone", "-q", "--bare", str(world.remote), str(tmp_path / "nsi.git"))
    done = run_traam("clone", f"file://{tmp_path / 'nsi.git'}", str(tmp_path / "fork"), cwd=tmp_path)
    assert done.returncode == 0 and "remote add upstream" in done.stdout, done.stdout + done.stderr
    fork = tmp_path / "fork"
    git(fork, "remote", "add", "upstream", f"file://{world.remote}")  # as traam clone says
    upstream_change(world, {f"{SCENARIO_ID}.toml": scenario(title="Titre de l'amont", duration="2 séances")})
    edit(fork, "main", {f"{SCENARIO_ID}.toml": scenario(title="Titre du fork", summary="Résumé du fork.")},
         "Changement local")
    term = run_traam_in(tmp_path, traam_bin, hermetic_git, fork, size)
    try:
        term.wait_for("Campagne en cours", timeout=90)
        term.keys("s")
        term.wait_for("Suit : upstream/main")
        term.keys("s")
        term.wait_for("fichier(s)", timeout=90)  # « Conflits en fusionnant … » (wrapped at 80 columns)
        term.keys("r")
        term.wait_for("Garder l'amont")
        term.keys("Down")
        term.keys("Space")
        term.wait_for("◉ Garder l'amont")
        term.keys("Tab")  # « Annuler »
        term.keys("Tab")  # « Appliquer ces choix »
        term.keys("Enter")
        term.wait_for("Conflits résolus", timeout=60)
        term.keys("q")
    finally:
        term.close()
    assert git(fork, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).strip() == ""
    assert len(git(fork, "rev-list", "--parents", "-n1", "HEAD").split()) == 3
    text = git(fork, "show", f"HEAD:{SCENARIO_ID}.toml")
    assert 'title = "Titre de l\'amont"' in text and 'summary = "Résumé du fork."' in text
    assert 'duration = "2 séances"' in text and "CONFLIT" not in text
