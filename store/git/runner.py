"""Provides the one safe way to run git: argv lists, ``-C root``, no fsmonitor, no hooks surprises.

A cloned repository is untrusted: its config may name an fsmonitor program
or filter drivers. Every call disables what could run code from the
repository's config (fsmonitor, hooks, external diff, signature display,
and every configured filter driver, see :func:`filter_overrides`), and git's own environment variables inherited from a
calling hook are scrubbed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from store.errors import IDENTITY_MISSING, LockedError, StoreError

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


_filters_seen: dict[str, tuple[tuple, dict[str, str]]] = {}


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


def _stamp(files: list[Path]) -> tuple:
    out = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            out.append((str(file), None))
        else:
            out.append((str(file), info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(out)


def filter_overrides(root: Path | str) -> dict[str, str]:
    """Return environment variables that neutralise every filter driver configured for ``root``.

    A copied repository may name ``filter.<x>.clean``, ``smudge`` or
    ``process`` programs in its config (or in a file it includes); git would
    run them on ``status``, ``hash-object``, ``update-index``. Reading the
    config runs nothing, so we read it and override each driver with empty
    commands (git then applies no filter) through ``GIT_CONFIG_KEY_n``
    variables, which unlike ``-c`` accept any driver name. Cached per
    repository until one of its config files changes.
    """
    path = Path(root)
    try:
        stamp = _stamp(_config_files(path))
    except OSError:
        stamp = None
    key = str(path)
    cached = _filters_seen.get(key)
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *SAFE_CONFIG, "config", "--null", "--get-regexp", r"^filter\."],
            capture_output=True,
            env=environment(),
            check=False,
        )
    except FileNotFoundError as error:
        raise StoreError("git est introuvable : installez git pour utiliser traam") from error
    names = set()
    for item in done.stdout.split(b"\0"):
        name = item.split(b"\n", 1)[0].decode("utf-8", "surrogateescape")
        if name.startswith("filter.") and name.count(".") >= 2:
            names.add(name[len("filter."): name.rfind(".")])
    env: dict[str, str] = {}
    index = 0
    for name in sorted(names):
        for var, value in (("clean", ""), ("smudge", ""), ("process", ""), ("required", "false")):
            env[f"GIT_CONFIG_KEY_{index}"] = f"filter.{name}.{var}"
            env[f"GIT_CONFIG_VALUE_{index}"] = value
            index += 1
    if index:
        env["GIT_CONFIG_COUNT"] = str(index)
    if stamp is not None:
        _filters_seen[key] = (stamp, env)
    return env


def _safe_env(root: Path | str, extra: dict[str, str] | None, keep_git_env: bool) -> dict[str, str]:
    env = environment(extra, keep_git_env=keep_git_env)
    overrides = filter_overrides(root)
    if overrides:
        base = int(env.get("GIT_CONFIG_COUNT", "0") or 0)
        count = int(overrides["GIT_CONFIG_COUNT"])
        for i in range(count):
            env[f"GIT_CONFIG_KEY_{base + i}"] = overrides[f"GIT_CONFIG_KEY_{i}"]
            env[f"GIT_CONFIG_VALUE_{base + i}"] = overrides[f"GIT_CONFIG_VALUE_{i}"]
        env["GIT_CONFIG_COUNT"] = str(base + count)
    return env


def _config(hooks: bool) -> tuple[str, ...]:
    if not hooks:
        return SAFE_CONFIG
    pairs = zip(SAFE_CONFIG[::2], SAFE_CONFIG[1::2])
    return tuple(x for pair in pairs if pair[1] != "core.hooksPath=/dev/null" for x in pair)


def spawn(root: Path | str, *args: str, env: dict[str, str] | None = None, nice: int = 0,
          **popen) -> subprocess.Popen:
    """Start ``git -C root <safe config> args`` without waiting (persistent ``cat-file --batch``,
    background ``commit-graph write``), with the same safety as :func:`run`.

    ``nice`` lowers git's priority: a scan that runs while the caller reads
    its caches then leaves the caller a whole core.

    Raises:
        StoreError: git is not installed.
    """
    try:
        process = subprocess.Popen(
            ["git", "-C", str(root), *SAFE_CONFIG, *args], env=_safe_env(root, env, False), **popen
        )
    except FileNotFoundError as error:
        raise StoreError("git est introuvable : installez git pour utiliser traam") from error
    if nice:
        try:
            os.setpriority(os.PRIO_PROCESS, process.pid, nice)
        except (OSError, AttributeError):  # already finished, or not on this system
            pass
    return process


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
            ["git", "-C", str(root), *config, *args],
            input=data,
            capture_output=True,
            env=_safe_env(root, env, keep_git_env),
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
        if "tell me who you are" in stderr or "Author identity unknown" in stderr:
            raise StoreError(IDENTITY_MISSING, stderr)
        raise StoreError(f"la commande « git {' '.join(args[:2])} » a échoué", stderr)
    return done


def text(root: Path | str, *args: str, **kwargs) -> str:
    """Run git (see :func:`run`) and return its standard output as text, stripped of the final newline."""
    return run(root, *args, **kwargs).stdout.decode("utf-8", "replace").rstrip("\n")
