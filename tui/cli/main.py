"""Provides ``main()``, the entry point of the ``traam`` command: global options and dispatch.

Each command lives in its own module of :mod:`tui.cli.commands` and exposes
``register(subparsers)``; its handler receives the parsed arguments and
returns the exit code. Handlers import heavy modules lazily, so that
``traam validate`` in a hook starts fast. argparse speaks French through its
gettext hooks (:mod:`tui.cli.french`); every flag has a French name and may
keep an English alias (:mod:`tui.cli.flags`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from tui.cli import commands, flags, french
from tui.cli.output import fail

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE, what git and the shell's own tools return when the reader went away."""


def version() -> str:
    """Return traam's version from the package metadata (``0+inconnue`` when not installed)."""
    from importlib import metadata

    try:
        return metadata.version("traam")
    except metadata.PackageNotFoundError:
        return "0+inconnue"


class FrenchSpacing:
    """Help formatter mix-in with French typography: « options : » (a space before the colon)."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(f"{heading} " if heading else heading)  # type: ignore[misc]


class FrenchFormatter(FrenchSpacing, argparse.HelpFormatter):
    """The default help formatter, French spacing."""


def french_formatter(cls: type) -> type:
    """Return ``cls`` (a HelpFormatter class) with French spacing mixed in."""
    return cls if issubclass(cls, FrenchSpacing) else type(f"French{cls.__name__}", (FrenchSpacing, cls), {})


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose unknown options are reported by the (sub-)command that received them.

    argparse hands a sub-command's unknown options up to the top parser,
    which then prints the top-level usage; ``traam show --bogus`` should print
    the usage of ``traam show``.
    """

    def __init__(self, *args, **kwargs):
        kwargs["formatter_class"] = french_formatter(kwargs.get("formatter_class", FrenchFormatter))
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):  # noqa: ANN001 - argparse's signature
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and getattr(self, "is_command", False):
            self.error(argparse._("unrecognized arguments: %s") % " ".join(extras))  # noqa: SLF001
        return parsed, extras


class CommandParser(FrenchParser):
    """The parser of one command (or sub-command)."""

    is_command = True


def build_parser() -> argparse.ArgumentParser:
    """Return the full parser, every command registered, argparse in French."""
    french.install()
    parser = FrenchParser(
        prog="traam",
        description="Le commun des TraAM : parcourir, chercher, éditer et valider les scénarios pédagogiques.",
        epilog="Sans commande, traam ouvre l'application dans le terminal. « traam COMMANDE --help » détaille une commande.",
    )
    parser.add_argument("-C", dest="chdir", metavar="DOSSIER", help="travailler sur le commun de ce dossier (comme git -C)")
    parser.add_argument("--version", action="version", version=f"traam {version()}", help="afficher la version")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=CommandParser)
    sub.required = False
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"tui.cli.commands.{info.name}")
        module.register(sub)
    flags.frenchify(parser)
    return parser


def quiet_broken_pipe() -> int:
    """The reader of our output went away (``traam … | head``): stop quietly, no traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def bare_open(argv: list[str]) -> argparse.Namespace | None:
    """Return the arguments of ``traam`` or ``traam -C DIR`` alone (open the application), else None.

    Building the full parser imports every command's module (half a second);
    opening the application needs none of them, so this one case skips it.
    """
    if not argv:
        return argparse.Namespace(chdir=None, command=None)
    if len(argv) == 2 and argv[0] == "-C" and argv[1] and not argv[1].startswith("-"):
        return argparse.Namespace(chdir=argv[1], command=None)
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the ``traam`` command and return its exit code."""
    try:
        args = bare_open(sys.argv[1:] if argv is None else argv)
        if args is None:
            args = build_parser().parse_args(argv)
        if args.chdir:
            try:
                os.chdir(args.chdir)
            except OSError as error:
                return fail(f"impossible d'aller dans « {args.chdir} » : {error.strerror}")
        handler = getattr(args, "handler", None)
        if handler is None:
            from tui.cli.commands.open import open_app

            return open_app(args)
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return quiet_broken_pipe()
    except OSError as error:  # a full disk, a read-only folder … that a command did not expect: no traceback
        from store.safefs import reason

        where = f" (« {error.filename} »)" if error.filename else ""
        return fail(f"le système a refusé l'opération{where} : {reason(error)}")


if __name__ == "__main__":
    sys.exit(main())
