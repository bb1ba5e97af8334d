"""Provides ``traam status ID``: the validation state of a record, derived from git, and its review notes."""

from __future__ import annotations

import argparse

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
    from store.review import contrib, states
    from store.commons import Commons
    from store.errors import StoreError
    from tui.cli.review_support import store_error

    record_id = layout.id_of(args.record_id)
    try:
        commons = Commons.open(".")
        snapshot = commons.load()
        if record_id not in snapshot.entries:
            return fail(f"enregistrement introuvable : « {record_id} »")
        state = states.record_states(commons, snapshot)[record_id]
        branch = commons.branch() or ""
        review = states.contribution_status(commons.root, branch) if contrib.parse_branch(branch) else None
    except StoreError as error:
        return fail(store_error(error))
    comment = review.records.get(record_id, "") if review else ""
    if args.json:
        print_json({"id": record_id, "state": state, "label": vocab.STATES[state], "branch": branch,
                    "review": review.to_json() if review else None})
        return 0
    say(f"{record_id} : {vocab.STATES[state]}")
    if branch:
        say(f"branche : {branch}")
    if review is not None:
        what = "modifications demandées" if review.decision == "modifications" else "contribution refusée"
        say(f"relecture : {what} par {review.reviewer} le {review.date[:10]}")
        if review.message:
            say(f"  {review.message}")
        if comment:
            say(f"  sur cet enregistrement : {comment}")
    return 0
