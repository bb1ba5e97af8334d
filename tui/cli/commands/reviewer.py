"""Provides ``traam reviewer setup`` (configure SSH signing, print the governance entry) and ``traam reviewer add``
(prepare the contribution that adds a reviewer)."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    """``traam reviewer setup [--cle CHEMIN] [--nouvelle] [--nom …] [--principal …] [--role …] [--academie …]``."""
    parser = sub.add_parser("reviewer", help="relecteurs : configurer la signature des validations")
    actions = parser.add_subparsers(dest="reviewer_action", metavar="ACTION")
    actions.required = True
    setup = actions.add_parser("setup", help="configurer la clé SSH de signature pour ce commun")
    setup.add_argument("--cle", dest="key", metavar="CHEMIN", help="clé privée existante (par défaut ~/.ssh/id_ed25519)")
    setup.add_argument("--nouvelle", dest="new", action="store_true", help="créer une nouvelle clé ed25519 (ssh-keygen)")
    _identity_and_scope(setup, "votre", "votre", academie_note="")
    setup.set_defaults(handler=run_setup)
    add = actions.add_parser("add", help="préparer la contribution qui ajoute un relecteur à la gouvernance")
    add.add_argument("--cle-publique", dest="public_key", metavar="CHEMIN",
                     help="sa clé publique (.pub) ; par défaut : votre clé de signature (user.signingkey)")
    _identity_and_scope(add, "son", "sa", academie_note=" ; la première nomme la contribution")
    add.set_defaults(handler=run_add)


def _identity_and_scope(parser: argparse.ArgumentParser, his: str, her: str, *, academie_note: str) -> None:
    """Add the reviewer's name, address, role and scope options (``his``/``her``: « votre » or « son »/« sa »)."""
    parser.add_argument("--nom", dest="name", metavar="NOM", help=f"{his} nom (par défaut : git user.name)")
    parser.add_argument("--principal", metavar="COURRIEL", help=f"{her} adresse (par défaut : git user.email)")
    parser.add_argument("--role", choices=["academique", "national"], default="academique", help="rôle de validation")
    parser.add_argument("--academie", dest="academies", action="append", default=[], metavar="CODE",
                        help=f"académie de {his} périmètre (répétable{academie_note})")
    parser.add_argument("--discipline", dest="disciplines", action="append", default=[], metavar="CODE",
                        help=f"discipline de {his} périmètre (répétable ; aucune : toutes)")


def run_setup(args: argparse.Namespace) -> int:
    """Configure signing and print the ``[[reviewers]]`` block to add to governance/reviewers.toml."""
    from pathlib import Path

    from pydantic import ValidationError

    from store.errors import StoreError
    from store.review import signing
    from tui.cli.review_support import open_commons, store_error

    try:
        commons = open_commons()
        done = signing.setup(commons.root, key=Path(args.key) if args.key else None, new=args.new,
                             comment=args.principal or "")
        name = args.name or commons.config("user.name") or "Prénom Nom"
        principal = args.principal or commons.config("user.email")
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


def run_add(args: argparse.Namespace) -> int:
    """Create ``contrib/<academie>/relecteur-<nom>`` adding the reviewer's entry; a national reviewer validates it."""
    from pathlib import Path

    from pydantic import ValidationError

    from records.models import Reviewer
    from store.errors import StoreError
    from store.review import genesis, governance, signing
    from tui.cli.review_support import open_commons, store_error

    try:
        commons = open_commons()
        if args.public_key:
            public = Path(args.public_key).expanduser().read_text(encoding="utf-8").strip()
        else:
            key = commons.review.signing_key()
            if key is None:
                return fail("aucune clé : lancez d'abord « traam reviewer setup », ou donnez --cle-publique", 2)
            public = signing.public_key_of(key)
        academie = (args.academies or [commons.config("traam.academie")])[0]
        if not academie:
            return fail("précisez l'académie de la contribution : --academie CODE", 2)
        reviewer = Reviewer(name=args.name or commons.config("user.name") or "Prénom Nom",
                            principal=args.principal or commons.config("user.email"),
                            role=args.role, academies=args.academies, disciplines=args.disciplines,
                            public_key=governance.key_body(public))
        branch = genesis.propose_reviewer(commons.root, reviewer, academie=academie)
    except OSError as error:
        return fail(f"clé publique illisible : {error.strerror}")
    except ValidationError as error:
        return fail(f"entrée de gouvernance invalide : {error.errors()[0]['msg']}")
    except StoreError as error:
        return fail(store_error(error))
    say(f"Contribution « {branch} » prête : elle ajoute {reviewer.name} <{reviewer.principal}> "
        f"({reviewer.role}) à governance/reviewers.toml.")
    say("Proposez-la avec « traam submit » ; un relecteur national la valide avec :")
    say(f"  traam review approve {branch} --into main")
    return 0
