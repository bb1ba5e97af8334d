"""Provides ``traam review``: the queue, one contribution, and the decisions (approve, request changes, refuse)."""

from __future__ import annotations

import argparse
import sys

from store.review.status import Decision
from tui.cli.output import fail, print_json, say, warn
from tui.cli.review_support import ask, candidate_json, print_candidate
from tui.cli.review_support import resolutions as parse_resolutions


class _Ordered(argparse.Action):
    """Keep ``-m`` and ``--record`` in the order typed, so that ``--record ID -m …`` pairs them."""

    def __call__(self, parser, namespace, values, option_string=None):
        items = list(getattr(namespace, "notes", None) or [])
        items.append((self.dest, values))
        namespace.notes = items


def register(sub: argparse._SubParsersAction) -> None:
    """``traam review list|show|approve|request-changes|refuse``."""
    parser = sub.add_parser("review", help="relire les contributions : file d'attente et décisions")
    actions = parser.add_subparsers(dest="review_action", metavar="ACTION")
    actions.required = True
    listing = actions.add_parser("list", help="contributions en attente dans votre périmètre")
    listing.add_argument("--json", action="store_true", help="sortie JSON")
    listing.add_argument("--tout", dest="everything", action="store_true",
                         help="inclure les contributions en attente de l'auteur ou refusées, hors périmètre aussi")
    listing.add_argument("--no-fetch", dest="fetch", action="store_false", help="ne pas récupérer le dépôt distant")
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="détail d'une contribution : différences, conflits, règles")
    show.add_argument("ref", metavar="BRANCHE")
    show.add_argument("--into", choices=["main"], help="validation nationale directe d'une contribution")
    show.add_argument("--json", action="store_true", help="sortie JSON")
    show.add_argument("--no-fetch", dest="fetch", action="store_false", help="ne pas récupérer le dépôt distant")
    show.set_defaults(handler=run_show)
    approve = actions.add_parser("approve", help="valider : fusion signée dans la branche cible, puis poussée")
    approve.add_argument("ref", metavar="BRANCHE")
    approve.add_argument("--resolve", action="append", default=[], metavar="CLÉ=ours|theirs",
                         help="résoudre un conflit (ID:champ, champ ou chemin ; ours = cible, theirs = contribution)")
    approve.add_argument("--into", choices=["main"], help="validation nationale directe d'une contribution")
    approve.add_argument("--tip", metavar="COMMIT",
                         help="la pointe relue (affichée par « traam review show ») : refus si la branche a bougé")
    approve.add_argument("--key", metavar="CHEMIN", help="clé SSH privée (par défaut : user.signingkey)")
    approve.add_argument("--no-push", dest="push", action="store_false", help="ne pas pousser la validation")
    approve.add_argument("--force", action="store_true", help="valider malgré des erreurs de règles")
    approve.add_argument("--no-fetch", dest="fetch", action="store_false", help="ne pas récupérer le dépôt distant")
    approve.set_defaults(handler=run_approve)
    sync = actions.add_parser("sync", help="mettre la branche academie/<code> à jour avec main (fusion signée)")
    sync.add_argument("academie", metavar="ACADÉMIE")
    sync.add_argument("--resolve", action="append", default=[], metavar="CLÉ=ours|theirs",
                      help="résoudre un conflit (ours = la branche académique, theirs = main)")
    sync.add_argument("--key", metavar="CHEMIN", help="clé SSH privée (par défaut : user.signingkey)")
    sync.add_argument("--no-push", dest="push", action="store_false", help="ne pas pousser")
    sync.add_argument("--no-fetch", dest="fetch", action="store_false", help="ne pas récupérer le dépôt distant")
    sync.set_defaults(handler=run_sync)
    for name, decision, help_text in (("request-changes", Decision.CHANGES, "demander des modifications"),
                                      ("refuse", Decision.REFUSE, "refuser la contribution (la branche reste)")):
        parser_ = actions.add_parser(name, help=help_text)
        parser_.add_argument("ref", metavar="BRANCHE")
        parser_.add_argument("-m", dest="message", action=_Ordered, required=True, metavar="MESSAGE",
                             help="message (après --record ID : commentaire de cet enregistrement)")
        parser_.add_argument("--record", dest="record", action=_Ordered, metavar="ID",
                             help="l'enregistrement commenté par le -m qui suit")
        parser_.add_argument("--tip", metavar="COMMIT",
                             help="la pointe relue (affichée par « traam review show ») : refus si la branche a bougé")
        parser_.add_argument("--key", metavar="CHEMIN", help="clé SSH privée (par défaut : user.signingkey)")
        parser_.add_argument("--no-push", dest="push", action="store_false", help="ne pas pousser la note")
        parser_.add_argument("--no-fetch", dest="fetch", action="store_false",
                             help="ne pas récupérer le dépôt distant")
        parser_.set_defaults(handler=run_decide, decision=decision)


def _fetch(commons) -> None:
    """Fetch the shared remote, review notes included, so that the queue and decisions see its latest state."""
    if commons.review.fetch() is False:
        warn(f"avertissement : impossible de récupérer « {commons.review.remote()} », liste locale")


def run_list(args: argparse.Namespace) -> int:
    """List the branches waiting for validation in the reviewer's scope."""
    from store.errors import StoreError
    from tui.cli.review_support import open_commons, store_error

    try:
        commons = open_commons()
        if args.fetch:
            _fetch(commons)
        me = commons.review.reviewer()
        if me is None and not args.everything:
            warn("aucun relecteur reconnu (traam reviewer setup) : toutes les contributions sont listées")
        items = commons.review.pending(reviewer=None if args.everything else me, everything=args.everything)
    except StoreError as error:
        return fail(store_error(error))
    if args.json:
        print_json([candidate_json(item) for item in items])
        return 0
    if not items:
        say("Aucune contribution en attente.")
    for item in items:
        print_candidate(item)
        say()
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Show one branch to review: who, when, field diffs, conflicts and the rule report."""
    from store.errors import StoreError
    from tui.cli.review_support import open_commons, store_error

    try:
        commons = open_commons()
        if args.fetch:
            _fetch(commons)
        item = commons.review.candidate(args.ref, into=args.into, plan=True)
        # With conflicts, show every other field too: the merge as if the contribution won each conflict.
        preview = commons.review.preview(item)
    except StoreError as error:
        return fail(store_error(error))
    if args.json:
        print_json(candidate_json(item))
    else:
        print_candidate(item, preview)
    return 0


def run_sync(args: argparse.Namespace) -> int:
    """Bring academie/<code> up to date with main: fast-forward, or a signed record-aware merge."""
    from pathlib import Path

    from store.errors import StoreError
    from store.review.reviews import CatchUp, UnresolvedConflicts
    from tui.cli.review_support import open_commons, print_plan, store_error

    resolutions = parse_resolutions(args.resolve)
    if resolutions is None:
        return fail("résolution invalide (attendu CLÉ=ours ou CLÉ=theirs)", 2)
    try:
        commons = open_commons()
        if args.fetch:
            _fetch(commons)
        done = commons.review.catch_up(args.academie, resolutions=resolutions,
                                       key=Path(args.key) if args.key else None, push=args.push)
    except UnresolvedConflicts as conflicts:
        print_plan(conflicts.plan)
        return fail(conflicts.message)
    except StoreError as error:
        return fail(store_error(error))
    if done is CatchUp.UP_TO_DATE:
        say(f"« academie/{args.academie} » contient déjà main : rien à faire.")
    elif done is CatchUp.FAST_FORWARD:
        say(f"« academie/{args.academie} » avance jusqu'à main (historique national vérifié).")
    else:
        say(f"« academie/{args.academie} » fusionne main (commit signé {done.commit[:10]}).")
    return 0


def run_approve(args: argparse.Namespace) -> int:
    """Validate a branch with a signed record-aware merge."""
    from pathlib import Path

    from store.errors import StoreError
    from store.review.reviews import UnresolvedConflicts
    from tui.cli.review_support import open_commons, print_plan, store_error

    resolutions = parse_resolutions(args.resolve)
    if resolutions is None:
        return fail("résolution invalide (attendu CLÉ=ours ou CLÉ=theirs)", 2)
    key = Path(args.key) if args.key else None
    try:
        commons = open_commons()
        if args.fetch:
            _fetch(commons)
        try:
            done = commons.review.approve(args.ref, resolutions=resolutions, into=args.into, key=key,
                                          push=args.push, force=args.force, tip=args.tip)
        except UnresolvedConflicts as conflicts:
            if not sys.stdin.isatty():
                print_plan(conflicts.plan)
                return fail(conflicts.message)
            resolutions.update(ask(conflicts.plan.conflicts))
            done = commons.review.approve(args.ref, resolutions=resolutions, into=args.into, key=key,
                                          push=args.push, force=args.force, tip=args.tip)
    except StoreError as error:
        return fail(store_error(error))
    say(f"Validé : {args.ref} (pointe {done.tip}) fusionnée dans « {done.target} » "
        f"(commit signé {done.commit[:10]}).")
    say("Poussé sur le dépôt distant." if done.pushed else "Non poussé (pas de dépôt distant ou --no-push).")
    return 0


def run_decide(args: argparse.Namespace) -> int:
    """Record a signed decision note (changes requested, refusal) with per-record comments."""
    from pathlib import Path

    from store.errors import StoreError
    from tui.cli.review_support import open_commons, store_error

    general, records, current = [], {}, None
    for dest, value in args.notes or []:
        if dest == "record":
            current = value
        elif current is None:
            general.append(value)
        else:
            records[current] = value
            current = None
    if current is not None:
        return fail(f"--record {current} sans -m MESSAGE qui suive", 2)
    message = "\n".join(general) or ("Voir les commentaires par enregistrement." if records else "")
    try:
        commons = open_commons()
        if args.fetch:
            _fetch(commons)
        done = commons.review.decide(args.ref, args.decision, message, records=records, push=args.push,
                                     key=Path(args.key) if args.key else None, tip=args.tip)
    except StoreError as error:
        return fail(store_error(error))
    label = "Modifications demandées" if args.decision == Decision.CHANGES else "Contribution refusée"
    say(f"{label} pour « {args.ref} » (pointe {done.commit[:10]}, note signée, {done.date}).")
    return 0
