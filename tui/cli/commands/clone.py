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


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from store.remotes import clone, following
    from store.errors import StoreError
    from tui.cli.output import fail, say

    say(f"Clonage de {args.url}…")
    try:
        root = clone(args.url, Path(args.target) if args.target else None, progress=_progress)
    except StoreError as error:
        return fail(str(error))
    say(f"Commun cloné dans {root}")
    say("Hooks et pilote de fusion de traam installés.")
    try:
        follows = following(root)
    except StoreError as error:
        return fail(str(error))
    if follows.has_upstream:
        say("Suivez le commun d'origine (« upstream ») avec : traam sync")
    else:  # a fork whose manifest names no upstream: traam sync would only follow the fork itself
        import shlex

        say("Pas de dépôt « upstream » : traam sync suivra « origin », ce dépôt même. Si c'est un fork, "
            "ajoutez le commun d'origine :")
        say(f"  git -C {shlex.quote(str(root))} remote add upstream ADRESSE_DU_COMMUN_D_ORIGINE")
        say("puis suivez-le avec : traam sync")
    return 0
