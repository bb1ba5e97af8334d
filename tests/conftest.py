"""Provides the shared fixtures: a hermetic git environment and throw-away repositories.

Every test runs with a temporary HOME, no system git config and a fixed
identity, so nothing from the developer's machine leaks in (like scmrepo
and copier do).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def hermetic_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Give every test its own HOME, XDG folders and git identity."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Camille Test")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "camille.test@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Camille Test")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "camille.test@example.org")
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Camille Test\n\temail = camille.test@example.org\n"
        "[init]\n\tdefaultBranch = main\n[protocol \"file\"]\n\tallow = always\n",
        encoding="utf-8",
    )
    return home


def git(cwd: Path, *args: str, check: bool = True) -> str:
    """Run git in ``cwd`` for a test and return stdout."""
    done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def make_repo(path: Path, files: dict[str, str], message: str = "initial", object_format: str = "sha1") -> Path:
    """Create a git repository at ``path`` (``sha1`` or ``sha256`` object ids) holding ``files`` in one commit."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", f"--object-format={object_format}", "-b", "main")
    for name, text in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", message)
    return path


def traam_env() -> dict[str, str]:
    """Return the environment that runs this checkout's ``traam`` in a subprocess."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_traam(*args: str, cwd: Path | None = None, input: str | None = None, env: dict | None = None):
    """Run this checkout's ``traam`` as a real process; return the CompletedProcess (text)."""
    import sys

    full_env = traam_env()
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, input=input, capture_output=True, text=True, env=full_env,
        check=False,
    )


@pytest.fixture
def traam_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a ``traam`` script that runs this checkout, for tmux and hooks."""
    import sys

    folder = tmp_path_factory.mktemp("bin")
    script = folder / "traam"
    script.write_text(
        f"#!/bin/sh\nPYTHONPATH={REPO_ROOT}${{PYTHONPATH:+:$PYTHONPATH}} exec {sys.executable} -m tui \"$@\"\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return folder
