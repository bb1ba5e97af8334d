"""Provides ``traam verify``: check that every validation on main and academie/* is a signed, allowed merge."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, print_json, say, warn


def register(sub: argparse._SubParsersAction) -> None:
    """``traam verify [BRANCHE] [--json]``."""
    parser = sub.add_parser("verify", help="vérifier les validations signées de main et des branches academie/*")
    parser.add_argument("ref", nargs="?", metavar="BRANCHE", help="main ou academie/<code> (par défaut : toutes)")
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.add_argument("--oublier-les-sommets", dest="forget", action="store_true",
                        help="oublier les dernières pointes vérifiées sur ce poste (après une réécriture voulue "
                             "de l'historique), puis vérifier")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Verify the protected branches from the verifier's trust root; exit 1 on any problem."""
    from store.errors import StoreError
    from store.publish.words import count
    from store.review import selection, trust
    from tui.cli.review_support import store_error

    try:
        root = str(selection.verified_repository("."))  # "." in a bare repository
        if args.forget:
            forgotten = trust.forget_tips(root)
            (warn if args.json else say)(f"{count(forgotten, 'pointe vérifiée oubliée', 'pointes vérifiées oubliées')} : "
                                         "la prochaine vérification repart de la racine de confiance")
        branches = [selection.branch_named(root, args.ref)] if args.ref else selection.branch_names(root)
        reports = selection.verify_commons(root, branches)
        missing = next((r.branch for r in reports if r.tip is None), None)
        if missing is not None or not branches:
            return fail(f"branche introuvable : « {missing or 'main'} »")
    except StoreError as error:
        return fail(store_error(error))
    failed = any(not report.ok for report in reports)
    if args.json:
        print_json({"ok": not failed, "branches": [
            {"branch": r.branch, "ref": r.ref, "tip": r.tip, "verified": r.verified, "merges": r.merges, "ok": r.ok,
             "problems": r.problems, "ignored": r.ignored} for r in reports]})
        return 1 if failed else 0
    for report in reports:
        if report.ok:
            say(f"{report.branch} : {count(report.merges, 'validation signée', 'validations signées')}, tout est vérifié")
        else:
            say(f"{report.branch} : {count(len(report.problems), 'problème', 'problèmes')}")
            for problem in report.problems:
                say(f"  {problem}")
        for line in report.ignored:
            say(f"  {line}")
    if failed:
        say("Vérification échouée : ces validations ne sont pas reconnues.")
    return 1 if failed else 0
