"""Provides the small named queries about a repository as a whole: where it is, its remotes, its settings.

One function per question (pre-commit's ``git.py`` is the model), so that
callers outside :mod:`store.git` never spell a git command line.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Location:
    """Where a work tree's repository lives, as git says (paths resolved)."""

    toplevel: Path
    git_dir: Path
    common_dir: Path
    object_format: str
    """``sha1`` or ``sha256``."""


def locate(start: Path) -> Location | None:
    """Return the repository of the work tree holding folder ``start``, None when there is none (or it is bare)."""
    done = git.run(start, "rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir",
                   "--show-object-format", check=False)
    lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
    if done.returncode != 0 or len(lines) < 4 or not lines[0]:
        return None
    common = Path(lines[2])
    common = (start / common).resolve() if not common.is_absolute() else common
    return Location(Path(lines[0]).resolve(), Path(lines[1]), common, lines[3].strip() or "sha1")
