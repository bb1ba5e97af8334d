"""Provides ``traam merge-driver %O %A %B %P``: git's record merge driver (see :mod:`hooks.merge_driver`)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "merge-driver",
        help="pilote de fusion git des enregistrements (appelé par git)",
        description="Fusionne un enregistrement champ par champ. Appelé par git avec « %%O %%A %%B %%P » : "
        "écrit le résultat dans %%A ; code 1 en cas de conflit (le fichier reste un enregistrement valide, "
        "les champs en conflit sont décrits en commentaires en tête).",
    )
    parser.add_argument("base", metavar="BASE", help="version de l'ancêtre commun (%%O)")
    parser.add_argument("ours", metavar="NOUS", help="notre version, reçoit le résultat (%%A)")
    parser.add_argument("theirs", metavar="EUX", help="leur version (%%B)")
    parser.add_argument("path", metavar="CHEMIN", help="chemin de l'enregistrement dans le commun (%%P)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hooks.merge_driver import run as merge

    return merge(args.base, args.ours, args.theirs, args.path)
