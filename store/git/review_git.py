"""Provides the git queries of contributions and validations: remotes, config, authors, pushes, branch moves.

Small named queries (pre-commit's ``git.py`` style) for
:mod:`store.review.contrib`, :mod:`store.review.decide`,
:mod:`store.review.catchup` and :mod:`store.review.signing`, so that only
``store/git`` spells git.
"""

from __future__ import annotations

from pathlib import Path

from store.git import network
from store.git.runner import run, text


def _out(done) -> str:
    return done.stdout.decode("utf-8", "replace").strip()


def remotes(root: Path | str) -> list[str]:
    """Return the names of the repository's remotes."""
    return network.remotes(root)


def config(root: Path | str, key: str) -> str:
    """Return ``key`` from the repository's (and user's) config, '' when unset."""
    return _out(run(root, "config", "--get", key, check=False))


def set_local_config(root: Path | str, key: str, value: str) -> None:
    """Set ``key`` in the repository's own config."""
    run(root, "config", "--local", key, value)


def remote_url(root: Path | str, remote: str) -> str:
    """Return the URL of ``remote`` ('' when unknown)."""
    return _out(run(root, "remote", "get-url", remote, check=False))


def merge_base(root: Path | str, first: str, second: str) -> str | None:
    """Return the best common ancestor of two commits (None when their histories are unrelated)."""
    return _out(run(root, "merge-base", first, second, check=False)) or None


def first_author(root: Path | str, span: str) -> tuple[str, str, str]:
    """Return ``(name, email, ISO date)`` of the oldest commit of ``span`` (empty strings when none)."""
    log = text(root, "log", "--reverse", "--format=%an%x00%ae%x00%aI", span)
    first = log.splitlines()[0].split("\0") if log else []
    return (first[0], first[1], first[2]) if len(first) == 3 else ("", "", "")


def commit_date(root: Path | str, commit: str) -> str:
    """Return the committer date of ``commit`` (ISO 8601)."""
    return text(root, "log", "-1", "--format=%cI", commit)


def current_ref(root: Path | str) -> str:
    """Return the full ref checked out (``refs/heads/…``), '' on a detached HEAD."""
    return _out(run(root, "symbolic-ref", "--quiet", "HEAD", check=False))


def current_branch(root: Path | str) -> str:
    """Return the short name of the branch checked out, '' on a detached HEAD."""
    return _out(run(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False))


def remote_has_branch(root: Path | str, remote: str, branch: str) -> bool:
    """Tell whether ``remote`` has ``refs/heads/<branch>`` (asks the remote)."""
    return bool(text(root, "ls-remote", "--heads", remote, f"refs/heads/{branch}"))


def push(root: Path | str, remote: str, refspec: str, *, options: tuple[str, ...] = (),
         set_upstream: bool = False, progress: network.TransferProgress | None = None) -> None:
    """Push ``refspec`` to ``remote`` (see :func:`store.git.network.push`)."""
    network.push(root, remote, refspec, options=options, set_upstream=set_upstream, progress=progress)


def fetch(root: Path | str, remote: str, progress: network.TransferProgress | None = None) -> bool:
    """Fetch ``remote`` (its configured refspecs); return False when it failed."""
    return network.fetch(root, remote, progress=progress)


def fast_forward(root: Path | str, commit: str) -> None:
    """Fast-forward the checked-out branch (and work tree) to ``commit``."""
    run(root, "merge", "--quiet", "--ff-only", commit)


def move_ref(root: Path | str, ref: str, new: str, old: str, message: str) -> None:
    """Move ``ref`` from ``old`` to ``new`` atomically (compare-and-swap: refused if ``ref`` is not at ``old``)."""
    run(root, "update-ref", "-m", message, ref, new, old)


def switch_new(root: Path | str, branch: str, start: str) -> None:
    """Create ``branch`` at ``start`` and check it out (no upstream)."""
    run(root, "switch", "--quiet", "--no-track", "-c", branch, start)
