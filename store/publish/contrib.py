"""Provides writing imported records on a contribution branch in one commit, without touching the checkout.

The commit is built with plumbing (a temporary index, ``hash-object``,
``write-tree``, ``commit-tree``) and the branch moved with a compare-and-swap
``update-ref``, so the user's work tree and index stay as they are. When the
branch is the one checked out, it is fast-forwarded with ``merge --ff-only``,
which refuses rather than overwrite local edits.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from records import codec, layout
from records.models import Model
from records.text import printable, slugify
from store import git
from store.git.objectformat import null_id, object_format
from store.errors import StoreError



def branch_name(academie: str, sheet_file: str) -> str:
    """Return ``contrib/<academie>/import-<name of the sheet>``."""
    return f"contrib/{academie}/import-{slugify(Path(sheet_file).stem, 48)}"


def check_branch(root: Path, name: str) -> None:
    """Refuse a branch name git would refuse, or one that is not a contribution branch.

    Raises:
        StoreError: the name is invalid (French message).
    """
    done = git.run(root, "check-ref-format", "--branch", name, check=False)
    if done.returncode != 0 or not name.startswith("contrib/") or name.count("/") < 2:
        raise StoreError(f"nom de branche invalide « {printable(name)} » (attendu contrib/<académie>/<nom>)")


def tip(root: Path, branch: str) -> str | None:
    """Return the commit of ``branch``, or None when it does not exist."""
    done = git.run(root, "rev-parse", "--verify", "-q", f"refs/heads/{branch}^{{commit}}", check=False)
    return done.stdout.decode().strip() or None if done.returncode == 0 else None


def resolve(root: Path, ref: str) -> str:
    """Return the commit id of ``ref``.

    Raises:
        StoreError: unknown reference.
    """
    done = git.run(root, "rev-parse", "--verify", "-q", f"{ref}^{{commit}}", check=False)
    if done.returncode != 0:
        raise StoreError(f"référence inconnue « {printable(ref)} »")
    return done.stdout.decode().strip()


def commit_records(root: Path, branch: str, records: Mapping[str, Model], *, base: str, message: str) -> str:
    """Commit ``records`` (canonical TOML) on ``branch`` in one commit and return its id.

    Args:
        root: the commons work tree.
        branch: the branch to create or extend.
        records: records to write, by id.
        base: commit to start from when the branch does not exist yet.
        message: the commit message (French).

    Raises:
        StoreError: git failed, or the branch moved meanwhile (nothing is lost).
    """
    root = Path(root)
    check_branch(root, branch)
    old = tip(root, branch)
    parent = old or resolve(root, base)
    git_dir = Path(git.text(root, "rev-parse", "--absolute-git-dir"))
    handle, index = tempfile.mkstemp(prefix="traam-import-", suffix=".index", dir=git_dir)
    os.close(handle)
    os.unlink(index)  # git wants to create the index itself
    env = {"GIT_INDEX_FILE": index}
    try:
        git.run(root, "read-tree", parent, env=env)
        for record_id in sorted(records):
            blob = git.text(root, "hash-object", "-w", "--stdin", input=codec.dump(records[record_id]))
            git.run(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{layout.path_of(record_id)}", env=env)
        tree = git.text(root, "write-tree", env=env)
    finally:
        if os.path.exists(index):
            os.unlink(index)
    commit = git.text(root, "commit-tree", tree, "-p", parent, "-m", message)
    current = git.run(root, "symbolic-ref", "-q", "--short", "HEAD", check=False).stdout.decode().strip()
    if current == branch:
        git.run(root, "merge", "--ff-only", "-q", commit)
    else:
        git.run(root, "update-ref", "-m", "traam import", f"refs/heads/{branch}", commit, old or null_id(object_format(root)))
    return commit
