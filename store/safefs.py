"""Provides file access that never follows a symlink, and the one crash-safe writer of every file traam creates.

Every path is walked component by component from the root with
``O_NOFOLLOW``: a record that is a symlink, or sits under a symlinked
folder, is refused (SECURITY.md, fact 4). Writes go to a temporary file in
the same folder, are fsynced, then ``os.replace``d over the target, so a
process killed mid-save leaves the old or the new file, never a broken one.
:func:`write_atomic` does the same for every other file (caches, exports,
hooks, recovery files): the temporary file is created with
``O_CREAT|O_EXCL|O_NOFOLLOW``, so a link planted at any name is never
written through (SECURITY.md, fact 9).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from store.errors import StoreError

TEMP_PREFIX = ".traam-tmp-"
"""Prefix of our temporary files; stale ones are swept when a commons is opened."""

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | _CLOEXEC

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
        raise StoreError(f"impossible de créer le dossier de « {rel} » : {reason(error)}") from error
    try:
        _write_at(fd, parts[-1], data, None, rel, hook=True)
    finally:
        os.close(fd)


def write_atomic(path: Path | str, data: bytes | str, *, mode: int | None = None, private: bool = False,
                 follow_parent: bool = False, durable: bool = True) -> Path:
    """Create or replace the file ``path`` atomically; the one way traam writes a file outside the records.

    The content goes to a new temporary file of the same folder, created
    with ``O_CREAT|O_EXCL|O_NOFOLLOW`` (a symlink or file planted at any
    name is never written through), is fsynced, then renamed over ``path``;
    a symlink at ``path`` itself is replaced, never followed. The folder is
    created if needed; its last component is opened without following a
    link unless ``follow_parent`` (a folder the user named, such as an
    export destination).

    Args:
        path: the file to write.
        data: its content (``str`` is written as UTF-8, unchanged newlines).
        mode: the file's permissions (before the umask), e.g. ``0o755`` for a hook.
        private: ``0o600`` whatever the umask (caches, recovery files, keys);
            otherwise ``0o666`` minus the umask, like any file a program creates.
        follow_parent: accept a folder that is itself a symlink.
        durable: fsync the file and its folder (False for the many pages of a site that a new
            export rewrites anyway: still atomic, never half written, only not forced to disk).

    Returns:
        ``path`` as a :class:`Path`.

    Raises:
        SymlinkRefused: the folder is a symlink (and ``follow_parent`` is False), or ``path`` is a folder.
        StoreError: the file system refused (full disk, read-only, permissions), French message.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        flags = _DIR_FLAGS if not follow_parent else _DIR_FLAGS & ~os.O_NOFOLLOW
        fd = os.open(folder, flags)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):
            raise SymlinkRefused(f"« {folder} » est un lien symbolique : refusé par sécurité") from error
        raise StoreError(f"impossible de créer le dossier « {folder} » : {reason(error)}") from error
    try:
        _write_at(fd, path.name, data, 0o600 if private else (0o666 if mode is None else mode), str(path),
                  durable=durable)
    finally:
        os.close(fd)
    return path


def write_public(path: Path | str, text: str, *, durable: bool = True) -> Path:
    """Write a file made for the public (an export) where the user asked: :func:`write_atomic`, permissions
    from the umask, the destination folder may be a link the user made."""
    return write_atomic(path, text, follow_parent=True, durable=durable)


def reason(error: OSError) -> str:
    """Return a French reason for the usual file system refusals."""
    return {
        errno.ENOSPC: "disque plein", errno.EDQUOT: "quota disque dépassé", errno.EROFS: "système de fichiers en "
        "lecture seule", errno.EACCES: "permission refusée", errno.EPERM: "opération non permise",
        errno.EFBIG: "fichier trop grand", errno.ENOENT: "dossier introuvable",
    }.get(error.errno or 0, error.strerror or str(error))


def _write_at(fd: int, name: str, data: bytes, mode: int | None, shown: str, *, hook: bool = False,
              durable: bool = True) -> None:
    """Write ``name`` in the folder ``fd``: exclusive temp file, fsync, rename, fsync of the folder.

    ``mode`` None keeps the permissions of the file replaced (0o644 for a new one).
    """
    try:
        existing = os.lstat(name, dir_fd=fd)
    except FileNotFoundError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise _refuse(shown)
    if hook and existing is not None and not stat.S_ISREG(existing.st_mode):
        raise _refuse(shown)  # a record is never replaced when it is a link: refused, left alone
    if mode is None:
        mode = stat.S_IMODE(existing.st_mode) if existing is not None and stat.S_ISREG(existing.st_mode) else 0o644
    temp = f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{name}"[:255]
    try:
        file = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | _CLOEXEC, mode, dir_fd=fd)
    except OSError as error:
        raise StoreError(f"impossible d'écrire « {shown} » : {reason(error)}") from error
    try:
        try:
            if mode == 0o600:
                os.fchmod(file, mode)  # private: exactly 0600 whatever the umask
            view = memoryview(data)
            while view:
                view = view[os.write(file, view):]
            if durable:
                os.fsync(file)
        finally:
            os.close(file)
        if hook and before_replace is not None:
            before_replace(shown)
        os.replace(temp, name, src_dir_fd=fd, dst_dir_fd=fd)
        if durable:
            os.fsync(fd)
    except OSError as error:
        try:
            os.unlink(temp, dir_fd=fd)
        except OSError:
            pass
        raise StoreError(f"impossible d'écrire « {shown} » : {reason(error)}") from error


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
