"""Provides the synthetic French records of the benchmark: campaigns, themes, teams and scenarios from word lists.

Everything is drawn from a seeded random generator, so a given ``N`` always
gives the same commons. Records are valid models and satisfy the rules of
the cahier des charges as far as practical (teams of three teachers, a CARDIE
representative, themes and teams that exist for every scenario).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from records import vocab
from records.models import AiUse, Author, Campaign, Inspector, Person, Scenario, Step, Teacher, Team, Theme, Tool
from records.text import slugify

VERBS = (
    "Cartographier", "Explorer", "Modéliser", "Programmer", "Enquêter sur", "Débattre de", "Créer un podcast sur",
    "Analyser", "Mesurer", "Observer", "Raconter", "Simuler", "Visualiser", "Documenter", "Comprendre",
    "Représenter", "Questionner", "Illustrer", "Réinventer", "Décrypter",
)
TOPICS = (
    "la biodiversité du quartier", "le cycle de l'eau", "les fausses informations", "l'intelligence artificielle",
    "la photosynthèse", "les énergies renouvelables", "le climat local", "la Révolution française",
    "les fonctions affines", "les probabilités", "la qualité de l'air", "le patrimoine de la ville",
    "les algorithmes de tri", "la chaîne alimentaire", "les réseaux sociaux", "la mémoire des poilus",
    "les objets connectés", "la géométrie dans l'espace", "le son et la musique", "les données personnelles",
    "la laïcité", "le développement durable", "l'orientation des élèves", "la lecture à voix haute",
    "les statistiques du collège", "la Grande Guerre", "les volcans", "l'économie circulaire", "le corps humain",
    "les écosystèmes marins", "la citoyenneté numérique", "les mythes grecs", "la poésie contemporaine",
    "les migrations", "l'alimentation durable", "la robotique", "les fractions", "le théâtre d'improvisation",
    "la cartographie sensible", "les circuits électriques", "la chimie du quotidien", "l'égalité filles-garçons",
    "le harcèlement en ligne", "les paysages urbains", "l'énergie solaire", "la sécurité routière",
)
CONTEXTS = (
    "avec Capytale", "en classe de 5e", "au lycée professionnel", "en équipe", "avec une IA générative",
    "en débranché", "à partir de données ouvertes", "sur le terrain", "en classe inversée", "avec des tablettes",
    "au CDI", "en atelier", "par le jeu", "en anglais", "avec des capteurs", "", "", "",
)
SENTENCES = (
    "Les élèves apprennent à {verb} {topic} en s'appuyant sur {tool}.",
    "La séquence part d'une question ouverte sur {topic} et se termine par une restitution orale.",
    "Chaque groupe produit une ressource partagée sous licence libre autour de {topic}.",
    "Le scénario mobilise {tool} pour collecter, trier et représenter des informations.",
    "Une attention particulière est portée à l'esprit critique et à la protection des données.",
    "Les productions sont publiées sur l'espace académique et relues par les pairs.",
    "Les élèves travaillent en îlots puis confrontent leurs résultats en classe entière.",
    "Une sortie sur le terrain complète le travail mené en classe sur {topic}.",
)
KEYWORDS = (
    "biodiversité", "programmation", "esprit critique", "données", "oral", "coopération", "évaluation",
    "différenciation", "climat", "citoyenneté", "création", "algorithmique", "écriture", "mesure", "enquête",
    "carte mentale", "jeu sérieux", "podcast", "vidéo", "cartographie", "IA", "sobriété numérique",
)
TOOLS = (
    ("Capytale", "commun-public"), ("Éléa", "commun-public"), ("La Digitale", "commun-public"),
    ("Apps Éducation", "commun-public"), ("Vittascience", "logiciel-libre"), ("GeoGebra", "logiciel-libre"),
    ("Scratch", "logiciel-libre"), ("H5P", "logiciel-libre"), ("Audacity", "logiciel-libre"),
    ("QGIS", "logiciel-libre"), ("Nextcloud", "logiciel-libre"), ("Genially", "plateforme-privee"),
    ("Canva", "plateforme-privee"), ("Padlet", "plateforme-privee"),
)
AI_TOOLS = ("Le Chat", "Albert", "ChatGPT", "Vittascience IA", "Teachable Machine")
FIRST = (
    "Camille", "Léa", "Hugo", "Chloé", "Nathan", "Inès", "Louis", "Manon", "Jules", "Sarah", "Théo", "Emma",
    "Lucas", "Zoé", "Karim", "Aïcha", "Yann", "Maëlle", "Rémi", "Hélène", "François", "Noémie", "Loïc", "Agnès",
)
LAST = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
    "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
    "Girard", "André", "Mercier", "Benali", "Nguyen", "Le Gall", "Hoarau", "Pétrequin", "Ménard",
)
SCHOOLS = ("Collège Jean Moulin", "Lycée Victor Hugo", "École Jules Ferry", "LP Marie Curie", "Collège Camille Claudel")

LEVELS_BY_DISCIPLINE = {
    "premier-degre": ("cycle-1", "cycle-2", "cycle-3"),
    "sti": ("lycee-technologique", "lycee-professionnel", "bts"),
    "economie-gestion": ("lycee-technologique", "lycee-professionnel", "bts"),
    "st2s-biotechnologies": ("lycee-technologique",),
    "nsi": ("lycee-general",),
    "ses": ("lycee-general",),
    "philosophie": ("lycee-general", "lycee-technologique"),
}
SECOND_DEGREE_LEVELS = ("cycle-3", "cycle-4", "lycee-general", "lycee-technologique", "lycee-professionnel")


TEAMS_PER_DISCIPLINE = 5
"""The campaigns' default quota of retained teams per discipline."""


def campaign_codes(count: int) -> list[str]:
    """Return ``count`` consecutive campaign codes ending with 2026-2027."""
    return [f"{year}-{year + 1}" for year in range(2027 - count, 2027)]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _email(name: str) -> str:
    return slugify(name).replace("-", ".") + "@ac-exemple.fr"


def campaign(code: str) -> Campaign:
    """Return the campaign record of a school year."""
    year = int(code[:4])
    return Campaign(
        code=code,
        title=f"Travaux académiques mutualisés {code}",
        summary="Appel à projets de la DNE et de l'IGÉSR pour les groupes de travail académiques.",
        call_opens=dt.date(year, 2, 1),
        proposals_due=dt.date(year, 3, 31),
        selection=dt.date(year, 6, 15),
        work_starts=dt.date(year, 9, 1),
        work_ends=dt.date(year + 1, 5, 31),
        phase="termine" if year < 2026 else "travaux",
    )


def theme(code: str, discipline: str, rng: random.Random) -> Theme:
    """Return the theme of a discipline in a campaign."""
    topic = rng.choice(TOPICS)
    return Theme(
        campaign=code,
        discipline=discipline,
        title=f"Le numérique pour {topic}",
        summary=f"Comment le numérique aide les élèves à aborder {topic} en {vocab.DISCIPLINES[discipline]}.",
        axes=sorted({f"{rng.choice(VERBS)} {t}" for t in rng.sample(TOPICS, 2)}),
    )


def team(code: str, discipline: str, academie: str, rng: random.Random) -> Team:
    """Return an académie team with a pilot, a referent, three teachers and a CARDIE representative."""
    first_degree = discipline == "premier-degre"
    names = set()
    while len(names) < 6:
        names.add(_person(rng))
    pilot, referent, cardie, *teachers = sorted(names)
    return Team(
        campaign=code,
        discipline=discipline,
        academie=academie,
        theme=discipline,
        project_title=f"{rng.choice(VERBS)} {rng.choice(TOPICS)} ({vocab.ACADEMIES[academie]})",
        summary=f"Le groupe de l'académie de {vocab.ACADEMIES[academie]} expérimente des séquences en classe.",
        pilot=Inspector(name=pilot, corps="ien-1d" if first_degree else "ia-ipr", email=_email(pilot)),
        referent=Person(name=referent, email=_email(referent), school=rng.choice(SCHOOLS)),
        teachers=[
            Teacher(name=t, school=rng.choice(SCHOOLS), degree="premier-degre" if first_degree else "second-degre")
            for t in teachers
        ],
        cardie=Person(name=cardie),
        dasen_agreement=True if first_degree else None,
        outcome="retenu",
    )


def scenario(code: str, discipline: str, academie: str, rng: random.Random) -> tuple[str, Scenario]:
    """Return ``(title, scenario)`` for a team; the caller makes the slug unique."""
    verb, topic = rng.choice(VERBS), rng.choice(TOPICS)
    title = " ".join(filter(None, (verb, topic, rng.choice(CONTEXTS))))
    tools = rng.sample(TOOLS, rng.randint(1, 3))
    tool_names = ", ".join(t[0] for t in tools)
    sentences = rng.sample(SENTENCES, 3)
    summary = " ".join(s.format(verb=verb.lower(), topic=topic, tool=tool_names) for s in sentences)
    levels = LEVELS_BY_DISCIPLINE.get(discipline, SECOND_DEGREE_LEVELS)
    use_ai = rng.random() < 0.2
    authors = {_person(rng) for _ in range(rng.randint(1, 3))}
    return title, Scenario(
        campaign=code,
        disciplines=[discipline, *([] if rng.random() < 0.8 else ["interdisciplinaire"])],
        academie=academie,
        theme=discipline,
        title=title,
        summary=summary,
        levels=sorted(rng.sample(levels, min(len(levels), rng.randint(1, 2)))),
        duration=f"{rng.randint(2, 8)} séances de 55 min",
        modalities=sorted(rng.sample(list(vocab.MODALITIES), rng.randint(1, 2))),
        objectives=[f"{rng.choice(VERBS)} {rng.choice(TOPICS)}"],
        steps=[Step(title=f"Séance {i + 1}", duration="55 min") for i in range(rng.randint(1, 3))],
        tools=[Tool(name=name, kind=kind) for name, kind in tools],
        ai=AiUse(tools=[rng.choice(AI_TOOLS)], personal_data="Comptes anonymes, aucune donnée nominative.")
        if use_ai else None,
        crcn=sorted(rng.sample(list(vocab.CRCN), rng.randint(1, 3))),
        licence="CC-BY-SA-4.0",  # the former default, written out: the same corpus as before
        authors=[Author(name=a) for a in sorted(authors)],
        keywords=sorted(set(rng.sample(KEYWORDS, rng.randint(2, 4)))),
        created=dt.date(int(code[:4]), rng.randint(9, 12), rng.randint(1, 28)),
    )


def commons(total: int, seed: int = 2026, campaigns: int | None = None) -> Iterator[tuple[str, object]]:
    """Yield ``(record id, model)`` for a commons of about ``total`` records.

    The mix is about 1 team for 12 records, the rest scenarios, plus the
    campaigns and one theme per discipline and campaign in use.
    """
    rng = random.Random(seed)
    disciplines = [d for d in vocab.DISCIPLINES if d != "interdisciplinaire"]
    academies = list(vocab.ACADEMIES)
    codes = campaign_codes(campaigns or (8 if total >= 2000 else 2))
    combos = [(c, d, a) for c in codes for d in disciplines for a in academies]
    rng.shuffle(combos)
    team_count = max(1, min(len(combos), total // 12))
    per_cell: dict[tuple[str, str], int] = {}
    teams = []
    for combo in combos:  # at most TEAMS_PER_DISCIPLINE teams per discipline and campaign (the campaigns' quota)
        if len(teams) < team_count and per_cell.get(combo[:2], 0) < TEAMS_PER_DISCIPLINE:
            per_cell[combo[:2]] = per_cell.get(combo[:2], 0) + 1
            teams.append(combo)
    teams.sort()
    themes = sorted({(c, d) for c, d, _ in teams})
    for code in codes:
        yield f"campaigns/{code}", campaign(code)
    for code, discipline in themes:
        yield f"themes/{code}/{discipline}", theme(code, discipline, rng)
    for code, discipline, academie in teams:
        yield f"teams/{code}/{discipline}/{academie}", team(code, discipline, academie, rng)
    remaining = max(0, total - len(codes) - len(themes) - len(teams))
    used: set[str] = set()
    for i in range(remaining):
        code, discipline, academie = teams[i % len(teams)]
        title, record = scenario(code, discipline, academie, rng)
        base = slugify(title, 56)
        slug, n = base, 1
        while f"{code}/{discipline}/{academie}/{slug}" in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(f"{code}/{discipline}/{academie}/{slug}")
        yield f"scenarios/{code}/{discipline}/{academie}/{slug}", record
