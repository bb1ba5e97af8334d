"""Tests that the commands of this issue are documented: French help, and a README section."""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT, run_traam

COMMANDS = [("hooks", "install"), ("hooks", "uninstall"), ("merge-driver",), ("clone",), ("sync",)]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_command_has_french_help_and_readme_mention(command):
    """``traam … --help`` answers in French and the README shows the command."""
    done = run_traam(*command, "--help")
    assert done.returncode == 0 and done.stdout.startswith("usage : traam")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"traam {' '.join(command)}" in readme
