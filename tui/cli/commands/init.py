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
    parser.add_argument("--nom-du-commun", "--commons-name", dest="name", metavar="NOM",
                        help="nom du commun (par défaut : le nom du dossier)")
    # The former spelling, kept for scripts; hidden: --nom names the first reviewer, as in traam reviewer.
    parser.add_argument("--name", dest="name", help=argparse.SUPPRESS)
    genesis = parser.add_argument_group("premier relecteur national (la genèse de la confiance)")
    genesis.add_argument("--cle", metavar="CHEMIN",
                         help="clé SSH privée existante (par défaut : ~/.ssh/traam_ed25519, créée si besoin)")
    genesis.add_argument("--sans-phrase", dest="no_passphrase", action="store_true",
                         help="créer la clé sans phrase de passe (scripts) ; sinon ssh-keygen la demande")
    genesis.add_argument("--nom", dest="reviewer_name", metavar="NOM",
                         help="nom du premier relecteur national (par défaut : git user.name)")
    genesis.add_argument("--principal", metavar="COURRIEL",
                         help="adresse du premier relecteur national (par défaut : git user.email)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from store.errors import StoreError

    target = Path(args.directory)
    try:
        first = first_reviewer(args)
        commons = create(target, demo=args.demo, name=args.name, genesis=first)
    except StoreError as error:
        return fail(str(error))
    say(f"Commun créé dans {commons.root}")
    if first is not None:
        if first.created:
            say(f"Nouvelle clé SSH : {first.key} (publique : {first.key}.pub)")
        say(f"Premier relecteur national : {first.reviewer.name} <{first.reviewer.principal}>, "
            f"clé {first.key} ; premier commit signé, racine de confiance enregistrée pour vous.")
    say("Ouvrez-le avec : traam -C " + str(target))
    return 0


def first_reviewer(args: argparse.Namespace):
    """Return the first national reviewer from the options (creating the key if needed)."""
    import sys

    from store import repository
    from store.review import genesis

    name = args.reviewer_name or repository.config_value(".", "user.name") or "Relecteur national"
    principal = args.principal or repository.config_value(".", "user.email")
    if not principal:
        from tui.cli.output import warn

        warn("avertissement : commun créé sans relecteur (aucune adresse connue) ; pour naître avec son premier "
             "relecteur national, créez-le avec --principal COURRIEL")
        return None
    ask = not args.no_passphrase and sys.stdin.isatty() and sys.stderr.isatty()
    key = Path(args.cle).expanduser() if args.cle else None
    if key is None and ask:
        say("Création de la clé du premier relecteur national : ssh-keygen va demander une phrase de passe "
            "(laissez vide pour aucune).")
    return genesis.first_reviewer(name=name, principal=principal, key=key, passphrase=None if ask else "")


DEMO_AUTHOR = ("traam (démonstration)", "demo@example.org")
"""Author of the demo commons' commit: the same on every machine, and no git identity needed."""


def create(target: Path, *, demo: bool, name: str | None = None, genesis=None):
    """Create a commons at ``target`` (the demo records when ``demo``), born with ``genesis``; return the Commons."""
    from records import layout
    from store.commons import init_commons

    if demo:
        from records.demo import DEMO_MANIFEST, demo_records

        records = demo_records()
        # The demo's own reviewers have no private key here (only `traam demo` makes theirs): the commons is
        # born with the user as its first national reviewer, or with no governance at all.
        records.pop(layout.id_of(layout.GOVERNANCE), None)
        return init_commons(target, name=name or DEMO_MANIFEST.name, description=DEMO_MANIFEST.description,
                            records=records, author=DEMO_AUTHOR, genesis=genesis)
    return init_commons(target, name=name or target.resolve().name, genesis=genesis)
