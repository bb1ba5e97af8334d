"""Provides the list of files of a commons at a ref (``git ls-tree``) or in the work tree (``git ls-files``).

The work-tree listing is one ``git ls-files`` call: the index gives every
tracked file with its blob id; files modified, removed or untracked in the
work tree are flagged, and only those are read from disk (never through a
symlink) and hashed here, like git would without filters.
"""

from __future__ import annotations

import hashlib
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from records import layout
from store import git, safefs
from store.errors import StoreError

SYMLINK, GITLINK = "120000", "160000"

_ROOT_PREFIXES = tuple(f"{root}/" for root in layout.ROOTS)
_KNOWN = frozenset({layout.MANIFEST, layout.GOVERNANCE})


def is_record_path(path: str) -> bool:
    """Same as :func:`records.layout.is_record_path`, inlined for listings of 100,000 paths."""
    return path.startswith(_ROOT_PREFIXES) or path.endswith(".toml") or path in _KNOWN or path in layout.ROOTS


def twins(paths: list[str]) -> list[tuple[str, str]]:
    """Same as :func:`records.layout.twins`, skipping the common case of plain lowercase ASCII paths."""
    odd = [p for p in paths if not (p.isascii() and p == p.lower())]
    if not odd:
        return []
    plain = set(paths).difference(odd)
    suspects = set(odd)
    for path in odd:
        key = unicodedata.normalize("NFC", path).casefold()
        if key in plain:
            suspects.add(key)
    return layout.twins(sorted(suspects))


@dataclass(slots=True)
class File:
    """One file of a listing."""

    path: str
    mode: str
    blob: str
    data: bytes | None = None
    """Content read from the work tree (None: read it from git's objects by ``blob``)."""
    refused: str = ""
    """Why the file may not be read (a symlink), in French; empty when fine."""
    on_disk: bool = False
    """Read from the work tree (its blob may not be in git's objects)."""


def hash_blob(data: bytes, object_format: str = "sha1") -> str:
    """Return git's blob id of ``data`` (no filters), for a sha1 or sha256 repository."""
    digest = hashlib.new(object_format)
    digest.update(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def _symlink_message(path: str) -> str:
    return f"« {path} » est un lien symbolique (ou se trouve sous un dossier lien) : refusé, jamais lu ni écrit"


def at_ref(root: Path, commit: str) -> list[File]:
    """List the record files of ``commit``'s tree (ls-tree), without reading them."""
    out = git.run(root, "ls-tree", "-r", "-z", "--full-tree", commit).stdout
    files = []
    for item in out.split(b"\0"):
        if not item:
            continue
        meta, _, raw = item.partition(b"\t")
        mode, _kind, blob = meta.decode("ascii").split(" ")
        path = raw.decode("utf-8", "surrogateescape")
        if not is_record_path(path):
            continue
        refused = _symlink_message(path) if mode in (SYMLINK, GITLINK) else ""
        files.append(File(path, mode, blob, refused=refused))
    return files


def work_tree(root: Path, object_format: str = "sha1") -> tuple[list[File], list[str], int]:
    """List the record files as the user sees them: the index, plus modified, removed and untracked files.

    Returns:
        ``(files, temp_files, stale)``: the files; our temporary files found
        (for sweeping); how many files were only stat-dirty (same content as
        the index), a hint that the index wants a refresh.
    """
    # The work-tree scan (stat every file, walk for untracked ones) runs while we parse the index.
    scan = git.spawn(root, "ls-files", "-z", "-t", "-m", "-d", "-o", "--exclude-standard",
                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        listed = git.run(root, "ls-files", "-z", "-s").stdout.decode("utf-8", "surrogateescape")
    finally:
        scanned, errors = scan.communicate()
    if scan.returncode != 0:
        raise StoreError("la commande « git ls-files » a échoué", errors.decode("utf-8", "replace"))
    index: dict[str, tuple[str, str]] = {}
    conflicted: set[str] = set()
    for item in listed.split("\0"):
        if not item:
            continue
        meta, path = item.split("\t", 1)
        if not is_record_path(path):
            continue
        mode, blob, stage = meta.split(" ")
        if stage != "0":
            conflicted.add(path)
        if path not in index:
            index[path] = (mode, blob)
    changed: set[str] = set()
    removed: set[str] = set()
    untracked: list[str] = []
    temps: list[str] = []
    for item in scanned.decode("utf-8", "surrogateescape").split("\0"):
        tag, path = item[:1], item[2:]
        if tag == "?":
            if safefs.is_temp(path):
                temps.append(path)
            elif is_record_path(path):
                untracked.append(path)
        elif tag == "R":
            removed.add(path)
        elif tag == "C":
            changed.add(path)
    files = []
    stale = 0
    for path, (mode, blob) in index.items():
        if path in removed and path not in conflicted:
            continue
        if mode in (SYMLINK, GITLINK):
            files.append(File(path, mode, blob, refused=_symlink_message(path)))
        elif path in changed or path in conflicted:
            file = _from_disk(root, path, object_format)
            if file is not None:
                stale += file.blob == blob and path not in conflicted
                files.append(file)
        else:
            files.append(File(path, mode, blob))
    for path in untracked:
        file = _from_disk(root, path, object_format)
        if file is not None:
            files.append(file)
    return files, temps, stale


def _from_disk(root: Path, path: str, object_format: str) -> File | None:
    try:
        data = safefs.read(root, path)
    except safefs.SymlinkRefused:
        return File(path, SYMLINK, "", refused=_symlink_message(path))
    except OSError:
        return None
    if data is None:
        return None
    return File(path, "100644", hash_blob(data, object_format), data=data, on_disk=True)
