"""Provides the plumbing reads the hooks need beyond :mod:`store.git.trees`: the index, modes, sizes, commit headers.

Everything goes through :func:`store.git.run` (safe options, scrubbed
environment). Callers pass ``env``/``keep_git_env`` when a hook must see the
index being committed (``GIT_INDEX_FILE``) or a push's quarantined objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from store.git import run
from store.git.objectformat import empty_tree, object_format
from store.git.runner import GitEnv

ZERO = "0" * 40
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
"""SHA-1 only, for callers not yet converted: see :mod:`store.git.objectformat`."""
SYMLINK, SUBMODULE = "120000", "160000"


@dataclass(frozen=True, slots=True)
class Changed:
    """One path changed between two trees (or a tree and the index)."""

    path: str
    status: str
    """``A``, ``M``, ``D``, ``T`` (type change)."""
    mode: str
    """New mode (``100644``, ``120000`` …), ``000000`` when deleted."""
    blob: str
    """New blob id, zeros when deleted."""


def parse_raw(data: bytes) -> list[Changed]:
    """Parse ``git diff-* --raw -z --no-renames`` output."""
    items = data.split(b"\0")
    out = []
    for i in range(0, len(items) - 1, 2):
        meta = items[i].decode("ascii", "replace").lstrip(":").split()
        if len(meta) < 5:
            continue
        path = items[i + 1].decode("utf-8", "surrogateescape")
        out.append(Changed(path, meta[4][0], meta[1], meta[3]))
    return out


def diff_index(root: Path | str, head: str | None, **kw: Unpack[GitEnv]) -> list[Changed]:
    """Return the paths staged in the index relative to ``head`` (None: nothing committed yet)."""
    base = head or empty_tree(object_format(root, **kw))
    done = run(root, "diff-index", "--cached", "-z", "--raw", "--no-renames", "--no-abbrev", base, **kw)
    return parse_raw(done.stdout)


def list_tree(root: Path | str, treeish: str, *paths: str, **kw: Unpack[GitEnv]) -> dict[str, tuple[str, str]]:
    """Return ``{path: (mode, blob)}`` for every file of ``treeish`` (recursive), or only under ``paths``."""
    done = run(root, "ls-tree", "-r", "-z", "--full-tree", treeish, "--", *paths, **kw)
    out = {}
    for item in done.stdout.split(b"\0"):
        if not item:
            continue
        meta, _, path = item.partition(b"\t")
        mode, _kind, blob = meta.decode("ascii").split()
        out[path.decode("utf-8", "surrogateescape")] = (mode, blob)
    return out


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
