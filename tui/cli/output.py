"""Provides safe printing for the command line: sanitised text, problems, JSON, French errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

from records.problems import Problem
from records.text import printable


def say(text: str = "", *, multiline: bool = True) -> None:
    """Print text from records or git to standard output with escape sequences neutralised."""
    print(printable(text, multiline=multiline))


def warn(text: str) -> None:
    """Print a French message to standard error, sanitised."""
    print(printable(text, multiline=True), file=sys.stderr)


def fail(text: str, code: int = 1) -> int:
    """Print ``traam : erreur : text`` to standard error and return ``code``."""
    warn(f"traam : erreur : {text}")
    return code


def print_problems(problems: Iterable[Problem], stream=None) -> None:
    """Print problems as ``path:line:col: message``, one per line, sanitised."""
    stream = stream or sys.stdout
    for problem in problems:
        print(printable(str(problem)), file=stream)


def print_json(data: object) -> None:
    """Print data as JSON (UTF-8, not ASCII-escaped: JSON strings escape control characters)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
