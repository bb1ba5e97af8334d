"""Provides the update of one index entry, run beside the commit of a save (two git processes at once).

The object must exist before the entry names it (see :mod:`store.git.loose`):
the caller writes it first, then starts :func:`start`, makes its commit, and
waits with :func:`finish`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from store import git


def start(root: Path, path: str, blob: str | None) -> subprocess.Popen[bytes]:
    """Start setting the index entry of ``path`` alone to ``blob`` (None: remove it); return the process.

    Raises:
        StoreError: git is not installed.
    """
    args = ("--add", "--cacheinfo", f"100644,{blob},{path}") if blob else ("--force-remove", "--", path)
    return git.spawn(root, "update-index", *args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes], path: str) -> str:
    """Wait for the index update; return a French warning if it failed (the commit is made anyway)."""
    _out, err = process.communicate()
    if process.returncode == 0:
        return ""
    if b"index.lock" in err:
        return ("commit fait, mais l'index git était verrouillé : « git status » montrera ce fichier comme "
                f"modifié jusqu'au prochain « git reset -q -- {path} »")
    return f"commit fait, mais la mise à jour de l'index git a échoué : {err.decode('utf-8', 'replace').strip()}"



def set_many(root: Path, entries: list[tuple[str, str | None]], *, width: int = 40) -> str:
    """Set the index entries of several paths at once (blob None: remove it), after their commit.

    ``width`` is the length of an object id (40 for sha1, 64 for sha256).
    Returns a French warning if it failed (the commit is made anyway), else ``""``.
    """
    lines = "".join(f"100644 {blob}\t{path}\n" if blob else f"0 {'0' * width}\t{path}\n" for path, blob in entries)
    done = git.run(root, "update-index", "--index-info", input=lines.encode("utf-8"), check=False)
    if done.returncode == 0:
        return ""
    if b"index.lock" in done.stderr:
        return ("commit fait, mais l'index git était verrouillé : « git status » montrera des fichiers modifiés "
                "jusqu'au prochain « git reset -q »")
    return f"commit fait, mais la mise à jour de l'index git a échoué : {done.stderr.decode('utf-8', 'replace').strip()}"
