"""Provides ``traam contrib start SLUG``: begin a contribution on its own branch."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    """``traam contrib start SLUG [--academie A]``."""
    parser = sub.add_parser("contrib", help="commencer une contribution (branche contrib/<académie>/<nom>)")
    actions = parser.add_subparsers(dest="contrib_action", metavar="ACTION")
    actions.required = True
    start = actions.add_parser("start", help="créer et ouvrir la branche de la contribution")
    start.add_argument("slug", metavar="NOM", help="nom court de la contribution (minuscules, chiffres, tirets)")
    start.add_argument("--academie", metavar="CODE", help="académie (par défaut : git config traam.academie)")
    start.set_defaults(handler=run_start)


def run_start(args: argparse.Namespace) -> int:
    """Create ``contrib/<academie>/<slug>`` from the right base and check it out."""
    from store.errors import StoreError
    from tui.cli.review_support import open_commons, store_error

    try:
        branch = open_commons().contribution.start(args.slug, args.academie)
    except StoreError as error:
        return fail(store_error(error))
    say(f"Contribution « {branch} » créée : modifiez les enregistrements puis lancez « traam submit ».")
    return 0
