"""Provides ``traam import FILE``: a proposals sheet (CSV, ODS, XLSX) of teams or scenarios into records."""

from __future__ import annotations

import argparse

from tui.cli.output import fail, print_json, print_problems, say, warn
from tui.cli.progress import Steps


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import",
        help="importer un tableau de propositions (CSV, ODS, XLSX) d'équipes ou de scénarios",
        description="Lit le tableau de propositions d'une académie et montre ce qui serait créé (sans rien écrire). "
        "Avec --apply, écrit les lignes valides en un commit sur une branche de contribution "
        "contrib/<académie>/import-<nom>. Une ligne refusée est signalée FICHIER:ligne:colonne et n'est pas écrite. "
        "Colonnes attendues : voir le README (section Import).",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.add_argument("file", metavar="FICHIER", help="tableau .csv (séparateur ; ou ,), .ods ou .xlsx")
    parser.add_argument("--apply", action="store_true", help="écrire les enregistrements (sinon : simulation)")
    parser.add_argument("--kind", choices=("scenario", "team"), help="type des lignes (deviné d'après les colonnes sinon)")
    parser.add_argument("--branch", metavar="BRANCHE", help="branche de contribution (par défaut : contrib/<académie>/import-<nom>)")
    parser.add_argument("--base", metavar="RÉF",
                        help="point de départ d'une nouvelle branche (défaut : academie/<académie> si elle existe, sinon main)")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from store.commons import Commons
    from store.errors import StoreError
    from store.publish.importer import ACTIONS
    from store.publish.run import import_sheet
    from store.publish.sheets import SheetError

    try:
        with Steps() as steps:
            steps.step("Lecture du tableau")
            commons = Commons.open(".")
            outcome = import_sheet(commons, args.file, kind=args.kind, apply=args.apply, branch=args.branch,
                                   base=args.base, progress=steps.later("Comparaison avec les enregistrements"))
    except (StoreError, SheetError) as error:
        return fail(str(error))
    result = outcome.plan
    problems = result.all_problems()
    failed = any(p.severity == "error" for p in problems)
    if args.json:
        print_json({
            "file": result.path, "kind": result.kind, "applied": outcome.commit is not None,
            "branch": outcome.branch, "commit": outcome.commit,
            "rows": [{"row": r.row, "action": r.action, "id": r.record_id} for r in result.rows],
            "problems": [p.to_json() for p in problems],
        })
        return 1 if failed else 0
    print_problems(problems)
    for row in result.rows:
        if row.action != "rejected":
            say(f"ligne {row.row} : {ACTIONS[row.action]} {row.record_id}")
    counts = {action: sum(1 for r in result.rows if r.action == action) for action in ACTIONS}
    summary = ", ".join(summary_part(a, n) for a, n in counts.items() if n) or "aucune ligne"
    if outcome.commit:
        say(f"Écrit sur la branche {outcome.branch} (commit {outcome.commit[:12]}) : {summary}.")
    elif args.apply:
        say(f"Rien à écrire : {summary}.")
    else:
        branch = f" sur la branche {outcome.branch}" if outcome.branch else ""
        say(f"Simulation : {summary}. Relancez avec --apply pour écrire{branch}.")
    if failed:
        warn("Des lignes ont été refusées : corrigez-les dans le tableau puis relancez l'import.")
    return 1 if failed else 0


SUMMARY_FORMS = {
    "create": ("ligne à créer", "lignes à créer"),
    "update": ("ligne à mettre à jour", "lignes à mettre à jour"),
    "unchanged": ("ligne déjà présente", "lignes déjà présentes"),
    "rejected": ("ligne rejetée", "lignes rejetées"),
}


def summary_part(action: str, n: int) -> str:
    """Return « 3 lignes rejetées », « 1 ligne à créer »… (French agreement, no « (s) »)."""
    from store.publish.words import count

    return count(n, *SUMMARY_FORMS[action])
