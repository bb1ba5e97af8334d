"""Provides the messages that thread workers post back to the application (results of git and disk work)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.session import Session


@dataclass
class SessionLoaded(Message):
    """A session (snapshot of the commons) is ready; ``first`` is True for the first load."""

    session: Session
    first: bool = False


@dataclass
class LoadProgress(Message):
    """A cold load read ``done`` of ``total`` records."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Progress floods during a cold load: keep only the latest.
        return isinstance(message, LoadProgress)


@dataclass
class WorkFailed(Message):
    """Git or disk work failed; ``message`` is French, ``fatal`` closes the application after the dialog."""

    message: str
    fatal: bool = False


@dataclass
class StatesLoaded(Message):
    """The validation states of ``session``'s records were derived (None: the review layer is absent)."""

    session: Session
    states: dict[str, str] | None
    notes: dict[str, str] | None = None


@dataclass
class ProblemsChecked(Message):
    """Every problem of the commons read as ``snapshot`` was found (the validator of ``traam validate``)."""

    snapshot: object
    problems: list
