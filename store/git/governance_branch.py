"""Provides the git commands of governance changes: a one-file commit on a new branch, signing configuration.

Small named queries (pre-commit's ``git.py`` style) for
:mod:`store.review.contrib` and :mod:`store.review.genesis`.
"""

from __future__ import annotations

from pathlib import Path

from store.git.commit import commit_tree
from store.git.runner import run, text


def commit_file_on_new_branch(root: Path | str, branch: str, start: str, path: str, data: bytes,
                              message: str) -> str:
    """Create ``branch`` at ``start`` with one commit that sets ``path`` to ``data``, check it out; return the commit.

    Built without touching the work tree first (blob, then a tree from
    ``start``'s with that entry), so a dirty work tree or an index lock stops
    nothing half-way; the switch comes last.

    Raises:
        StoreError: git failed (the work tree has changes that the switch would lose …).
    """
    blob = text(root, "hash-object", "-w", "--stdin", "--no-filters", input=data)
    index = text(root, "rev-parse", "--git-path", "traam-branch-index")
    index_path = Path(index) if Path(index).is_absolute() else Path(root) / index
    env = {"GIT_INDEX_FILE": str(index_path)}
    try:
        run(root, "read-tree", start, env=env)
        run(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
        tree = text(root, "write-tree", env=env)
    finally:
        index_path.unlink(missing_ok=True)
    commit = commit_tree(root, tree, [start], message)
    run(root, "switch", "--quiet", "--no-track", "-c", branch, commit)
    return commit


def configure_signing(root: Path | str, key: Path) -> None:
    """Make this commons sign with the SSH ``key`` (local config: ``gpg.format=ssh``, ``user.signingkey``)."""
    run(root, "config", "--local", "gpg.format", "ssh")
    run(root, "config", "--local", "user.signingkey", str(key))


def local_config(root: Path | str, key: str) -> str:
    """Return ``key`` from the repository's config ('' when unset)."""
    return run(root, "config", "--get", key, check=False).stdout.decode("utf-8", "replace").strip()
