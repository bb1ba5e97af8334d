"""Provides ``traam demo``: create the living demo commons once in the user's data folder, play a role, open it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.cli.output import fail, say


def register(sub: argparse._SubParsersAction) -> None:
    from store.demo.roles import ROLES

    parser = sub.add_parser(
        "demo",
        help="ouvrir le commun de démonstration (créé au premier lancement)",
        description="Crée une fois, dans votre dossier de données, un commun de démonstration vivant bâti sur "
        "les campagnes TraAM réelles (contributions dans chaque état, validations signées, relecteurs dont les "
        "clés restent dans votre dossier de données), vous y donne un rôle, puis l'ouvre.",
    )
    parser.add_argument("--path", action="store_true", help="afficher seulement le dossier du commun de démonstration")
    parser.add_argument("--reset", action="store_true", help="recréer le commun de démonstration (l'ancien est renommé)")
    parser.add_argument("--role", choices=list(ROLES), metavar="RÔLE",
                        help="qui vous êtes dans la démonstration : " + " ; ".join(ROLES.values())
                        + " (par défaut : demandé à la création si le terminal le permet, sinon enseignant)")
    parser.add_argument("--sans-ouvrir", dest="no_open", action="store_true",
                        help="créer le commun et régler le rôle sans ouvrir l'application")
    parser.set_defaults(handler=run)


def demo_dir() -> Path:
    """Return where the demo commons lives: ``$XDG_DATA_HOME/traam/demo`` (``~/.local/share`` by default)."""
    from store.dirs import data_dir

    return data_dir() / "demo"


def keys_dir() -> Path:
    """Return where the demo reviewers' private keys live: beside the demo, never inside a repository."""
    return demo_dir().with_name("demo-cles")


def server_dir() -> Path:
    """Return the demo's local « server » (a bare repository, its ``origin``)."""
    return demo_dir().with_name("demo-serveur.git")


def ask_role() -> str:
    """Ask on the terminal who the user is in the demo; return the role (enseignant on an empty answer)."""
    from store.demo.roles import ROLES

    codes = list(ROLES)
    say("Qui êtes-vous dans cette démonstration ?")
    for number, code in enumerate(codes, start=1):
        say(f"  {number}. {ROLES[code]}")
    while True:
        try:
            answer = input("Votre choix [1] : ").strip()
        except EOFError:
            return codes[0]
        if not answer:
            return codes[0]
        if answer.isdigit() and 1 <= int(answer) <= len(codes):
            return codes[int(answer) - 1]
        if answer in codes:
            return answer
        say(f"Répondez 1 à {len(codes)}.")


def _set_aside(suffix: str) -> None:
    """Rename the demo, its keys and its server with ``suffix``; the old demo keeps pointing at its own."""
    from store import repository

    moved = {}
    for path in (demo_dir(), keys_dir(), server_dir()):
        if path.exists():
            moved[path] = path.with_name(f"{path.name}.ancien-{suffix}")
            path.rename(moved[path])
    old = moved.get(demo_dir())
    if old is None:
        return
    say(f"Ancien commun de démonstration conservé dans {old}")
    if server_dir() in moved and (old / ".git").is_dir():
        repository.set_config(old, "remote.origin.url", str(moved[server_dir()]))
    key = repository.config_value(old, "user.signingkey") if (old / ".git").is_dir() else ""
    if key and keys_dir() in moved and Path(key).parent == keys_dir():
        repository.set_config(old, "user.signingkey", str(moved[keys_dir()] / Path(key).name))


def run(args: argparse.Namespace) -> int:
    from records.demo import DEMO_MANIFEST, demo_records
    from store.demo import build, roles
    from store.errors import StoreError

    target = demo_dir()
    if args.path:
        say(str(target))
        return 0
    role = args.role
    try:
        if args.reset:
            _set_aside(str(os.getpid()))
        if not (target / "traam.toml").exists():
            if target.exists() and any(target.iterdir()):
                return fail(f"{target} existe et n'est pas un commun : déplacez-le ou utilisez --reset")
            for leftover in (keys_dir(), server_dir()):
                if leftover.exists():  # from an interrupted creation: set aside, never reused
                    leftover.rename(leftover.with_name(f"{leftover.name}.ancien-{os.getpid()}"))
            say(f"Création du commun de démonstration dans {target}…")
            build.build(target, demo_records(), DEMO_MANIFEST, keys_folder=keys_dir(), server=server_dir())
            if role is None:
                role = ask_role() if sys.stdin.isatty() and sys.stdout.isatty() else "enseignant"
        if role is not None:
            entry = roles.play(target, role, roles.load(keys_dir()))
            where = f", académie {entry['academie']}" if entry.get("academie") else ""
            say(f"Vous êtes {entry['name']} <{entry['email']}>{where} ({roles.ROLES[role].split(' :')[0]}).")
            if entry.get("branch"):
                say(f"Votre contribution : {entry['branch']} (traam -C {target} status, ou l'écran Ma contribution).")
    except (StoreError, OSError) as error:
        return fail(str(error))
    if args.no_open:
        return 0
    os.chdir(target)
    from tui.cli.commands.open import open_app

    return open_app(args)
