"""Provides the date each scenario's current version reached a branch, for the "newly validated" Atom feeds.

On ``main`` (or ``academie/<a>``) a change arrives through a validation
merge, so the committer date of the first-parent commit that last touched a
record file is the date it was validated in its current form. One ``git log``
walks the first-parent history; merges are compared with their first parent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from records import layout
from store.git import log as git_log
from store.git import refs


def landing_dates(root: Path | str, ref: str = "main", prefix: str = "scenarios/") -> dict[str, dt.datetime]:
    """Return ``{record id: datetime}``: when the current version of each record under ``prefix`` reached ``ref``.

    Args:
        root: the commons work tree.
        ref: the branch (or commit) whose first-parent history is read.
        prefix: folder of the records wanted.

    Returns:
        An empty mapping when ``ref`` does not exist.
    """
    commit = refs.commit_of(root, ref)
    if commit is None:
        return {}
    found: dict[str, dt.datetime] = {}
    for moment, path in git_log.first_parent_touches(Path(root), commit, prefix):
        if path.endswith(".toml"):
            found.setdefault(layout.id_of(path), moment)
    return found
