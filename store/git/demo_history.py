"""Provides the demo commons' history built at once: trees by one ``git fast-import``, commits (signed or not), refs.

Used to create a whole commons' history in a second (the living demo):
every file set becomes a tree in a single ``fast-import`` process, then
each commit is written by ``commit-tree`` with its own author and date,
merges SSH-signed with the reviewer's key exactly like a validation; refs
are moved in one ``update-ref --stdin`` transaction.
"""

from __future__ import annotations

from pathlib import Path

from store.git.runner import run, text
from store.git.signatures import SIGN_CONFIG

SCRATCH = "refs/traam/construction"
"""Temporary ref fast-import writes its tree-holding commits to (deleted at the end)."""


def _data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def trees(root: Path | str, states: list[dict[str, bytes]]) -> list[str]:
    """Return the tree id of each file set of ``states`` (``{path: content}``), written in one fast-import.

    Raises:
        StoreError: git refused (a path with a newline or a quote is refused before).
    """
    blobs: dict[bytes, int] = {}
    parts: list[bytes] = []
    for state in states:
        for data in state.values():
            if data not in blobs:
                blobs[data] = len(blobs) + 1
                parts += [b"blob\nmark :%d\n" % blobs[data], _data(data)]
    first = len(blobs) + 1
    for number, state in enumerate(states, start=first):
        parts += [f"reset {SCRATCH}\ncommit {SCRATCH}\nmark :{number}\n".encode(),
                  b"committer traam <traam@localhost> 0 +0000\n", _data(b"")]
        for path in sorted(state):
            if any(c in path for c in '"\n\\') or path.startswith(" "):
                raise ValueError(f"unexpected path {path!r}")
            parts.append(b"M 100644 :%d %s\n" % (blobs[state[path]], path.encode("utf-8")))
        parts.append(b"\n")
    parts += [b"get-mark :%d\n" % n for n in range(first, first + len(states))]
    parts.append(b"done\n")
    done = run(root, "fast-import", "--quiet", "--done", "--date-format=raw", input=b"".join(parts))
    commits = done.stdout.decode("ascii").split()
    run(root, "update-ref", "-d", SCRATCH)
    listed = run(root, "cat-file", "--batch-check=%(objectname)",
                 input="".join(f"{commit}^{{tree}}\n" for commit in commits)).stdout.decode("ascii").split()
    return listed


def commit(root: Path | str, tree: str, parents: list[str], message: str, *, author: tuple[str, str],
           when: int, key: Path | None = None) -> str:
    """Write a commit of ``tree`` by ``author`` at ``when`` (seconds, UTC); SSH-signed with ``key`` when given."""
    env = {"GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1], "GIT_COMMITTER_NAME": author[0],
           "GIT_COMMITTER_EMAIL": author[1], "GIT_AUTHOR_DATE": f"@{when} +0000",
           "GIT_COMMITTER_DATE": f"@{when} +0000"}
    args: list[str] = ["commit-tree", "--no-gpg-sign", tree]
    if key is not None:
        args = [*SIGN_CONFIG, "-c", f"user.signingkey={key}", "commit-tree", f"-S{key}", tree]
    for parent in parents:
        args += ["-p", parent]
    return text(root, *args, "-F", "-", input=message, env=env)


def set_refs(root: Path | str, refs: dict[str, str], message: str) -> None:
    """Create or move every ref of ``refs`` (``{ref: commit}``) in one transaction."""
    lines = "".join(f"update {ref} {oid}\n" for ref, oid in refs.items())
    run(root, "update-ref", "-m", message, "--stdin", input=lines)


def delete_refs(root: Path | str, refs: list[str]) -> None:
    """Delete every ref of ``refs`` in one transaction."""
    if refs:
        run(root, "update-ref", "--stdin", input="".join(f"delete {ref}\n" for ref in refs))


def check_out(root: Path | str, branch: str) -> None:
    """Check ``branch`` out into the (new, empty) work tree."""
    run(root, "checkout", "--quiet", "--force", branch)


def init_repo(root: Path) -> None:
    """Create an empty repository (branch ``main``) in the existing folder ``root``."""
    run(root, "init", "--quiet", "-b", "main")


def init_bare(path: Path) -> None:
    """Create an empty bare repository at ``path`` (branch ``main``)."""
    run(path.parent, "init", "--quiet", "--bare", "-b", "main", str(path))


def add_remote(root: Path | str, name: str, url: str) -> None:
    """Add the remote ``name`` at ``url``."""
    run(root, "remote", "add", name, url)


def push_all(root: Path | str, remote: str, refspecs: list[str]) -> None:
    """Push every refspec to ``remote`` in one push (remote-tracking refs follow)."""
    run(root, "push", "--quiet", remote, *refspecs)


def unset_local_config(root: Path | str, key: str) -> None:
    """Remove ``key`` from the repository's own config (nothing when unset)."""
    run(root, "config", "--local", "--unset-all", key, check=False)
