"""Provides ``traam migrate``: move a commons to the current layout, plan first, then one commit."""

from __future__ import annotations

import argparse
import sys

from tui.cli.output import fail, print_json, say, warn


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "migrate",
        help="ranger le commun selon l'organisation actuelle (équipes par thématique)",
        description="Montre le plan de migration du commun vers l'organisation actuelle : les équipes rangées "
        "par discipline (teams/<campagne>/<discipline>/<académie>.toml, organisation 1) vont sous leur thématique "
        "(teams/<campagne>/<thématique>/<académie>.toml, organisation 2), et traam.toml indique la nouvelle "
        "version. Demande confirmation, puis fait un seul commit. Refuse un dossier de travail avec des "
        "modifications non enregistrées. Relancée sur un commun déjà migré, elle ne fait rien.",
    )
    parser.add_argument("--apply", "--yes", action="store_true",
                        help="appliquer sans demander confirmation (sinon : plan, puis question)")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts (plan seul, sauf --oui)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from store import migrate
    from store.commons import Commons
    from store.errors import StoreError

    try:
        commons = Commons.open(".")
        planned = migrate.plan(commons)
    except StoreError as error:
        return fail(str(error))
    if args.json and not args.apply:
        print_json(_as_json(planned, None))
        return 1 if planned.problems else 0
    if not args.json:
        _show(planned)
    if planned.problems:
        return fail("la migration est impossible : rien n'a été écrit")
    if planned.empty:
        if not args.json:
            say(f"Le commun suit déjà l'organisation {planned.target} : rien à migrer.")
        else:
            print_json(_as_json(planned, None))
        return 0
    if not args.apply and not _confirm():
        say("Migration annulée : rien n'a été écrit. (--oui pour appliquer sans question)")
        return 1
    try:
        done = migrate.apply(commons, planned)
    except StoreError as error:
        return fail(str(error))
    if done.warning:
        warn(done.warning)
    if args.json:
        print_json(_as_json(planned, done.commit))
    else:
        say(f"Commun migré vers l'organisation {planned.target} : commit {(done.commit or '')[:12]}.")
    return 0


def _show(planned) -> None:
    if planned.problems:
        for problem in planned.problems:
            warn(f"traam : {problem}")
        return
    if planned.empty:
        return
    say(f"Plan de migration de l'organisation {planned.source} vers l'organisation {planned.target} :")
    for step in planned.steps:
        if step.moves:
            say(f"  déplacer {step.old_path}")
            say(f"        -> {step.new_path} (contenu inchangé)" if not step.changes else f"        -> {step.new_path}")
        else:
            say(f"  modifier {step.new_path}")
        for change in step.changes:
            say(f"      {change.key} : {_value(change.old)} -> {_value(change.new)}")
    moves = sum(1 for s in planned.steps if s.moves)
    say(f"{moves} équipe(s) à déplacer ; un seul commit.")


def _value(value: object) -> str:
    return "(absent)" if value is None else repr(value) if isinstance(value, str) else str(value)


def _confirm() -> bool:
    if not sys.stdin.isatty():
        warn("traam : pas de terminal pour confirmer : relancez avec --oui (ou --appliquer) pour appliquer le plan")
        return False
    try:
        answer = input("Appliquer ce plan (un commit) ? [o/N] ").strip().lower()
    except EOFError:
        return False
    return answer in ("o", "oui", "y", "yes")


def _as_json(planned, commit: str | None) -> dict:
    return {
        "from": planned.source, "to": planned.target, "applied": commit is not None, "commit": commit,
        "problems": planned.problems,
        "steps": [{"from": s.old_path, "to": s.new_path,
                   "changes": [{"key": c.key, "old": c.old, "new": c.new} for c in s.changes]}
                  for s in planned.steps],
    }
