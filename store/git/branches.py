"""Provides the branch queries and moves the application needs: where HEAD is, how far from its remote, switching.

Small named git queries (pre-commit's ``git.py`` is the model): the TUI and
the command line call these through :mod:`store.branching` and never spell
a git command themselves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from store import git
from store.errors import StoreError


@dataclass(frozen=True, slots=True)
class Tracking:
    """The current branch and how it stands against the remote branch it follows."""

    branch: str
    """Short name of the checked-out branch, '' when HEAD is detached or unborn."""
    upstream: str = ""
    """``remote/branch`` followed, '' when none."""
    ahead: int = 0
    """Commits of ours the upstream does not have."""
    behind: int = 0
    """Commits of the upstream we do not have."""


def current(root: Path | str) -> str:
    """Return the short name of the checked-out branch, '' when HEAD is detached."""
    return git.text(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)


def tracking(root: Path | str) -> Tracking:
    """Return the current branch with its upstream and ahead/behind counts (two cheap git calls)."""
    branch = current(root)
    if not branch:
        return Tracking("")
    upstream = git.text(root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}", check=False)
    if not upstream or upstream.startswith("@{"):
        return Tracking(branch)
    counts = git.text(root, "rev-list", "--left-right", "--count", "HEAD...@{upstream}", check=False).split()
    if len(counts) != 2:
        return Tracking(branch, upstream)
    return Tracking(branch, upstream, int(counts[0]), int(counts[1]))


def head_file(root: Path | str) -> Path | None:
    """Return the path of this work tree's ``HEAD`` file (watch its mtime to notice outside switches)."""
    found = git.text(root, "rev-parse", "--absolute-git-dir", check=False)
    return Path(found) / "HEAD" if found else None


def head_stamp(head: Path | None) -> tuple[int, int]:
    """Return a cheap stamp of ``HEAD`` (mtime and size) that changes when HEAD moves or switches branch."""
    if head is None:
        return (0, 0)
    try:
        info = os.stat(head)
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


def local(root: Path | str) -> list[str]:
    """Return the short names of the local branches, sorted."""
    out = git.text(root, "for-each-ref", "--format=%(refname:short)", "refs/heads/")
    return sorted(name for name in out.splitlines() if name)


def remote_only(root: Path | str, prefixes: tuple[str, ...]) -> dict[str, str]:
    """Return ``{short name: remote ref}`` of remote branches under ``prefixes`` with no local branch of that name."""
    out = git.text(root, "for-each-ref", "--format=%(refname:short)", "refs/remotes/")
    mine = set(local(root))
    found: dict[str, str] = {}
    for ref in out.splitlines():
        remote, _, short = ref.partition("/")
        if short and short not in mine and short.startswith(prefixes) and short not in found:
            found[short] = f"{remote}/{short}"
    return found


def is_dirty(root: Path | str) -> bool:
    """Tell whether tracked files have uncommitted changes (a switch could carry or lose them)."""
    out = git.run(root, "status", "--porcelain", "--untracked-files=no", check=False).stdout
    return bool(out.strip())


def switch(root: Path | str, branch: str, *, start: str | None = None) -> None:
    """Check out ``branch`` (creating it from remote ref ``start`` when given).

    Raises:
        StoreError: git refused (uncommitted changes in the way, unknown branch).
    """
    if start:
        git.run(root, "switch", "--quiet", "--track", "-c", branch, start)
    else:
        git.run(root, "switch", "--quiet", "--end-of-options", branch)


def identity(root: Path | str) -> tuple[str, str]:
    """Return the ``(name, email)`` git would record as author; '' for what git cannot find.

    Environment variables count as git counts them; when git refuses (no
    identity), the configured parts are returned, the missing one empty.
    """
    done = git.run(root, "var", "GIT_AUTHOR_IDENT", check=False)
    ident = done.stdout.decode("utf-8", "replace").strip().rsplit(" ", 2)[0] if done.returncode == 0 else ""
    if ident.endswith(">") and " <" in ident:
        name, _, email = ident[:-1].rpartition(" <")
        if name.strip() and email.strip():
            return name.strip(), email.strip()
    name = git.text(root, "config", "--get", "user.name", check=False).strip()
    email = git.text(root, "config", "--get", "user.email", check=False).strip()
    return name, email


def set_identity(root: Path | str, name: str, email: str) -> None:
    """Write ``user.name`` and ``user.email`` into this repository's own config.

    Raises:
        StoreError: git could not write the config.
    """
    if not name.strip() or not email.strip():
        raise StoreError("nom et adresse électronique sont tous deux nécessaires")
    git.run(root, "config", "--local", "user.name", name.strip())
    git.run(root, "config", "--local", "user.email", email.strip())


def merge_base(root: Path | str, one: str, other: str) -> str | None:
    """Return the best common ancestor of two commits, None when they share none."""
    return git.text(root, "merge-base", one, other, check=False) or None


def create_and_switch(root: Path | str, branch: str, start: str) -> None:
    """Create ``branch`` at ``start`` and check it out (no upstream).

    Raises:
        StoreError: git refused (the branch exists, changes in the way).
    """
    git.run(root, "switch", "--quiet", "--no-track", "-c", branch, start)
