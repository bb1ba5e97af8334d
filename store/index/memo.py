"""Provides small derived-data caches of the review workflow in the commons' cache folder (JSON).

Values are derived from immutable git objects (commit and blob ids), so an
entry is never stale; a missing or unreadable file is simply rebuilt. JSON,
not pickle, so that reading a cache never runs code; and the files live in
the user's own cache folder (:mod:`store.index.cachedir`), outside the
repository, so that a copied repository cannot bring a forged "verified"
verdict with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from store.git import repo
from store.index import cachedir

_GIT_DIRS: dict[str, Path] = {}


def git_dir(root: Path | str) -> Path:
    """Return the common git directory of ``root`` (``.git`` of a work tree, the repository itself if bare)."""
    key = str(root)
    if key not in _GIT_DIRS:
        _GIT_DIRS[key] = repo.common_dir(root)
    return _GIT_DIRS[key]


def _path(root: Path | str, name: str) -> Path:
    return cachedir.folder_of(git_dir(root)) / f"review-{name}.json"


def load(root: Path | str, name: str) -> dict[str, Any]:
    """Return the cache ``name`` of this repository (empty when missing, damaged or older)."""
    body = cachedir.read(_path(root, name))
    if body is None:
        return {}
    try:
        value = json.loads(bytes(body))
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def save(root: Path | str, name: str, value: dict[str, Any]) -> None:
    """Write the cache ``name`` atomically; without a writable cache folder, nothing is cached."""
    cachedir.write(_path(root, name), json.dumps(value, separators=(",", ":")).encode())
