"""Provides the rules on the life of a campaign: two-year themes, co-pilots, académies and régions of the time.

Registered in :data:`records.rules.RULES` like the others; see that module
for what ``about`` and ``reads`` mean. The publication rules are in
:mod:`records.rules_publication`.
"""

from __future__ import annotations

from collections.abc import Iterator

from records import vocab
from records.rules import _SECOND_DEGREE_CORPS, Corpus, Finding, _theme_id, rule
from records.text import printable


def _two_year(corpus: Corpus, campaign: str, slug: str) -> bool | None:
    """Tell whether the theme runs over two years (None: the theme is absent).

    A theme says so itself (``duration = 2``), is a year 2, or is named as
    prerequisite by a year-2 theme.
    """
    rid = _theme_id(campaign, slug)
    theme = corpus.themes.get(rid)
    if theme is None:
        return None
    return (theme.duration == 2 or theme.year == 2
            or any(t.year == 2 and rid in t.requires for t in corpus.themes.values()))


@rule("equipe-duree", "error", "Une équipe engagée sur deux ans travaille sur une thématique sur deux ans.",
      about="team", reads="theme")
def _team_duration(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        if team.duration == 2 and _two_year(corpus, team.campaign, team.theme) is False:
            yield rid, "duration", (f"équipe sur deux ans (duration = 2) sur la thématique « {team.theme} », qui se "
                                    "travaille sur une année : duration = 1, ou une thématique sur deux ans")


@rule("theme-annee-2", "error", "Une thématique d'année 2 nomme en prérequis son année 1, d'une campagne antérieure.",
      about="theme")
def _theme_second_year(corpus: Corpus) -> Iterator[Finding]:
    for rid, theme in corpus.themes.items():
        if theme.year != 2:
            continue
        if not theme.requires:
            yield rid, "requires", ("thématique d'année 2 sans prérequis : nommer la thématique d'année 1 "
                                    "(requires = [\"themes/<campagne antérieure>/<thématique>\"])")
        for i, required in enumerate(theme.requires):
            parts = required.split("/")
            if len(parts) != 3 or parts[0] != "themes" or not parts[1][:4].isdigit() \
                    or vocab.campaign_year(parts[1]) >= vocab.campaign_year(theme.campaign):
                yield rid, f"requires.{i}", (f"le prérequis « {printable(required)} » n'est pas une thématique d'une "
                                             f"campagne antérieure à {theme.campaign} (themes/<campagne>/<thématique>)")


@rule("equipe-copilote", "error",
      "Un copilote éventuel est un IA-IPR, un IEN-ET ou un IEN-EG (un IEN au premier degré), autre que le pilote.",
      about="team")
def _team_copilot(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        copilot = team.copilot
        if copilot is None:
            continue
        allowed = {*_SECOND_DEGREE_CORPS, "ien-1d"} if team.discipline == "premier-degre" else _SECOND_DEGREE_CORPS
        if copilot.corps not in allowed:
            yield rid, "copilot.corps", (f"copilote de corps « {vocab.label(vocab.CORPS, copilot.corps)} » : "
                                         "IA-IPR, IEN-ET ou IEN-EG (ou IEN au premier degré) attendu")
        if " ".join(copilot.name.split()).casefold() == " ".join(team.pilot.name.split()).casefold():
            yield rid, "copilot.name", "le copilote est la même personne que le pilote"


@rule("academie-periode", "error",
      "Une académie nommée existait pendant la campagne (Caen et Rouen jusqu'en 2019-2020, Normandie depuis).",
      about="team scenario")
def _academie_period(corpus: Corpus) -> Iterator[Finding]:
    for group in (corpus.teams, corpus.scenarios):
        for rid, record in group.items():
            code = record.academie
            if vocab.academie_in(code, record.campaign):
                continue
            name = vocab.label(vocab.ACADEMIES, code)
            if vocab.ACADEMY_YEARS[code][1] is not None:
                yield rid, "academie", (f"l'académie de {name} n'existe plus pour la campagne {record.campaign} : "
                                        "elle a fusionné dans l'académie de Normandie le 1er janvier 2020")
            else:
                yield rid, "academie", (f"l'académie de {name} n'existe pas encore pour la campagne "
                                        f"{record.campaign} (créée le 1er janvier 2020) : Caen ou Rouen avant")


@rule("equipe-region", "error",
      "La région académique dont la DRAN transmet la candidature est celle de l'académie de l'équipe.", about="team")
def _team_region(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        if team.region is None:
            continue
        expected = vocab.region_of(team.academie, team.campaign)
        if vocab.campaign_year(team.campaign) < vocab.REGIONS_SINCE:
            yield rid, "region", (f"pas de région académique pour la campagne {team.campaign} (créées en "
                                  f"{vocab.REGIONS_SINCE}) : la DAN de l'académie transmet, laisser region vide")
        elif expected != team.region:
            where = (f"relève de la région académique {vocab.label(vocab.REGIONS, expected)}" if expected
                     else "ne relève d'aucune région académique")
            yield rid, "region", (f"l'académie de {vocab.label(vocab.ACADEMIES, team.academie)} {where}, pas de "
                                  f"« {vocab.label(vocab.REGIONS, team.region)} »")
