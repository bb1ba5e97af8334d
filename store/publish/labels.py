"""Provides the French labels and plain-text views of record fields shared by every export."""

from __future__ import annotations

from collections.abc import Iterable

from records import vocab
from records.models import Scenario, Tool
from records.text import printable

LIST_SEPARATOR = " | "
"""Joins the items of a multi-valued cell (labels never hold it)."""


def clean(value: str, *, multiline: bool = False) -> str:
    """Return record text with escape sequences and invisible characters made visible (records.text.printable)."""
    return printable(value, multiline=multiline)


def labels(vocabulary: dict[str, str], codes: Iterable[str]) -> list[str]:
    """Return the French labels of ``codes``, in the given order."""
    return [vocab.label(vocabulary, code) for code in codes]


def discipline_labels(scenario: Scenario) -> list[str]:
    """Return the labels of a scenario's disciplines."""
    return labels(vocab.DISCIPLINES, scenario.disciplines)


def crcn_labels(codes: Iterable[str]) -> list[str]:
    """Return ``"1.1 Mener une recherche …"`` for each CRCN code."""
    return [f"{code} {vocab.label(vocab.CRCN, code)}" for code in codes]


def tool_text(tool: Tool) -> str:
    """Return ``Name (kind label)`` for a tool, sanitised."""
    return f"{clean(tool.name)} ({vocab.label(vocab.TOOL_KINDS, tool.kind)})"


def uses_ai(scenario: Scenario) -> bool:
    """Tell whether a scenario declares a use of artificial intelligence."""
    return scenario.ai is not None and (bool(scenario.ai.tools) or scenario.ai.by_students or bool(scenario.ai.personal_data))
