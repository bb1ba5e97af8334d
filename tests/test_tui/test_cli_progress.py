"""Tests of the command line's progress: shown on a terminal (a real pty) for validate, import, clone and sync,
absent when standard error is piped; and the helper itself hands out no callback when quiet."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from records import codec
from records.models import Manifest
from tests.conftest import git, make_repo, run_traam, traam_env
from tests.test_store.publish_fixtures import sample_records
from tui.cli.progress import Steps

SAMPLE = Path(__file__).parent.parent / "test_store" / "data" / "propositions-lille.csv"


@pytest.fixture
def commons(tmp_path: Path) -> Path:
    files = {"traam.toml": codec.dump(Manifest(name="Commun de test"))}
    files |= {f"{rid}.toml": codec.dump(record) for rid, record in sample_records().items()}
    return make_repo(tmp_path / "commun", files)


def on_terminal(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """Run traam with standard error on a pseudo-terminal; return the exit code and what the terminal received."""
    leader, follower = os.openpty()
    process = subprocess.Popen([sys.executable, "-m", "tui", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=follower, stdin=subprocess.DEVNULL,
                               env=dict(traam_env(), COLUMNS="100", TERM="xterm"))
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    code = process.wait(timeout=120)
    os.close(leader)
    return code, seen.decode("utf-8", "replace")


def test_quiet_steps_hand_out_no_callback():
    """Piped: no Rich at all, and None callbacks so the store does not even count."""
    with Steps(stream=io.StringIO()) as steps:
        assert steps.step("Lecture") is None and steps.later("Écriture") is None


def test_validate_shows_its_steps_on_a_terminal_only(commons, tmp_path):
    code, seen = on_terminal("-C", str(commons), "validate", cwd=tmp_path)
    assert code == 0 and "Vérification des enregistrements" in seen and "\x1b[" in seen, seen
    piped = run_traam("-C", str(commons), "validate")
    assert piped.returncode == 0 and "Vérification" not in piped.stderr and "\x1b" not in piped.stderr


def test_import_shows_progress_on_a_terminal_only(commons, tmp_path):
    _code, seen = on_terminal("-C", str(commons), "import", str(SAMPLE), cwd=tmp_path)
    assert "Lecture du tableau" in seen and "\x1b[" in seen, seen
    piped = run_traam("-C", str(commons), "import", str(SAMPLE))
    assert "Lecture du tableau" not in piped.stderr and "\x1b" not in piped.stderr


def test_clone_and_sync_show_progress_on_a_terminal_only(commons, tmp_path):
    code, seen = on_terminal("clone", str(commons), str(tmp_path / "copie"), cwd=tmp_path)
    assert code == 0 and "Clonage" in seen and "\x1b[" in seen, seen
    code, seen = on_terminal("-C", str(tmp_path / "copie"), "sync", cwd=tmp_path)
    assert code == 0 and "Récupération de l'amont" in seen, seen
    piped = run_traam("clone", str(commons), str(tmp_path / "autre"), cwd=tmp_path)
    assert piped.returncode == 0 and "\x1b" not in piped.stderr and "Construction du cache" not in piped.stderr
    assert git(tmp_path / "autre", "rev-parse", "HEAD") == git(commons, "rev-parse", "HEAD")
