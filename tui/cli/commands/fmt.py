"""Provides ``traam fmt``: rewrite records in canonical form (``--check`` only lists them)."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, print_json, say, warn


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "fmt",
        help="remettre les enregistrements en forme canonique",
        description="Réécrit chaque enregistrement valide dans sa forme canonique (ordre des clés, mise en forme "
        "stable), sans changer aucune valeur. Les fichiers invalides ne sont pas touchés.",
    )
    parser.add_argument("--check", action="store_true", help="ne rien écrire : lister les fichiers à reformater (code 1 s'il y en a)")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from records.codec import dump
    from store import safefs
    from store.commons import Commons
    from store.errors import StoreError

    try:
        commons = Commons.open(".")
        snapshot = commons.load()
    except StoreError as error:
        return fail(str(error))
    changed: list[str] = []
    skipped: list[str] = []
    for record_id in sorted(snapshot.entries):
        path = snapshot.path(record_id)
        loaded = snapshot.loaded(record_id)
        if path is None or loaded is None or loaded.record is None:
            skipped.append(path or record_id)
            continue
        text = snapshot.text(record_id)
        canonical = dump(loaded.record)
        if text == canonical:
            continue
        changed.append(path)
        if not args.check:
            try:
                safefs.write(commons.root, path, canonical.encode("utf-8"))
            except StoreError as error:
                return fail(str(error))
    if args.json:
        print_json({"check": args.check, "files": changed, "invalid": skipped})
    else:
        for path in changed:
            say(("à reformater : " if args.check else "reformaté : ") + path)
        if skipped:
            warn(f"{len(skipped)} fichier(s) invalide(s) laissé(s) tel(s) quel(s) : lancez « traam validate ».")
        if not changed:
            say("Tous les enregistrements sont déjà en forme canonique.")
    return 1 if (args.check and changed) else 0
