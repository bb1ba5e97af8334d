"""Provides ``main()``, the entry point of the ``traam`` command: global options and dispatch.

Each command lives in its own module of :mod:`tui.cli.commands` and exposes
``register(subparsers)``; its handler receives the parsed arguments and
returns the exit code. Handlers import heavy modules lazily, so that
``traam validate`` in a hook starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from tui.cli import commands
from tui.cli.output import fail

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class FrenchFormatter(argparse.HelpFormatter):
    """Help formatter with a French usage line."""

    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        super().add_usage(usage, actions, groups, prefix="utilisation : " if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose own messages, headings and help option are in French."""

    def __init__(self, *args, **kwargs):
        wants_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", FrenchFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if wants_help:
            self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> None:  # type: ignore[override]
        replacements = {
            "the following arguments are required": "arguments obligatoires manquants",
            "unrecognized arguments": "arguments inconnus",
            "invalid choice": "choix invalide",
            "expected one argument": "une valeur est attendue",
            "argument ": "argument ",
        }
        for english, french in replacements.items():
            message = message.replace(english, french)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"traam : erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the full parser, every command registered."""
    parser = FrenchParser(
        prog="traam",
        description="Le commun des TraAM : parcourir, chercher, éditer et valider les scénarios pédagogiques.",
        epilog="Sans commande, traam ouvre l'application dans le terminal. « traam COMMANDE --help » détaille une commande.",
    )
    parser.add_argument("-C", dest="chdir", metavar="DOSSIER", help="travailler sur le commun de ce dossier (comme git -C)")
    parser.add_argument("--version", action="version", version="traam 0.1.0", help="afficher la version")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchParser)
    sub.required = False
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"tui.cli.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``traam`` command and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.chdir:
        try:
            os.chdir(args.chdir)
        except OSError as error:
            return fail(f"impossible d'aller dans « {args.chdir} » : {error.strerror}")
    handler = getattr(args, "handler", None)
    if handler is None:
        from tui.cli.commands.open import open_app

        return open_app(args)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # a full disk, a read-only folder … that a command did not expect: no traceback
        from store.safefs import reason

        where = f" (« {error.filename} »)" if error.filename else ""
        return fail(f"le système a refusé l'opération{where} : {reason(error)}")


if __name__ == "__main__":
    sys.exit(main())
