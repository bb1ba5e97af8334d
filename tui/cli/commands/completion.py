"""Provides ``traam completion bash|zsh``: the shell completion script, generated from the parser by shtab.

shtab writes a static script (no Python runs at each Tab press, unlike
argcomplete), so completion stays instant even though traam imports Textual.
"""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh", "tcsh")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "completion",
        help="afficher le script de complétion pour bash, zsh ou tcsh",
        description="Affiche le script de complétion des commandes et options de traam pour le shell choisi. "
        "bash : traam completion bash > ~/.local/share/bash-completion/completions/traam ; "
        "zsh : traam completion zsh > \"${fpath[1]}/_traam\".",
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh ou tcsh")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import sys

    import shtab

    from tui.cli.main import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return 0
