"""Provides ``traam submit``: push the current contribution, opening a merge request on a GitLab forge."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    """``traam submit [--remote R] [--merge-request | --no-merge-request]``."""
    parser = sub.add_parser("submit", help="proposer la contribution courante (pousser la branche)")
    parser.add_argument("--remote", metavar="DISTANT", help="dépôt distant (par défaut : origin)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--merge-request", dest="merge_request", action="store_true", default=None,
                       help="ouvrir une demande de fusion GitLab (options de poussée)")
    group.add_argument("--no-merge-request", dest="merge_request", action="store_false",
                       help="ne pas ouvrir de demande de fusion")
    parser.add_argument("--titre", dest="title", metavar="TEXTE", help="titre de la demande de fusion")
    parser.add_argument("--description", metavar="TEXTE", help="description de la demande de fusion")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Push the contribution branch; print what was proposed."""
    from store.errors import StoreError
    from tui.cli.review_support import open_commons, store_error

    try:
        contribution = open_commons().contribution
        contribution.check_submittable(args.remote)
        done = contribution.submit(remote=args.remote, merge_request=args.merge_request, title=args.title,
                                   description=args.description)
    except StoreError as error:
        return fail(store_error(error))
    say(f"Contribution « {done.branch} » proposée sur « {done.remote} » pour « {done.target} ».")
    if done.push_options:
        say("Demande de fusion ouverte par options de poussée (merge_request.create).")
    return 0
