"""Provides the named queries of a merge left in progress: conflicted paths, their stages, staging, commit.

:func:`store.remotes.sync` may stop on conflicts; :mod:`store.resolve`
finishes the merge field by field through these queries.
"""

from __future__ import annotations

from pathlib import Path

from store import git


def unmerged_paths(root: Path | str) -> list[str]:
    """Return the paths git marks as conflicted, sorted."""
    done = git.run(root, "diff", "--name-only", "--diff-filter=U", "-z")
    return sorted(p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p)


def unmerged_stages(root: Path | str) -> dict[str, set[str]]:
    """Return the conflicted paths and the stages the index holds for each (1 base, 2 ours, 3 theirs)."""
    stages: dict[str, set[str]] = {}
    for item in git.run(root, "ls-files", "-u", "-z").stdout.split(b"\0"):
        if item:
            meta, _, path = item.partition(b"\t")
            stages.setdefault(path.decode("utf-8", "surrogateescape"), set()).add(meta.split()[2].decode())
    return stages


def stage_blob(root: Path | str, stage: int, path: str) -> bytes | None:
    """Return the bytes at ``stage`` (1, 2, 3) of ``path`` in the index, None when absent on that side."""
    done = git.run(root, "cat-file", "blob", f":{stage}:{path}", check=False)
    return done.stdout if done.returncode == 0 else None


def stage_file(root: Path | str, path: str) -> None:
    """Stage the work-tree file ``path`` (marks its conflict resolved)."""
    git.run(root, "add", "--", path)


def unstage_deleted(root: Path | str, path: str) -> None:
    """Remove ``path`` from the index (the resolution deletes it)."""
    git.run(root, "rm", "--quiet", "--cached", "--", path)


def commit_merge(root: Path | str) -> str:
    """Commit the merge in progress with git's prepared message; return the new commit id."""
    git.run(root, "commit", "--quiet", "--no-edit")
    return git.text(root, "rev-parse", "HEAD")


def abort_merge(root: Path | str) -> None:
    """Abort the merge in progress (the work tree returns to the state before it)."""
    git.run(root, "merge", "--abort")


def merge_head(root: Path | str) -> str | None:
    """Return the commit being merged when a merge is in progress (``MERGE_HEAD``), else None."""
    done = git.run(root, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False)
    return (done.stdout.decode("ascii", "replace").strip() or None) if done.returncode == 0 else None


def remote_refs_at(root: Path | str, commit: str) -> list[str]:
    """Return the remote-tracking branches (``upstream/main``) that point at ``commit``, sorted."""
    done = git.run(root, "for-each-ref", f"--points-at={commit}", "--format=%(refname:short)", "refs/remotes",
                   check=False)
    names = (line.strip() for line in done.stdout.decode("utf-8", "replace").splitlines())
    return sorted(name for name in names if name and not name.endswith("/HEAD"))


def merge_file(ours: str, base: str, theirs: str, cwd: Path | str = ".") -> bool:
    """Merge the files ``base`` → ``theirs`` into ``ours`` in place, line by line; tell whether it was clean.

    Conflicts are left as markers labelled « nous », « base », « eux ».
    """
    done = git.run(cwd, "merge-file", "-L", "nous", "-L", "base", "-L", "eux", ours, base, theirs, check=False)
    return done.returncode == 0


def merge_base(root: Path | str, one: str, other: str) -> str | None:
    """Return the best common ancestor of two commits, None when they share none."""
    return git.text(root, "merge-base", one, other, check=False) or None


def merge_tree(root: Path | str, ours: str, theirs: str) -> str | None:
    """Return the tree of git's own merge of two commits, None when it conflicts (nothing is written but objects)."""
    done = git.run(root, "merge-tree", "--write-tree", "--no-messages", ours, theirs, check=False)
    return done.stdout.decode("ascii", "replace").split("\n", 1)[0].strip() or None if done.returncode == 0 else None


def merge_with_driver(root: Path | str, source: str, message: str, driver: str, driver_name: str) -> tuple[bool, str]:
    """Merge ``source`` into the checked-out branch with traam's record-aware driver given on the command line.

    Returns:
        ``(clean, git's stderr)``; on conflicts the merge is left in progress.
    """
    done = git.run(root, "-c", f"merge.traam.driver={driver}", "-c", f"merge.traam.name={driver_name}",
                   "merge", "--no-edit", "-m", message, source, check=False)
    return done.returncode == 0, done.stderr.decode("utf-8", "replace")


def fast_forward(root: Path | str, commit: str) -> None:
    """Fast-forward the checked-out branch (and work tree) to ``commit``; refuses rather than merge or lose edits."""
    git.run(root, "merge", "--quiet", "--ff-only", commit)
