"""Provides the small named queries on refs: where HEAD points, what a name resolves to, moving a ref.

One function per question, like pre-commit's ``git.py``. Listing many refs
at once (``for-each-ref``) is :func:`store.git.trees.refs`.
"""

from __future__ import annotations

from pathlib import Path

from store import git


def head_branch(root: Path | str) -> tuple[str, str] | None:
    """Return ``(commit, full branch name)`` of HEAD, or None when HEAD is unborn or detached."""
    done = git.run(root, "rev-parse", "HEAD", "--symbolic-full-name", "HEAD", check=False)
    lines = done.stdout.decode("utf-8", "replace").split()
    if done.returncode != 0 or len(lines) != 2 or not lines[1].startswith("refs/heads/"):
        return None
    return lines[0], lines[1]


def head(root: Path | str) -> str | None:
    """Return the commit id of HEAD, None in an empty repository."""
    done = git.run(root, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
    return done.stdout.decode("ascii").strip() or None if done.returncode == 0 else None


def current_branch(root: Path | str) -> str | None:
    """Return the short name of the current branch, None when HEAD is detached."""
    done = git.run(root, "symbolic-ref", "-q", "--short", "HEAD", check=False)
    return done.stdout.decode("utf-8", "replace").strip() or None if done.returncode == 0 else None


def commit_of(root: Path | str, ref: str) -> str | None:
    """Return the commit id ``ref`` names (branch, tag, commit id), None when it names no commit.

    ``ref`` must not start with ``-`` (the caller refuses it first).
    """
    done = git.run(root, "rev-parse", "-q", "--verify", "--end-of-options", f"{ref}^{{commit}}", check=False)
    return done.stdout.decode("ascii").strip() or None if done.returncode == 0 else None


def head_ref(root: Path | str) -> str:
    """Return the full ref HEAD points to (``refs/heads/…``, even unborn), '' when HEAD is detached."""
    done = git.run(root, "symbolic-ref", "-q", "HEAD", check=False)
    return done.stdout.decode("utf-8", "surrogateescape").strip()


def update(root: Path | str, ref: str, new: str, old: str | None = None, *, message: str) -> None:
    """Point ``ref`` at ``new``; with ``old``, only if it still points there (the null id: only if absent).

    Raises:
        StoreError: ``ref`` moved meanwhile, or git refused.
    """
    git.run(root, "update-ref", "-m", message, ref, new, *((old,) if old is not None else ()))


def valid_branch_name(root: Path | str, name: str) -> bool:
    """Tell whether git accepts ``name`` as a branch name."""
    return git.run(root, "check-ref-format", "--branch", name, check=False).returncode == 0


def candidates(root: Path | str, short: str) -> list[tuple[str, str]]:
    """Return ``[(ref, commit)]`` of ``refs/heads/<short>`` then every ``refs/remotes/<remote>/<short>``.

    Local first, then remote-tracking refs by name: the order in which a
    verifier prefers them when they diverge.
    """
    from store.git import network, trees

    found = trees.refs(root, f"refs/heads/{short}", *(f"refs/remotes/{r}/{short}" for r in network.remotes(root)))
    return sorted(found.items(), key=lambda item: (item[0].startswith("refs/remotes/"), item[0]))


def main_tip(root: Path | str) -> str | None:
    """Return the commit of the local ``main``, else of the first remote-tracking ``main`` (None if none)."""
    found = candidates(root, "main")
    return found[0][1] if found else None


def exists(root: Path | str, commit: str) -> bool:
    """Tell whether ``commit`` is a commit of this repository."""
    return commit_of(root, commit) == commit
