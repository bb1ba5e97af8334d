"""Provides writing imported records on a contribution branch in one commit, without touching the checkout.

The commit is built with plumbing (a temporary index, ``hash-object``,
``write-tree``, ``commit-tree``) and the branch moved with a compare-and-swap
``update-ref``, so the user's work tree and index stay as they are. When the
branch is the one checked out, it is fast-forwarded with ``merge --ff-only``,
which refuses rather than overwrite local edits.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from records import codec, layout
from records.models import Model
from records.text import printable, slugify
from store.errors import StoreError
from store.git import commit, merging, refs
from store.git.objectformat import null_id, object_format


def branch_name(academie: str, sheet_file: str) -> str:
    """Return ``contrib/<academie>/import-<name of the sheet>``."""
    return f"contrib/{academie}/import-{slugify(Path(sheet_file).stem, 48)}"


def check_branch(root: Path, name: str) -> None:
    """Refuse a branch name git would refuse, or one that is not a contribution branch.

    Raises:
        StoreError: the name is invalid (French message).
    """
    if not refs.valid_branch_name(root, name) or not name.startswith("contrib/") or name.count("/") < 2:
        raise StoreError(f"nom de branche invalide « {printable(name)} » (attendu contrib/<académie>/<nom>)")


def tip(root: Path, branch: str) -> str | None:
    """Return the commit of ``branch``, or None when it does not exist."""
    return refs.commit_of(root, f"refs/heads/{branch}")


def resolve(root: Path, ref: str) -> str:
    """Return the commit id of ``ref``.

    Raises:
        StoreError: unknown reference.
    """
    found = refs.commit_of(root, ref)
    if found is None:
        raise StoreError(f"référence inconnue « {printable(ref)} »")
    return found


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
    fmt = object_format(root)
    updates = {layout.path_of(record_id): commit.write_blob(root, codec.dump(records[record_id]))
               for record_id in sorted(records)}
    made = commit.commit_tree(root, commit.tree_with(root, parent, updates, fmt), [parent], message, user_signing=True)
    if refs.current_branch(root) == branch:
        merging.fast_forward(root, made)
    else:
        refs.update(root, f"refs/heads/{branch}", made, old or null_id(fmt), message="traam import")
    return made
