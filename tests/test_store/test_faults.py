"""Faults end in French, never in a traceback, and lose nothing: full disk, read-only folders, damaged caches.

A full disk is simulated with ``RLIMIT_FSIZE`` in the ``traam`` process
(writes past the limit fail with EFBIG exactly where ENOSPC would; Python
ignores SIGXFSZ); the editor script raises its own soft limit, so only
traam's writes fail. Read-only folders use ``chmod 0555``; as root (CI), traam
runs without the capabilities that bypass permissions (:mod:`tests.unprivileged`).
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from store.index import cachedir
from tests import unprivileged
from tests.conftest import git, traam_env
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

PATH = f"{SCENARIO_ID}.toml"


def _limited_traam(*args: str, cwd: Path, limit: int, env: dict | None = None,
                   bound: bool = False) -> subprocess.CompletedProcess:
    """Run traam with at most ``limit`` bytes per file written (soft limit: children may raise it).

    ``bound``: run it so that file permissions bind it even as root.
    """
    full = traam_env()
    full.update(env or {})

    def limit_writes() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    command = [*(unprivileged.prefix() if bound else []), sys.executable, "-m", "tui", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env=full, preexec_fn=limit_writes, check=False)


def _editor(tmp_path: Path, text: str) -> str:
    (tmp_path / "edited.toml").write_text(text, encoding="utf-8")
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\nulimit -S -f unlimited\ncp {tmp_path}/edited.toml \"$1\"\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_edit_on_a_full_disk_says_so_in_french_and_keeps_the_text(tmp_path):
    root = make_commons(tmp_path / "c")
    before = (root / PATH).read_bytes()
    long = scenario("Texte long").replace("du jardin.", "du jardin" + ", très riche" * 600 + ".")
    done = _limited_traam("edit", SCENARIO_ID, cwd=root, limit=4096, env={"EDITOR": _editor(tmp_path, long)})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "fichier trop grand" in done.stderr and "Votre texte est conservé" in done.stderr
    kept = Path(done.stderr.split("conservé dans : ")[1].strip().splitlines()[0])
    assert kept.read_text(encoding="utf-8") == long  # nothing lost
    assert (root / PATH).read_bytes() == before
    assert git(root, "status", "--porcelain") == ""  # no temporary file left behind


def test_edit_when_even_the_recovery_file_cannot_be_written(tmp_path):
    root = make_commons(tmp_path / "c")
    done = _limited_traam("edit", SCENARIO_ID, cwd=root, limit=16, env={"EDITOR": _editor(tmp_path, "x")})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "rien n'a été modifié" in done.stderr


def test_hooks_install_on_a_full_disk_says_so_in_french(tmp_path):
    root = make_commons(tmp_path / "c")
    done = _limited_traam("hooks", "install", cwd=root, limit=8)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "fichier trop grand" in done.stderr
    assert not [p for p in (root / ".git" / "hooks").iterdir() if p.name.startswith(".traam-tmp")]


def test_validate_and_search_on_a_full_disk_still_answer(tmp_path):
    """Caches that cannot be written only cost speed."""
    root = make_commons(tmp_path / "c")
    for args in (["validate"], ["search", "botanique"], ["status", SCENARIO_ID]):
        done = _limited_traam(*args, cwd=root, limit=8)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, (args, done.stderr)
    found = _limited_traam("search", "botanique", cwd=root, limit=8)
    assert found.returncode == 0 and SCENARIO_ID in found.stdout


@pytest.mark.parametrize("command", [["hooks", "install"], ["edit", SCENARIO_ID]])
def test_a_read_only_commons_ends_in_french(tmp_path, command):
    root = make_commons(tmp_path / "c")
    folders = [root / ".git" / "hooks", (root / PATH).parent]
    for folder in folders:
        folder.chmod(0o555)
    before = (root / PATH).read_bytes()
    try:
        done = _limited_traam(*command, cwd=root, limit=resource.RLIM_INFINITY, bound=True,
                              env={"EDITOR": _editor(tmp_path, scenario("Autre titre"))})
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "permission refusée" in done.stderr
    assert (root / PATH).read_bytes() == before
    assert sorted(p.name for p in (root / ".git" / "hooks").iterdir() if "traam" in p.name) == []


def _damage_every_cache(folder: Path, how: str) -> int:
    damaged = 0
    for path in folder.iterdir():
        if path.name == "write.lock" or not path.is_file():
            continue
        data = path.read_bytes()
        if how == "flip":
            index = len(data) // 2
            data = data[:index] + bytes([data[index] ^ 0x55]) + data[index + 1:]
        else:
            data = data[: len(data) // 2]
        path.write_bytes(data)
        damaged += 1
    return damaged


@pytest.mark.parametrize("how", ["flip", "truncate"])
def test_damaged_caches_are_rebuilt_silently_by_every_command(tmp_path, how):
    root = make_commons(tmp_path / "c")
    commands = (["status", SCENARIO_ID, "--json"], ["verify", "--json"], ["search", "botanique", "--json"],
                ["validate", "--json"])
    first = [_limited_traam(*c, cwd=root, limit=resource.RLIM_INFINITY) for c in commands]
    folder = cachedir.folder_of(root / ".git")
    assert _damage_every_cache(folder, how) >= 4  # entries, tree, snapshot, vocabulary, review memos
    again = [_limited_traam(*c, cwd=root, limit=resource.RLIM_INFINITY) for c in commands]
    for command, before, after in zip(commands, first, again):
        assert "Traceback" not in after.stderr, (command, after.stderr)
        assert (after.returncode, after.stdout) == (before.returncode, before.stdout), command
