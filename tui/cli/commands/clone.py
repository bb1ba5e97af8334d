"""Provides ``traam clone URL [DOSSIER]``: a safe clone of a commons, hooks and cache ready."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "clone",
        help="cloner un commun (ou votre fork) et le préparer",
        description="Clone un commun sans sous-modules ni programme du dépôt, installe les hooks et le pilote de "
        "fusion de traam, ajoute le dépôt « upstream » indiqué par traam.toml, puis construit le cache.",
    )
    parser.add_argument("url", metavar="URL", help="adresse du commun (https, ssh, chemin)")
    parser.add_argument("target", nargs="?", metavar="DOSSIER", help="dossier à créer")
    parser.set_defaults(handler=run)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rConstruction du cache : {done}/{total}", end="" if done < total else "\n", file=sys.stderr)


def _transfer(step) -> None:
    """Show a step of the download (:class:`store.git.network.Transfer`) on a terminal."""
    if sys.stderr.isatty():
        from tui.strings import transfer_line

        line = transfer_line(step) if step is not None else ""  # None: clear the line when done
        print(f"\r{line}\033[K", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from hooks import install
    from store.remotes import clone
    from store.errors import StoreError
    from tui.cli.output import fail, say

    say(f"Clonage de {args.url}…")
    try:
        root = clone(args.url, Path(args.target) if args.target else None, progress=_progress, transfer=_transfer)
        _transfer(None)
        install.install(root)  # hooks sit above the store: the command line installs them
    except StoreError as error:
        return fail(str(error))
    say(f"Commun cloné dans {root}")
    say("Hooks et pilote de fusion de traam installés. Suivez l'amont avec : traam sync")
    return 0
