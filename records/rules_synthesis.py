"""Provides the rules of a theme's synthesis (bilan), its training modules and communication supports.

They read themes and the ids of every file present, never the scenarios
themselves: a scenario id names its campaign and discipline, which is what a
link is checked against, so scenarios can still be validated in two halves
(see :func:`records.rules.scenarios_stand_alone`).
"""

from __future__ import annotations

from collections.abc import Iterator

from records import vocab
from records.models import Synthesis, Theme
from records.rules import Corpus, Finding, _in_force, _theme_id, rule
from records.text import printable


def _syntheses(corpus: Corpus) -> dict[str, Synthesis]:
    return corpus.of(Synthesis)


def _two_year_first(corpus: Corpus, theme_rid: str) -> bool:
    """Tell whether the theme is year 1 of a two-year theme (a year-2 theme names it as prerequisite)."""
    return any(t.year == 2 and theme_rid in t.requires for t in corpus.themes.values())


@rule("synthese-theme", "error", "Une synthèse porte sur une thématique de sa campagne.",
      about="synthesis", reads="theme")
def _synthesis_theme(corpus: Corpus) -> Iterator[Finding]:
    for rid, synthesis in _syntheses(corpus).items():
        if _theme_id(synthesis.campaign, synthesis.theme) not in corpus.present:
            yield rid, "theme", (f"la thématique « {printable(synthesis.theme)} » n'existe pas dans la campagne "
                                 f"{synthesis.campaign}")


def _link_problem(corpus: Corpus, synthesis: Synthesis, theme: Theme | None, link: str) -> str | None:
    """Return why ``link`` is not a scenario of the synthesis's theme, or None."""
    parts = link.split("/")
    if len(parts) != 5 or parts[0] != "scenarios" or link not in corpus.present:
        return f"« {printable(link)} » n'est pas un scénario du commun (scenarios/<campagne>/<discipline>/<académie>/<nom>)"
    campaigns = {synthesis.campaign}
    if theme is not None:
        campaigns |= {r.split("/")[1] for r in theme.requires if r.count("/") == 2}
    if parts[1] not in campaigns:
        return f"le scénario « {printable(link)} » est d'une autre campagne que la synthèse ({synthesis.campaign})"
    if theme is not None and theme.discipline != "interdisciplinaire" and parts[2] != theme.discipline:
        return (f"le scénario « {printable(link)} » relève d'une autre discipline que la thématique "
                f"({vocab.label(vocab.DISCIPLINES, theme.discipline)})")
    return None


@rule("synthese-liens", "error",
      "Les scénarios liés à une synthèse, à ses modules et supports sont des scénarios de sa thématique.",
      about="synthesis", reads="theme")
def _synthesis_links(corpus: Corpus) -> Iterator[Finding]:
    for rid, synthesis in _syntheses(corpus).items():
        theme = corpus.themes.get(_theme_id(synthesis.campaign, synthesis.theme))
        links = [(f"scenarios.{i}", link) for i, link in enumerate(synthesis.scenarios)]
        for d, deliverable in enumerate(synthesis.deliverables):
            links += [(f"deliverables.{d}.scenarios.{i}", link) for i, link in enumerate(deliverable.scenarios)]
        for key, link in links:
            problem = _link_problem(corpus, synthesis, theme, link)
            if problem:
                yield rid, key, problem


@rule("synthese-etape", "warning",
      "Une synthèse intermédiaire clôt l'année 1 d'une thématique sur deux ans ; le bilan vient ensuite.",
      about="synthesis", reads="theme")
def _synthesis_stage(corpus: Corpus) -> Iterator[Finding]:
    for rid, synthesis in _syntheses(corpus).items():
        theme_rid = _theme_id(synthesis.campaign, synthesis.theme)
        if theme_rid not in corpus.themes:
            continue  # reported by synthese-theme
        first_of_two = _two_year_first(corpus, theme_rid)
        if synthesis.stage == "intermediaire" and not first_of_two:
            yield rid, "stage", ("synthèse intermédiaire sur une thématique qui n'est pas l'année 1 d'une thématique "
                                 "sur deux ans : indiquer stage = \"bilan\"")
        elif synthesis.stage == "bilan" and first_of_two:
            yield rid, "stage", ("la thématique est l'année 1 d'une thématique sur deux ans : sa synthèse est "
                                 "intermédiaire (stage = \"intermediaire\"), le bilan vient en année 2")


@rule("synthese-experts", "warning", "Une synthèse est écrite par l'expert ou le binôme d'experts DNE de la thématique.",
      about="synthesis", reads="theme")
def _synthesis_experts(corpus: Corpus) -> Iterator[Finding]:
    for rid, synthesis in _syntheses(corpus).items():
        if not synthesis.authors or len(synthesis.authors) > 2:
            yield rid, "authors", (f"{len(synthesis.authors)} {'auteur' if len(synthesis.authors) < 2 else 'auteurs'} : la synthèse est écrite par un expert "
                                   "ou un binôme d'experts de la DNE")
            continue
        theme = corpus.themes.get(_theme_id(synthesis.campaign, synthesis.theme))
        experts = {" ".join(p.name.split()).casefold() for p in theme.experts} if theme else set()
        for i, author in enumerate(synthesis.authors):
            if experts and " ".join(author.name.split()).casefold() not in experts:
                yield rid, f"authors.{i}.name", (f"« {printable(author.name)} » n'est pas un expert DNE de la "
                                                 "thématique (champ experts de la thématique)")


@rule("synthese-productions", "warning",
      "Le bilan d'une thématique nomme au moins un module de formation et un support de communication.",
      about="synthesis", reads="campaign", cahiers="2019 2026")
def _synthesis_deliverables(corpus: Corpus) -> Iterator[Finding]:
    for rid, synthesis in _syntheses(corpus).items():
        if synthesis.stage != "bilan" or not _in_force("synthese-productions", corpus, synthesis.campaign):
            continue
        kinds = {d.kind for d in synthesis.deliverables}
        if not kinds & vocab.TRAINING_KINDS:
            yield rid, "deliverables", "aucun module de formation (M@gistère, MOOC) dans le bilan"
        if not kinds - vocab.TRAINING_KINDS:
            yield rid, "deliverables", ("aucun support de communication (infographie, carte heuristique, "
                                        "capsule vidéo) dans le bilan")
