"""Provides the repository's object format (SHA-1 or SHA-256) and the ids that derive from it.

The null id (``0`` × 40 or × 64) and the empty tree's id depend on the
format: nothing outside this module spells them.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Unpack

from store import git
from store.git.runner import GitEnv

WIDTHS = {"sha1": 40, "sha256": 64}
"""Hexadecimal length of an object id per format."""


def object_format(root: Path | str, **kw: Unpack[GitEnv]) -> str:
    """Return ``sha1`` or ``sha256``, as ``git rev-parse --show-object-format`` says for ``root``.

    ``kw`` goes to :func:`store.git.run` (a hook's ``env``/``keep_git_env``).

    Raises:
        StoreError: ``root`` is not a git repository.
    """
    found = git.text(root, "rev-parse", "--show-object-format", **kw)
    return found if found in WIDTHS else "sha1"


def null_id(fmt: str = "sha1") -> str:
    """Return the all-zero id of ``fmt`` (git's "no object": a ref being created or deleted)."""
    return "0" * WIDTHS[fmt]


def is_null(oid: str) -> bool:
    """Tell whether ``oid`` is the null id of either format."""
    return len(oid) in WIDTHS.values() and not oid.strip("0")


@lru_cache(maxsize=2)
def empty_tree(fmt: str = "sha1") -> str:
    """Return the id of the empty tree in ``fmt``."""
    return hashlib.new(fmt, b"tree 0\0").hexdigest()


def width_bytes(fmt: str) -> int:
    """Return the length in bytes of a binary object id of ``fmt`` (in raw tree objects)."""
    return WIDTHS[fmt] // 2
