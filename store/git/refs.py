"""Provides the small named queries on refs: where HEAD points.

More ref queries live in :mod:`store.git.trees` (``rev``, ``refs``); new
ones belong here, one function per question, like pre-commit's ``git.py``.
"""

from __future__ import annotations

from pathlib import Path

from store import git


def head_branch(root: Path | str) -> tuple[str, str] | None:
    """Return ``(commit, full branch name)`` of HEAD, or None when HEAD is unborn or detached."""
    done = git.run(root, "rev-parse", "HEAD", "--symbolic-full-name", "HEAD", check=False)
    lines = done.stdout.decode("utf-8", "replace").split()
    if done.returncode != 0 or len(lines) != 2 or not lines[1].startswith("refs/heads/"):
        return None
    return lines[0], lines[1]
