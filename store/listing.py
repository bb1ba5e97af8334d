"""Provides the list of files of a commons at a ref (``git ls-tree``) or in the work tree (``git ls-files``).

The work-tree listing is one ``git ls-files`` call: the index gives every
tracked file with its blob id; files modified, removed or untracked in the
work tree are flagged, and only those are read from disk (never through a
symlink) and hashed here, like git would without filters.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from records import layout
from store import git, safefs

SYMLINK, GITLINK = "120000", "160000"


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
        if not layout.is_record_path(path):
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
    out = git.run(root, "ls-files", "-z", "-s", "-t", "-c", "-m", "-d", "-o", "--exclude-standard").stdout
    index: dict[str, tuple[str, str]] = {}
    conflicted: set[str] = set()
    changed: set[str] = set()
    removed: set[str] = set()
    untracked: list[str] = []
    temps: list[str] = []
    for item in out.split(b"\0"):
        if not item:
            continue
        tag = item[:1]
        rest = item[2:]
        if tag == b"?":
            path = rest.decode("utf-8", "surrogateescape")
            if safefs.is_temp(path):
                temps.append(path)
            elif layout.is_record_path(path):
                untracked.append(path)
            continue
        meta, _, raw = rest.partition(b"\t")
        path = raw.decode("utf-8", "surrogateescape")
        if not layout.is_record_path(path):
            continue
        if tag == b"R":
            removed.add(path)
        elif tag == b"C":
            changed.add(path)
        elif tag in (b"H", b"S", b"M"):
            mode, blob, stage = meta.decode("ascii").split(" ")
            if stage != "0":
                conflicted.add(path)
            index.setdefault(path, (mode, blob))
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
