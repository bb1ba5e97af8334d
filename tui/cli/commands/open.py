"""Provides what ``traam`` does without a command: open the terminal application on the current commons."""

from __future__ import annotations

import argparse

from tui.cli.output import fail


def register(sub: argparse._SubParsersAction) -> None:
    """``traam open``: the same as ``traam`` alone."""
    parser = sub.add_parser("open", help="ouvrir l'application sur le commun du dossier courant", add_help=True)
    parser.set_defaults(handler=open_app)


def open_app(args: argparse.Namespace) -> int:
    """Open the application on the commons of the current folder (``-C DIR`` already applied).

    The commons is checked first, so that a folder that is not a commons
    gives a one-line French error instead of starting the application.
    """
    from tui.preload import Preload

    preload = Preload(".")  # reads the commons while the application is imported
    from store.errors import StoreError
    from tui.app import TraamApp, run_app, user_keymap  # meanwhile, not after: the preload takes as long
    from tui.cli.output import warn

    try:
        commons = preload.commons()
    except StoreError as error:
        return fail(str(error))

    for problem in user_keymap(TraamApp)[1]:  # said here too: the toast is gone once read
        warn(problem)
    return run_app(commons.root, preload=preload)
