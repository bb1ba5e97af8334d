"""Provides the one git runner and its whole safety policy: argv lists, ``-C root``, nothing of theirs runs.

A cloned repository is untrusted: its config may name programs. Every call,
local or network, disables what could run code from the repository's
config: fsmonitor, hooks (unless asked), external diff, signature display,
``protocol.ext``, and every program the local config names (filter and
merge drivers, textconv, ssh command, proxy, askpass, credential helpers,
gpg programs; see :mod:`store.git.policy` and :func:`neutralised`); fetch,
push, ls-remote and clone get git's own upload/receive pack. git's own
environment variables inherited from a calling hook are scrubbed. No other
module starts git (a test scans the sources).
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack, cast

from store.errors import IDENTITY_MISSING, LockedError, StoreError
from store.git import policy

if TYPE_CHECKING:
    import io

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
    "-c", "log.showSignature=false",
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


_Stamp = tuple[tuple[str | int | None, ...], ...]
"""Path, mtime, size and inode of each config file (path and None when it is missing)."""
_Key = tuple[str | None, str | None, _Stamp]
"""What the neutralising settings of a repository depend on: global config variables and its config files."""

Completed = subprocess.CompletedProcess[bytes]
"""What :func:`run` returns (for callers outside ``store/git``, which import no ``subprocess``)."""
Process = subprocess.Popen[bytes]
"""What :func:`spawn` returns."""

_policies: dict[str, tuple[_Key, list[tuple[str, str]]]] = {}


def _config_files(root: Path) -> list[Path]:
    """Return the config files of the repository at ``root`` (work tree, linked worktree or bare)."""
    dot = root / ".git"
    if dot.is_dir():
        gitdir = dot
    elif dot.is_file():
        line = dot.read_text("utf-8", "replace").strip()
        gitdir = (root / line.removeprefix("gitdir:").strip()).resolve()
    else:
        gitdir = root
    files = [gitdir / "config", gitdir / "config.worktree"]
    common = gitdir / "commondir"
    if common.is_file():
        files.append((gitdir / common.read_text("utf-8", "replace").strip()) / "config")
    home = os.environ.get("HOME", "")
    files.append(Path(os.environ.get("GIT_CONFIG_GLOBAL") or Path(home) / ".gitconfig"))
    files.append(Path(os.environ.get("XDG_CONFIG_HOME") or Path(home) / ".config") / "git" / "config")
    return files


def _stamp(files: list[Path]) -> _Stamp:
    out: list[tuple[str | int | None, ...]] = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            out.append((str(file), None))
        else:
            out.append((str(file), info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(out)


def neutralised(root: Path | str) -> list[tuple[str, str]]:
    """Return the settings that neutralise every program the configuration of ``root`` names.

    Reading the configuration runs nothing; the result (see
    :func:`store.git.policy.overrides`) is cached per repository until one of
    its config files (local, worktree, common, global) changes, so a call
    costs a few ``stat`` instead of one more git process. A file included by
    ``include.path`` is read but not watched.

    Raises:
        StoreError: git is not installed.
    """
    path = Path(root)
    try:
        stamp: _Key | None = (os.environ.get("GIT_CONFIG_GLOBAL"), os.environ.get("GIT_CONFIG_NOSYSTEM"),
                               _stamp(_config_files(path)))
    except OSError:
        stamp = None
    key = str(path)
    cached = _policies.get(key)
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *SAFE_CONFIG, "config", "--list", "--show-scope", "--includes", "-z"],
            capture_output=True,
            env=environment(),
            check=False,
        )
    except FileNotFoundError as error:
        raise StoreError("git est introuvable : installez git pour utiliser traam") from error
    settings = policy.overrides(policy.parse_listing(done.stdout))
    if stamp is not None:
        _policies[key] = (stamp, settings)
    return settings


def filter_overrides(root: Path | str) -> dict[str, str]:
    """Return the environment variables that carry :func:`neutralised` for ``root`` (``GIT_CONFIG_*``)."""
    env: dict[str, str] = {}
    policy.as_environment(neutralised(root), env)
    return env


def _safe_env(root: Path | str, extra: dict[str, str] | None, keep_git_env: bool) -> dict[str, str]:
    env = environment(extra, keep_git_env=keep_git_env)
    policy.as_environment(neutralised(root), env)
    return env


def _argv(root: Path | str, config: tuple[str, ...], args: tuple[str, ...]) -> list[str]:
    try:
        safe = policy.network_options(args)
    except ValueError as error:
        raise StoreError(f"commande git refusée par traam : {error}") from error
    return ["git", "-C", str(root), *config, *safe]


def _config(hooks: bool) -> tuple[str, ...]:
    if not hooks:
        return SAFE_CONFIG
    pairs = zip(SAFE_CONFIG[::2], SAFE_CONFIG[1::2])
    return tuple(x for pair in pairs if pair[1] != "core.hooksPath=/dev/null" for x in pair)


def spawn(root: Path | str, *args: str, env: dict[str, str] | None = None, nice: int = 0,
          **popen: Any) -> subprocess.Popen[bytes]:
    """Start ``git -C root <safe config> args`` without waiting (persistent ``cat-file --batch``,
    background ``commit-graph write``), with the same safety as :func:`run`.

    ``nice`` lowers git's priority: a scan that runs while the caller reads
    its caches then leaves the caller a whole core.

    Raises:
        StoreError: git is not installed.
    """
    try:
        process = subprocess.Popen(_argv(root, SAFE_CONFIG, args), env=_safe_env(root, env, False), **popen)
    except FileNotFoundError as error:
        raise StoreError("git est introuvable : installez git pour utiliser traam") from error
    if nice:
        try:
            os.setpriority(os.PRIO_PROCESS, process.pid, nice)
        except (OSError, AttributeError):  # already finished, or not on this system
            pass
    return process


class GitEnv(TypedDict, total=False):
    """The environment keywords of :func:`run` that a query passes on (a hook's ``env``/``keep_git_env``)."""

    env: dict[str, str] | None
    keep_git_env: bool


class RunOptions(GitEnv, total=False):
    """The keyword arguments of :func:`run`, for the functions that pass them on."""

    input: bytes | str | None
    check: bool
    hooks: bool


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
    config = _config(hooks)
    data = input.encode("utf-8") if isinstance(input, str) else input
    try:
        done = subprocess.run(
            _argv(root, config, args),
            input=data,
            capture_output=True,
            env=_safe_env(root, env, keep_git_env),
            check=False,
        )
    except FileNotFoundError as error:
        raise StoreError("git est introuvable : installez git pour utiliser traam") from error
    if check and done.returncode != 0:
        _fail(args, done.stderr.decode("utf-8", "replace"))
    return done


def _fail(args: tuple[str, ...], stderr: str) -> None:
    """Raise the French error of a failed git call (a lock, a missing identity, or git's own words)."""
    if "index.lock" in stderr:
        raise LockedError(
            "le dépôt est verrouillé (.git/index.lock) : une autre commande git est en cours, ou s'est "
            "interrompue. Attendez qu'elle finisse ; si aucune ne tourne, supprimez ce fichier vous-même.",
            stderr,
        )
    if "tell me who you are" in stderr or "Author identity unknown" in stderr:
        raise StoreError(IDENTITY_MISSING, stderr)
    raise StoreError(f"la commande « git {' '.join(args[:2])} » a échoué", stderr)


def stream(root: Path | str, *args: str, on_line: Callable[[str], None], check: bool = True
           ) -> subprocess.CompletedProcess[bytes]:
    """Run git like :func:`run` (same argv, config and environment) and hand each line of its stderr to ``on_line``
    as it comes (``\\r``-terminated progress lines included): clone, fetch and push report progress this way.

    Standard output is collected; standard input is closed.

    Raises:
        StoreError: git failed (with ``check``), or is not installed.
    """
    process = spawn(root, *args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout = process.stdout
    assert stdout is not None  # a pipe, opened just above
    stderr = cast("io.BufferedReader", process.stderr)  # a pipe with default buffering: a BufferedReader
    out: list[bytes] = []
    reader = threading.Thread(target=lambda: out.append(stdout.read()), daemon=True)
    reader.start()
    errors = bytearray()
    pending = b""
    while chunk := stderr.read1(4096):
        errors += chunk
        pending += chunk
        *lines, pending = re.split(rb"[\r\n]", pending)
        for line in lines:
            if line.strip():
                on_line(line.decode("utf-8", "replace"))
    if pending.strip():
        on_line(pending.decode("utf-8", "replace"))
    process.wait()
    reader.join()
    done = subprocess.CompletedProcess(process.args, process.returncode, b"".join(out), bytes(errors))
    if check and done.returncode != 0:
        _fail(args, done.stderr.decode("utf-8", "replace"))
    return done


def text(root: Path | str, *args: str, **kwargs: Unpack[RunOptions]) -> str:
    """Run git (see :func:`run`) and return its standard output as text, stripped of the final newline."""
    return run(root, *args, **kwargs).stdout.decode("utf-8", "replace").rstrip("\n")
