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
from store import git


def landing_dates(root: Path | str, ref: str = "main", prefix: str = "scenarios/") -> dict[str, dt.datetime]:
    """Return ``{record id: datetime}``: when the current version of each record under ``prefix`` reached ``ref``.

    Args:
        root: the commons work tree.
        ref: the branch (or commit) whose first-parent history is read.
        prefix: folder of the records wanted.

    Returns:
        An empty mapping when ``ref`` does not exist.
    """
    done = git.run(root, "rev-parse", "--verify", "-q", f"{ref}^{{commit}}", check=False)
    if done.returncode != 0:
        return {}
    output = git.text(root, "log", "--first-parent", "-m", "--name-only", "--no-renames", "--format=%x00%cI",
                      done.stdout.decode().strip(), "--", prefix)
    found: dict[str, dt.datetime] = {}
    moment: dt.datetime | None = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            moment = dt.datetime.fromisoformat(line[1:])
        elif line.endswith(".toml") and moment is not None:
            found.setdefault(layout.id_of(line), moment)
    return found
