"""Tests of the forge CI template and of the pre-commit framework hook, with the real ``pre-commit`` tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from store.forge import gitlab_ci
from tests.conftest import REPO_ROOT, git, run_traam
from tests.test_hooks.helpers import SCENARIO, make_commons, scenario, write


def test_gitlab_ci_template_checks_merge_requests_and_protected_branches():
    """The template runs ``traam validate`` and ``traam verify`` on merge requests, main and academie/*."""
    ci = yaml.safe_load(gitlab_ci())
    scripts = {name: "\n".join(job["script"]) for name, job in ci.items() if isinstance(job, dict) and "script" in job}
    assert "traam validate" in scripts["traam-validate"]
    assert "traam verify" in scripts["traam-verify"]
    rules = " ".join(rule["if"] for rule in ci["workflow"]["rules"])
    assert "merge_request_event" in rules and '"main"' in rules and "academie" in rules
    assert ci["variables"]["GIT_DEPTH"] == "0" and ci["variables"]["GIT_SUBMODULE_STRATEGY"] == "none"


def test_pre_commit_hooks_manifest_checks_the_staged_tree():
    """``.pre-commit-hooks.yaml`` runs traam's own pre-commit check on every commit, no file names passed."""
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "traam-validate")
    assert hook["entry"] == "traam hooks lancer pre-commit" and hook["language"] == "python"
    assert hook["always_run"] is True and hook["pass_filenames"] is False and "files" not in hook


@pytest.mark.skipif(shutil.which("pre-commit", path=str(Path(sys.executable).parent)) is None,
                    reason="l'outil pre-commit n'est pas installé dans cet environnement")
def test_pre_commit_framework_runs_traam_validate(tmp_path, tmp_path_factory):
    """``pre-commit try-repo <traam> traam-validate`` passes on a valid commons, fails on a broken staged record.

    pre-commit builds a virtual environment and pip-installs traam from this
    checkout (PyPI for the dependencies): slow the first time, so the pip
    cache is kept across test runs.
    """
    repo = make_commons(tmp_path / "commun")
    tool = str(Path(sys.executable).parent / "pre-commit")
    cache = tmp_path_factory.getbasetemp().parent / "traam-pip-cache"
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit"), PIP_CACHE_DIR=str(cache))

    def try_repo():
        return subprocess.run([tool, "try-repo", str(REPO_ROOT), "traam-validate", "--all-files"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=600)

    done = try_repo()
    if "Could not find a version" in done.stdout or "Network is unreachable" in done.stdout:
        pytest.skip("pre-commit n'a pas pu installer traam : PyPI injoignable")
    assert done.returncode == 0, done.stdout
    write(repo, SCENARIO, scenario().replace('academie = "lille"', 'academie = "lille"\ncouleur = "bleu"'))
    git(repo, "add", SCENARIO)
    done = try_repo()
    assert done.returncode == 1
    assert f"{SCENARIO}:6:1: couleur : champ inconnu « couleur »" in done.stdout


def test_traam_init_writes_the_ci_template(tmp_path):
    """``traam init`` puts the template at the root of the new commons, committed, and the commons validates."""
    done = run_traam("init", str(tmp_path / "commun"))
    assert done.returncode == 0, done.stderr
    root = tmp_path / "commun"
    assert (root / ".gitlab-ci.yml").read_text(encoding="utf-8") == gitlab_ci()
    assert ".gitlab-ci.yml" in git(root, "ls-files").split()
    assert run_traam("validate", cwd=root).returncode == 0
