"""Provides the history of one record: the commits that touched its file, with field-level changes.

A path-limited ``git log --raw`` gives, per commit, the blob before and
after; both are parsed (cached by blob) and compared with
:func:`records.diff.diff` on their canonical tables. A commit-graph with
changed-path Bloom filters keeps the walk fast on large commons; it is
written when missing and extended (``--split``) after commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from records import codec
from records.diff import Change, diff
from store.git.log import UNKNOWN, LogRow, has_graph, log, write_graph

__all__ = ["UNKNOWN", "HistoryItem", "has_graph", "items", "log", "table_of", "write_graph"]


@dataclass(frozen=True)
class HistoryItem:
    """One commit that touched a record."""

    commit: str
    author: str
    email: str
    date: datetime
    message: str
    changes: tuple[Change, ...] = ()
    old_blob: str | None = None
    """Blob before this commit (None: the record was created)."""
    new_blob: str | None = None
    """Blob after this commit (None: the record was deleted)."""
    parents: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """First line of the message."""
        return self.message.split("\n", 1)[0]


def table_of(path: str, data: bytes | None) -> dict[str, Any] | None:
    """Return the canonical table of a record file's content (raw table when invalid, None when unreadable)."""
    if data is None:
        return None
    loaded = codec.load(path, data)
    if loaded.record is not None:
        return codec.to_table(loaded.record)
    return codec.parse_toml(path, data)[0]


def items(rows: list[LogRow], path: str, blob_table: Callable[[str | None], dict[str, Any] | None],
          blob_at: Callable[[str], str | None]) -> list[HistoryItem]:
    """Turn raw log rows into history items with field-level changes.

    Args:
        rows: from :func:`log`.
        blob_table: returns the canonical table of a blob id (None for None).
        blob_at: returns the blob id of ``path`` at a commit (None if absent), for merges.
    """
    result: list[HistoryItem] = []
    for commit, parents, author, email, date, message, old, new in rows:
        if old == UNKNOWN:
            old, new = blob_at(parents[0]), blob_at(commit)
        changes = tuple(diff(blob_table(old), blob_table(new))) if (old or new) else ()
        result.append(HistoryItem(commit, author, email, date, message, changes, old, new, parents))
    return result


