"""Tests of traam's hooks living with the real pre-commit framework, installed in either order.

pre-commit runs from its package (test extras) with a hermetic home
(``PRE_COMMIT_HOME`` in the test's folder) and a ``repo: local`` hook whose
entry is the one ``.pre-commit-hooks.yaml`` publishes, so no network is used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT, git, run_traam
from tests.test_hooks.helpers import SCENARIO, git_run, make_commons, scenario, write

TOOL = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
pytestmark = pytest.mark.skipif(TOOL is None, reason="l'outil pre-commit n'est pas installé dans cet environnement")

THEME = "themes/2026-2027/nsi.toml"


def manifest_hook() -> dict:
    """Return the ``traam-validate`` hook as ``.pre-commit-hooks.yaml`` publishes it."""
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "traam-validate")


def framework_env(tmp_path: Path, traam_bin: Path) -> dict[str, str]:
    """Environment for git and pre-commit: ``traam`` of this checkout on PATH, pre-commit's home in tmp."""
    return dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
                PATH=f"{traam_bin}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def add_framework_config(repo: Path) -> None:
    """Commit a ``.pre-commit-config.yaml`` whose local hook is the published one (language: system)."""
    hook = {**manifest_hook(), "language": "system"}
    hook.pop("minimum_pre_commit_version", None)
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    write(repo, ".pre-commit-config.yaml", yaml.safe_dump(config, allow_unicode=True))
    git(repo, "add", ".pre-commit-config.yaml")
    git(repo, "commit", "-q", "--no-verify", "-m", "pre-commit")


def commit(repo: Path, env: dict, message: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repo), "commit", "-m", message], env=env, capture_output=True, text=True,
                          check=False)


def install_framework(repo: Path, env: dict) -> None:
    done = subprocess.run([TOOL, "install"], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def install_traam(repo: Path) -> str:
    done = run_traam("hooks", "install", cwd=repo)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("order", ["traam-puis-framework", "framework-puis-traam"])
def test_both_orders_of_installation_commit_valid_and_refuse_invalid(order, tmp_path, traam_bin):
    """Either order ends with the framework's hook in place and traam's shim as ``pre-commit.legacy``.

    A valid commit passes, an invalid record is refused by both (traam's shim
    under its ``.legacy`` name, then the framework's hook), and uninstalling
    traam leaves the framework working.
    """
    repo = make_commons(tmp_path / "commun")
    env = framework_env(tmp_path, traam_bin)
    add_framework_config(repo)
    if order == "traam-puis-framework":
        install_traam(repo)
        install_framework(repo, env)
    else:
        install_framework(repo, env)
        assert "pre-commit : chaîné au framework pre-commit" in install_traam(repo)
        assert "pre-commit : chaîné au framework pre-commit" in install_traam(repo)  # idempotent
    hooks = repo / ".git" / "hooks"
    assert "pre-commit.com" in (hooks / "pre-commit").read_text(encoding="utf-8")
    assert "# traam-hook" in (hooks / "pre-commit.legacy").read_text(encoding="utf-8")

    write(repo, SCENARIO, scenario(title="Un titre valide"))
    git(repo, "add", SCENARIO)
    done = commit(repo, env, "valide")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "hook inconnu" not in done.stderr

    write(repo, SCENARIO, scenario().replace('academie = "lille"', 'academie = "lille"\ncouleur = "bleu"'))
    git(repo, "add", SCENARIO)
    done = commit(repo, env, "invalide")
    assert done.returncode != 0
    assert f"{SCENARIO}:6:1: couleur : champ inconnu « couleur »" in done.stderr
    git(repo, "reset", "-q", "--hard")

    assert run_traam("hooks", "uninstall", cwd=repo).returncode == 0
    assert not (hooks / "pre-commit.legacy").exists()
    assert "pre-commit.com" in (hooks / "pre-commit").read_text(encoding="utf-8")
    write(repo, "perdu.txt", "égaré\n")
    git(repo, "add", "perdu.txt")
    done = commit(repo, env, "fichier égaré")
    assert done.returncode != 0 and "perdu.txt" in done.stdout + done.stderr  # the framework's hook alone still refuses


def test_framework_hook_checks_the_staged_tree(tmp_path, traam_bin):
    """Through the framework alone: deleting a theme that scenarios use, or adding a stray file, is refused."""
    repo = make_commons(tmp_path / "commun")
    env = framework_env(tmp_path, traam_bin)
    add_framework_config(repo)
    install_framework(repo, env)

    git(repo, "rm", "-q", THEME)
    done = commit(repo, env, "suppression de la thématique")
    assert done.returncode != 0
    assert SCENARIO in done.stdout + done.stderr and "thématique" in done.stdout + done.stderr
    git(repo, "reset", "-q", "--hard")

    write(repo, "notes/idee.txt", "hors du commun\n")
    git(repo, "add", "notes/idee.txt")
    done = commit(repo, env, "fichier égaré")
    assert done.returncode != 0 and "notes/idee.txt" in done.stdout + done.stderr
    git(repo, "reset", "-q", "--hard")

    write(repo, SCENARIO, "# CONFLIT traam : champ « title »\n" + scenario())
    git(repo, "add", SCENARIO)
    done = commit(repo, env, "fusion non résolue")
    assert done.returncode != 0 and f"{SCENARIO}:1:1: fusion non résolue" in done.stdout + done.stderr


def test_traam_shim_under_a_legacy_name_is_the_same_hook(tmp_path):
    """The shim run as ``pre-commit.legacy`` (the framework renamed it) checks like ``pre-commit``."""
    repo = make_commons(tmp_path / "commun")
    install_traam(repo)
    hooks = repo / ".git" / "hooks"
    (hooks / "pre-commit").rename(hooks / "pre-commit.legacy")
    write(repo, SCENARIO, scenario().replace('academie = "lille"', 'academie = "lille"\ncouleur = "bleu"'))
    git(repo, "add", SCENARIO)
    done = subprocess.run([str(hooks / "pre-commit.legacy")], cwd=repo, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "hook inconnu" not in done.stderr
    assert "champ inconnu « couleur »" in done.stderr
    assert git_run(repo, "commit", "-m", "sans hook actif").returncode == 0  # nothing named pre-commit any more
