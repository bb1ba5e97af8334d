"""Tests of the forge CI template and of the pre-commit framework hook, with the real ``pre-commit`` tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import metadata
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


def test_gitlab_ci_template_installs_a_pinned_source_that_exists():
    """traam comes from the tool's repository at the installed version, never from a package name on an index."""
    text = gitlab_ci()
    ci = yaml.safe_load(text)
    variables = ci["variables"]
    assert variables["TRAAM_SOURCE"] == "git+${TRAAM_REPOSITORY}@v${TRAAM_VERSION}"
    assert variables["TRAAM_VERSION"] == metadata.version("traam")
    assert variables["TRAAM_REPOSITORY"].startswith("https://") and variables["TRAAM_REPOSITORY"].endswith(".git")
    assert "traam.trustRoot" not in text and "TRAAM_TRUST_ROOT" in text  # verify reads the CI variable itself
    custom = yaml.safe_load(gitlab_ci(repository="https://forge.example.org/miroir/traam.git", version="9.8.7"))
    assert custom["variables"]["TRAAM_REPOSITORY"] == "https://forge.example.org/miroir/traam.git"
    assert custom["variables"]["TRAAM_VERSION"] == "9.8.7"


def test_gitlab_ci_template_publishes_junit_and_code_quality_reports():
    """The validate job writes both reports, kept even when the job fails."""
    job = yaml.safe_load(gitlab_ci())["traam-validate"]
    script = "\n".join(job["script"])
    assert "--format junit --sortie traam-junit.xml" in script and "--format gitlab --sortie gl-code-quality" in script
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {"junit": "traam-junit.xml", "codequality": "gl-code-quality-report.json"}


@pytest.mark.skipif(shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) is None,
                    reason="check-jsonschema n'est pas installé dans cet environnement")
def test_gitlab_ci_template_matches_gitlab_schema(tmp_path):
    """check-jsonschema's vendored GitLab CI schema accepts the generated file."""
    target = tmp_path / ".gitlab-ci.yml"
    target.write_text(gitlab_ci(), encoding="utf-8")
    tool = str(Path(sys.executable).parent / "check-jsonschema")
    done = subprocess.run([tool, "--builtin-schema", "vendor.gitlab-ci", str(target)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(gitlab_ci().replace("when: always", "when: parfois", 1), encoding="utf-8")
    done = subprocess.run([tool, "--builtin-schema", "vendor.gitlab-ci", str(broken)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1  # the schema does check something


def test_gitlab_ci_fetch_line_works_when_main_is_checked_out(tmp_path):
    """The verify job's fetch updates ``main`` even when it is the checked-out branch (``--update-head-ok``)."""
    origin = make_commons(tmp_path / "origine")
    git(origin, "branch", "academie/lille")
    ci_clone = tmp_path / "ci"
    git(tmp_path, "clone", "-q", str(origin), str(ci_clone))
    write(origin, "README.md", "mis à jour\n")
    git(origin, "add", "README.md")
    git(origin, "commit", "-q", "-m", "plus récent")
    line = next(cmd for cmd in yaml.safe_load(gitlab_ci())["traam-verify"]["script"] if cmd.startswith("git fetch"))
    done = subprocess.run(["sh", "-c", line], cwd=ci_clone, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert git(ci_clone, "rev-parse", "refs/heads/main") == git(origin, "rev-parse", "main")
    assert git(ci_clone, "rev-parse", "refs/heads/academie/lille").strip()


def test_validate_junit_and_gitlab_reports_carry_file_and_line(tmp_path):
    """``traam validate --format junit|gitlab`` name the file and line of each problem; exit code stays 1."""
    import json
    import xml.etree.ElementTree as ET

    repo = make_commons(tmp_path / "commun")
    done = run_traam("validate", "--format", "junit", cwd=repo)
    assert done.returncode == 0
    assert ET.fromstring(done.stdout).find("testsuite").get("failures") == "0"
    write(repo, SCENARIO, scenario().replace('academie = "lille"', 'academie = "lille"\ncouleur = "bleu"'))
    done = run_traam("validate", "--format", "junit", cwd=repo)
    assert done.returncode == 1
    suite = ET.fromstring(done.stdout).find("testsuite")
    case = next(c for c in suite.iter("testcase") if c.get("file") == SCENARIO)
    assert case.get("line") == "6"
    assert f"{SCENARIO}:6:1: couleur : champ inconnu « couleur »" in case.find("failure").text
    report = tmp_path / "gl-code-quality-report.json"
    done = run_traam("validate", "--format", "gitlab", "--sortie", str(report), cwd=repo)
    assert done.returncode == 1 and "champ inconnu « couleur »" in done.stdout  # the log still says it
    issues = json.loads(report.read_text(encoding="utf-8"))
    issue = next(i for i in issues if i["location"]["path"] == SCENARIO)
    assert issue["location"]["lines"]["begin"] == 6 and issue["severity"] == "major"
    assert issue["description"] == "couleur : champ inconnu « couleur »" and len(issue["fingerprint"]) == 64


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


def test_pyproject_source_is_the_repository_the_ci_template_pins():
    """``[project.urls] Source`` (what the installed package reports) and the fallback address are one repository."""
    import tomllib
    from pathlib import Path

    from store import forge

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    source = pyproject["project"]["urls"]["Source"]
    assert source + ".git" == forge.DEFAULT_REPOSITORY
    assert forge.tool_repository() == forge.DEFAULT_REPOSITORY  # the installed metadata says the same
    assert yaml.safe_load(gitlab_ci())["variables"]["TRAAM_REPOSITORY"] == source + ".git"
