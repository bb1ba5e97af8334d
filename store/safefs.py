"""Provides file access inside a commons that never follows a symlink, and crash-safe writes.

Every path is walked component by component from the root with
``O_NOFOLLOW``: a record that is a symlink, or sits under a symlinked
folder, is refused (SECURITY.md, fact 4). Writes go to a temporary file in
the same folder, are fsynced, then ``os.replace``d over the target, so a
process killed mid-save leaves the old or the new file, never a broken one.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from store.errors import StoreError

TEMP_PREFIX = ".traam-tmp-"
"""Prefix of our temporary files; stale ones are swept when a commons is opened."""

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)

before_replace: Callable[[str], None] | None = None
"""Test hook: called with the record path after the temp file is written and before the replace."""


class SymlinkRefused(StoreError):
    """A path of the commons is, or goes through, a symbolic link."""


def _refuse(rel: str) -> SymlinkRefused:
    return SymlinkRefused(f"« {rel} » est un lien symbolique (ou se trouve sous un dossier lien) : refusé")


def _open_dir(root: Path, parts: list[str], *, create: bool = False) -> int:
    """Open the folder ``root/parts…`` without following links; return its descriptor."""
    fd = os.open(root, _DIR_FLAGS)
    try:
        for part in parts:
            try:
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                try:
                    os.mkdir(part, 0o777, dir_fd=fd)
                except FileExistsError:
                    pass
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as error:
                if error.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise _refuse("/".join(parts)) from error
                raise
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def read(root: Path, rel: str) -> bytes | None:
    """Return the bytes of ``root/rel``, or None when it does not exist.

    Raises:
        SymlinkRefused: the file or one of its folders is a symlink, or it is not a regular file.
    """
    parts = rel.split("/")
    try:
        fd = _open_dir(root, parts[:-1])
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        try:
            file = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), dir_fd=fd)
        except FileNotFoundError:
            return None
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                raise _refuse(rel) from error
            raise
        with os.fdopen(file, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise _refuse(rel)
            return handle.read()
    finally:
        os.close(fd)


def is_link(root: Path, rel: str) -> bool:
    """Tell whether ``rel`` or one of its folders is a symlink (missing parts are not links)."""
    current = root
    for part in rel.split("/"):
        current = current / part
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return True
        except FileNotFoundError:
            return False
    return False


def write(root: Path, rel: str, data: bytes) -> None:
    """Write ``data`` to ``root/rel`` atomically (temp file in the same folder, fsync, replace).

    Raises:
        SymlinkRefused: the target or one of its folders is a symlink.
        StoreError: the file system refused the write (French message).
    """
    parts = rel.split("/")
    try:
        fd = _open_dir(root, parts[:-1], create=True)
    except SymlinkRefused:
        raise
    except OSError as error:
        raise StoreError(f"impossible de créer le dossier de « {rel} » : {error.strerror}") from error
    temp = f"{TEMP_PREFIX}{os.getpid()}-{parts[-1]}"
    try:
        try:
            existing = os.lstat(parts[-1], dir_fd=fd)
        except FileNotFoundError:
            existing = None
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            raise _refuse(rel)
        mode = stat.S_IMODE(existing.st_mode) if existing else 0o644
        file = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, mode, dir_fd=fd)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(file, view):]
            os.fsync(file)
        finally:
            os.close(file)
        if before_replace is not None:
            before_replace(rel)
        os.replace(temp, parts[-1], src_dir_fd=fd, dst_dir_fd=fd)
        os.fsync(fd)
    except OSError as error:
        try:
            os.unlink(temp, dir_fd=fd)
        except OSError:
            pass
        raise StoreError(f"impossible d'écrire « {rel} » : {error.strerror}") from error
    finally:
        os.close(fd)


def unlink(root: Path, rel: str) -> None:
    """Delete ``root/rel`` (a regular file) without following links; a missing file is fine.

    Raises:
        SymlinkRefused: the file or one of its folders is a symlink.
    """
    parts = rel.split("/")
    try:
        fd = _open_dir(root, parts[:-1])
    except (FileNotFoundError, NotADirectoryError):
        return
    try:
        try:
            info = os.lstat(parts[-1], dir_fd=fd)
        except FileNotFoundError:
            return
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(rel)
        os.unlink(parts[-1], dir_fd=fd)
        os.fsync(fd)
    finally:
        os.close(fd)


def is_temp(rel: str) -> bool:
    """Tell whether ``rel`` names one of our temporary files."""
    return rel.rsplit("/", 1)[-1].startswith(TEMP_PREFIX)


def sweep(root: Path, rels: list[str]) -> int:
    """Remove our stale temporary files among ``rels``; return how many were removed.

    Only files named ``.traam-tmp-<pid>-…`` whose process is gone are removed
    (the work-tree listing of :meth:`Commons.load` finds them as untracked files).
    """
    removed = 0
    for rel in rels:
        name = rel.rsplit("/", 1)[-1]
        pid = name[len(TEMP_PREFIX):].split("-", 1)[0]
        if not is_temp(rel) or (pid.isdigit() and _alive(int(pid))) or is_link(root, rel.rsplit("/", 1)[0]):
            continue
        try:
            os.unlink(root / rel)
            removed += 1
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
