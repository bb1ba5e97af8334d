"""Provides the hooks' output: French lines on standard error, sanitised (git shows them as-is, or as ``remote:``)."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from records.problems import Problem
from records.text import printable


def line(text: str) -> None:
    """Print one French line on standard error, escape sequences neutralised."""
    print(printable(text, multiline=True), file=sys.stderr, flush=True)


def problems(items: Iterable[Problem]) -> None:
    """Print problems as ``path:line:col: message`` (warnings marked), one per line."""
    for problem in items:
        mark = "" if problem.severity == "error" else "avertissement : "
        line(f"{problem.path}:{problem.line}:{problem.column}: {mark}{problem.message}")
