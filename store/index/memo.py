"""Provides small derived-data caches of the review workflow under ``.git/traam/`` (JSON, authenticated).

Values are derived from immutable git objects (commit and blob ids), so an
entry is never stale; a missing or unreadable file is simply rebuilt. JSON,
not pickle, so that reading a cache never runs code; and each file carries
an HMAC made with a secret kept in the user's own cache folder, outside the
repository, so that a copied repository cannot bring a forged "verified"
verdict with it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from pathlib import Path

from store import git
from store.index.cache import user_secret

_GIT_DIRS: dict[str, Path] = {}


def git_dir(root: Path | str) -> Path:
    """Return the common git directory of ``root`` (``.git`` of a work tree, the repository itself if bare)."""
    key = str(root)
    if key not in _GIT_DIRS:
        common = Path(git.text(root, "rev-parse", "--git-common-dir"))
        _GIT_DIRS[key] = common if common.is_absolute() else (Path(root) / common).resolve()
    return _GIT_DIRS[key]


def _mac(secret: bytes, payload: bytes) -> str:
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()


def load(root: Path | str, name: str) -> dict:
    """Return the cache ``name`` of this repository (empty when missing, unreadable or not ours)."""
    secret = user_secret()
    if secret is None:
        return {}
    try:
        mac, _, payload = (git_dir(root) / "traam" / f"review-{name}.json").read_bytes().partition(b"\n")
        if not hmac.compare_digest(mac.decode("ascii", "replace"), _mac(secret, payload)):
            return {}
        value = json.loads(payload)
    except (OSError, ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def save(root: Path | str, name: str, value: dict) -> None:
    """Write the cache ``name`` atomically; without a secret or a writable folder, nothing is cached."""
    secret = user_secret()
    if secret is None:
        return
    payload = json.dumps(value, separators=(",", ":")).encode()
    folder = git_dir(root) / "traam"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".review-{name}.", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(_mac(secret, payload).encode() + b"\n" + payload)
        os.replace(temp, folder / f"review-{name}.json")
    except OSError:
        return
