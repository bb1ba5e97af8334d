"""Provides small derived-data caches of the review workflow under ``.git/traam/`` (JSON, written atomically).

Values are derived from immutable git objects (commit and blob ids), so an
entry is never stale; a missing or unreadable file is simply rebuilt. JSON,
not pickle: a copied repository may carry a crafted cache file, and reading
it must never run code.
"""

from __future__ import annotations

import os
import json
import tempfile
from pathlib import Path

from store import git

_GIT_DIRS: dict[str, Path] = {}


def git_dir(root: Path | str) -> Path:
    """Return the common git directory of ``root`` (``.git`` of a work tree, the repository itself if bare)."""
    key = str(root)
    if key not in _GIT_DIRS:
        common = Path(git.text(root, "rev-parse", "--git-common-dir"))
        _GIT_DIRS[key] = common if common.is_absolute() else (Path(root) / common).resolve()
    return _GIT_DIRS[key]


def load(root: Path | str, name: str) -> dict:
    """Return the cache ``name`` of this repository (empty when missing or unreadable)."""
    path = git_dir(root) / "traam" / f"review-{name}.json"
    try:
        with path.open("rb") as handle:
            value = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def save(root: Path | str, name: str, value: dict) -> None:
    """Write the cache ``name`` atomically; a read-only repository is silently left uncached."""
    folder = git_dir(root) / "traam"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(value, out, separators=(",", ":"))
        os.replace(temp, folder / f"review-{name}.json")
    except OSError:
        return
