"""Provides the small named queries about a repository as a whole: where it is, its remotes, its settings.

One function per question (pre-commit's ``git.py`` is the model), so that
callers outside :mod:`store.git` never spell a git command line.
"""

from __future__ import annotations

from pathlib import Path

from store import git


def toplevel(cwd: Path | str = ".") -> Path:
    """Return the work tree that holds ``cwd``.

    Raises:
        StoreError: ``cwd`` is not in a git work tree (git's message).
    """
    return Path(git.text(cwd, "rev-parse", "--show-toplevel"))


def toplevel_or_bare(cwd: Path | str = ".") -> Path:
    """Return the work tree that holds ``cwd``, or ``cwd`` itself in a bare repository."""
    return Path(git.text(cwd, "rev-parse", "--show-toplevel", check=False) or cwd)


def absolute_git_dir(cwd: Path | str = ".") -> Path:
    """Return the git folder of the repository that holds ``cwd`` (a bare repository is its own).

    Raises:
        StoreError: ``cwd`` is not in a git repository.
    """
    return Path(git.text(cwd, "rev-parse", "--absolute-git-dir"))


def remotes(root: Path | str) -> list[str]:
    """Return the names of the repository's remotes."""
    return git.text(root, "remote").split()


def fetch(root: Path | str, remote: str) -> bool:
    """Fetch ``remote`` quietly (git's own upload-pack, see the runner); return whether it worked."""
    return git.run(root, "fetch", "--quiet", remote, check=False).returncode == 0


def config_value(root: Path | str, key: str) -> str:
    """Return the value of ``key`` in the repository's configuration, '' when unset."""
    return git.text(root, "config", key, check=False)
