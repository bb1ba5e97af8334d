"""Provides the operations that reach a remote: clone, fetch, push, with git's progress parsed into typed events.

Every call goes through the one runner (:mod:`store.git.runner`), so the
whole policy applies: git's own upload and receive pack, no ssh command,
proxy, askpass or credential helper of the repository's choosing, no
submodules, hooks off. Progress comes from git's ``--progress`` lines on
stderr (``Receiving objects:  45% (450/1000)``), parsed here; GitPython's
``RemoteProgress`` does the same but cannot be had without GitPython
starting git by itself (see the README's design notes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from store import git
from store.git.runner import Completed, stream


@dataclass(frozen=True, slots=True)
class Transfer:
    """One step of a transfer as git reports it."""

    phase: str
    """git's phase, in English as git prints it under ``LC_ALL=C`` (``Receiving objects``)."""
    done: int
    total: int | None
    """None when git counts without knowing the end (``Counting objects: 42``)."""
    remote: bool = False
    """Reported by the remote's side (``remote: Compressing objects``)."""


TransferProgress = Callable[[Transfer], None]
"""Called for each progress line of a clone, fetch or push (from the calling thread)."""

_RELATIVE = re.compile(r"(remote: )?([A-Za-z][A-Za-z ]*):\s+\d+% \((\d+)/(\d+)\)")
_ABSOLUTE = re.compile(r"(remote: )?([A-Za-z][A-Za-z ]*):\s+(\d+)(?:,|$| )")


def parse_progress(line: str) -> Transfer | None:
    """Return the step a git progress line reports, None for any other line (a message, a warning)."""
    found = _RELATIVE.match(line)
    if found:
        return Transfer(found[2].strip(), int(found[3]), int(found[4]), bool(found[1]))
    found = _ABSOLUTE.match(line)
    if found:
        return Transfer(found[2].strip(), int(found[3]), None, bool(found[1]))
    return None


def _call(root: Path | str, args: list[str], progress: TransferProgress | None, check: bool) -> Completed:
    if progress is None:
        return git.run(root, *args, check=check)

    def on_line(line: str) -> None:
        step = parse_progress(line)
        if step is not None:
            progress(step)

    return stream(root, args[0], "--progress", *args[1:], on_line=on_line, check=check)


def clone(cwd: Path | str, url: str, target: Path, *, progress: TransferProgress | None = None) -> None:
    """Clone ``url`` into folder ``target``: no submodules, remote named ``origin``.

    Raises:
        StoreError: git failed (git's stderr attached).
    """
    _call(cwd, ["clone", "--no-recurse-submodules", "--origin", "origin", "--", url, str(target)], progress, True)


def fetch(root: Path | str, remote: str, *, prune: bool = False, quiet: bool = True,
          progress: TransferProgress | None = None, check: bool = False) -> bool:
    """Fetch ``remote`` (its configured refspecs, no submodules); return whether it worked.

    Raises:
        StoreError: git failed and ``check`` is set.
    """
    args = ["fetch", *(["--quiet"] if quiet and progress is None else []),
            *(["--no-recurse-submodules", "--prune"] if prune else []), remote]
    return _call(root, args, progress, check).returncode == 0


def push(root: Path | str, remote: str, refspec: str, *, options: tuple[str, ...] = (),
         set_upstream: bool = False, progress: TransferProgress | None = None) -> None:
    """Push ``refspec`` to ``remote`` (with ``-o`` push options).

    Raises:
        StoreError: the remote refused (its hook's French reasons are in ``stderr``).
    """
    args = ["push", *(["--quiet"] if progress is None else []), *(["--set-upstream"] if set_upstream else [])]
    for option in options:
        args += ["-o", option]
    _call(root, [*args, remote, refspec], progress, True)


def remotes(root: Path | str) -> list[str]:
    """Return the names of the repository's remotes."""
    return git.text(root, "remote").split()


def add_remote(root: Path | str, name: str, url: str) -> None:
    """Add the remote ``name`` at ``url``."""
    git.run(root, "remote", "add", name, url)


def remote_url(root: Path | str, remote: str) -> str:
    """Return the URL of ``remote`` ('' when unknown)."""
    return git.run(root, "remote", "get-url", remote, check=False).stdout.decode("utf-8", "replace").strip()


def remote_has_branch(root: Path | str, remote: str, branch: str) -> bool:
    """Tell whether ``remote`` has ``refs/heads/<branch>`` (asks the remote)."""
    return bool(git.text(root, "ls-remote", "--heads", remote, f"refs/heads/{branch}"))
