"""Provides ``traam validate``: every problem of the commons (or of some files) as ``path:line:col``."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.output import fail, print_problems, say, warn
from tui.cli.progress import Steps


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="vérifier les enregistrements et les règles du cahier des charges",
        description="Vérifie le schéma, l'organisation des fichiers et les règles du cahier des charges. "
        "Code de sortie : 0 sans erreur (avertissements permis), 1 s'il y a des erreurs.",
    )
    parser.add_argument("paths", nargs="*", metavar="CHEMIN", help="ne signaler que ces fichiers (par défaut : tout le commun)")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts (comme --format json)")
    parser.add_argument(
        "--format", choices=("texte", "json", "junit", "gitlab"), default=None,
        help="format du rapport : texte (par défaut), json, junit (rapport de tests JUnit) ou gitlab "
        "(rapport Code Quality de GitLab), avec fichier et ligne de chaque problème",
    )
    parser.add_argument(
        "--sortie", "-o", "--output", dest="output", metavar="FICHIER",
        help="écrire le rapport dans ce fichier ; les problèmes s'affichent aussi en texte",
    )
    parser.set_defaults(handler=run)


def _named(raw: str, root: Path, known: set[str]) -> set[str] | str:
    """Return the record files that ``raw`` names (a folder names every record under it), or a French error."""
    path = Path(raw).resolve()
    try:
        relative = path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return f"« {raw} » est hors du commun {root}"
    if relative == ".":
        return set(known)
    if path.is_dir():
        named = {name for name in known if name.startswith(relative + "/")}
    else:
        named = {relative} & known
    return named or f"« {raw} » ne désigne aucun enregistrement du commun"


def run(args: argparse.Namespace) -> int:
    from records.problems import has_errors
    from store.commons import Commons
    from store.errors import StoreError
    from store.publish.words import count

    with Steps() as steps:
        try:
            commons = Commons.open(".")
            snapshot = commons.load(progress=steps.step("Lecture des enregistrements"), search=False)
        except StoreError as error:
            return fail(str(error))
        only = None
        if args.paths:
            from records.layout import path_of

            known = {path_of(rid) for rid in snapshot.entries} | {p.path for p in snapshot.problems}
            only = set()
            for raw in args.paths:
                named = _named(raw, commons.root, known)
                if isinstance(named, str):
                    return fail(named)
                only |= named
        problems = snapshot.validate(progress=steps.step("Vérification des enregistrements"))
    problems = [p for p in problems if only is None or p.path in only]
    checked = len(only) if only is not None else len(snapshot.entries)
    fmt = args.format or ("json" if args.json else "texte")
    if fmt != "texte":
        report = machine_report(fmt, problems, checked)
        if args.output:
            from store.safefs import write_public

            try:
                write_public(Path(args.output), report)
            except OSError as error:
                return fail(f"impossible d'écrire « {args.output} » : {error.strerror or error}")
        else:
            import sys

            sys.stdout.write(report)
            return 1 if has_errors(problems) else 0
    print_problems(problems)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    tally = f"{count(errors, 'erreur', 'erreurs')}, {count(warnings, 'avertissement', 'avertissements')}"
    records = count(checked, "enregistrement", "enregistrements")
    if errors:
        warn(f"{tally} sur {records}.")
    else:
        say(f"Aucune erreur sur {records}" + (f", {count(warnings, 'avertissement', 'avertissements')}." if warnings else "."))
    return 1 if has_errors(problems) else 0


def machine_report(fmt: str, problems: list, checked: int) -> str:
    """Return the report in ``fmt`` (json, junit or gitlab) as text."""
    import json

    from records.problems import has_errors
    from store.publish.problem_reports import code_quality_json, junit_xml

    if fmt == "junit":
        return junit_xml(problems, checked)
    if fmt == "gitlab":
        return code_quality_json(problems)
    data = {"ok": not has_errors(problems), "problems": [p.to_json() for p in problems]}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
