"""End to end: the real ``traam`` command in a real terminal (tmux), driven by keys, read with capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import git
from tests.test_tui.world import make_commons

pytestmark = pytest.mark.e2e

if shutil.which("tmux") is None:
    pytest.skip("tmux n'est pas installé : le test de bout en bout dans un vrai terminal est sauté", allow_module_level=True)


class Terminal:
    """A private tmux server running one command in a window of ``size`` (100×32 by default)."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path, size: tuple[int, int] = (100, 32)) -> None:
        self.socket = f"traam-e2e-{uuid.uuid4().hex[:8]}"
        # Textual trusts COLUMNS/LINES over the terminal: a test runner's values would shrink the app.
        self.env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", str(size[0]), "-y", str(size[1]),
                  "-c", str(cwd), *command, check=True)
        self.tmux("set-option", "-g", "set-clipboard", "on")

    def tmux(self, *args: str, check: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, *args], env=self.env, capture_output=True, text=True,
                              check=check)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e").stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e2e", *keys, check=True)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "e2e", "-l", text, check=True)

    def wait_for(self, text: str, timeout: float = 45.0) -> str:
        """Poll the screen until ``text`` shows (a real terminal has no message to wait on)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"« {text} » never appeared; screen:\n{screen}")

    def buffers(self) -> str:
        return self.tmux("list-buffers").stdout

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path, traam_bin: Path, hermetic_git: Path):
    commons = make_commons(tmp_path / "commun", hostile=True)
    env = {**os.environ, "PATH": f"{traam_bin}{os.pathsep}{os.environ['PATH']}", "HOME": str(hermetic_git),
           "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    term = Terminal(["traam", "-C", str(commons)], env, tmp_path)
    yield term
    term.close()


def test_search_and_open_a_record_in_a_real_terminal(terminal):
    terminal.wait_for("Campagne en cours")
    screen = terminal.wait_for("Fin des travaux")
    assert "2026-2027" in screen
    terminal.keys("/")
    terminal.wait_for("Rechercher…")
    terminal.type("biodiv")
    terminal.wait_for("résultat(s)")
    terminal.wait_for("Biodiversité dans la cour du collège")
    terminal.keys("Enter")
    screen = terminal.wait_for("Identifiant : scenarios/2026-2027/svt/lille/biodiversite-cour")
    assert "Cycle 4 (5e-3e)" in screen and "Commun numérique public" in screen
    terminal.keys("Escape")
    terminal.wait_for("résultat(s)")
    terminal.keys("q")


def test_hostile_record_in_a_real_terminal_sends_no_escape(terminal):
    terminal.wait_for("Campagne en cours")
    screen = terminal.wait_for("Dernières modifications")
    assert "[@click=app.quit]x[/]" in screen
    terminal.keys("/")
    terminal.wait_for("Rechercher…")
    terminal.type("piege")
    terminal.wait_for("Piège [@click=app.quit]x[/]")
    terminal.keys("Enter")
    screen = terminal.wait_for("Résumé : Résumé [@click=app.quit]x[/]")
    assert "\x1b" not in screen
    # OSC 52 would have written tmux's clipboard (set-clipboard on): nothing did.
    assert terminal.buffers().strip() == ""
    terminal.keys("q")


def test_traam_demo_creates_the_demo_then_opens_it(tmp_path, traam_bin, hermetic_git):
    """``traam demo`` with a fresh HOME: the living demo is created, the terminal is asked who the user is,
    then the commons is browsed (a nationally validated scenario is found by search)."""
    env = {**os.environ, "PATH": f"{traam_bin}{os.pathsep}{os.environ['PATH']}", "HOME": str(hermetic_git),
           "XDG_DATA_HOME": str(tmp_path / "donnees"), "TERM": "xterm-256color", "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8"}
    term = Terminal(["traam", "demo"], env, tmp_path)
    try:
        term.wait_for("Votre choix [1]", timeout=60)
        term.type("2")
        term.keys("Enter")
        term.wait_for("Campagne en cours", timeout=60)
        demo = tmp_path / "donnees" / "traam" / "demo"
        assert (demo / "traam.toml").is_file()
        assert git(demo, "config", "--local", "traam.demoRole").strip() == "relecteur-academique"
        term.keys("/")
        term.wait_for("Rechercher…")
        term.type("plans de dissertation")
        term.wait_for("S'entraîner à élaborer des plans")
        term.keys("Enter")
        screen = term.wait_for("Identifiant :")
        assert "S'entraîner à élaborer des plans de dissertation avec l'IA" in screen
        term.keys("q")
    finally:
        term.close()
