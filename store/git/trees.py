"""Provides small read-only helpers over git objects: refs, trees as path→blob maps, blob contents, tree diffs.

They run git through :mod:`store.git` only and never check anything out, so
that reviews, verification and states work on any ref of any repository,
bare ones included (the pre-receive hook).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from records import codec, layout
from records.models import Model
from records.problems import Problem
from store import git
from store.errors import StoreError
from store.git import diff, plumbing, text
from store.git.diff import TreeChange


def rev(root: Path | str, name: str) -> str | None:
    """Return the commit id ``name`` resolves to, or None when it does not exist."""
    done = git.run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}", check=False)
    return done.stdout.decode().strip() or None if done.returncode == 0 else None


def refs(root: Path | str, *patterns: str) -> dict[str, str]:
    """Return ``{full ref name: commit id}`` for the refs matching ``patterns`` (``refs/heads/academie/``)."""
    out = git.text(root, "for-each-ref", "--format=%(refname)%00%(objectname)%00%(objecttype)", *patterns)
    found = {}
    for line in out.splitlines():
        name, oid, kind = line.split("\0")
        if kind == "commit":
            found[name] = oid
    return found


def tree_blobs(root: Path | str, treeish: str, prefixes: tuple[str, ...] = ()) -> dict[str, str]:
    """Return ``{path: blob id}`` of the regular files in ``treeish`` (optionally under ``prefixes``)."""
    return {e.path: e.oid for e in plumbing.ls_tree(root, treeish, *prefixes)
            if e.kind == "blob" and e.mode in ("100644", "100755")}


def read_blobs(root: Path | str, oids: list[str]) -> dict[str, bytes]:
    """Return the contents of ``oids`` through one ``git cat-file --batch``."""
    unique = list(dict.fromkeys(oids))
    if not unique:
        return {}
    data = git.run(root, "cat-file", "--batch", input="\n".join(unique) + "\n").stdout
    contents, pos = {}, 0
    for oid in unique:
        end = data.index(b"\n", pos)
        header = data[pos:end].decode().split(" ")
        if len(header) != 3:
            raise StoreError(f"objet git introuvable : {oid}")
        size = int(header[2])
        contents[oid] = data[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return contents


def changes(root: Path | str, old: str | None, new: str) -> list[TreeChange]:
    """Return the paths that differ between two commits or trees (``old`` None: everything in ``new``).

    Raises:
        StoreError: git cannot compare them.
    """
    if old is None:
        return [TreeChange(path, "A", "000000", "100644", None, oid) for path, oid in tree_blobs(root, new).items()]
    found = diff.between(root, old, new)
    if found is None:
        raise StoreError(f"impossible de comparer {old} et {new}")
    return found


def changes_between(root: Path | str, pairs: list[tuple[str, str]]) -> dict[str, list[TreeChange]]:
    """Return ``{new: changes from old to new}`` of many ``(old, new)`` commit pairs (``new`` all distinct)."""
    return diff.against_parents(root, pairs)


def changes_against(root: Path | str, commits: list[str], base: str) -> dict[str, list[TreeChange]]:
    """Return ``{commit: changes from base to commit}`` (see :func:`store.git.diff.against_base`)."""
    return diff.against_base(root, commits, base)


def load_tree(root: Path | str, treeish: str, keep: Callable[[str], bool] | None = None
              ) -> tuple[dict[str, Model], dict[str, str], list[Problem]]:
    """Load the records of ``treeish`` without checkout (those whose path ``keep`` accepts, default all).

    Returns:
        ``(records by id, TOML text by id, file problems)``.
    """
    blobs = {p: o for p, o in tree_blobs(root, treeish).items()
             if layout.is_record_path(p) and (keep is None or keep(p))}
    contents = read_blobs(root, list(blobs.values()))
    records, texts, problems = {}, {}, []
    for path, oid in blobs.items():
        loaded = codec.load(path, contents[oid])
        problems.extend(loaded.problems)
        if loaded.record is not None and loaded.location is not None:
            records[loaded.location.id] = loaded.record
            texts[loaded.location.id] = contents[oid].decode("utf-8", "replace")
    return records, texts, problems


def first_parent_chain(root: Path | str, tip: str, stop: str | None = None) -> list[tuple[str, list[str]]]:
    """Return ``[(commit, parents)]`` along the first-parent chain from ``tip``, newest first.

    Args:
        stop: leave this commit and its ancestors out (the old tip of an update).
    """
    args = ["rev-list", "--first-parent", "--parents", tip]
    if stop:
        args += ["--not", stop]
    chain = []
    for line in git.text(root, *args).splitlines():
        ids = line.split()
        chain.append((ids[0], ids[1:]))
    return chain


def commit_times(root: Path | str, commits: list[str]) -> dict[str, int]:
    """Return the committer dates (Unix seconds) of ``commits`` through one ``git log --stdin``."""
    if not commits:
        return {}
    out = text(root, "log", "--no-walk=unsorted", "--stdin", "--format=%H %ct", input="\n".join(commits) + "\n")
    return {oid: int(seconds) for oid, seconds in (line.split() for line in out.splitlines())}


def is_ancestor(root: Path | str, ancestor: str, descendant: str) -> bool:
    """Tell whether ``ancestor`` is reachable from ``descendant``."""
    return git.run(root, "merge-base", "--is-ancestor", ancestor, descendant, check=False).returncode == 0


def newest(root: Path | str, short: str) -> tuple[str, str] | None:
    """Return ``(ref, commit)`` of the newest of ``refs/heads/<short>`` and ``refs/remotes/*/<short>``.

    The local branch wins unless a remote-tracking one is strictly ahead of it.
    """
    remotes = git.text(root, "remote").split()
    found = refs(root, f"refs/heads/{short}", *(f"refs/remotes/{r}/{short}" for r in remotes))
    best = None
    for ref, oid in sorted(found.items(), key=lambda item: item[0].startswith("refs/remotes/")):
        if best is None or (oid != best[1] and is_ancestor(root, best[1], oid)):
            best = (ref, oid)
    return best


def file_at(root: Path | str, commit: str, path: str) -> bytes | None:
    """Return the bytes of the file ``path`` in ``commit``, None when absent (or not a file)."""
    done = git.run(root, "cat-file", "blob", f"{commit}:{path}", check=False)
    return done.stdout if done.returncode == 0 else None


def files_at(root: Path | str, commits: list[str], path: str) -> dict[str, bytes | None]:
    """Return ``{commit: bytes of the file path in it, None when absent or not a file}`` through one ``git cat-file``."""
    from store.git.catfile import CatFile

    reader, found = CatFile(Path(root)), {}
    try:
        for commit in dict.fromkeys(commits):
            got = reader.get(f"{commit}:{path}")
            found[commit] = got[1] if got is not None and got[0] == "blob" else None
    finally:
        reader.close()
    return found


def blob_id(root: Path | str, commit: str, path: str) -> str | None:
    """Return the id of the object at ``path`` in ``commit``, None when absent."""
    done = git.run(root, "--literal-pathspecs", "rev-parse", "-q", "--verify", f"{commit}:{path}", check=False)
    return done.stdout.decode("ascii").strip() or None if done.returncode == 0 else None


def merges_between(root: Path | str, start: str, end: str) -> list[str]:
    """Return the merge commits on the ancestry path from ``start`` (excluded) to ``end``, oldest first."""
    return git.text(root, "rev-list", "--ancestry-path", "--merges", "--reverse", f"{start}..{end}").split()
