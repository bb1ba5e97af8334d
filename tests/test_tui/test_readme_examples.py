"""Tests that the README's command examples are real: each ``traam …`` line of its shell blocks parses."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import REPO_ROOT
from tui.cli.main import build_parser


def examples() -> list[str]:
    """Return every ``traam …`` line of the README's ``sh`` blocks.

    Comments and redirections are dropped, continued lines joined, and the
    optional parts written ``[--option value]`` are kept (brackets removed).
    """
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.S):
        block = block.replace("\\\n", " ")
        for line in block.splitlines():
            line = re.sub(r"\[(--[^\]]*)\]", r"\1", line)
            for part in re.split(r"&&|\|", line.split("#", 1)[0]):
                part = part.split(">", 1)[0].strip()
                if part.startswith("traam ") or part == "traam":
                    lines.append(part)
    return lines


def test_the_readme_has_examples():
    assert len(examples()) >= 10


@pytest.mark.parametrize("line", examples())
def test_readme_example_parses(line: str):
    """argparse accepts the example (exit 2 would mean an unknown command, option or choice)."""
    try:
        build_parser().parse_args(shlex.split(line)[1:])
    except SystemExit as error:
        pytest.fail(f"l'exemple du README « {line} » est refusé (code {error.code})")
