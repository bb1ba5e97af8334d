"""Provides ``traam reviewer setup``: configure SSH signing for this commons and print the governance entry."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    """``traam reviewer setup [--key PATH] [--new] [--nom …] [--principal …] [--role …] [--academie …]``."""
    parser = sub.add_parser("reviewer", help="relecteurs : configurer la signature des validations")
    actions = parser.add_subparsers(dest="reviewer_action", metavar="ACTION")
    actions.required = True
    setup = actions.add_parser("setup", help="configurer la clé SSH de signature pour ce commun")
    setup.add_argument("--key", metavar="CHEMIN", help="clé privée existante (par défaut ~/.ssh/id_ed25519)")
    setup.add_argument("--new", action="store_true", help="créer une nouvelle clé ed25519 (ssh-keygen)")
    setup.add_argument("--nom", dest="name", metavar="NOM", help="votre nom (par défaut : git user.name)")
    setup.add_argument("--principal", metavar="COURRIEL", help="votre adresse (par défaut : git user.email)")
    setup.add_argument("--role", choices=["academique", "national"], default="academique", help="rôle de validation")
    setup.add_argument("--academie", dest="academies", action="append", default=[], metavar="CODE",
                       help="académie de votre périmètre (répétable)")
    setup.add_argument("--discipline", dest="disciplines", action="append", default=[], metavar="CODE",
                       help="discipline de votre périmètre (répétable ; aucune : toutes)")
    setup.set_defaults(handler=run_setup)


def run_setup(args: argparse.Namespace) -> int:
    """Configure signing and print the ``[[reviewers]]`` block to add to governance/reviewers.toml."""
    from pathlib import Path

    from pydantic import ValidationError

    from store.git import repo
    from store.review import signing
    from store.errors import StoreError
    from tui.cli.review_support import commons_root, store_error

    try:
        root = commons_root()
        done = signing.setup(root, key=Path(args.key) if args.key else None, new=args.new,
                             comment=args.principal or "")
        name = args.name or repo.config_value(root, "user.name") or "Prénom Nom"
        principal = args.principal or repo.config_value(root, "user.email")
        entry = signing.reviewer_entry(done.public_key, name=name, principal=principal, role=args.role,
                                       academies=args.academies, disciplines=args.disciplines)
    except StoreError as error:
        return fail(store_error(error))
    except ValidationError as error:
        return fail(f"entrée de gouvernance invalide : {error.errors()[0]['msg']}")
    if done.created:
        say(f"Nouvelle clé créée : {done.private_key}")
    say(f"Signature configurée pour ce commun : gpg.format=ssh, user.signingkey={done.private_key}")
    say("Entrée à ajouter à governance/reviewers.toml (par une validation nationale) :")
    say()
    say(entry.rstrip("\n"))
    return 0
