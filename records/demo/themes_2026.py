"""Provides every theme of the 2026-2027 call (22 themes: NSI and SVT have two).

Titles follow the call exactly (the official title, up to 600 characters: histoire-géographie's is 325);
a short title serves lists. Summaries and axes are written in our own words.
"""

from __future__ import annotations

from typing import Any

from records.models import Theme

C = "2026-2027"


def _t(discipline: str, title: str, summary: str, axes: list[str], **kw: Any) -> Theme:
    return Theme(campaign=C, discipline=discipline, title=title, summary=summary + "\n", axes=axes, **kw)


THEMES_2026: dict[str, Theme] = {
    "premier-degre": _t(
        "premier-degre", "Intégration du numérique, y compris dans des approches sans écran, au cœur de l'approche STIAM, comme levier pour l'enseignement interdisciplinaire et l'éducation au numérique",
        "Intégrer le numérique, avec ou sans écran, dans des projets concrets qui croisent sciences, technologie, "
        "ingénierie, arts et mathématiques, comme objet d'apprentissage et comme levier.",
        ["Expérimenter, modéliser, créer et coopérer", "Équilibre entre activités outillées et sans écran",
         "Démarche d'investigation et pensée critique"],
        short_title="Le numérique au service des STIAM à l'école",
    ),
    "arts-plastiques": _t(
        "arts-plastiques", "Développer un usage éthique et responsable de l'intelligence artificielle dans l'enseignement des arts plastiques",
        "Faire de l'IA un terrain de pratique artistique réfléchie : comprendre ces « boîtes noires », leurs "
        "limites et leurs biais, et préférer des solutions ouvertes et sobres.",
        ["Transparence et compréhension des outils", "Citoyenneté numérique", "Enseignement « augmenté »",
         "Solutions open source"],
        short_title="Un usage éthique et responsable de l'IA en arts plastiques",
    ),
    "documentation": _t(
        "documentation", "Les professeurs documentalistes, initiateurs d'espaces de médiation numérique qu'ils font vivre au service de l'accessibilité, de l'inclusion et du bien-être des élèves dans un environnement connecté",
        "Le professeur documentaliste conçoit et anime le CDI, physique, hybride ou virtuel, comme lieu d'accès "
        "égal aux ressources et d'usages numériques inclusifs, au service d'un climat scolaire apaisé.",
        ["Égalité d'accès aux ressources", "Besoins éducatifs particuliers", "Climat scolaire"],
        short_title="Le CDI, espace de médiation numérique pour l'accessibilité, l'inclusion et le bien-être",
    ),
    "economie-gestion": _t(
        "economie-gestion", "Intelligence artificielle et économie-gestion : enjeux pédagogiques et éducatifs",
        "Repérer ce que l'IA permet dans les enseignements d'économie-gestion et les précautions qu'elle exige, "
        "en sensibilisant les élèves à ses risques et à une éthique d'usage.",
        ["Tâches confiées à l'IA", "Responsabilisation des élèves", "Protection des données et dépendance",
         "Esprit critique"],
    ),
    "emi": _t(
        "emi", "EMI et ingérences étrangères : Comment la compréhension des mécanismes d'ingérence numérique étrangère contribue-t-elle au développement de l'esprit critique des élèves face aux manipulations de l'information ?",
        "Comprendre les mécanismes d'ingérence numérique étrangère (désinformation, amplification artificielle, "
        "détournement de sources) pour exercer l'esprit critique face aux manipulations de l'information.",
        ["Mécanismes d'ingérence", "Citoyenneté numérique", "Partenaires institutionnels (VIGINUM, Cybermalveillance)"],
        short_title="EMI et ingérences étrangères",
    ),
    "education-musicale": _t(
        "education-musicale", "De l'art à la science : contribution de l'éducation musicale à l'appropriation des savoirs scientifiques",
        "Rendre visibles et manipulables les phénomènes du son (ondes, fréquences, rythmes) grâce au numérique, "
        "pour passer de l'émotion musicale à la compréhension scientifique.",
        ["Physique du son", "Structures mathématiques de la musique", "Plus-value didactique de l'outil"],
        short_title="De l'art à la science : l'éducation musicale et les savoirs scientifiques",
    ),
    "eps": _t(
        "eps", "Rendre les apprentissages plus explicites grâce aux outils numériques",
        "Aider les élèves qui progressent peu à comprendre ce qui est attendu d'eux, en rendant les apprentissages "
        "lisibles avec le numérique ; l'IA est possible, non obligatoire.",
        ["Explicitation des attendus", "Élèves en difficulté", "Usage éventuel de l'IA"],
    ),
    "histoire-des-arts": _t(
        "histoire-des-arts", "Perspectives : l'intelligence artificielle dans l'enseignement de l'histoire des arts",
        "L'IA comme outil pour renouveler les pratiques, comme usage des élèves à questionner (limites, biais) et "
        "comme sujet : les liens anciens entre art et technique, le réel et le virtuel.",
        ["L'IA outil du professeur", "Usages des élèves", "Art et technologie"],
    ),
    "histoire-geographie": _t(
        "histoire-geographie", "Une fenêtre sur le monde et le monde dans la classe : comment l'utilisation d'outils "
        "numériques peut-elle, en histoire et en géographie, permettre aux élèves de sortir de la classe, de découvrir "
        "des lieux, un patrimoine, des œuvres d'art ; et ainsi favoriser une meilleure appropriation des connaissances "
        "et des compétences ?",
        "Sortir de la classe grâce au numérique : découvrir lieux, patrimoine et œuvres, explorer des collections "
        "numérisées ou des sites distants, et mieux s'approprier connaissances et compétences.",
        ["Collections patrimoniales numérisées", "Visites virtuelles", "Décryptage de la géopolitique"],
        short_title="Une fenêtre sur le monde et le monde dans la classe",
    ),
    "lve": _t(
        "lve", "L'éthique et la citoyenneté numérique dans l'apprentissage des langues",
        "Renforcer les compétences en langues avec des outils numériques, dont l'IA, tout en faisant réfléchir "
        "aux enjeux éthiques et citoyens : désinformation, cyberharcèlement.",
        ["Outils et ressources pour les langues", "Enjeux éthiques de l'IA", "Désinformation et cyberharcèlement"],
    ),
    "lettres": _t(
        "lettres", "L'intelligence artificielle en lettres : quels usages ? Quelles plus-values pédagogiques ? Quels points de vigilance ?",
        "Des usages de l'IA générative avec les élèves, en français et en LCA, qui acculturent à l'IA et "
        "développent un regard critique, au service de la lecture, de l'expression et de l'étude de la langue.",
        ["Acculturation à l'IA", "Regard critique", "Lecture, écriture, oral, étude de la langue"],
        short_title="L'intelligence artificielle en lettres : usages, plus-values, points de vigilance",
    ),
    "mathematiques": _t(
        "mathematiques", "Différencier en mathématiques : des approches adaptées aux besoins de chaque élève",
        "Concevoir avec le numérique des pratiques différenciées, au collège et au lycée, pour que chacun "
        "progresse à son rythme dans le cadre commun de la classe.",
        ["Parcours personnalisés", "Ressources différenciées", "Travaux interdisciplinaires",
         "Éléa, MathALÉA et Capytale"],
    ),
    "nsi-1": _t(
        "nsi", "Thématique 1 : Cybersécurité, réseaux sociaux",
        "Protéger ses données sur les réseaux sociaux, cibles privilégiées des cyberattaques : scénarios en SNT "
        "ou en spécialité NSI, débranchés, hybrides ou outillés.",
        ["Données personnelles", "Cyberattaques et usurpation", "Approche ludopédagogique ou débranchée"],
        short_title="Cybersécurité et réseaux sociaux",
    ),
    "nsi-2": _t(
        "nsi", "Thématique 2 : Égalité filles-garçons",
        "Combattre les stéréotypes qui éloignent les filles de l'informatique et donner à chacun les mêmes chances "
        "d'y réussir : scénarios en SNT ou en spécialité NSI.",
        ["Stéréotypes de genre", "Histoire de l'informatique", "Orientation"],
        short_title="Égalité filles-garçons en informatique",
    ),
    "philosophie": _t(
        "philosophie", "L'intelligence artificielle comme objet de réflexion, outil pédagogique et assistant du professeur",
        "Interroger philosophiquement les IA génératives en classe, adapter les pratiques à leur usage par les "
        "élèves dans le respect du RGPD, et les mettre éventuellement au service du professeur.",
        ["Questions philosophiques posées par l'IA", "Dissertation et explication de texte",
         "L'IA assistant du professeur"],
        short_title="L'intelligence artificielle : objet de réflexion, outil pédagogique, assistant du professeur",
    ),
    "physique-chimie": _t(
        "physique-chimie", "Comment les systèmes à intelligence artificielle peuvent-ils contribuer à la formation en physique-chimie ?",
        "Des scénarios qui montrent ce que l'IA apporte en physique-chimie (préparation, différenciation, "
        "évaluation, apprentissages actifs), avec une analyse de la valeur ajoutée et le respect des données.",
        ["Assistance au professeur", "Différenciation", "Évaluation", "Collège et toutes les voies du lycée"],
        short_title="Les systèmes d'intelligence artificielle au service de la formation en physique-chimie",
    ),
    "ses": _t(
        "ses", "Perspectives de l'utilisation de l'intelligence artificielle en SES",
        "Réfléchir aux pratiques enseignantes liées à l'IA, observer les usages des élèves et construire un usage "
        "éthique et responsable.",
        ["Pratiques enseignantes", "Usages des élèves", "Éthique"],
    ),
    "sti": _t(
        "sti", "Le numérique dans les enseignements STI : pratiques pédagogiques et plus-values",
        "Explorer les apports du numérique aux sciences et techniques industrielles.",
        ["Jumeaux numériques et simulation", "Cybersécurité", "Maquettes 3D et réalisation collaborative",
         "Intelligence artificielle", "Chef-d'œuvre"],
    ),
    "svt-1": _t(
        "svt", "Numérique et approche « Une seule santé »",
        "Santé humaine, animale et environnementale liées : explorer ce que le numérique apporte aux "
        "apprentissages sur la santé globale (données, capteurs, IA en imagerie, modélisation).",
        ["Bases de données et croisement", "Capteurs", "IA en imagerie et diagnostic", "Modélisation"],
        year=1,
    ),
    "svt-2": _t(
        "svt", "Bases de données et systèmes d'information géographique",
        "Année 2 : former les élèves aux données géoréférencées (climat, biodiversité, santé, risques, "
        "géosciences, sciences participatives) et construire un parcours M@gistère. Réservée aux équipes "
        "de l'année 1.",
        ["Données géoréférencées", "Sciences participatives", "Parcours M@gistère"],
        year=2,
        requires=["themes/2025-2026/svt"],
    ),
    "st2s-biotechnologies": _t(
        "st2s-biotechnologies", "Enseigner les biotechnologies et les sciences sanitaires et sociales à l'ère des IA génératives",
        "Poursuivre l'exploration des IA génératives engagée en 2023-2024 : apports disciplinaires et "
        "transversaux, éthique, environnement, esprit critique, sobriété numérique.",
        ["Compétences disciplinaires et transversales", "Hybridation et ludification",
         "Charte d'usage responsable de l'IA"],
        short_title="Biotechnologies et ST2S à l'ère des IA génératives",
    ),
    "technologie": _t(
        "technologie", "Comment mobiliser les outils numériques dans la conduite de projets pour développer la collaboration, la créativité et la culture technologique ?",
        "Intégrer les outils numériques tout au long d'un projet autour d'un objet et système technique, de "
        "l'analyse du besoin à la réalisation, pour la collaboration, la créativité et la culture technologique.",
        ["Situation déclenchante authentique", "Compétences du CRCN et psychosociales", "Communs numériques et IA"],
        short_title="Les outils numériques dans la conduite de projets technologiques",
    ),
}
"""Every theme of the 2026-2027 call, by file name."""
