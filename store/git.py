"""Provides the one safe way to run git: argv lists, ``-C root``, no fsmonitor, no hooks surprises.

A cloned repository is untrusted: its config may name an fsmonitor program
or filter drivers. Every call disables what could run code from the
repository's config, and git's own environment variables inherited from a
calling hook are scrubbed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from store.errors import LockedError, StoreError

# Variables a calling git (a hook) sets and that would redirect our commands.
_SCRUBBED = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_PREFIX",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_EXTERNAL_DIFF",
    "GIT_EDITOR",
)

_QUARANTINE = ("GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES")

SAFE_CONFIG = (
    "-c", "core.fsmonitor=false",
    "-c", "core.untrackedCache=false",
    "-c", "core.hooksPath=/dev/null",
    "-c", "diff.external=",
    "-c", "core.pager=cat",
    "-c", "protocol.ext.allow=never",
    "-c", "submodule.recurse=false",
)
"""Options given to every git call: nothing from the repository's config may run a program."""


def environment(extra: dict[str, str] | None = None, *, keep_git_env: bool = False) -> dict[str, str]:
    """Return the environment for a git subprocess: git's hook variables scrubbed, prompts off, C locale."""
    env = dict(os.environ)
    if not keep_git_env:
        # In a pre-receive hook the pushed objects sit in a quarantine that only these variables reach.
        quarantine = _QUARANTINE if env.get("GIT_QUARANTINE_PATH") else ()
        for name in _SCRUBBED:
            if name not in quarantine:
                env.pop(name, None)
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["LC_ALL"] = "C"
    env["LANGUAGE"] = "C"
    env.setdefault("GIT_OPTIONAL_LOCKS", "0")
    if extra:
        env.update(extra)
    return env


def run(
    root: Path | str,
    *args: str,
    input: bytes | str | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
    hooks: bool = False,
    keep_git_env: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git -C root <safe config> args`` and return the completed process.

    Args:
        root: the work tree (or bare repository) to run in.
        args: git's arguments, never a shell string.
        input: bytes or text fed to git's standard input.
        env: extra environment variables.
        check: raise :class:`StoreError` when git exits non-zero.
        hooks: let the repository's own hooks run (for commits made by traam
            in a commons whose hooks it installed); off by default.

    Raises:
        LockedError: git reports an ``index.lock`` (nothing is deleted).
        StoreError: git failed; carries git's stderr.
    """
    config = SAFE_CONFIG
    if hooks:
        pairs = zip(SAFE_CONFIG[::2], SAFE_CONFIG[1::2])
        config = tuple(x for pair in pairs if pair[1] != "core.hooksPath=/dev/null" for x in pair)
    data = input.encode("utf-8") if isinstance(input, str) else input
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *config, *args],
            input=data,
            capture_output=True,
            env=environment(env, keep_git_env=keep_git_env),
            check=False,
        )
    except FileNotFoundError as error:
        raise StoreError("git est introuvable : installez git pour utiliser traam") from error
    if check and done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")
        if "index.lock" in stderr:
            raise LockedError(
                "le dépôt est verrouillé (.git/index.lock) : une autre commande git est en cours, ou s'est "
                "interrompue. Attendez qu'elle finisse ; si aucune ne tourne, supprimez ce fichier vous-même.",
                stderr,
            )
        raise StoreError(f"la commande « git {' '.join(args[:2])} » a échoué", stderr)
    return done


def text(root: Path | str, *args: str, **kwargs) -> str:
    """Run git (see :func:`run`) and return its standard output as text, stripped of the final newline."""
    return run(root, *args, **kwargs).stdout.decode("utf-8", "replace").rstrip("\n")
