"""Only store/git/ starts git: a scan of every module's syntax tree under records/, store/, hooks/ and tui/.

Three checks:

1. No module outside ``store/git/`` starts a process, except the few named
   in :data:`NOT_GIT` for programs that are not git (each with its reason),
   and those spell no ``"git"`` at all.
2. No module outside ``store/git/`` holds an argv literal starting with ``"git"``.
3. No module outside ``store/git/`` calls the runner directly
   (``run``/``text``/``spawn``/``stream``: it would spell a git subcommand
   itself); :data:`STILL_SPELLING_GIT` is empty and stays so.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGES = ("records", "store", "hooks", "tui")

NOT_GIT = {
    "store/review/signing.py": "ssh-keygen makes and reads the reviewer's own SSH key",
    "store/index/parallel.py": "a helper Python process (sys.executable -I) parses half of the records",
    "tui/external_editor.py": "the user's $EDITOR on a record",
    "tui/cli/editor.py": "the user's $EDITOR on a record",
    "hooks/run.py": "the repository owner's own legacy hook, kept as <hook>.legacy, runs first",
}
"""Modules that start a program that is not git, and why."""

STILL_SPELLING_GIT: set[str] = set()
"""Modules outside store/git/ that pass git subcommands to the runner themselves: none any more (issue 12, item 2).

Kept as an explicit empty set so that a new caller fails with its name."""

_SPAWNERS = {"system", "popen", "posix_spawn", "posix_spawnp", "fork", "forkpty"}
_PROCESS_MODULES = {"subprocess", "pty", "multiprocessing"}


def _modules() -> dict[str, ast.Module]:
    found = {}
    for package in PACKAGES:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            name = path.relative_to(REPO_ROOT).as_posix()
            if not name.startswith("store/git/"):
                found[name] = ast.parse(path.read_text(encoding="utf-8"), name)
    return found


def _starts_processes(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in _PROCESS_MODULES for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _PROCESS_MODULES:
            return True
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os" and (
                node.attr in _SPAWNERS or node.attr.startswith(("exec", "spawn"))):
            return True
    return False


def _git_argv(tree: ast.Module) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
            first = node.elts[0]
            if isinstance(first, ast.Constant) and first.value == "git":
                lines.append(node.lineno)
    return lines


def _calls_runner(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = {a.name for a in node.names}
            if node.module == "store" and "git" in names:
                return True
            if node.module == "store.git" and names & {"run", "text", "spawn", "stream", "runner"}:
                return True
            if node.module == "store.git.runner":
                return True
        if isinstance(node, ast.Import) and any(a.name == "store.git.runner" for a in node.names):
            return True
    return False


def test_only_named_modules_start_processes_and_none_of_them_runs_git():
    modules = _modules()
    spawning = {name for name, tree in modules.items() if _starts_processes(tree)}
    assert spawning <= set(NOT_GIT), sorted(spawning - set(NOT_GIT))
    for name in NOT_GIT:
        source = (REPO_ROOT / name).read_text(encoding="utf-8")
        assert '"git"' not in source and "'git'" not in source, name


def test_no_git_argv_outside_the_git_layer():
    found = {name: lines for name, tree in _modules().items() if (lines := _git_argv(tree))}
    assert found == {}


def test_the_list_of_direct_runner_callers_only_shrinks():
    callers = {name for name, tree in _modules().items() if _calls_runner(tree)}
    assert callers - STILL_SPELLING_GIT == set(), "new module spelling git outside store/git/"
    assert STILL_SPELLING_GIT - callers == set(), "no longer calls the runner: remove it from STILL_SPELLING_GIT"


def test_the_scan_sees_a_planted_call(tmp_path):
    """Control: the detectors find a subprocess call with a git argv and a direct runner import."""
    tree = ast.parse("import subprocess\nfrom store import git\nsubprocess.run(['git', 'status'])\n")
    assert _starts_processes(tree) and _git_argv(tree) == [3] and _calls_runner(tree)
    assert _starts_processes(ast.parse("import os\nos.execvp('git', ['git'])\n"))
    assert Path(REPO_ROOT / "store" / "git" / "runner.py").is_file()
