"""Provides ``traam stats``: counts per campaign, discipline, académie and state, quotas, CRCN, tools.

The CRCN coverage per campaign and discipline counts validated scenarios only (what a DNE expert reports on).
"""

from __future__ import annotations

import argparse

from tui.cli.output import fail, print_json, say


def register(sub: argparse._SubParsersAction) -> None:
    from store.publish.choices import ETAT_CHOICES

    parser = sub.add_parser(
        "stats",
        help="statistiques du commun (effectifs, quotas, CRCN, outils)",
        description="Compte équipes et scénarios par campagne, discipline, académie et état ; compare les équipes "
        "retenues au quota de chaque campagne ; montre la couverture du CRCN (et, par campagne et discipline, celle "
        "des seuls scénarios validés) et les outils par type.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    parser.add_argument("--etat", action="append", choices=ETAT_CHOICES, metavar="ÉTAT", help="ne compter que ces états (défaut : tous)")
    parser.add_argument("--campagne", action="append", metavar="AAAA-AAAA", help="ne compter que cette campagne (répétable)")
    parser.add_argument("--ref", metavar="RÉF", help="compter cette branche ou ce commit")
    parser.set_defaults(handler=run)


def _table(title: str, rows: dict, labels: dict) -> None:
    say(title)
    if not rows:
        say("  (aucun)")
    width = max((len(labels.get(code, code)) for code in rows), default=0)
    for code, counts in rows.items():
        say(f"  {labels.get(code, code):<{width}}  {counts['teams']:>5} équipe(s) {counts['scenarios']:>6} scénario(s)")
    say()


def run(args: argparse.Namespace) -> int:
    from records import vocab
    from store.commons import Commons
    from store.errors import StoreError
    from store.publish.run import statistics
    from store.publish.selection import SelectionError

    try:
        figures = statistics(Commons.open("."), ref=args.ref, etat=args.etat or "tous", campagnes=args.campagne)
    except (StoreError, SelectionError) as error:
        return fail(str(error))
    if args.json:
        print_json(figures.to_json())
        return 0
    totals = figures.totals
    say(f"{totals['campaign']} campagne(s), {totals['theme']} thématique(s), {totals['team']} équipe(s), "
        f"{totals['scenario']} scénario(s)")
    say()
    _table("Par campagne", figures.by_campaign, {})
    _table("Par discipline", figures.by_discipline, vocab.DISCIPLINES)
    _table("Par académie", figures.by_academie, vocab.ACADEMIES)
    _table("Par état", figures.by_state, {**vocab.STATES, "inconnu": "État inconnu"})
    say("Sélection (équipes retenues / quota ; non retenues ; candidatures en attente)")
    width = max((len(vocab.label(vocab.DISCIPLINES, q.discipline) + (f" · {q.theme}" if q.theme else ""))
                 for q in figures.quotas), default=0)
    for quota in figures.quotas:
        flag = "  DÉPASSÉ" if quota.over else ""
        where = vocab.label(vocab.DISCIPLINES, quota.discipline) + (f" · {quota.theme}" if quota.theme else "")
        say(f"  {quota.campaign} {where:<{width}}  retenues {quota.selected}/{quota.quota}"
            f" ; non retenues {quota.not_selected} ; en attente {quota.candidates}{flag}")
    say()
    covered = sum(1 for n in figures.crcn.values() if n)
    say(f"Compétences du CRCN couvertes : {covered}/{len(figures.crcn)}")
    for code, n in figures.crcn.items():
        say(f"  {code} {vocab.CRCN[code]:<56} {n:>5}")
    say()
    say("CRCN par campagne et discipline (scénarios validés seulement)")
    if not figures.crcn_validated:
        say("  (aucun scénario validé)")
    for coverage in figures.crcn_validated:
        codes = ", ".join(f"{code} ({coverage.crcn[code]})" for code in coverage.covered) or "aucune"
        say(f"  {coverage.campaign} {vocab.label(vocab.DISCIPLINES, coverage.discipline)} : "
            f"{len(coverage.covered)}/{len(coverage.crcn)} compétence(s) sur {coverage.scenarios} scénario(s) "
            f"validé(s) — {codes}")
    say()
    say(f"Outils par type (scénarios avec IA : {figures.ai_scenarios})")
    for kind, tools in figures.tools_by_kind.items():
        names = ", ".join(f"{name} ({n})" for name, n in list(tools.items())[:10]) or "aucun"
        say(f"  {vocab.TOOL_KINDS[kind]} : {names}")
    return 0
