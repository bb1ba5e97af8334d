"""Provides the ten emblematic 2024-2025 scenarios of the DNE letter of January 2026, and their teams.

Discipline, subject, tools and use of AI follow the letter; summaries are our
own words. The letter names the académie for Lettres (Strasbourg), arts
plastiques (Poitiers) and Spanish (Nancy-Metz); for the others the académie
is chosen for the demo and the team's summary says so. Levels, CRCN codes
and personal-data notes are demo choices.
"""

from __future__ import annotations

from typing import Any

from records.demo._people import authors, team
from records.models import AiUse, Scenario, Step, Team, Tool

C = "2024-2025"

CHAT_MD = Tool(name="Chat-MD (Forge des communs)", kind="commun-public", url="https://chatmd.forge.apps.education.fr")
ELEA = Tool(name="Éléa", kind="commun-public")
H5P = Tool(name="H5P", kind="logiciel-libre", url="https://h5p.org")
VITTASCIENCE = Tool(name="Vittascience", kind="plateforme-privee", url="https://vittascience.com")
MAQUEEN = Tool(name="Robot Maqueen (carte micro:bit)", kind="plateforme-privee")

_NO_DATA = (
    "Note de démonstration : aucune donnée personnelle d'élève dans les requêtes ; l'enseignant·e présente "
    "l'outil et vérifie ses conditions d'utilisation (RGPD) avant la séance."
)

# (discipline, académie, named by the letter?, project title of the team)
_TEAMS = [
    ("physique-chimie", "montpellier", False, "Agents conversationnels et démarche d'investigation"),
    ("lettres", "strasbourg", True, "Lire et écrire avec et contre l'IA générative"),
    ("education-musicale", "rennes", False, "Création musicale et intelligence artificielle"),
    ("technologie", "orleans-tours", False, "Robotique et IA embarquée au collège"),
    ("arts-plastiques", "poitiers", True, "L'IA dans le processus de création plastique"),
    ("ses", "lille", False, "Méthodologie de la dissertation et rétroactions personnalisées"),
    ("svt", "lyon", False, "Classer le vivant avec une IA prédictive"),
    ("histoire-geographie", "toulouse", False, "Récit historique et IA générative"),
    ("lve", "nancy-metz", True, "Expression écrite en espagnol et IA générative"),
    ("histoire-des-arts", "versailles", False, "Formuler des requêtes pour analyser une œuvre"),
]

_CHOSEN = "Académie choisie pour la démonstration : la lettre de janvier 2026 ne la précise pas.\n"
_NAMED = {academie for _d, academie, named, _t in _TEAMS if named}
_TEAM_MADE_UP = "équipe, personnes et titre de projet inventés pour la démonstration"
_SCENARIO_MADE_UP = "niveaux, compétences du CRCN, licence, déroulement et auteurs choisis pour la démonstration"

TEAMS_2024: dict[str, Team] = {
    f"{discipline}/{academie}": team(  # the theme of each discipline is named after it: ``<theme>/<academie>``
        C, discipline, academie, theme=discipline, project_title=title,
        summary="" if named else _CHOSEN,
        illustrative=_TEAM_MADE_UP if named else f"académie choisie pour la démonstration ; {_TEAM_MADE_UP}",
    )
    for discipline, academie, named, title in _TEAMS
}
"""Teams by ``theme/academie`` (each 2024-2025 theme is named after its discipline)."""


def _s(discipline: str, academie: str, title: str, summary: str, **kw: Any) -> Scenario:
    kw.setdefault("authors", authors(academie, "A", "B"))
    kw.setdefault("modalities", ["presentiel"])
    kw.setdefault("licence", "CC-BY-SA-4.0")
    made_up = _SCENARIO_MADE_UP if academie in _NAMED else f"académie et {_SCENARIO_MADE_UP}"
    kw.setdefault("illustrative", made_up)
    return Scenario(
        campaign=C, disciplines=[discipline], academie=academie, theme=discipline, title=title,
        summary=summary + "\n", emblematic=True, **kw,
    )


SCENARIOS_2024: dict[str, Scenario] = {
    "physique-chimie/montpellier/enquete-chimique-ionbot": _s(
        "physique-chimie", "montpellier", "Enquête chimique sur une scène de crime avec IonBot",
        "Une enquête fictive : les élèves relèvent des indices chimiques sur une scène de crime, formulent des "
        "hypothèses, choisissent les tests à mener et interprètent les résultats. IonBot, un agent "
        "conversationnel intégré à Chat-MD, guide leur raisonnement ; manipulation réelle, démarche "
        "d'investigation et évaluation formative vont de pair.",
        levels=["cycle-4"],
        steps=[Step(title="Découverte de la scène et des indices"), Step(title="Hypothèses guidées par IonBot"),
               Step(title="Tests au laboratoire"), Step(title="Conclusion de l'enquête")],
        tools=[CHAT_MD],
        ai=AiUse(tools=["IonBot (agent conversationnel Chat-MD)"], personal_data=_NO_DATA, by_students=True),
        crcn=["1.1", "2.1", "1.3"],
        keywords=["démarche d'investigation", "agent conversationnel", "tests chimiques", "évaluation formative"],
    ),
    "lettres/strasbourg/storyboard-ia-menteur": _s(
        "lettres", "strasbourg", "Dessiner avec ou contre l'IA ? Un usage critique du storyboard généré par l'IA",
        "En première générale, autour du Menteur de Corneille : les images générées par une IA pour illustrer "
        "la scène du faux mariage sont belles mais fausses (personnages confondus, ton inadapté). Les élèves "
        "analysent ces erreurs, les corrigent et dessinent leur propre storyboard : le « bug » devient un "
        "levier de lecture critique.",
        levels=["lycee-general"],
        ai=AiUse(tools=["IA générative d'images"], personal_data=_NO_DATA, by_students=True),
        crcn=["1.1", "3.2"],
        keywords=["Corneille", "théâtre", "storyboard", "IA générative", "esprit critique"],
    ),
    "education-musicale/rennes/ia-artiste-de-demain": _s(
        "education-musicale", "rennes", "L'IA est-elle l'artiste de demain ou l'avenir de l'artiste ?",
        "Les élèves confient une idée sonore à une IA musicale, notamment à partir d'un extrait d'une chanson "
        "de Gaël Faye, puis comparent : ce que la machine imite bien, ce qui lui échappe (intention, geste, "
        "sensibilité). Écoute attentive, création et réflexion éthique sur l'art à l'ère numérique.",
        levels=["cycle-4"],
        ai=AiUse(tools=["IA de génération musicale"], personal_data=_NO_DATA, by_students=True),
        crcn=["3.2", "2.4"],
        keywords=["création musicale", "écoute", "éthique", "IA générative"],
    ),
    "technologie/orleans-tours/securite-routiere-maqueen": _s(
        "technologie", "orleans-tours", "Comment l'IA améliore-t-elle la sécurité routière ?",
        "Les élèves programment un robot Maqueen (micro:bit) comme une aide à la conduite : suivre la voie, "
        "détecter un obstacle, adapter la vitesse. Ils entraînent ensuite un modèle d'apprentissage automatique "
        "qui reconnaît des panneaux et modifie le comportement du robot. La séquence est déployée sur Éléa, "
        "ce qui laisse chacun avancer à son rythme.",
        levels=["cycle-4"],
        modalities=["presentiel", "hybride"],
        tools=[ELEA, MAQUEEN],
        ai=AiUse(tools=["Modèle d'apprentissage automatique entraîné en classe"], personal_data=_NO_DATA,
                 by_students=True),
        crcn=["3.4", "1.3", "5.1"],
        keywords=["robotique", "véhicule autonome", "apprentissage automatique", "programmation", "micro:bit"],
    ),
    "arts-plastiques/poitiers/foret-artificielle": _s(
        "arts-plastiques", "poitiers", "Forêt artificielle",
        "En spécialité arts plastiques de première, dessin et images générées se répondent. Quand le filtre de "
        "l'IA refuse « arbre mort » puis produit une image incohérente pour « arbres desséchés », cette image "
        "devient un matériau plastique : l'occasion d'interroger l'esthétique de la machine et de la dépasser.",
        levels=["lycee-general"],
        ai=AiUse(tools=["IA générative d'images"], personal_data=_NO_DATA, by_students=True),
        crcn=["3.2", "1.1"],
        keywords=["création plastique", "image générée", "esthétique", "IA générative"],
    ),
    "ses/lille/plans-de-dissertation-ia": _s(
        "ses", "lille", "S'entraîner à élaborer des plans de dissertation avec l'IA",
        "Trois exercices progressifs : d'abord sans IA, avec des contenus interactifs H5P pour revoir la "
        "méthode ; puis l'analyse de plans erronés ; enfin l'élaboration et l'amélioration de ses propres "
        "plans, avec les rétroactions d'un dispositif scénarisé dans Chat-MD.",
        levels=["lycee-general"],
        modalities=["presentiel", "hybride"],
        steps=[Step(title="Fondamentaux de méthode sans IA (H5P)"), Step(title="Analyser des plans erronés"),
               Step(title="Construire et améliorer son plan avec rétroactions")],
        tools=[H5P, CHAT_MD],
        ai=AiUse(tools=["Chat-MD"], personal_data=_NO_DATA, by_students=True),
        crcn=["3.1", "1.1"],
        keywords=["dissertation", "méthodologie", "rétroaction", "H5P", "Chat-MD"],
    ),
    "svt/lyon/defi-botanique": _s(
        "svt", "lyon", "Défi botanique : entraîner une IA à reconnaître les plantes du collège",
        "Les collégiens photographient la biodiversité de leur établissement et entraînent une IA prédictive "
        "sur Vittascience. Quand une feuille de lierre passe pour de la vigne, ils cherchent pourquoi (lumière, "
        "angle, détails), enrichissent leur jeu de données et affinent leurs observations : classification du "
        "vivant et esprit critique avancent ensemble.",
        levels=["cycle-4"],
        tools=[VITTASCIENCE],
        ai=AiUse(tools=["Vittascience (apprentissage automatique)"], personal_data=_NO_DATA, by_students=True),
        crcn=["1.3", "1.2", "3.4"],
        keywords=["biodiversité", "classification du vivant", "jeu de données", "IA prédictive"],
    ),
    "histoire-geographie/toulouse/recit-historique-ia": _s(
        "histoire-geographie", "toulouse", "Une intelligence artificielle peut-elle écrire un récit historique ?",
        "En quatrième, à propos du Serment du Jeu de Paume : une première requête donne un récit plausible mais "
        "imprécis ; en précisant acteurs, causes et exigences, les élèves voient le texte s'améliorer, non sans "
        "ajouts hors sujet. Demander les sources révèle des références inventées : tout se vérifie.",
        levels=["cycle-4"],
        ai=AiUse(tools=["Agent conversationnel d'IA générative"], personal_data=_NO_DATA, by_students=True),
        crcn=["1.1", "3.1"],
        keywords=["Révolution française", "récit historique", "sources", "requête", "esprit critique"],
    ),
    "lve/nancy-metz/bd-espagnol-tulum": _s(
        "lve", "nancy-metz", "Espagnol : générer une BD pour écrire, collaborer et mieux apprendre",
        "Dans une simulation autour du trésor de Moctezuma, les élèves génèrent une bande dessinée sur la "
        "découverte de Tulum, support de leur récit en espagnol. La qualité des planches dépend de la requête ; "
        "selon l'IA choisie, le support s'adapte aux élèves. Erreurs, textes inventés et biais culturels "
        "nourrissent la réflexion avant la rédaction finale (se repérer dans l'espace, prépositions de lieu).",
        levels=["cycle-4"],
        ai=AiUse(tools=["IA génératives d'images et de bandes dessinées"], personal_data=_NO_DATA, by_students=True),
        crcn=["3.2", "2.3"],
        keywords=["espagnol", "bande dessinée", "expression écrite", "différenciation", "biais culturels"],
    ),
    "histoire-des-arts/versailles/methode-actif-versailles": _s(
        "histoire-des-arts", "versailles", "Interroger l'IA avec la méthode ACTIF : Versailles, œuvre d'art ?",
        "Pour répondre à « En quoi le château de Versailles est-il une œuvre d'art ? », les élèves règlent pas à "
        "pas les paramètres d'une requête selon la méthode ACTIF (action, contexte, ton, intention, format), "
        "comparent les réponses, repèrent biais, oublis et contresens, puis débattent de leurs formulations.",
        levels=["cycle-4"],
        ai=AiUse(tools=["Agent conversationnel d'IA générative"], personal_data=_NO_DATA, by_students=True),
        crcn=["1.1", "2.1"],
        keywords=["Versailles", "requête", "méthode ACTIF", "analyse d'œuvre", "esprit critique"],
    ),
}
"""The ten scenarios by ``discipline/academie/slug``."""
