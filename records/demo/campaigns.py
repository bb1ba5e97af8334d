"""Provides the campaigns of the demo commons and the themes of the earlier campaigns.

Facts come from the source texts of the programme (the 2016-2017 call, the
2019-2020 cahier des charges, the DNE page of January 2026, the 2026-2027
call). Where a text gives only a month, the date is the first day of that
month (or the last day for a deadline), and the summary says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from records.models import Campaign, Theme

D = dt.date

CAMPAIGNS: dict[str, Campaign] = {
    "2016-2017": Campaign(
        code="2016-2017",
        title="TraAM 2016-2017 : appel à candidatures",
        summary=(
            "Appel adressé aux recteurs et aux délégués académiques au numérique, dans la dynamique du plan "
            "numérique et de la réforme du collège. Sept thèmes, dont cinq transversaux partagés par plusieurs "
            "disciplines pour produire des ressources pluridisciplinaires et inter-cycles.\n"
            "Calendrier de l'époque : appel en avril, choix de 4 à 8 académies par thème en juin par les "
            "experts de la DNE, lancement en septembre, travaux sur une ou deux années.\n"
            "Dates au mois près : le texte ne donne que les mois ; la date limite des propositions n'y figure "
            "pas (fin mai retenue ici) et la fin des travaux est placée en fin d'année scolaire.\n"
        ),
        call_opens=D(2016, 4, 1),
        proposals_due=D(2016, 5, 31),
        selection=D(2016, 6, 1),
        work_starts=D(2016, 9, 1),
        work_ends=D(2017, 6, 30),
        teams_per_discipline=8,
        teams_minimum=4,
        quota_scope="theme",
        cahier="2016",
        phase="termine",
        illustrative="date limite des propositions (fin mai) et fin des travaux (fin juin) choisies pour la "
        "démonstration : l'appel ne les donne pas",
    ),
    "2019-2020": Campaign(
        code="2019-2020",
        title="TraAM 2019-2020 : cahier des charges",
        summary=(
            "Explorer un thème disciplinaire, interdisciplinaire ou transdisciplinaire par l'expérimentation en "
            "classe, mutualiser entre académies et valoriser les travaux. Le département DNE A2 retient une "
            "centaine d'équipes ; les travaux durent un à deux ans.\n"
            "Chaque groupe académique est piloté par un IA-IPR, un IEN-ET ou un IEN-EG, compte au moins trois "
            "enseignants, un professeur référent et une personne de la CARDIE (au premier degré, un IEN avec "
            "l'accord du DASEN). Les scénarios sont publiés sur des espaces académiques ouverts sans "
            "authentification et indexés dans Édubase ; les droits d'usage des ressources comptent.\n"
            "Dates indicatives : le cahier des charges ne donne pas de calendrier ; celui d'avril-juin-septembre "
            "des années précédentes est repris au mois près. Quota par discipline non fixé par le texte : le "
            "plafond de 2016-2017 (8 académies au plus par thème) est repris.\n"
        ),
        call_opens=D(2019, 4, 1),
        proposals_due=D(2019, 5, 31),
        selection=D(2019, 6, 1),
        work_starts=D(2019, 9, 1),
        work_ends=D(2020, 6, 30),
        teams_per_discipline=8,
        cahier="2019",
        phase="termine",
        illustrative="dates et quota repris des campagnes précédentes pour la démonstration : le cahier des "
        "charges 2019-2020 n'en donne pas",
    ),
    "2024-2025": Campaign(
        code="2024-2025",
        title="TraAM 2024-2025",
        summary=(
            "Campagne dont la DNE a distingué dix scénarios emblématiques dans sa lettre hors-série de janvier "
            "2026 : l'intégration de l'intelligence artificielle dans les apprentissages s'y est imposée comme "
            "fil commun (usage critique de l'IA générative, agents conversationnels, robotique, différenciation, "
            "créativité).\n"
            "Dates au mois près, d'après le calendrier annuel décrit par la DNE : appel en février, sélection en "
            "juin, travaux de septembre à mai.\n"
        ),
        call_opens=D(2024, 2, 1),
        proposals_due=D(2024, 3, 31),
        selection=D(2024, 6, 15),
        work_starts=D(2024, 9, 1),
        work_ends=D(2025, 5, 31),
        phase="termine",
        illustrative="date limite des propositions (fin mars) reprise de l'appel 2026-2027 pour la démonstration",
    ),
    "2025-2026": Campaign(
        code="2025-2026",
        title="TraAM 2025-2026 (partielle)",
        summary=(
            "Campagne présente dans la démonstration pour une seule raison : porter l'année 1 de la thématique "
            "SVT « bases de données et systèmes d'information géographique », prérequis de l'année 2 proposée "
            "en 2026-2027. Ses autres thématiques ne sont pas reprises.\n"
            "Dates au mois près, d'après le calendrier annuel décrit par la DNE.\n"
        ),
        call_opens=D(2025, 2, 1),
        proposals_due=D(2025, 3, 31),
        selection=D(2025, 6, 15),
        work_starts=D(2025, 9, 1),
        work_ends=D(2026, 5, 31),
        phase="termine",
        illustrative="date limite des propositions (fin mars) reprise de l'appel 2026-2027 pour la démonstration",
    ),
    "2026-2027": Campaign(
        code="2026-2027",
        title="TraAM 2026-2027 : expérimenter, mutualiser, partager",
        summary=(
            "Appel à projets de la DNE et de l'IGÉSR : concevoir en équipes académiques des parcours qui "
            "mobilisent le numérique pour l'inclusion, la différenciation et les habiletés technologiques des "
            "élèves, en cohérence avec le CRCN et le cadre d'usage de l'IA en éducation. Attention accrue aux "
            "communs numériques éducatifs et aux ressources éducatives libres.\n"
            "Propositions transmises par les DAN/DRAN avant fin mars 2026 ; cinq projets retenus par discipline, "
            "résultats à la mi-juin 2026 ; production à partir de septembre 2026, finalisée avant mai 2027. "
            "L'appel est daté au mois près (février 2026).\n"
        ),
        call_opens=D(2026, 2, 1),
        proposals_due=D(2026, 3, 31),
        selection=D(2026, 6, 15),
        work_starts=D(2026, 9, 1),
        work_ends=D(2027, 4, 30),
        teams_per_discipline=5,
        phase="travaux",
    ),
}
"""Campaigns by code."""


def _theme(campaign: str, discipline: str, title: str, summary: str, axes: list[str] | None = None, **kw: Any) -> Theme:
    return Theme(campaign=campaign, discipline=discipline, title=title, summary=summary, axes=axes or [], **kw)


THEMES_2016: dict[str, Theme] = {
    "interdisciplinaire-1": _theme(
        "2016-2017", "interdisciplinaire", "Mettre en œuvre des enseignements interdisciplinaires avec le numérique",
        "Thème transversal : faire travailler plusieurs disciplines ensemble autour d'outils numériques.\n",
    ),
    "interdisciplinaire-2": _theme(
        "2016-2017", "interdisciplinaire",
        "Enseignements pratiques interdisciplinaires : mathématiques, technologie et lettres",
        "Déclinaison du thème interdisciplinaire dans le cadre des EPI du collège, en mathématiques et "
        "technologie et en lettres.\n",
        ["Mathématiques et technologie", "Lettres"],
    ),
    "histoire-des-arts": _theme(
        "2016-2017", "histoire-des-arts", "L'histoire des arts avec le numérique aux cycles 3 et 4",
        "Déclinaison du thème interdisciplinaire en histoire des arts, aux cycles 3 et 4.\n",
    ),
    "interdisciplinaire-3": _theme(
        "2016-2017", "interdisciplinaire", "Mettre les élèves en activité avec le numérique",
        "Thème transversal pour les cycles 3 et 4 et le lycée : rendre les élèves acteurs grâce au numérique.\n",
    ),
    "interdisciplinaire-4": _theme(
        "2016-2017", "interdisciplinaire", "Différencier et assurer la continuité des apprentissages avec le numérique",
        "Thème transversal pour les cycles 3 et 4 : adapter le travail aux élèves et le prolonger hors de la classe.\n",
    ),
    "interdisciplinaire-5": _theme(
        "2016-2017", "interdisciplinaire", "La création numérique",
        "Thème transversal pour les cycles 3 et 4 et le lycée : les élèves créent avec des outils numériques.\n",
    ),
    "emi": _theme(
        "2016-2017", "emi", "L'éducation aux médias et à l'information",
        "Thème pour les cycles 3 et 4 et le lycée : comprendre et pratiquer les médias et l'information.\n",
    ),
}
"""The seven themes of the 2016-2017 call, by file name."""

_AI_2025 = (
    "Intitulé résumé d'après la lettre de janvier 2026, qui fait de l'intelligence artificielle le fil commun de "
    "l'année ; l'intitulé officiel de la thématique n'est pas repris ici.\n"
)

_DISCIPLINES_2024 = {
    "physique-chimie": "physique-chimie",
    "lettres": "lettres",
    "education-musicale": "éducation musicale",
    "technologie": "technologie",
    "arts-plastiques": "arts plastiques",
    "ses": "sciences économiques et sociales",
    "svt": "SVT",
    "histoire-geographie": "histoire-géographie",
    "lve": "langues vivantes",
    "histoire-des-arts": "histoire des arts",
}

THEMES_2024: dict[str, Theme] = {
    code: _theme("2024-2025", code, f"L'intelligence artificielle dans les apprentissages en {label}", _AI_2025,
                 illustrative="intitulé résumé pour la démonstration : l'intitulé officiel n'est pas dans les sources")
    for code, label in _DISCIPLINES_2024.items()
}
"""One theme per discipline of the ten emblematic scenarios of 2024-2025."""

THEMES_2025: dict[str, Theme] = {
    "svt": _theme(
        "2025-2026", "svt", "Bases de données et systèmes d'information géographique (année 1)",
        "Année 1 de la thématique SVT dont l'appel 2026-2027 propose l'année 2 ; y avoir participé est "
        "nécessaire pour candidater en année 2. Seule thématique de 2025-2026 reprise dans la démonstration.\n",
        year=1, duration=2,
    ),
}
"""The one theme of 2025-2026 kept: year 1 of the SVT two-year theme."""
