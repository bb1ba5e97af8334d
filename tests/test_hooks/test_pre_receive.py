"""Tests of the server hook: real pushes to a bare commons over file:// and over ``git daemon``.

Each case of SECURITY.md that concerns a push is accepted or refused with a
French reason, which the client sees as ``remote:`` lines.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import git, run_traam
from tests.test_hooks.helpers import SCENARIO, commit, git_run, make_commons, scenario, write


@pytest.fixture(params=["file", "daemon"])
def client(request, daemon, tmp_path):
    """A commons whose ``origin`` is a bare repository guarded by the pre-receive hook; main pushed."""
    base, port = daemon
    name = f"{tmp_path.name}-{request.param}.git"
    bare = base / name
    git(base, "init", "-q", "--bare", str(bare))
    done = run_traam("hooks", "install", "--server", cwd=bare)
    assert done.returncode == 0, done.stderr
    url = bare.as_uri() if request.param == "file" else f"git://127.0.0.1:{port}/{name}"
    repo = make_commons(tmp_path / "client")
    git(repo, "remote", "add", "origin", url)
    pushed = git_run(repo, "push", "origin", "main")
    assert pushed.returncode == 0, pushed.stderr  # the first push founds the commons
    git(repo, "switch", "-q", "-c", "contrib/lille/defi")
    return repo


def push(repo, *refspecs: str, force: bool = False) -> subprocess.CompletedProcess:
    return git_run(repo, "push", *(["--force"] if force else []), "origin", *refspecs)


def refused(done: subprocess.CompletedProcess, reason: str) -> bool:
    lines = [line for line in done.stderr.splitlines() if line.startswith("remote:")]
    return done.returncode != 0 and any(reason in line for line in lines) and "envoi refusé" in done.stderr


def test_valid_contribution_is_accepted(client):
    write(client, SCENARIO, scenario(title="Nouveau titre"))
    commit(client, "titre")
    done = push(client, "contrib/lille/defi")
    assert done.returncode == 0, done.stderr


def test_invalid_record_is_refused(client):
    write(client, SCENARIO, scenario().replace('theme = "nsi"', "theme = 3"))
    commit(client, "cassé", verify=False)
    assert refused(push(client, "contrib/lille/defi"), f"{SCENARIO}:6:1: theme : texte attendu")


def test_symlink_submodule_and_foreign_path_are_refused(client, tmp_path):
    os.symlink("/etc/passwd", client / "scenarios/2026-2027/nsi/lille/lien.toml")
    write(client, "outils/script.sh", "echo\n")
    head = git(client, "rev-parse", "HEAD").strip()
    git(client, "add", "-A")
    git(client, "update-index", "--add", "--cacheinfo", f"160000,{head},scenarios/2026-2027/nsi/lille/sous")
    git(client, "commit", "-q", "--no-verify", "-m", "trois fautes")
    done = push(client, "contrib/lille/defi")
    assert refused(done, "lien.toml:0:0: lien symbolique refusé")
    assert refused(done, "sous:0:0: sous-module refusé")
    assert refused(done, "outils/script.sh:0:0: chemin")


def test_oversized_record_and_filter_attribute_are_refused(client):
    write(client, SCENARIO, scenario() + "# " + "x" * 300_000 + "\n")
    write(client, ".gitattributes", "*.toml merge=traam\n* filter=lfs\n")
    commit(client, "trop gros", verify=False)
    done = push(client, "contrib/lille/defi")
    assert refused(done, "fichier trop gros (293 Kio, 256 Kio au plus)")
    assert refused(done, ".gitattributes:2:1: attribut « filter=lfs » refusé")


def test_commit_dated_in_the_future_is_refused(client):
    write(client, SCENARIO, scenario(title="Du futur"))
    git(client, "add", "-A")
    env = dict(os.environ, GIT_COMMITTER_DATE="2099-01-01T00:00:00Z")
    subprocess.run(["git", "-C", str(client), "commit", "-q", "-m", "futur"], check=True, env=env)
    assert refused(push(client, "contrib/lille/defi"), "daté dans le futur")


def test_direct_commit_on_main_is_refused(client):
    git(client, "switch", "-q", "main")
    write(client, SCENARIO, scenario(title="Direct"))
    commit(client, "direct")
    assert refused(push(client, "main"), "commit direct sur « main »")


def test_unsigned_merge_on_main_is_refused(client):
    write(client, SCENARIO, scenario(title="Contribution"))
    commit(client, "contribution")
    git(client, "switch", "-q", "main")
    git(client, "merge", "-q", "--no-ff", "--no-verify", "-m", "Valider", "contrib/lille/defi")
    done = push(client, "main")
    assert refused(done, "« refs/heads/main »")
    assert "sign" in done.stderr  # "non signée" / "signature …": refused for lack of a valid signature


def test_force_push_and_deletion_of_main_are_refused(client):
    git(client, "switch", "-q", "--orphan", "autre")
    write(client, "traam.toml", 'name = "Autre"\n')
    commit(client, "autre histoire")
    assert refused(push(client, "autre:main", force=True), "poussée forcée")
    assert refused(push(client, ":main"), "suppression de la branche protégée « main »")
    assert git_run(client, "ls-remote", "origin", "refs/heads/main").stdout.strip()


def test_academie_branch_starts_from_main(client):
    """An académie branch may start at main; one grown elsewhere holds direct commits and is refused."""
    assert push(client, "main:refs/heads/academie/lille").returncode == 0
    git(client, "switch", "-q", "--orphan", "ailleurs")
    write(client, "traam.toml", 'name = "Ailleurs"\n')
    commit(client, "ailleurs")
    assert refused(push(client, "ailleurs:refs/heads/academie/nantes"), "commit direct sur « academie/nantes »")


def test_foreign_refs_are_refused(client):
    assert refused(push(client, "HEAD:refs/pipelines/x"), "référence non permise")


def test_tags_are_checked_and_never_moved(client):
    """A tag brings its commits through the same content checks, and cannot be moved afterwards."""
    assert push(client, "main:refs/tags/v1").returncode == 0
    write(client, SCENARIO, scenario().replace('theme = "nsi"', "theme = 3"))
    commit(client, "cassé", verify=False)
    assert refused(push(client, "HEAD:refs/tags/v2"), "theme : texte attendu")
    assert refused(push(client, "HEAD:refs/tags/v1", force=True), "une étiquette ne se déplace ni ne se supprime")
