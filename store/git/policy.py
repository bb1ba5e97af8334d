"""Provides the git options that neutralise programs named by an untrusted repository's own config.

A commons copied from someone else (a tarball, a USB key, a shared folder)
brings its ``.git/config``: merge drivers, an ssh command,
``remote.*.uploadpack`` (see :data:`FETCH_OPTIONS`), a signing program … each of which git would run
during a merge or a fetch. :mod:`store.git` already turns off fsmonitor,
hooks and every filter driver; :func:`overrides` adds ``-c`` options that
blank every such program set in the repository's local or worktree config
(global and system config are the user's own and are kept).
"""

from __future__ import annotations

import re
from pathlib import Path

from store.git import run

FETCH_OPTIONS = ("--upload-pack=git-upload-pack",)
"""Options for ``git fetch``: ``remote.*.uploadpack`` keeps its first value, so ``-c`` cannot override it."""

_NEUTRAL: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"merge\..+\.driver"), "false"),  # a conflict, never a program of theirs
    (re.compile(r"diff\..+\.(command|textconv)"), ""),
    (re.compile(r"core\.sshcommand"), "ssh"),
    (re.compile(r"core\.(gitproxy|askpass|alternaterefscommand|editor)"), ""),
    (re.compile(r"sequence\.editor"), ""),
    (re.compile(r"credential\.helper"), ""),
    (re.compile(r"gpg\.program"), "gpg"),
    (re.compile(r"gpg\.ssh\.program"), "ssh-keygen"),
    (re.compile(r"gpg\.x509\.program"), "gpgsm"),
    (re.compile(r"gpg\.ssh\.defaultkeycommand"), ""),
]


def local_config(root: Path | str) -> list[tuple[str, str]]:
    """Return ``(key, value)`` pairs set in the repository's own config (local, worktree, their includes)."""
    done = run(root, "config", "--list", "--show-scope", "--includes", "-z", check=False)
    items = done.stdout.decode("utf-8", "replace").split("\0")
    pairs = []
    for scope, entry in zip(items[::2], items[1::2]):
        if scope in ("local", "worktree"):
            key, _, value = entry.partition("\n")
            pairs.append((key, value))
    return pairs


def overrides(root: Path | str, *, keep: frozenset[str] = frozenset()) -> list[str]:
    """Return ``-c key=value`` arguments neutralising every program the repository's config names.

    Args:
        root: the repository.
        keep: lowercase keys to leave alone (e.g. ``merge.traam.driver``,
            which the caller sets itself).

    Returns:
        A flat list such as ``["-c", "core.sshCommand=ssh", …]`` to put
        before the git subcommand.
    """
    args: list[str] = []
    seen: set[str] = set()
    for key, _value in local_config(root):
        lowered = key.lower()
        if lowered in keep or lowered in seen:
            continue
        for pattern, neutral in _NEUTRAL:
            if pattern.fullmatch(lowered):
                seen.add(lowered)
                args += ["-c", f"{key}={neutral}"]
                break
    return args
