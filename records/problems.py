"""Provides Problem, the one way every layer reports what is wrong with a record or a commons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One problem found in a record, a file or across records.

    Problems sort by path, then line and column, so reports read in file order.
    """

    path: str
    """File path relative to the commons root, with forward slashes."""
    line: int = 0
    """1-based line, 0 when the problem concerns the whole file."""
    column: int = 0
    """1-based column, 0 when unknown."""
    message: str = field(default="", compare=False)
    """What is wrong, in French, for a person."""
    key: str = field(default="", compare=False)
    """Dotted key of the field concerned (``teachers.2.name``), empty for the whole file."""
    severity: Severity = field(default="error", compare=False)
    rule: str = field(default="", compare=False)
    """Id of the rule or check that found it (``schema``, ``toml``, ``team-referent`` …)."""

    def __str__(self) -> str:
        kind = "" if self.severity == "error" else "avertissement : "
        return f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"

    def to_json(self) -> dict[str, object]:
        """Return a plain dict for ``--json`` output."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "key": self.key,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
        }


def has_errors(problems: list[Problem]) -> bool:
    """Tell whether any problem is an error (warnings alone do not fail)."""
    return any(p.severity == "error" for p in problems)


class RecordError(Exception):
    """Base error of the records layer; carries the problems that caused it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
