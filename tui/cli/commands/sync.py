"""Provides ``traam sync [--remote NOM]``: fetch upstream and merge it record by record."""

from __future__ import annotations

import argparse

from tui.cli.progress import Steps


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sync",
        help="récupérer l'amont et le fusionner champ par champ",
        description="Récupère le dépôt distant (« upstream » s'il existe, sinon « origin ») "
        "et fusionne sa branche "
        "dans la branche courante, enregistrement par enregistrement. Code 1 s'il reste des conflits.",
    )
    parser.add_argument(
        "--remote", metavar="NOM", help="dépôt distant à suivre (par défaut : upstream, sinon origin)"
    )
    parser.add_argument("--branch", metavar="BRANCHE", help="branche distante (par défaut : la même, sinon main)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from store.commons import Commons
    from store.errors import StoreError
    from tui.cli.output import fail, say, warn

    try:
        commons = Commons.open(".")
        with Steps() as steps:
            steps.step("Récupération de l'amont")
            result = commons.remotes.sync(args.remote, args.branch, transfer=steps.transfer())
    except StoreError as error:
        return fail(str(error))
    if result.conflicts:
        warn(f"Conflits en fusionnant {result.source} :")
        for path, lines in result.conflicts.items():
            for line in lines:
                warn(f"  {path} : {line}")
        warn("Choisissez la bonne valeur de chaque champ, supprimez les commentaires « CONFLIT traam », "
             "puis « git add » et « git commit » (ou « git merge --abort » pour annuler).")
        return 1
    if result.up_to_date:
        say(f"Déjà à jour avec {result.source}.")
    else:
        say(f"Synchronisé avec {result.source} : {result.before[:10]} → {result.after[:10]}.")
    return 0
