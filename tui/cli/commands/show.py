"""Provides ``traam show ID``: one record with French labels, or its canonical table in JSON."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, print_json, print_problems, say


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("show", help="afficher un enregistrement", description="Affiche un enregistrement avec les libellés français.")
    parser.add_argument("id", metavar="ID", help="identifiant (chemin sans .toml), par ex. scenarios/2024-2025/svt/lyon/defi-botanique")
    parser.add_argument("--ref", metavar="REF", help="lire l'enregistrement à cette branche ou ce commit")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from records import layout, vocab
    from records.codec import to_table
    from records.present import describe
    from store.commons import Commons
    from store.errors import StoreError

    record_id = layout.id_of(args.id).strip("/")
    try:
        commons = Commons.open(".")
        loaded = commons.read(record_id, ref=args.ref)
    except StoreError as error:
        return fail(str(error))
    if loaded.record is None:
        if loaded.problems:
            print_problems(loaded.problems)
            return 1
        return fail(f"aucun enregistrement « {record_id} »")
    if args.json:
        print_json({"id": record_id, "kind": loaded.location.kind, "record": to_table(loaded.record)})
        return 0
    say(f"{vocab.label(vocab.KINDS, loaded.location.kind)} — {record_id}")
    say("")
    rows = describe(loaded.record)
    width = max((len(label) for _, label, _ in rows), default=0)
    for _, label, text in rows:
        lines = text.split("\n")
        say(f"{label:<{width}}  {lines[0]}")
        for more in lines[1:]:
            say(f"{'':<{width}}  {more}")
    if loaded.problems:
        say("")
        print_problems(loaded.problems)
    return 0
