"""Provides commit_one, the commit of a single path on top of HEAD without touching other staged changes.

``git add`` + ``git commit`` rewrite and re-scan the whole index (and commit
whatever else the user had staged). Instead, the new trees along the path
are built with ``git mktree`` from HEAD's trees, the commit with
``git commit-tree``, and the branch moved with ``git update-ref`` given its
old value, so a concurrent commit makes ours fail instead of being lost.
Finally the index entry of that path alone is set to the new blob.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store import git
from store.git.catfile import CatFile
from store.errors import IDENTITY_MISSING, StoreError

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
    symbolic = git.run(root, "symbolic-ref", "-q", "HEAD", check=False).stdout.decode().strip()
    ref = symbolic or "HEAD"
    done = git.run(root, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
    old = done.stdout.decode().strip() if done.returncode == 0 else None
    old_tree = tree_of(reader, old) if old else None
    tree = new_tree(root, reader, old_tree, path, blob, width) or _mktree(root, [])
    if old and tree == old_tree:
        return old
    args = ["commit-tree", "--no-gpg-sign", tree]
    if old:
        args += ["-p", old]
    made = git.run(root, *args, input=message.encode("utf-8"), check=False)
    if made.returncode != 0:
        stderr = made.stderr.decode("utf-8", "replace")
        if "tell me who you are" in stderr or "empty ident" in stderr or "user.email" in stderr:
            raise StoreError(IDENTITY_MISSING, stderr)
        raise StoreError("la création du commit a échoué", stderr)
    commit = made.stdout.decode("ascii").strip()
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
