"""Provides the cache folder of a commons (outside the repository) and its one versioned file format.

Every cache traam keeps (parsed entries, snapshots, tree listings, the typo
word list, review memos) lives in one folder per commons under the user's
cache folder (``platformdirs.user_cache_dir("traam")``), never inside the
repository: a copied repository can neither bring a cache nor plant a link
where one is written (SECURITY.md, fact 9). The folder is named after a
hash of the commons' absolute git directory: two clones never share a
folder (each has its own write lock), and a moved commons simply starts
cold.

A cache file is ``FORMAT``, the body's length and CRC-32, then the body. A
flipped byte or a truncated file is noticed on reading and the cache is
rebuilt; nothing is ever trusted beyond "this user's own disk".
"""

from __future__ import annotations

import gc
import hashlib
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from store import safefs
from store.errors import StoreError

FORMAT = b"traam-cache-2\n"
"""Changes whenever any cache's layout changes: older files are then ignored and rebuilt."""
_HEAD = struct.Struct("<QI")


def user_cache_root() -> Path:
    """Return traam's own cache folder (``$XDG_CACHE_HOME/traam`` on Linux)."""
    return Path(platformdirs.user_cache_dir("traam", appauthor=False))


def user_state_root() -> Path:
    """Return traam's folder for state worth keeping, such as recovery files (``$XDG_STATE_HOME/traam``)."""
    return Path(platformdirs.user_state_dir("traam", appauthor=False))


def folder_of(common_dir: Path) -> Path:
    """Return the cache folder of the commons whose common git directory is ``common_dir`` (not created)."""
    key = hashlib.sha256(str(Path(common_dir).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return user_cache_root() / "commons" / key


def read(path: Path) -> memoryview | None:
    """Return the body of a cache file written by :func:`write`; None when missing, older, damaged or truncated."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    start = len(FORMAT) + _HEAD.size
    if len(data) < start or not data.startswith(FORMAT):
        return None
    length, crc = _HEAD.unpack_from(data, len(FORMAT))
    body = memoryview(data)[start:]  # no copy of a 50 MB file
    if len(body) != length or zlib.crc32(body) != crc:
        return None
    return body


def write(path: Path, body: bytes) -> bool:
    """Write a cache file atomically and privately; False when the disk refused (a cache is only an accelerator)."""
    try:
        safefs.write_atomic(path, b"".join((FORMAT, _HEAD.pack(len(body), zlib.crc32(body)), body)), private=True)
    except StoreError:
        return False
    return True


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk allocation, then restore it as it was.

    Building or unmarshalling 100,000 entries allocates a million objects;
    each collection on the way would walk them all and free nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
