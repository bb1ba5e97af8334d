"""Provides ``traam clone URL [DOSSIER]``: a safe clone of a commons, hooks and cache ready."""

from __future__ import annotations

import argparse

from tui.cli.progress import Steps


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


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from hooks import install
    from store.commons import Commons
    from store.errors import StoreError
    from tui.cli.output import fail, say

    say(f"Clonage de {args.url}…")
    try:
        with Steps() as steps:
            steps.step("Clonage")
            commons = Commons.clone(args.url, Path(args.target) if args.target else None,
                                    progress=steps.later("Construction du cache"), transfer=steps.transfer())
            root = commons.root
            install.install(root)  # hooks sit above the store: the command line installs them
    except StoreError as error:
        return fail(str(error))
    say(f"Commun cloné dans {root}")
    say("Hooks et pilote de fusion de traam installés.")
    try:
        follows = commons.remotes.following()
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
