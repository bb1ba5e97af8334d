"""Provides ``traam status ID``: the validation state of a record, derived from git, and its review notes."""

from __future__ import annotations

import argparse

from store.review.status import Decision
from tui.cli.output import fail, print_json, say


def register(sub: argparse._SubParsersAction) -> None:
    """``traam status ID [--json]``."""
    parser = sub.add_parser("status", help="état de validation d'un enregistrement (brouillon … validé national)")
    parser.add_argument("record_id", metavar="ID", help="identifiant (chemin sans .toml)")
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the state of one record of the work tree, with the latest review of its contribution."""
    from records import layout, vocab
    from store.commons import Commons
    from store.errors import StoreError
    from tui.cli.review_support import store_error

    record_id = layout.id_of(args.record_id)
    try:
        layout.locate(layout.path_of(record_id))
    except layout.LayoutError as error:
        return fail(str(error))
    try:
        commons = Commons.open(".")
        snapshot = commons.load()
        versions = commons.review.versions(record_id)
        here = record_id in snapshot.entries
        if not here and not versions:
            return fail(f"enregistrement introuvable : « {record_id} » (ni ici ni sur aucune branche connue)")
        state = commons.states(snapshot)[record_id] if here else None
        branch = commons.branch() or ""
        review = commons.review.contribution_status(branch)
    except StoreError as error:
        return fail(store_error(error))
    comment = review.records.get(record_id, "") if review else ""
    if args.json:
        print_json({"id": record_id, "state": state, "label": vocab.STATES[state] if state else None,
                    "branch": branch, "review": review.to_json() if review else None,
                    "versions": [{"blob": v.blob, "state": v.state, "label": vocab.STATES[v.state],
                                  "branches": v.branches} for v in versions]})
        return 0
    if state is not None:
        say(f"{record_id} : {vocab.STATES[state]}")
    else:
        say(f"{record_id} : absent de la branche courante")
    if branch:
        say(f"branche : {branch}")
    if versions:
        say("versions connues :")
        for version in versions:
            say(f"  {version.blob[:10]} {vocab.STATES[version.state]} — {', '.join(version.branches)}")
    if review is not None:
        what = "modifications demandées" if review.decision == Decision.CHANGES else "contribution refusée"
        say(f"relecture : {what} par {review.reviewer} le {review.date[:10]}")
        if review.message:
            say(f"  {review.message}")
        if comment:
            say(f"  sur cet enregistrement : {comment}")
    return 0
