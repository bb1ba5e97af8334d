"""Provides commit_one, the commit of a single path on top of HEAD without touching other staged changes.

``git add`` + ``git commit`` rewrite and re-scan the whole index (and commit
whatever else the user had staged). Instead, the new trees along the path
are built with ``git mktree`` from HEAD's trees, the commit with
``git commit-tree``, and the branch moved with ``git update-ref`` given its
old value, so a concurrent commit makes ours fail instead of being lost.
Finally the index entry of that path alone is set to the new blob.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from store import git
from store.errors import IDENTITY_MISSING, StoreError
from store.git import refs
from store.git.catfile import CatFile
from store.git.objectformat import null_id

TREE = "040000"


class RefMoved(StoreError):
    """The branch moved between reading HEAD and updating it (another commit landed)."""


def parse_tree(data: bytes, width: int) -> list[tuple[str, str, str]]:
    """Parse a raw tree object into ``(mode, name, oid)`` entries (``width``: bytes of an id)."""
    entries = []
    at = 0
    while at < len(data):
        space = data.index(b" ", at)
        nul = data.index(b"\0", space)
        mode = data[at:space].decode("ascii").rjust(6, "0")
        name = data[space + 1:nul].decode("utf-8", "surrogateescape")
        oid = data[nul + 1:nul + 1 + width].hex()
        entries.append((mode, name, oid))
        at = nul + 1 + width
    return entries


def _kind(mode: str) -> str:
    return "tree" if mode == TREE else "commit" if mode == "160000" else "blob"


def _mktree(root: Path, entries: list[tuple[str, str, str]]) -> str:
    lines = b"".join(
        f"{mode} {_kind(mode)} {oid}\t".encode("ascii") + name.encode("utf-8", "surrogateescape") + b"\0"
        for mode, name, oid in entries
    )
    return git.run(root, "mktree", "-z", input=lines).stdout.decode("ascii").strip()


def new_tree(root: Path, reader: CatFile, tree: str | None, path: str, blob: str | None,
             width: int, mode: str = "100644") -> str | None:
    """Return the id of ``tree`` with ``path`` set to ``blob`` (or removed when ``blob`` is None).

    Returns None when the result is an empty tree (the caller drops it from its parent).
    """
    head, _, rest = path.partition("/")
    entries = []
    if tree:
        found = reader.get(tree)
        if found is None or found[0] != "tree":
            raise StoreError(f"arbre git introuvable ({tree})")
        entries = parse_tree(found[1], width)
    current = {name: (m, oid) for m, name, oid in entries}
    if rest:
        child = current.get(head)
        child_tree = child[1] if child and child[0] == TREE else None
        value = new_tree(root, reader, child_tree, rest, blob, width, mode)
        new_entry = (TREE, value) if value else None
    else:
        new_entry = (mode, blob) if blob else None
    if new_entry is None:
        current.pop(head, None)
    else:
        current[head] = new_entry
    if not current:
        return None
    # git sorts tree entries by name, folders as if their name ended with "/".
    ordered = sorted(current.items(), key=lambda kv: kv[0] + ("/" if kv[1][0] == TREE else ""))
    return _mktree(root, [(m, name, oid) for name, (m, oid) in ordered])


def commit_one(root: Path, reader: CatFile, path: str, blob: str | None, message: str, *,
               width: int, on_commit: Callable[[str], None] | None = None) -> str:
    """Commit ``path`` set to ``blob`` (None: deleted) on top of HEAD and move the branch.

    Returns:
        The new commit id (HEAD's when the tree did not change).

    Raises:
        RefMoved: HEAD moved meanwhile (the caller may retry).
        StoreError: git refused (no identity, …), with a French message.
    """
    ref = refs.head_ref(root) or "HEAD"
    old = refs.head(root)
    old_tree = tree_of(reader, old) if old else None
    tree = new_tree(root, reader, old_tree, path, blob, width) or _mktree(root, [])
    if old and tree == old_tree:
        return old
    commit = commit_tree(root, tree, [old] if old else [], message)
    zero = "0" * (width * 2)
    moved = git.run(root, "update-ref", "--no-deref", "-m", f"traam: {message.splitlines()[0][:200]}",
                    ref, commit, old or zero, check=False)
    if moved.returncode != 0:
        stderr = moved.stderr.decode("utf-8", "replace")
        if ".lock" in stderr and "exists" in stderr:
            raise StoreError("la branche est verrouillée par une autre commande git ; réessayez dans un instant",
                             stderr)
        raise RefMoved("la branche a bougé pendant l'enregistrement", stderr)
    if on_commit is not None:
        on_commit(commit)
    return commit


def tree_of(reader: CatFile, commit: str) -> str:
    """Return the tree id of ``commit`` (read from the commit object).

    Raises:
        StoreError: not a commit.
    """
    found = reader.get(commit)
    if found is None or found[0] != "commit" or not found[1].startswith(b"tree "):
        raise StoreError(f"commit git introuvable ({commit})")
    return found[1][5:found[1].index(b"\n")].decode("ascii")


def write_blob(root: Path | str, data: bytes | str) -> str:
    """Write ``data`` as a blob in the repository's objects; return its id."""
    return git.text(root, "hash-object", "-w", "--stdin", input=data)


def tree_with(root: Path | str, start: str, updates: dict[str, str], object_format: str = "sha1") -> str:
    """Return the id of the tree of ``start`` with ``updates`` applied (path → blob id, '' to remove).

    Works in a temporary index (never the user's), so nothing is checked out
    or staged; every file written is a regular ``100644`` file.
    """
    handle, index = tempfile.mkstemp(prefix="traam-index-")
    os.close(handle)
    os.unlink(index)
    env = {"GIT_INDEX_FILE": index}
    null = null_id(object_format)
    try:
        git.run(root, "read-tree", start, env=env)
        lines = "".join(f"100644 blob {oid}\t{path}\n" if oid else f"0 {null}\t{path}\n"
                        for path, oid in updates.items())
        git.run(root, "update-index", "--index-info", input=lines, env=env)
        return git.text(root, "write-tree", env=env)
    finally:
        if os.path.exists(index):
            os.unlink(index)


def commit_tree(root: Path | str, tree: str, parents: list[str], message: str, *,
                sign_key: Path | None = None, user_signing: bool = False, env: dict[str, str] | None = None) -> str:
    """Create a commit of ``tree`` with ``parents``; return its id. The one ``commit-tree`` of traam.

    Args:
        sign_key: SSH-sign with this private key (validation merges, genesis).
        user_signing: without ``sign_key``, follow the user's own
            ``commit.gpgSign``; otherwise the commit is never signed.
        env: extra environment (an author identity ``GIT_AUTHOR_NAME`` …).

    Raises:
        StoreError: git refused; :data:`store.errors.IDENTITY_MISSING` when it does not know who commits.
    """
    from store.git.signatures import SIGN_CONFIG

    if sign_key is not None:
        args = [*SIGN_CONFIG, "-c", f"user.signingkey={sign_key}", "commit-tree", f"-S{sign_key}", tree]
    else:
        args = ["commit-tree", *(() if user_signing else ("--no-gpg-sign",)), tree]
    for parent in parents:
        args += ["-p", parent]
    if sign_key is not None:
        return git.text(root, *args, "-F", "-", input=message.encode("utf-8"), env=env)
    made = git.run(root, *args, "-F", "-", input=message.encode("utf-8"), env=env, check=False)
    if made.returncode != 0:
        stderr = made.stderr.decode("utf-8", "replace")
        if any(sign in stderr for sign in ("tell me who you are", "Author identity unknown", "empty ident",
                                           "user.email")):
            raise StoreError(IDENTITY_MISSING, stderr)
        raise StoreError("la création du commit a échoué", stderr)
    return made.stdout.decode("ascii").strip()


def write_tree_of_paths(root: Path | str, paths: list[str]) -> str:
    """Stage the work-tree files ``paths`` in the index, then return the id of the index's tree."""
    listing = b"".join(p.encode("utf-8") + b"\0" for p in paths)
    git.run(root, "--literal-pathspecs", "update-index", "--add", "-z", "--stdin", input=listing)
    return git.text(root, "write-tree")


def commit_file_on_new_branch(root: Path | str, branch: str, start: str, path: str, data: bytes,
                              message: str) -> str:
    """Create ``branch`` at ``start`` with one commit that sets ``path`` to ``data``, check it out; return the commit.

    Built without touching the work tree first (blob, then a tree from
    ``start``'s with that entry), so a dirty work tree or an index lock stops
    nothing half-way; the switch comes last.

    Raises:
        StoreError: git failed (the work tree has changes that the switch would lose …).
    """
    from store.git.objectformat import object_format

    tree = tree_with(root, start, {path: write_blob(root, data)}, object_format(root))
    commit = commit_tree(root, tree, [start], message)
    git.run(root, "switch", "--quiet", "--no-track", "-c", branch, commit)
    return commit
