"""Provides what ``traam`` does without a command: open the commons of the current folder."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    """``traam open``: the same as ``traam`` alone."""
    parser = sub.add_parser("open", help="ouvrir l'application sur le commun du dossier courant", add_help=True)
    parser.set_defaults(handler=open_app)


def open_app(args: argparse.Namespace) -> int:
    """Open the commons of the current folder (the terminal application)."""
    from store.commons import Commons
    from store.errors import StoreError

    try:
        commons = Commons.open(".")
    except StoreError as error:
        return fail(str(error))
    snapshot = commons.load()
    say(f"Commun : {commons.root}")
    say(f"{len(snapshot.entries)} enregistrements")
    return 0
