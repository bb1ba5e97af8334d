"""Provides ``traam hooks install [--server]``, ``traam hooks uninstall`` and ``traam hooks lancer HOOK``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "hooks",
        help="installer ou retirer les hooks git de traam et son pilote de fusion",
        description="Installe dans le dépôt les hooks de traam (vérification des enregistrements avant chaque "
        "commit, fusions protégées) et le pilote de fusion champ par champ. Un hook déjà présent est gardé "
        "(« .legacy ») et lancé en premier.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    install = actions.add_parser("install", help="installer les hooks (idempotent)")
    install.add_argument(
        "--server",
        action="store_true",
        help="dépôt nu auto-hébergé : installer le hook pre-receive qui filtre les envois",
    )
    install.set_defaults(handler=run_install)
    uninstall = actions.add_parser("uninstall", help="retirer les hooks de traam (l'ancien hook est rétabli)")
    uninstall.set_defaults(handler=run_uninstall)
    check = actions.add_parser(
        "lancer",
        aliases=["run"],
        help="lancer un hook de traam ici (ce que fait le framework pre-commit)",
        description="Lance la vérification d'un hook de traam dans le dépôt courant, sur l'index que git "
        "s'apprête à valider : l'arbre entier mis en scène, pas seulement les fichiers modifiés (une thématique "
        "supprimée dont dépendent des scénarios, un fichier égaré sont refusés).",
    )
    check.add_argument("hook", choices=["pre-commit", "pre-merge-commit", "commit-msg"], help="le hook à lancer")
    check.add_argument("arguments", nargs="*", help="les arguments que git passe au hook")
    check.set_defaults(handler=run_hook)


def _root(server: bool):
    from store import repository

    return repository.git_dir(".") if server else repository.work_tree(".")


def run_install(args: argparse.Namespace) -> int:
    from hooks.install import install
    from store.errors import StoreError
    from tui.cli.output import fail, say

    try:
        done = install(_root(args.server), server=args.server)
    except StoreError as error:
        return fail(str(error))
    for what, outcome in done.items():
        say(f"{what} : {outcome}")
    return 0


def run_uninstall(args: argparse.Namespace) -> int:
    from hooks.install import uninstall
    from store.errors import StoreError
    from tui.cli.output import fail, say

    try:
        root = _root(False)
    except StoreError:
        try:
            root = _root(True)
        except StoreError as error:
            return fail(str(error))
    try:
        done = uninstall(root)
    except StoreError as error:
        return fail(str(error))
    for what, outcome in done.items():
        say(f"{what} : {outcome}")
    if not done:
        say("Aucun hook de traam n'était installé.")
    return 0


def run_hook(args: argparse.Namespace) -> int:
    from hooks.run import main

    return main([args.hook, *args.arguments])
