"""Provides the plumbing reads the hooks need beyond :mod:`store.git.trees`: the index, modes, sizes, commit headers.

Everything goes through :func:`store.git.run` (safe options, scrubbed
environment). Callers pass ``env``/``keep_git_env`` when a hook must see the
index being committed (``GIT_INDEX_FILE``) or a push's quarantined objects.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, Unpack

from store.git import run
from store.git.runner import GitEnv

SYMLINK, SUBMODULE = "120000", "160000"


class TreeEntry(NamedTuple):
    """One entry of a tree listing (``git ls-tree``)."""

    mode: str
    """``100644``, ``100755``, ``120000`` (symlink), ``160000`` (submodule), ``040000`` (folder)."""
    kind: str
    """``blob``, ``tree`` or ``commit``."""
    oid: str
    path: str


def ls_tree(root: Path | str, treeish: str, *paths: str, keep: Callable[[str], bool] | None = None,
            literal: bool = False, **kw: Unpack[GitEnv]) -> list[TreeEntry]:
    """Return the entries of ``treeish``, recursively (optionally only under ``paths``): the one ls-tree parser.

    Args:
        keep: optional predicate on the path, applied while parsing (listings of 100,000 paths).
        literal: ``paths`` are literal paths, not patterns.
        kw: for :func:`store.git.run` (a hook's ``env``).

    Raises:
        StoreError: ``treeish`` names no tree.
    """
    args = ("--literal-pathspecs",) if literal else ()
    done = run(root, *args, "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", treeish, *paths, **kw)
    found: list[TreeEntry] = []
    append = found.append
    for item in done.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not item:
            continue
        meta, path = item.split("\t", 1)
        if keep is None or keep(path):
            mode, kind, oid = meta.split(" ")
            append(TreeEntry(mode, kind, oid, path))
    return found


def entry(root: Path | str, treeish: str, path: str) -> TreeEntry | None:
    """Return the entry of the file ``path`` in ``treeish``, None when absent."""
    return next(iter(ls_tree(root, treeish, path, literal=True)), None)


def list_tree(root: Path | str, treeish: str, *paths: str, **kw: Unpack[GitEnv]) -> dict[str, tuple[str, str]]:
    """Return ``{path: (mode, blob)}`` for every file of ``treeish`` (recursive), or only under ``paths``."""
    return {e.path: (e.mode, e.oid) for e in ls_tree(root, treeish, *paths, **kw)}


def list_index(root: Path | str, *paths: str, **kw: Unpack[GitEnv]) -> dict[str, tuple[str, str]]:
    """Return ``{path: (mode, blob)}`` for the entries of the index (stage 0), or only under ``paths``.

    ``paths`` are git pathspecs (``:(icase,literal)x`` works).
    """
    done = run(root, "ls-files", "-s", "-z", "--", *paths, **kw)
    out = {}
    for item in done.stdout.split(b"\0"):
        if not item:
            continue
        meta, _, path = item.partition(b"\t")
        mode, blob, stage = meta.decode("ascii").split()
        if stage == "0":
            out[path.decode("utf-8", "surrogateescape")] = (mode, blob)
    return out


def blob_sizes(root: Path | str, blobs: list[str], **kw: Unpack[GitEnv]) -> dict[str, int]:
    """Return the size of each blob (one ``cat-file --batch-check``); missing blobs are left out."""
    if not blobs:
        return {}
    done = run(root, "cat-file", "--batch-check", input="\n".join(blobs) + "\n", **kw)
    sizes = {}
    for line in done.stdout.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob":
            sizes[parts[0]] = int(parts[2])
    return sizes


def commit_info(root: Path | str, commit: str, **kw: Unpack[GitEnv]) -> tuple[list[str], int]:
    """Return ``(parents, committer timestamp)`` of a commit, read from its raw object."""
    raw = run(root, "cat-file", "commit", commit, **kw).stdout
    header = raw.split(b"\n\n", 1)[0].decode("utf-8", "replace")
    parents, stamp = [], 0
    for line in header.splitlines():
        if line.startswith("parent "):
            parents.append(line.split()[1])
        elif line.startswith("committer "):
            try:
                stamp = int(line.rsplit(" ", 2)[-2])
            except ValueError:
                stamp = 0
    return parents, stamp
