"""Provides ``traam hooks install/uninstall``: idempotent shims, the legacy chain and the merge driver config.

Each hook is a short shell shim carrying the marker line ``# traam-hook``
that execs this Python with the checkout or site folder of traam first on
``sys.path``, in isolated mode (``-I``): the commons' own folder is never put
on ``sys.path``, so a file named ``hooks/run.py`` in a hostile commons runs
nothing. A foreign hook already in place is kept as ``<hook>.legacy`` and run
first (see :mod:`hooks.run`), like pre-commit does.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import hooks
from store import safefs
from store.errors import StoreError
from store.git import run, text

MARKER = "# traam-hook"
CLIENT_HOOKS = ("pre-commit", "commit-msg", "pre-merge-commit")
SERVER_HOOKS = ("pre-receive",)
DRIVER_NAME = "traam : fusion des enregistrements champ par champ"

_BOOT = "import sys; sys.path.insert(0, sys.argv.pop(1)); from hooks.run import main; sys.exit(main())"


def package_root() -> Path:
    """Return the folder that holds the ``hooks`` package (a checkout or site-packages)."""
    return Path(hooks.__file__).resolve().parent.parent


def command(*args: str) -> str:
    """Return the shell command that runs ``hooks.run`` with ``args`` using this interpreter.

    Arguments are quoted, except git's placeholders (``%O`` …) which git itself quotes.
    """
    words = [sys.executable, "-I", "-c", _BOOT, str(package_root())]
    quoted = [shlex.quote(word) for word in words]
    quoted += [arg if arg in ("%O", "%A", "%B", "%P") else shlex.quote(arg) for arg in args]
    return " ".join(quoted)


def shim(hook: str) -> str:
    """Return the text of the shell shim for ``hook``."""
    missing = "traam : l'interpréteur ou le dossier de traam a disparu ; relancez « traam hooks install »"
    return f"""#!/bin/sh
{MARKER} — installé par « traam hooks install » ; « traam hooks uninstall » le retire.
# Hook « {hook} » de traam : vérifie les enregistrements du commun.
# Un hook présent avant traam est gardé sous le nom « {hook}.legacy » et lancé en premier.
# Generated file: the interpreter and the traam folder were found at install time.
PYTHON={shlex.quote(sys.executable)}
TRAAM={shlex.quote(str(package_root()))}
if [ ! -x "$PYTHON" ] || [ ! -d "$TRAAM" ]; then
    echo {shlex.quote(missing)} >&2
    exit 1
fi
exec "$PYTHON" -I -c {shlex.quote(_BOOT)} "$TRAAM" "$0" "$@"
"""


def hooks_dir(root: Path) -> Path:
    """Return the hooks folder of the repository at ``root`` (bare or not).

    Raises:
        StoreError: ``core.hooksPath`` points elsewhere (traam will not install
            hooks that git would not run).
    """
    # Our own calls carry ``-c core.hooksPath=/dev/null`` (scope "command"): look at the real settings only.
    listed = run(root, "config", "--show-scope", "--get-all", "core.hooksPath", check=False).stdout.decode()
    configured = next((line.split("\t", 1)[1] for line in listed.splitlines() if not line.startswith("command")), "")
    if configured:
        raise StoreError(
            f"core.hooksPath vaut « {configured} » : git n'utiliserait pas les hooks de traam. "
            "Retirez ce réglage (git config --unset core.hooksPath) puis relancez « traam hooks install »."
        )
    common = Path(text(root, "rev-parse", "--git-common-dir"))
    if not common.is_absolute():
        common = (root / common).resolve()
    return common / "hooks"


def is_ours(path: Path) -> bool:
    """Tell whether the file at ``path`` is a traam shim."""
    try:
        return MARKER in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def install_hook(folder: Path, hook: str) -> str:
    """Install one shim; return ``"installé"``, ``"mis à jour"`` or ``"chaîné"`` (a foreign hook kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / hook
    outcome = "installé"
    if target.is_symlink() or target.exists():
        if is_ours(target) and not target.is_symlink():
            outcome = "mis à jour"
        else:
            legacy = folder / f"{hook}.legacy"
            if legacy.exists() or legacy.is_symlink():
                raise StoreError(
                    f"{target} n'est pas un hook de traam et {legacy.name} existe déjà : "
                    "fusionnez-les à la main, puis relancez « traam hooks install »."
                )
            target.rename(legacy)
            outcome = "chaîné"
    safefs.write_atomic(target, shim(hook), mode=0o755)
    return outcome


def install(root: Path | str, *, server: bool = False) -> dict[str, str]:
    """Install traam's hooks and register the merge driver in the repository at ``root``.

    Args:
        root: a work tree (client hooks) or a bare repository (``server=True``).
        server: install the server hook ``pre-receive`` instead of the client hooks.

    Returns:
        What was done per hook (French words), plus ``merge.traam.driver``.

    Raises:
        StoreError: not a git repository, or ``core.hooksPath`` set, or a
            foreign hook and a ``.legacy`` both present.
    """
    root = Path(root)
    folder = hooks_dir(root)
    done = {hook: install_hook(folder, hook) for hook in (SERVER_HOOKS if server else CLIENT_HOOKS)}
    register_driver(root)
    done["merge.traam.driver"] = "configuré"
    return done


def register_driver(root: Path | str) -> None:
    """Write ``merge.traam.name`` and ``merge.traam.driver`` into the repository's own config."""
    run(root, "config", "--local", "merge.traam.name", DRIVER_NAME)
    run(root, "config", "--local", "merge.traam.driver", driver_command())


def driver_command() -> str:
    """Return the value of ``merge.traam.driver`` for this interpreter."""
    return command("merge-driver", "%O", "%A", "%B", "%P")


def uninstall(root: Path | str) -> dict[str, str]:
    """Remove traam's shims (restoring a ``.legacy`` hook) and the merge driver config.

    Returns:
        What was done per hook (French words).
    """
    root = Path(root)
    folder = hooks_dir(root)
    done = {}
    for hook in (*CLIENT_HOOKS, *SERVER_HOOKS):
        target, legacy = folder / hook, folder / f"{hook}.legacy"
        if not is_ours(target):
            continue
        target.unlink()
        if legacy.exists() or legacy.is_symlink():
            legacy.rename(target)
            done[hook] = "retiré, ancien hook rétabli"
        else:
            done[hook] = "retiré"
    run(root, "config", "--local", "--remove-section", "merge.traam", check=False)
    return done
