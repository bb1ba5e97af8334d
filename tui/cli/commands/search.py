"""Provides ``traam search QUERY``: the best records for a French query with facets, as lines or JSON.

Exit code: 0 when something was found, 1 when nothing matches (like grep),
2 on a usage error.
"""

from __future__ import annotations

import argparse

from tui.cli.output import fail, print_json, say, warn

HELP = """\
Mots libres (casse, accents et petites fautes de frappe ne comptent pas) et filtres :
  discipline:svt  académie:lille  campagne:2025  niveau:lycee  type:scénario|équipe|thème|campagne
  état:propose  outil:capytale  crcn:3.4
Plusieurs valeurs d'un filtre : discipline:svt,nsi. Un mot du titre passe avant un mot du résumé.
"""


def register(sub: argparse._SubParsersAction) -> None:
    """``traam search QUERY [--json] [--limit N]``."""
    parser = sub.add_parser(
        "search",
        help="chercher dans le commun (mots, fautes de frappe, filtres)",
        description="Cherche les enregistrements du commun ; affiche « id — titre », les meilleurs d'abord.",
        epilog=HELP + "\nCode de sortie : 0 si quelque chose est trouvé, 1 sinon.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", nargs="+", metavar="REQUÊTE", help="mots et filtres, par ex. biodiversité niveau:lycee")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    parser.add_argument("--limit", type=_positive, default=50, metavar="N", help="nombre maximal de résultats (50)")
    parser.set_defaults(handler=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu : « {text} »") from None
    if value < 1:
        raise argparse.ArgumentTypeError("au moins 1")
    return value


def run(args: argparse.Namespace) -> int:
    """Search the commons of the current folder and print the hits."""
    from store.commons import Commons
    from store.errors import StoreError
    from store.search.query import parse_query

    query = parse_query(" ".join(args.query))
    try:
        commons = Commons.open(".")
        snapshot = commons.load()
        states = commons.states(snapshot) if query.facet("etat") else None
    except StoreError as error:
        return fail(str(error))
    for message in query.messages:
        warn(f"traam : attention : {message}")
    searcher = snapshot.searcher(states)
    searcher.warm(commons.cache_dir / "vocabulary.txt")  # typo word list, kept between runs
    hits = searcher.search(query, limit=args.limit)
    if args.json:
        print_json(
            [
                {"id": h.entry.id, "kind": h.entry.kind, "title": h.entry.title, "score": h.score,
                 "spans": [list(span) for span in h.spans]}
                for h in hits
            ]
        )
    else:
        for hit in hits:
            say(f"{hit.entry.id} — {hit.entry.title}", multiline=False)
    if not hits and not args.json:
        warn("aucun résultat")
    return 0 if hits else 1
