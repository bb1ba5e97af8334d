"""Provides the demo's theme syntheses (bilans), with their training modules and communication supports.

The sources say that each theme gets a synthesis by its DNE expert(s), an
intermediate one in year 1 of a two-year theme (cahier des charges 2019), that
training courses of about two hours follow the themes on M@gistère (DNE
video), and which ten 2024-2025 scenarios the DNE put forward (letter of
January 2026). No synthesis text is public in the sources: authors, titles,
lessons and deliverables here are invented, and each record says so.
"""

from __future__ import annotations

from records.models import Deliverable, Person, Synthesis

_EXPERT = "Expert·e DNE {what} (exemple)"
_MADE_UP = ("synthèse, auteurs, enseignements, modules et supports inventés pour la démonstration ; "
            "les scénarios liés sont ceux de la lettre de janvier 2026")


def _expert(what: str, letter: str = "A") -> Person:
    return Person(name=_EXPERT.format(what=f"{what} {letter}"), email=f"expert.{letter.lower()}@example.org")


SYNTHESES: dict[str, Synthesis] = {
    "2024-2025/svt": Synthesis(
        campaign="2024-2025", theme="svt", stage="bilan",
        title="Entraîner une IA pour mieux observer le vivant",
        summary=(
            "Les équipes ont fait entraîner par les élèves une IA de reconnaissance d'images sur leurs propres "
            "photographies. Les erreurs de classement sont devenues le cœur de la séquence : elles obligent à "
            "revenir à l'observation, à discuter des critères de classification et de la qualité des données.\n"
        ),
        findings=[
            "Une erreur de l'IA se discute mieux qu'une bonne réponse : elle relance l'observation.",
            "La qualité du jeu de données (lumière, angle, détails) se travaille comme une compétence scientifique.",
        ],
        authors=[_expert("SVT")],
        scenarios=["scenarios/2024-2025/svt/lyon/defi-botanique"],
        deliverables=[
            Deliverable(kind="module-magistere", title="Faire entraîner une IA par les élèves en SVT",
                        summary="Parcours d'autoformation d'environ deux heures.",
                        scenarios=["scenarios/2024-2025/svt/lyon/defi-botanique"]),
            Deliverable(kind="infographie", title="Cinq étapes pour un jeu de données de classe"),
        ],
        illustrative=_MADE_UP,
    ),
    "2024-2025/lettres": Synthesis(
        campaign="2024-2025", theme="lettres", stage="bilan",
        title="Lire et écrire avec et contre l'IA générative",
        summary=(
            "Les images et les textes générés, séduisants mais faux, ont servi de matériau critique : les élèves "
            "comparent, corrigent et reprennent la main sur l'interprétation des œuvres.\n"
        ),
        findings=["Les limites de l'IA générative deviennent un levier d'analyse littéraire."],
        authors=[_expert("lettres"), _expert("lettres", "B")],
        scenarios=["scenarios/2024-2025/lettres/strasbourg/storyboard-ia-menteur"],
        deliverables=[
            Deliverable(kind="module-magistere", title="L'IA générative en cours de français",
                        summary="Parcours d'autoformation d'environ deux heures."),
            Deliverable(kind="capsule-video", title="Un storyboard généré, puis corrigé par la classe",
                        scenarios=["scenarios/2024-2025/lettres/strasbourg/storyboard-ia-menteur"]),
            Deliverable(kind="carte-heuristique", title="Usages critiques de l'IA en lettres"),
        ],
        illustrative=_MADE_UP,
    ),
    "2025-2026/svt": Synthesis(
        campaign="2025-2026", theme="svt", stage="intermediaire",
        title="Bases de données et SIG : point d'étape de l'année 1",
        summary=(
            "Synthèse intermédiaire de l'année 1 d'une thématique sur deux ans : premiers relevés de terrain et "
            "prise en main des outils de cartographie ; l'année 2 (2026-2027) exploitera les données collectées.\n"
        ),
        authors=[_expert("SVT")],
        illustrative="synthèse intermédiaire inventée pour la démonstration (l'étape, elle, suit le cahier des charges 2019)",
    ),
}
"""Syntheses by ``campaign/theme``."""
