"""Provides ``traam init DIR [--demo]``: a new commons, empty or holding the demo records."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "init",
        help="créer un commun (dépôt git d'enregistrements)",
        description="Crée un dépôt git prêt à recevoir des enregistrements TraAM, avec un premier commit.",
    )
    parser.add_argument("directory", metavar="DOSSIER", help="dossier à créer (ou dossier vide)")
    parser.add_argument("--demo", action="store_true", help="y mettre le commun de démonstration (campagnes réelles)")
    parser.add_argument("--name", metavar="NOM", help="nom du commun (par défaut : le nom du dossier)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from store.errors import StoreError

    target = Path(args.directory)
    try:
        commons = create(target, demo=args.demo, name=args.name)
    except StoreError as error:
        return fail(str(error))
    say(f"Commun créé dans {commons.root}")
    say("Ouvrez-le avec : traam -C " + str(target))
    return 0


DEMO_AUTHOR = ("traam (démonstration)", "demo@example.org")
"""Author of the demo commons' commit: the same on every machine, and no git identity needed."""


def create(target: Path, *, demo: bool, name: str | None = None):
    """Create a commons at ``target`` (the demo records when ``demo``); return the Commons."""
    from store.commons import init_commons

    if demo:
        from records.demo import DEMO_MANIFEST, demo_records

        return init_commons(target, name=name or DEMO_MANIFEST.name, records=demo_records(), author=DEMO_AUTHOR)
    return init_commons(target, name=name or target.resolve().name)
