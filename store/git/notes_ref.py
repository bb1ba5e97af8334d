"""Provides the git queries of review notes: read, append, merge, push and fetch ``refs/notes/traam-review``.

Small named queries (pre-commit's ``git.py`` style) so that
:mod:`store.review.notes` and the pre-receive hook never spell git.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Unpack

from store.git import plumbing, trees
from store.git.runner import GitEnv, run

NOTES_REF = "refs/notes/traam-review"
_NOTE_PATH = re.compile(r"^(?:[0-9a-f]{2}/)*[0-9a-f]+$")


def fetch_refspec(remote: str) -> str:
    """Return the refspec that brings ``remote``'s review notes on every ``git fetch``."""
    # A wildcard, because a remote without notes yet must not make every fetch fail.
    return f"+refs/notes/*:refs/notes/remotes/{remote}/*"


def note_refs(root: Path | str) -> list[str]:
    """Return our notes ref (when it exists) and every fetched ``refs/notes/remotes/*/traam-review``."""
    found = [NOTES_REF] if trees.refs(root, NOTES_REF) else []
    found += [name for name in trees.refs(root, "refs/notes/remotes/") if name.endswith("/traam-review")]
    return found


def note_lines(root: Path | str, ref: str, commit: str) -> list[str]:
    """Return the non-blank lines of ``commit``'s note in ``ref`` (empty when it has none)."""
    done = run(root, "notes", f"--ref={ref}", "show", commit, check=False)
    if done.returncode != 0:
        return []
    return [line for line in done.stdout.decode("utf-8", "replace").splitlines() if line.strip()]


def append(root: Path | str, commit: str, line: str) -> None:
    """Append ``line`` to ``commit``'s note in :data:`NOTES_REF`."""
    run(root, "notes", f"--ref={NOTES_REF}", "append", "-F", "-", commit, input=line + "\n")


def follow(root: Path | str, remote: str) -> None:
    """Make plain ``git fetch <remote>`` also fetch review notes (idempotent)."""
    current = run(root, "config", "--get-all", f"remote.{remote}.fetch", check=False).stdout.decode().split()
    if fetch_refspec(remote) not in current:
        run(root, "config", "--add", f"remote.{remote}.fetch", fetch_refspec(remote))


def sync(root: Path | str, remote: str) -> None:
    """Fetch ``remote``'s notes, merge them into ours (union of lines) and push the result.

    Raises:
        StoreError: the push was refused (an unsigned note, a rewrite …).
    """
    run(root, "fetch", "--quiet", remote, fetch_refspec(remote), check=False)
    theirs = f"refs/notes/remotes/{remote}/traam-review"
    if trees.refs(root, theirs) and trees.refs(root, NOTES_REF):
        run(root, "notes", f"--ref={NOTES_REF}", "merge", "-q", "-s", "cat_sort_uniq", theirs)
    elif trees.refs(root, theirs):
        run(root, "update-ref", NOTES_REF, theirs)
    if trees.refs(root, NOTES_REF):
        run(root, "push", "--quiet", remote, f"{NOTES_REF}:{NOTES_REF}")
        run(root, "fetch", "--quiet", remote, fetch_refspec(remote), check=False)


def note_tree(root: Path | str, commit: str, **kw: Unpack[GitEnv]) -> tuple[dict[str, str], list[str]]:
    """Return ``({annotated commit: note blob}, [French problems])`` of a notes commit's tree.

    A notes tree holds only regular files named by (fanned-out) commit ids;
    anything else (a symlink, a folder named otherwise, an executable, a
    record) is a problem.
    """
    found: dict[str, str] = {}
    problems = []
    for mode, kind, blob, raw in plumbing.ls_tree(root, commit, **kw):
        path = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        name = path.replace("/", "")
        if mode != "100644" or kind != "blob" or not _NOTE_PATH.match(path) or len(name) not in (40, 64):
            problems.append(f"« {path[:80]} » (mode {mode}) n'a pas sa place dans les notes de relecture")
            continue
        found[name] = blob
    return found, problems


def parents(root: Path | str, commit: str, **kw: Unpack[GitEnv]) -> list[str]:
    """Return the parents of ``commit``."""
    done = run(root, "rev-list", "--parents", "-n", "1", commit, **kw)
    return done.stdout.decode("ascii").split()[1:]


def new_commits(root: Path | str, new: str, exclude: tuple[str, ...] = ("--all",), **kw: Unpack[GitEnv]) -> list[str]:
    """Return the commits reachable from ``new`` and from none of the refs ``exclude`` names, oldest first."""
    done = run(root, "rev-list", "--reverse", "--topo-order", new, "--not", *exclude, **kw)
    return done.stdout.decode("ascii").split()


def merge_base(root: Path | str, first: str, second: str) -> str | None:
    """Return the best common ancestor of two commits (None when their histories are unrelated)."""
    done = run(root, "merge-base", first, second, check=False)
    found = done.stdout.decode("ascii", "replace").strip()
    return found if done.returncode == 0 and found else None
