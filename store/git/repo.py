"""Provides the small named queries about a repository as a whole: where it is, its remotes, its settings.

One function per question (pre-commit's ``git.py`` is the model), so that
callers outside :mod:`store.git` never spell a git command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store import git
from store.git import network


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
    return network.remotes(root)


def fetch(root: Path | str, remote: str) -> bool:
    """Fetch ``remote`` quietly (see :func:`store.git.network.fetch`); return whether it worked."""
    return network.fetch(root, remote)


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


def common_dir(root: Path | str) -> Path:
    """Return the common git directory of ``root`` (``.git`` of a work tree, the repository itself if bare), absolute.

    Raises:
        StoreError: ``root`` is not in a git repository.
    """
    common = Path(git.text(root, "rev-parse", "--git-common-dir"))
    return common if common.is_absolute() else (Path(root) / common).resolve()


def init(root: Path | str, branch: str = "main") -> None:
    """Create an empty repository in folder ``root`` whose first branch is ``branch``."""
    git.run(root, "init", "-q", "-b", branch)


def has_committer_identity(root: Path | str) -> bool:
    """Tell whether git knows who commits here (``user.name``/``user.email`` or a usable default)."""
    return git.run(root, "var", "GIT_COMMITTER_IDENT", check=False).returncode == 0


def refresh_index(root: Path | str) -> None:
    """Refresh the index's stat data, opportunistically (never waits for nor takes a lock others hold)."""
    git.run(root, "update-index", "-q", "--refresh", check=False, env={"GIT_OPTIONAL_LOCKS": "1"})


def config_values(root: Path | str, key: str) -> list[tuple[str, str]]:
    """Return every ``(scope, value)`` of ``key`` in the configuration git reads here (``local``, ``global`` …)."""
    done = git.run(root, "config", "--show-scope", "--get-all", key, check=False)
    found = []
    for line in done.stdout.decode("utf-8", "surrogateescape").splitlines():
        scope, _, value = line.partition("\t")
        found.append((scope, value))
    return found


def set_local_config(root: Path | str, key: str, value: str) -> None:
    """Set ``key`` in the repository's own configuration."""
    git.run(root, "config", "--local", key, value)


def remove_local_section(root: Path | str, section: str) -> None:
    """Remove ``section`` from the repository's own configuration (nothing when absent)."""
    git.run(root, "config", "--local", "--remove-section", section, check=False)


def global_config(root: Path | str, key: str) -> str:
    """Return ``key`` from the user's **global** git config only ('' when unset).

    ``--global`` reads ``$GIT_CONFIG_GLOBAL`` (else ``~/.gitconfig`` and
    ``$XDG_CONFIG_HOME/git/config``), never the repository's own config: a
    copied repository must not choose its own judge (SECURITY.md, fact 11).
    """
    done = git.run(root, "config", "--global", "--get", key, check=False)
    return done.stdout.decode("utf-8", "replace").strip()
