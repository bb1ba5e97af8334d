"""Provides safe printing for the command line: sanitised text, problems, JSON, French errors."""

from __future__ import annotations

import json
import re
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


_UNSAFE_IN_JSON = re.compile("[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
"""What JSON leaves raw but must never reach a terminal or a naive reader: DEL and C1 controls, bidi marks,
embeddings, overrides and isolates, zero-width and invisible characters, line and paragraph separators."""


def json_text(data: object) -> str:
    """Return data as JSON for a terminal or a program: UTF-8 letters kept, every unsafe character escaped.

    JSON itself escapes C0 controls; the characters of :data:`_UNSAFE_IN_JSON`
    become ``\\uXXXX`` escapes too, so the reader gets the very same string
    while no raw C1 byte (U+009B is a CSI) or bidi override reaches a
    terminal. They can only occur inside JSON strings, where the escape is valid.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: object) -> None:
    """Print data as JSON (see :func:`json_text`), one trailing newline."""
    sys.stdout.write(json_text(data) + "\n")
