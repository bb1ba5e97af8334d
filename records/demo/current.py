"""Provides the 2026-2027 teams and draft scenarios of the demo, so the dashboard has something to count.

These are invented for the demo (the call lists themes, not teams): placeholder
people, plausible projects, some selected and some still candidates.
"""

from __future__ import annotations

from records import vocab
from records.demo._people import authors, team
from records.models import Scenario, Step, Team, Tool

C = "2026-2027"
_DEMO = "Équipe inventée pour la démonstration.\n"
_MADE_UP = ("équipe, académie, projet, transmission par la DRAN et résultat de sélection inventés (l'appel liste des "
            "thématiques, pas d'équipes)")
_DRAFT_MADE_UP = "scénario inventé pour la démonstration, licence comprise"

# (discipline, académie, theme, outcome, project title)
_TEAMS = [
    ("mathematiques", "lille", "mathematiques", "retenu", "Parcours différenciés avec les communs numériques"),
    ("mathematiques", "grenoble", "mathematiques", "retenu", "Différencier par le jeu et le calcul mental"),
    ("nsi", "rennes", "nsi-1", "retenu", "Protéger ses données sur les réseaux sociaux"),
    ("nsi", "bordeaux", "nsi-2", "retenu", "Des modèles pour donner envie d'informatique à toutes et tous"),
    ("nsi", "rennes", "nsi-2", "non-retenu", "Portraits d'informaticiennes et d'informaticiens"),
    ("premier-degre", "dijon", "premier-degre", "retenu", "Robots, arts et mesures : les STIAM à l'école"),
    ("svt", "aix-marseille", "svt-1", "retenu", "Capteurs et données pour une seule santé"),
    ("svt", "aix-marseille", "svt-2", "retenu", "Cartographier la biodiversité du quartier (année 2)"),
    ("lettres", "nantes", "lettres", "retenu", "Écrire avec l'IA sans renoncer à son style"),
    ("philosophie", "paris", "philosophie", "non-retenu", "Dialoguer avec une IA : objections et réfutations"),
    ("emi", "creteil", "emi", "non-retenu", "Repérer une campagne d'influence en ligne"),
]

TEAMS_2026: dict[str, Team] = {
    f"{theme}/{academie}": team(C, discipline, academie, theme=theme, project_title=title, summary=_DEMO,
                                outcome=outcome, illustrative=_MADE_UP, duration=2 if theme == "svt-2" else 1
                                ).model_copy(update={"region": vocab.region_of(academie, C)})
    for discipline, academie, theme, outcome, title in _TEAMS
}
"""Teams by ``theme/academie``, each transmitted by the DRAN of its région académique (``region``): an académie
may have a team on each theme (Rennes on both NSI themes,
Aix-Marseille on SVT year 1 and year 2)."""

TEAMS_2025: dict[str, Team] = {
    "svt/aix-marseille": team(
        "2025-2026", "svt", "aix-marseille", theme="svt", duration=2, summary=_DEMO,
        project_title="Cartographier la biodiversité du quartier (année 1)",
        illustrative="équipe, académie et projet inventés : l'année 1 de l'équipe d'année 2 de la démonstration",
    ),
}
"""The 2025-2026 year-1 team whose year 2 is in 2026-2027."""

SCENARIOS_2026: dict[str, Scenario] = {
    "mathematiques/lille/fractions-parcours-differencies": Scenario(
        campaign=C, disciplines=["mathematiques"], academie="lille", theme="mathematiques",
        title="Fractions : trois parcours différenciés",
        summary="Un court diagnostic sur Éléa oriente chaque élève vers l'un de trois parcours d'exercices "
        "MathALÉA sur les fractions, du plus guidé au plus autonome ; ceux qui avancent vite programment dans "
        "Capytale un petit générateur d'exercices pour leurs camarades. Chacun progresse à son rythme dans le "
        "cadre commun de la classe, qui se retrouve pour un bilan collectif.\n",
        levels=["cycle-3", "cycle-4"],
        modalities=["presentiel", "hybride"],
        steps=[Step(title="Diagnostic", duration="20 min"), Step(title="Parcours différenciés", duration="2 × 55 min"),
               Step(title="Bilan collectif", duration="30 min")],
        tools=[
            Tool(name="Éléa", kind="commun-public"),
            Tool(name="MathALÉA", kind="commun-public", url="https://coopmaths.fr/alea"),
            Tool(name="Capytale", kind="commun-public", url="https://capytale2.ac-paris.fr"),
        ],
        crcn=["3.4", "1.3"],
        licence="CC-BY-4.0",
        illustrative=_DRAFT_MADE_UP,
        authors=authors("lille", "A"),
        keywords=["différenciation", "fractions", "parcours"],
    ),
    "nsi/rennes/escape-game-donnees-personnelles": Scenario(
        campaign=C, disciplines=["nsi"], academie="rennes", theme="nsi-1",
        title="Escape game débranché : qui a volé mon compte ?",
        summary="En SNT, les élèves mènent sans écran l'enquête sur un compte de réseau social usurpé : indices "
        "sur les mots de passe, un message d'hameçonnage et des réglages de confidentialité trop ouverts. Ils "
        "en tirent les gestes qui protègent leurs données, puis prolongent l'énigme dans Capytale en testant la "
        "solidité de mots de passe.\n",
        levels=["lycee-general", "lycee-technologique"],
        modalities=["debranche", "presentiel"],
        tools=[Tool(name="Capytale", kind="commun-public", url="https://capytale2.ac-paris.fr")],
        crcn=["4.1", "4.2"],
        licence="CC-BY-SA-4.0",
        illustrative=_DRAFT_MADE_UP,
        authors=authors("rennes", "A", "B"),
        keywords=["cybersécurité", "réseaux sociaux", "débranché", "SNT"],
    ),
    "premier-degre/dijon/robot-danseur-stiam": Scenario(
        campaign=C, disciplines=["premier-degre"], academie="dijon", theme="premier-degre",
        title="Le robot danseur : coder, mesurer, créer",
        summary="Les élèves inventent une chorégraphie pour un robot de sol : ils la dansent et l'écrivent "
        "d'abord sans écran, avec des flèches, puis la codent, mesurent les déplacements et comparent la danse "
        "du robot à la leur. Sciences, technologie, mathématiques et arts se croisent dans un même projet.\n",
        levels=["cycle-2"],
        modalities=["debranche", "presentiel"],
        crcn=["3.4", "2.3"],
        licence="CC-BY-SA-4.0",
        illustrative=_DRAFT_MADE_UP,
        authors=authors("dijon", "A"),
        keywords=["STIAM", "robotique", "sans écran", "danse"],
    ),
}
"""Scenarios being written by their teams, by ``discipline/academie/slug``: the demo shows them as drafts (their
validation state), their summaries read as finished ones."""
