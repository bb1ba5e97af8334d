"""Provides ``traam demo``: create the demo commons once in the user's data folder, then open it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "demo",
        help="ouvrir le commun de démonstration (créé au premier lancement)",
        description="Crée une fois, dans votre dossier de données, un commun de démonstration bâti sur les "
        "campagnes TraAM réelles, puis l'ouvre.",
    )
    parser.add_argument("--path", action="store_true", help="afficher seulement le dossier du commun de démonstration")
    parser.add_argument("--reset", action="store_true", help="recréer le commun de démonstration (l'ancien est renommé)")
    parser.set_defaults(handler=run)


def demo_dir() -> Path:
    """Return where the demo commons lives: ``$XDG_DATA_HOME/traam/demo`` (``~/.local/share`` by default)."""
    from store.dirs import data_dir

    return data_dir() / "demo"


def run(args: argparse.Namespace) -> int:
    from store.errors import StoreError
    from tui.cli.commands.init import create

    target = demo_dir()
    if args.path:
        say(str(target))
        return 0
    try:
        if args.reset and target.exists():
            backup = target.with_name(f"demo.ancien-{os.getpid()}")
            target.rename(backup)
            say(f"Ancien commun de démonstration conservé dans {backup}")
        if not (target / "traam.toml").exists():
            if target.exists() and any(target.iterdir()):
                return fail(f"{target} existe et n'est pas un commun : déplacez-le ou utilisez --reset")
            say(f"Création du commun de démonstration dans {target}…")
            create(target, demo=True)
    except (StoreError, OSError) as error:
        return fail(str(error))
    os.chdir(target)
    from tui.cli.commands.open import open_app

    return open_app(args)
