"""Provides commit_path: commit one file change on a branch with a single ``git fast-import``.

``git fast-import`` writes the blob, the trees along the path and the
commit, then moves the branch only if it still points at the parent we
built on (otherwise it refuses: another commit landed, the caller retries).
One process instead of six keeps a save well under the 150 ms target on a
loaded machine. Small imports are written as loose objects
(``fastimport.unpackLimit``), so no tiny packs pile up.
"""

from __future__ import annotations

import time
from pathlib import Path

from store import git
from store.errors import IDENTITY_MISSING, StoreError
from store.git.commit import RefMoved


def identity(root: Path) -> tuple[str, str]:
    """Return ``(author, committer)`` as ``Name <email>`` from git's configuration and environment.

    Raises:
        StoreError: no identity configured (French message).
    """
    found = []
    for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        done = git.run(root, "var", var, check=False)
        if done.returncode != 0:
            raise StoreError(IDENTITY_MISSING, done.stderr.decode("utf-8", "replace"))
        found.append(done.stdout.decode("utf-8", "replace").strip().rsplit(" ", 2)[0])
    return found[0], found[1]


def _when() -> str:
    now = time.time()
    offset = time.localtime(now).tm_gmtoff // 60
    sign = "+" if offset >= 0 else "-"
    return f"{int(now)} {sign}{abs(offset) // 60:02d}{abs(offset) % 60:02d}"


def _data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def commit_path(root: Path, ref: str, parent: str, path: str, data: bytes | None, message: str,
                author: str, committer: str) -> str:
    """Commit ``path`` set to ``data`` (None: deleted) on branch ``ref`` whose tip is ``parent``.

    Returns:
        The new commit id.

    Raises:
        RefMoved: the branch no longer points at ``parent``.
        StoreError: git refused.
    """
    return commit_paths(root, ref, parent, [(path, data)], message, author, committer)


def commit_paths(root: Path, ref: str, parent: str, changes: list[tuple[str, bytes | None]], message: str,
                 author: str, committer: str) -> str:
    """Commit every ``(path, data)`` of ``changes`` (data None: deleted) as one commit on ``ref`` at ``parent``.

    Returns:
        The new commit id.

    Raises:
        RefMoved: the branch no longer points at ``parent``.
        StoreError: git refused, or a path or branch fast-import cannot spell.
    """
    if not ref.startswith("refs/heads/") or not changes:
        raise StoreError("chemin ou branche inattendu pour fast-import")
    if any(any(c in path for c in '"\n\\') or path.startswith(" ") for path, _content in changes):
        raise StoreError("chemin ou branche inattendu pour fast-import")
    when = _when()
    stream = b"".join([
        b"commit " + ref.encode("utf-8") + b"\nmark :1\n",
        f"author {author} {when}\ncommitter {committer} {when}\n".encode(),
        _data(message.encode("utf-8")),
        b"from " + parent.encode("ascii") + b"\n",
        *((b"M 100644 inline " + path.encode("utf-8") + b"\n" + _data(data)) if data is not None
          else b"D " + path.encode("utf-8") + b"\n" for path, data in changes),
        b"\nget-mark :1\ndone\n",
    ])
    done = git.run(root, "fast-import", "--quiet", "--done", "--date-format=raw", input=stream, check=False)
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")
        if "Not updating" in stderr or "does not contain" in stderr or "cannot lock ref" in stderr:
            raise RefMoved("la branche a bougé pendant l'enregistrement", stderr)
        raise StoreError("la création du commit a échoué (git fast-import)", stderr)
    return done.stdout.decode("ascii").strip().splitlines()[-1]
