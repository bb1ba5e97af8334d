"""Provides what the command line needs of a git repository before, or without, a commons.

``traam init``, ``traam demo`` and ``traam hooks install`` work on folders
that are not (yet) an open :class:`store.commons.Commons`: a folder about to
become a commons, a demo set aside, a forge's bare repository. They read
their folders and configuration here, so that the command line never names
:mod:`store.git` (import-linter contract in ``pyproject.toml``). Once a
commons is open, use ``commons.config()`` and ``commons.set_config()``.
"""

from __future__ import annotations

from pathlib import Path

from store.git import listing, repo

__all__ = ["config_value", "git_dir", "scan_early", "set_config", "work_tree"]


def scan_early(path: Path | str) -> listing.EarlyScan | None:
    """Start git's scan of the work tree holding ``path`` before the commons is even opened (the application's
    first paint); hand the result to ``Commons.adopt_scan``. See :func:`store.git.listing.scan_early`."""
    return listing.scan_early(path)


def work_tree(path: Path | str = ".") -> Path:
    """Return the git work tree that holds ``path``.

    Raises:
        StoreError: ``path`` is not in a git work tree (git's message).
    """
    return repo.toplevel(path)


def git_dir(path: Path | str = ".") -> Path:
    """Return the git folder of the repository that holds ``path`` (a bare repository is its own).

    Raises:
        StoreError: ``path`` is not in a git repository.
    """
    return repo.absolute_git_dir(path)


def config_value(path: Path | str, key: str) -> str:
    """Return ``key`` as git reads it from ``path`` (the repository's, else the user's configuration; '' when unset)."""
    return repo.config_value(path, key)


def set_config(path: Path | str, key: str, value: str) -> None:
    """Set ``key`` in the configuration of the repository at ``path`` (``git config --local``)."""
    repo.set_local_config(path, key, value)
