"""Provides ``traam validate``: every problem of the commons (or of some files) as ``path:line:col``."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.output import fail, print_json, print_problems, say, warn


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="vérifier les enregistrements et les règles du cahier des charges",
        description="Vérifie le schéma, l'organisation des fichiers et les règles du cahier des charges. "
        "Code de sortie : 0 sans erreur (avertissements permis), 1 s'il y a des erreurs.",
    )
    parser.add_argument("paths", nargs="*", metavar="CHEMIN", help="ne signaler que ces fichiers (par défaut : tout le commun)")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
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

    try:
        commons = Commons.open(".")
        snapshot = commons.load()
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
    problems = [p for p in snapshot.validate() if only is None or p.path in only]
    if args.json:
        print_json({"ok": not has_errors(problems), "problems": [p.to_json() for p in problems]})
    else:
        print_problems(problems)
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        checked = len(only) if only is not None else len(snapshot.entries)
        if errors:
            warn(f"{errors} erreur(s), {warnings} avertissement(s) sur {checked} enregistrement(s).")
        else:
            say(f"Aucune erreur sur {checked} enregistrement(s)" + (f", {warnings} avertissement(s)." if warnings else "."))
    return 1 if has_errors(problems) else 0
