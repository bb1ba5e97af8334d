"""Provides ``traam export``: Édubase CSV, JSON, JSON Lines, static site, Markdown synthesis, Atom feeds."""

from __future__ import annotations

import argparse
import sys

from tui.cli.output import fail, warn
from tui.cli.progress import Steps


def register(sub: argparse._SubParsersAction) -> None:
    from store.publish.choices import ETAT_CHOICES, FORMATS

    formats = "\n".join(f"  {name:<12} {text}" for name, text in FORMATS.items())
    parser = sub.add_parser(
        "export",
        help="publier les enregistrements validés (Édubase, JSON, site, synthèse, Atom)",
        description="Exporte les enregistrements du commun. Par défaut, seuls les équipes et scénarios validés "
        "(académique ou national) sont exportés ; campagnes et thématiques le sont toujours.",
        epilog="Formats :\n" + formats + "\n\nPour un tableur, préférez xlsx à edubase-csv : LibreOffice lit un code CRCN\n"
        "seul (« 3.4 ») d'un CSV comme un nombre ; dans le classeur xlsx, chaque cellule\n"
        "est du texte et les dates sont des dates.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.add_argument("--format", "-f", required=True, choices=list(FORMATS), metavar="FORMAT",
                        help="format de l'export (voir la liste ci-dessous)")
    parser.add_argument("-o", "--output", metavar="SORTIE",
                        help="fichier ou dossier à écrire (par défaut : la sortie standard ; obligatoire pour xlsx, site et atom)")
    parser.add_argument("--etat", action="append", choices=ETAT_CHOICES, metavar="ÉTAT",
                        help="états exportés : valide (défaut), tous, brouillon, propose, modifications, academique, "
                        "national (répétable)")
    parser.add_argument("--campagne", action="append", metavar="AAAA-AAAA", help="ne garder que cette campagne (répétable)")
    parser.add_argument("--ref", metavar="RÉF", help="exporter cette branche ou ce commit (par défaut : le dossier de travail)")
    parser.add_argument("--url-base", default="", metavar="URL",
                        help="adresse du site publié, pour des liens absolus dans les flux Atom")
    parser.add_argument("--avec-courriels", dest="with_emails", action="store_true",
                        help="garder les adresses électroniques des personnes dans les exports JSON "
                        "(par défaut : retirées, ce sont des données personnelles)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from store.errors import StoreError
    from store.publish import jsonx
    from store.publish import run as publish
    from store.publish.selection import SelectionError
    from store.publish.site import SiteError
    from store.safefs import write_public

    out = None if args.output in (None, "-") else Path(args.output)
    try:
        if args.format == "json-schema":
            if out is None:
                sys.stdout.write(jsonx.render_schema())
            else:
                write_public(out, jsonx.render_schema())
            return 0
        from store.commons import Commons

        commons = Commons.open(".")
        etat = args.etat or None
        with Steps() as steps:
            result, text = publish.export_commons(commons, args.format, out, ref=args.ref, etat=etat,
                                                  campagnes=args.campagne, base_url=args.url_base,
                                                  with_emails=args.with_emails,
                                                  loading=steps.step("Lecture du commun"),
                                                  progress=steps.later("Écriture du site"))
    except (StoreError, SelectionError, SiteError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"écriture impossible : {error.strerror} ({error.filename})")
    if text is not None:
        sys.stdout.write(text)
    from store.publish.words import count

    names = {"campaign": ("campagne", "campagnes"), "theme": ("thématique", "thématiques"),
             "team": ("équipe", "équipes"), "scenario": ("scénario", "scénarios")}
    counts = ", ".join(count(result.counts[kind], *name) for kind, name in names.items() if result.counts.get(kind)) \
        or "aucun enregistrement"
    where = f" dans {out}" if out is not None else ""
    warn(f"Export {args.format} : {counts}{where}.")
    return 0
