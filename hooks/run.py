"""Provides the entry point the hook shims exec: ``hooks.run.main([shim_path, *args])``.

The shim passes its own path, so the hook name is its file name (less any
``.legacy`` suffix: the pre-commit framework renames a hook it finds) and a foreign
hook kept beside it as ``<hook>.legacy`` is run first, with the same
arguments and the same standard input; if it fails, the hook fails. Only the
module of the hook being run is imported, so a hook starts fast.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

from records.text import printable

MODULES = {
    "pre-commit": "hooks.pre_commit",
    "commit-msg": "hooks.commit_msg",
    "pre-merge-commit": "hooks.pre_merge_commit",
    "pre-receive": "hooks.pre_receive",
    "merge-driver": "hooks.merge_driver",
}
"""Module of each hook; each defines ``main(argv, stdin) -> int`` (the merge driver: ``main(argv)``)."""

READS_STDIN = frozenset({"pre-receive"})


def run_legacy(shim: Path, args: list[str], stdin: bytes | None) -> int:
    """Run ``<shim>.legacy`` when it exists and is executable; return its exit code (0 when absent)."""
    legacy = shim.with_name(shim.name + ".legacy")
    if not (legacy.is_file() and os.access(legacy, os.X_OK)):
        return 0
    done = subprocess.run([str(legacy), *args], input=stdin, check=False)
    if done.returncode != 0:
        print(f"traam : le hook précédent « {legacy.name} » a échoué (code {done.returncode})", file=sys.stderr)
    return done.returncode


def hook_name(file_name: str) -> str:
    """Return the hook a shim serves from its file name: ``pre-commit.legacy`` is ``pre-commit``.

    The pre-commit framework (and traam itself) keeps a hook that was there
    before as ``<hook>.legacy`` and runs it with git's arguments; traam's
    shim must then do the same work as under its own name.
    """
    while file_name.endswith(".legacy"):
        file_name = file_name[: -len(".legacy")]
    return file_name


def main(argv: list[str] | None = None) -> int:
    """Run one hook: ``argv[0]`` is the shim's path (or a hook name), the rest git's arguments.

    Returns:
        The exit code: non-zero refuses the commit, merge or push.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        print("traam : usage : python -m hooks.run HOOK [ARGUMENTS…]", file=sys.stderr)
        return 2
    shim, args = Path(argv[0]), argv[1:]
    name = hook_name(shim.name)
    if name not in MODULES:
        print(f"traam : hook inconnu « {name} »", file=sys.stderr)
        return 2
    if name == "merge-driver":
        return importlib.import_module(MODULES[name]).main(args)
    stdin = sys.stdin.buffer.read() if name in READS_STDIN else None
    if shim.parent != Path(""):
        code = run_legacy(shim, args, stdin)
        if code != 0:
            return code
    from store.errors import StoreError

    module = importlib.import_module(MODULES[name])
    try:
        return module.main(args, stdin)
    except StoreError as error:
        # Fail closed, with git's own words for whoever investigates.
        print(f"traam : {name} : {printable(str(error), multiline=True)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
