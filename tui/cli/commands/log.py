"""Provides ``traam log ID``: the history of one record, commit by commit, with field-level changes."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``traam log``."""
    parser = sub.add_parser("log", add_help=False, help="historique d'un enregistrement, champ par champ",
                            description="Affiche les commits qui ont modifié un enregistrement (auteur, date, "
                                        "message) et, pour chacun, les champs ajoutés, retirés ou modifiés.")
    parser.add_argument("id", metavar="ID", help="identifiant (chemin sans .toml), par ex. scenarios/2026-2027/svt/lille/defi")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    parser.add_argument("-n", "--limite", type=int, metavar="N", dest="limit", help="au plus N commits")
    parser.add_argument("--ref", metavar="REF", default="HEAD", help="historique de cette branche (HEAD par défaut)")
    parser.add_argument("--premier-parent", action="store_true", dest="first_parent",
                        help="suivre seulement la ligne de la branche (les fusions comme un seul changement)")
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the history; exit 0, 1 when the commons or record cannot be read, 2 for an invalid id."""
    from records import layout
    from store.commons import Commons
    from store.errors import StoreError
    from tui.cli.output import fail, print_json, say
    from tui.cli.review_support import change_lines

    record_id = layout.id_of(args.id).strip("/")
    if args.limit is not None and args.limit < 1:
        return fail("--limite attend un nombre positif", 2)
    try:
        layout.locate(layout.path_of(record_id))
    except layout.LayoutError as error:
        return fail(str(error), 2)
    try:
        commons = Commons.open(".")
        items = commons.history(record_id, args.limit, ref=commons.resolve(args.ref), first_parent=args.first_parent)
    except StoreError as error:
        return fail(str(error))
    if args.json:
        print_json([
            {"commit": i.commit, "author": i.author, "email": i.email, "date": i.date.isoformat(),
             "message": i.message, "changes": [{"key": c.key, "kind": c.kind, "old": c.old, "new": c.new}
                                               for c in i.changes]}
            for i in items
        ])
        return 0
    if not items:
        return fail(f"aucun historique pour « {record_id} » (enregistrement inconnu ou jamais commité)")
    for number, item in enumerate(items):
        if number:
            say("")
        say(f"{item.commit[:10]}  {item.date:%Y-%m-%d %H:%M}  {item.author} <{item.email}>", multiline=False)
        for line in item.message.splitlines() or [""]:
            say(f"    {line}", multiline=False)
        if item.new_blob is None and item.old_blob is not None:
            say("    (enregistrement supprimé)")
        elif item.old_blob is None and item.new_blob is not None:
            say("    (enregistrement créé)")
        for line in change_lines(item.changes):
            say(f"    {line}", multiline=False)
    return 0
