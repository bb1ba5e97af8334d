"""Tests that every command of ``traam`` has French help and is documented in the README (like sqlite-utils)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO_ROOT, run_traam
from tui.cli.main import build_parser


def _commands() -> dict:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")  # noqa: SLF001
    return sub.choices


@pytest.mark.parametrize("name", sorted(_commands()))
def test_command_is_in_readme(name: str) -> None:
    """Each command appears in the README as ``traam <name>``."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"traam {re.escape(name)}\b", readme), f"traam {name} n'est pas documentée dans README.md"


def test_every_command_has_french_help() -> None:
    """Each command's help line is French (no argparse English left)."""
    for name, parser in _commands().items():
        text = parser.format_help()
        assert "show this help message" not in text, name
        assert parser.description or parser.format_usage(), name


def test_usage_error_exits_2_in_french() -> None:
    """A wrong option is a usage error: exit 2 and a French message."""
    done = run_traam("validate", "--nope")
    assert done.returncode == 2
    assert "arguments inconnus" in done.stderr
