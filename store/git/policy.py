"""Provides the safety policy of the git runner: which configured programs are neutralised, and how.

A commons copied from someone else (a tarball, a USB key, a shared folder)
brings its ``.git/config``: filter and merge drivers, an ssh command, a
proxy, credential helpers, ``remote.*.uploadpack``, a signing program …
each of which git would run. :mod:`store.git.runner` reads the repository's
configuration once per change of its config files (reading runs nothing)
and hands every git call the overrides computed here, as ``GIT_CONFIG_KEY_n``
variables (which, unlike ``-c``, accept any subsection name). Settings of the
user's own global or system config are kept: only programs named by the
repository's local or worktree config are replaced, by the user's global
value when there is one, else by git's default. Filter drivers are turned
off whatever their scope, as before.

``remote.<name>.uploadpack`` and ``receivepack`` keep their *first* value,
so no config override reaches them: :func:`network_options` gives the
command-line options that do, for every subcommand that talks to a remote.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

DRIVER_NAME = "traam : fusion des enregistrements champ par champ"
"""The ``merge.traam.name`` that :func:`driver_command` goes with."""

_BOOT = "import sys; sys.path.insert(0, sys.argv.pop(1)); from hooks.run import main; sys.exit(main())"

# Local keys naming a program, and git's default when the user has no global value of their own.
_PROGRAMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"diff\..+\.(command|textconv)"), ""),
    (re.compile(r"core\.sshcommand"), "ssh"),
    (re.compile(r"core\.(gitproxy|askpass|alternaterefscommand|editor)"), ""),
    (re.compile(r"sequence\.editor"), ""),
    (re.compile(r"gpg\.program"), "gpg"),
    (re.compile(r"gpg\.openpgp\.program"), "gpg"),
    (re.compile(r"gpg\.ssh\.program"), "ssh-keygen"),
    (re.compile(r"gpg\.x509\.program"), "gpgsm"),
    (re.compile(r"gpg\.ssh\.defaultkeycommand"), ""),
    (re.compile(r"uploadpack\.packobjectshook"), ""),
]
_CREDENTIAL = re.compile(r"credential\.(.+\.)?helper")
_MERGE_DRIVER = re.compile(r"merge\.(.+)\.driver")
_FILTER = re.compile(r"filter\.(.+)\.(clean|smudge|process|required)")

_UPLOAD = ("fetch", "pull", "ls-remote", "clone")
_RECEIVE = ("push", "send-pack")


def package_root() -> Path:
    """Return the folder that holds traam's packages (a checkout or site-packages)."""
    return Path(__file__).resolve().parent.parent.parent


def command(*args: str) -> str:
    """Return the shell command that runs ``hooks.run`` with ``args`` using this interpreter.

    Arguments are quoted, except git's placeholders (``%O`` …) which git itself quotes.
    """
    words = [sys.executable, "-I", "-c", _BOOT, str(package_root())]
    quoted = [shlex.quote(word) for word in words]
    quoted += [arg if arg in ("%O", "%A", "%B", "%P") else shlex.quote(arg) for arg in args]
    return " ".join(quoted)


def driver_command() -> str:
    """Return traam's own ``merge.traam.driver`` for this interpreter."""
    return command("merge-driver", "%O", "%A", "%B", "%P")


def parse_listing(data: bytes) -> list[tuple[str, str, str]]:
    """Parse ``git config --list --show-scope --includes -z`` into ``(scope, key, value)`` triples."""
    items = data.decode("utf-8", "surrogateescape").split("\0")
    out = []
    for scope, entry in zip(items[::2], items[1::2]):
        key, _, value = entry.partition("\n")
        out.append((scope, key, value))
    return out


def overrides(listing: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Return the ``(key, value)`` settings that neutralise every program the configuration names.

    Args:
        listing: the configuration as :func:`parse_listing` returns it.

    Returns:
        Settings to give git at command scope, in order (later ones win; an
        empty ``credential.helper`` resets the helper list).
    """
    user: dict[str, list[str]] = {}
    for scope, key, value in listing:
        if scope in ("global", "system", "command"):
            user.setdefault(key.lower(), []).append(value)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    drivers: set[str] = set()
    for scope, key, _value in listing:
        lowered = key.lower()
        filter_match = _FILTER.fullmatch(key) or _FILTER.fullmatch(lowered)
        if filter_match:
            drivers.add(key[len("filter."): key.rfind(".")])
            continue
        if scope not in ("local", "worktree") or lowered in seen:
            continue
        seen.add(lowered)
        if _CREDENTIAL.fullmatch(lowered):
            out.append((key, ""))
            out += [(key, kept) for kept in user.get(lowered, [])]
        elif _MERGE_DRIVER.fullmatch(lowered):
            out.append((key, driver_command() if lowered == "merge.traam.driver" else "false"))
        else:
            for pattern, default in _PROGRAMS:
                if pattern.fullmatch(lowered):
                    out.append((key, user.get(lowered, [default])[-1]))
                    break
    for name in sorted(drivers):
        out += [(f"filter.{name}.clean", ""), (f"filter.{name}.smudge", ""), (f"filter.{name}.process", ""),
                (f"filter.{name}.required", "false")]
    return out


def as_environment(settings: list[tuple[str, str]], base: dict[str, str]) -> None:
    """Append ``settings`` to the ``GIT_CONFIG_COUNT`` variables of ``base`` (in place)."""
    if not settings:
        return
    start = int(base.get("GIT_CONFIG_COUNT", "0") or 0)
    for offset, (key, value) in enumerate(settings):
        base[f"GIT_CONFIG_KEY_{start + offset}"] = key
        base[f"GIT_CONFIG_VALUE_{start + offset}"] = value
    base["GIT_CONFIG_COUNT"] = str(start + len(settings))


def network_options(args: tuple[str, ...]) -> tuple[str, ...]:
    """Return ``args`` with ``--upload-pack``/``--receive-pack`` set to git's own after a network subcommand.

    ``remote.<name>.uploadpack`` keeps its first value, so only these
    options override what a copied repository names. ``git remote show`` and
    ``git remote update`` would contact a remote without them: they are refused.

    Raises:
        ValueError: a subcommand that reaches a remote without such an option.
    """
    index = 0
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in ("-c", "-C") else 1
    if index >= len(args):
        return args
    sub = args[index]
    rest = args[index + 1:]
    if sub in _UPLOAD:
        return (*args[:index + 1], "--upload-pack=git-upload-pack", *rest)
    if sub in _RECEIVE:
        return (*args[:index + 1], "--receive-pack=git-receive-pack", *rest)
    if sub == "remote" and rest and rest[0] in ("show", "update", "prune") and "-n" not in rest:
        raise ValueError(f"git remote {rest[0]}")
    if sub == "submodule":
        raise ValueError("git submodule")
    return args
