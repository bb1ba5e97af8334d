"""Provides the closed vocabularies of the commons, as codes with French labels.

Codes are what records store; labels are what people read. Every mapping keeps
the order in which lists should be shown.
"""

from __future__ import annotations

ACADEMIES: dict[str, str] = {
    "aix-marseille": "Aix-Marseille",
    "amiens": "Amiens",
    "besancon": "Besançon",
    "bordeaux": "Bordeaux",
    "caen": "Caen",
    "clermont-ferrand": "Clermont-Ferrand",
    "corse": "Corse",
    "creteil": "Créteil",
    "dijon": "Dijon",
    "grenoble": "Grenoble",
    "guadeloupe": "Guadeloupe",
    "guyane": "Guyane",
    "la-reunion": "La Réunion",
    "lille": "Lille",
    "limoges": "Limoges",
    "lyon": "Lyon",
    "martinique": "Martinique",
    "mayotte": "Mayotte",
    "montpellier": "Montpellier",
    "nancy-metz": "Nancy-Metz",
    "nantes": "Nantes",
    "nice": "Nice",
    "normandie": "Normandie",
    "orleans-tours": "Orléans-Tours",
    "paris": "Paris",
    "poitiers": "Poitiers",
    "reims": "Reims",
    "rennes": "Rennes",
    "rouen": "Rouen",
    "strasbourg": "Strasbourg",
    "toulouse": "Toulouse",
    "versailles": "Versailles",
    # Overseas vice-rectorats and the education service of Saint-Pierre-et-Miquelon.
    "nouvelle-caledonie": "Nouvelle-Calédonie (vice-rectorat)",
    "polynesie-francaise": "Polynésie française (vice-rectorat)",
    "wallis-et-futuna": "Wallis-et-Futuna (vice-rectorat)",
    "saint-pierre-et-miquelon": "Saint-Pierre-et-Miquelon",
}

ACADEMY_YEARS: dict[str, tuple[int | None, int | None]] = {
    "caen": (None, 2019),
    "rouen": (None, 2019),
    "normandie": (2019, None),
}
"""First and last campaign (by its first year) in which an académie can be named; absent: always.

Caen and Rouen merged into the académie de Normandie on 1 January 2020: they
stay in :data:`ACADEMIES` for the campaigns before, and the 2019-2020
campaign, which straddles the merger, accepts the three names."""

REGIONS: dict[str, str] = {
    "auvergne-rhone-alpes": "Auvergne-Rhône-Alpes",
    "bourgogne-franche-comte": "Bourgogne-Franche-Comté",
    "bretagne": "Bretagne",
    "centre-val-de-loire": "Centre-Val de Loire",
    "corse": "Corse",
    "grand-est": "Grand Est",
    "guadeloupe": "Guadeloupe",
    "guyane": "Guyane",
    "hauts-de-france": "Hauts-de-France",
    "ile-de-france": "Île-de-France",
    "la-reunion": "La Réunion",
    "martinique": "Martinique",
    "mayotte": "Mayotte",
    "normandie": "Normandie",
    "nouvelle-aquitaine": "Nouvelle-Aquitaine",
    "occitanie": "Occitanie",
    "pays-de-la-loire": "Pays de la Loire",
    "provence-alpes-cote-d-azur": "Provence-Alpes-Côte d'Azur",
}
"""Régions académiques, each with its DRAN (délégation régionale académique au numérique), since 1 January 2016."""

REGIONS_SINCE = 2016
"""First year (of a campaign) with régions académiques; before, each académie's DAN transmitted alone."""

REGION_OF: dict[str, str] = {
    "clermont-ferrand": "auvergne-rhone-alpes", "grenoble": "auvergne-rhone-alpes", "lyon": "auvergne-rhone-alpes",
    "besancon": "bourgogne-franche-comte", "dijon": "bourgogne-franche-comte",
    "rennes": "bretagne",
    "orleans-tours": "centre-val-de-loire",
    "corse": "corse",
    "nancy-metz": "grand-est", "reims": "grand-est", "strasbourg": "grand-est",
    "guadeloupe": "guadeloupe",
    "guyane": "guyane",
    "amiens": "hauts-de-france", "lille": "hauts-de-france",
    "creteil": "ile-de-france", "paris": "ile-de-france", "versailles": "ile-de-france",
    "la-reunion": "la-reunion",
    "martinique": "martinique",
    "mayotte": "mayotte",
    "caen": "normandie", "rouen": "normandie", "normandie": "normandie",
    "bordeaux": "nouvelle-aquitaine", "limoges": "nouvelle-aquitaine", "poitiers": "nouvelle-aquitaine",
    "montpellier": "occitanie", "toulouse": "occitanie",
    "nantes": "pays-de-la-loire",
    "aix-marseille": "provence-alpes-cote-d-azur", "nice": "provence-alpes-cote-d-azur",
}
"""Région académique of each académie (the vice-rectorats and Saint-Pierre-et-Miquelon belong to none)."""

DISCIPLINES: dict[str, str] = {
    "premier-degre": "Premier degré",
    "arts-plastiques": "Arts plastiques",
    "documentation": "Documentation",
    "economie-gestion": "Économie-gestion",
    "emi": "Éducation aux médias et à l'information (EMI)",
    "education-musicale": "Éducation musicale et chant choral",
    "eps": "Éducation physique et sportive (EPS)",
    "histoire-des-arts": "Histoire des arts (HDA)",
    "histoire-geographie": "Histoire-géographie",
    "lve": "Langues vivantes étrangères (LVE)",
    "lettres": "Lettres",
    "mathematiques": "Mathématiques",
    "nsi": "Numérique et sciences informatiques (NSI) / Informatique",
    "philosophie": "Philosophie",
    "physique-chimie": "Physique-chimie",
    "ses": "Sciences économiques et sociales (SES)",
    "sti": "Sciences et techniques industrielles (STI)",
    "svt": "Sciences de la vie et de la Terre (SVT)",
    "st2s-biotechnologies": "ST2S – Biotechnologies",
    "technologie": "Technologie",
    # Earlier campaigns ran transversal themes shared by several disciplines.
    "interdisciplinaire": "Interdisciplinaire (thème transversal)",
}

CRCN_DOMAINS: dict[str, str] = {
    "1": "Information et données",
    "2": "Communication et collaboration",
    "3": "Création de contenus",
    "4": "Protection et sécurité",
    "5": "Environnement numérique",
}

CRCN_VERSION = "2019"
"""Version of the CRCN labels below (the codes are stable across versions)."""

CRCN_LABELS: dict[str, dict[str, str]] = {
    "2019": {
        "1.1": "Mener une recherche et une veille d'information",
        "1.2": "Gérer des données",
        "1.3": "Traiter des données",
        "2.1": "Interagir",
        "2.2": "Partager et publier",
        "2.3": "Collaborer",
        "2.4": "S'insérer dans le monde numérique",
        "3.1": "Développer des documents textuels",
        "3.2": "Développer des documents multimédia",
        "3.3": "Adapter les documents à leur finalité",
        "3.4": "Programmer",
        "4.1": "Sécuriser l'environnement numérique",
        "4.2": "Protéger les données personnelles et la vie privée",
        "4.3": "Protéger la santé, le bien-être et l'environnement",
        "5.1": "Résoudre des problèmes techniques",
        "5.2": "Évoluer dans un environnement numérique",
    },
}

CRCN: dict[str, str] = CRCN_LABELS[CRCN_VERSION]

LEVELS: dict[str, str] = {
    "cycle-1": "Cycle 1 (maternelle)",
    "cycle-2": "Cycle 2 (CP-CE2)",
    "cycle-3": "Cycle 3 (CM1-6e)",
    "cycle-4": "Cycle 4 (5e-3e)",
    "lycee-general": "Lycée général",
    "lycee-technologique": "Lycée technologique",
    "lycee-professionnel": "Lycée professionnel",
    "bts": "BTS",
    "6e": "Sixième",
    "5e": "Cinquième",
    "4e": "Quatrième",
    "3e": "Troisième",
    "2de": "Seconde",
    "1re": "Première",
    "tle": "Terminale",
    "1re-specialite": "Première, enseignement de spécialité",
    "tle-specialite": "Terminale, enseignement de spécialité",
    "bts-1": "BTS, 1re année",
    "bts-2": "BTS, 2e année",
}
"""Cycles and tracks, and the class levels the programme's texts name (« 4e », « 1re spécialité »)."""

CORPS: dict[str, str] = {
    "ia-ipr": "IA-IPR",
    "ien-et": "IEN-ET",
    "ien-eg": "IEN-EG",
    "ien-1d": "IEN du premier degré",
}

LICENCES: dict[str, str] = {
    "CC0-1.0": "CC0 1.0 (domaine public)",
    "CC-BY-4.0": "Creative Commons BY 4.0",
    "CC-BY-SA-4.0": "Creative Commons BY-SA 4.0",
    "CC-BY-NC-4.0": "Creative Commons BY-NC 4.0",
    "CC-BY-NC-SA-4.0": "Creative Commons BY-NC-SA 4.0",
    "CC-BY-ND-4.0": "Creative Commons BY-ND 4.0",
    "CC-BY-NC-ND-4.0": "Creative Commons BY-NC-ND 4.0",
    "etalab-2.0": "Licence Ouverte 2.0 (Etalab)",
    "MIT": "MIT",
    "Apache-2.0": "Apache 2.0",
    "GPL-3.0-or-later": "GNU GPL 3.0 ou ultérieure",
    "AGPL-3.0-or-later": "GNU AGPL 3.0 ou ultérieure",
    "EUPL-1.2": "EUPL 1.2",
}

TOOL_KINDS: dict[str, str] = {
    "commun-public": "Commun numérique public",
    "logiciel-libre": "Logiciel libre",
    "plateforme-privee": "Plateforme privée",
}

MODALITIES: dict[str, str] = {
    "presentiel": "En classe",
    "hybride": "Hybride",
    "debranche": "Débranché",
    "distance": "À distance",
}

DEGREES: dict[str, str] = {
    "premier-degre": "Premier degré",
    "second-degre": "Second degré",
}

TRACKS: dict[str, str] = {
    "general": "Voie générale",
    "technologique": "Voie technologique",
    "professionnel": "Voie professionnelle",
}

OUTCOMES: dict[str, str] = {
    "candidat": "Candidature en académie",
    "preselectionne": "Présélectionné par l'académie",
    "transmis": "Transmis à la DNE par la DAN/DRAN",
    "retenu": "Retenu",
    "non-retenu": "Non retenu",
}
"""The selection steps of a team: académie pre-selection under the inspectors, transmission by the
DAN/DRAN (end of March), national selection by the DNE and the IGÉSR (mid-June)."""

UNDECIDED_OUTCOMES = frozenset({"candidat", "preselectionne", "transmis"})
"""Outcomes that still wait for the national selection."""

CAHIERS: dict[str, str] = {
    "2016": "Appel à candidatures 2016-2017",
    "2019": "Cahier des charges 2019-2020",
    "2026": "Appel à projets 2026-2027",
}
"""Versions of the cahier des charges a campaign follows; the rules apply by version."""

QUOTA_SCOPES: dict[str, str] = {
    "discipline": "par discipline",
    "theme": "par thématique",
}

PHASES: dict[str, str] = {
    "appel": "Appel à projets",
    "candidatures": "Candidatures en académie",
    "selection": "Sélection nationale",
    "travaux": "Travaux en cours",
    "termine": "Terminée",
}

ROLES: dict[str, str] = {
    "academique": "Validation académique",
    "national": "Validation nationale",
}

STATES: dict[str, str] = {
    "brouillon": "Brouillon",
    "propose": "Proposé",
    "modifications": "Modifications demandées",
    "refuse": "Refusé",
    "academique": "Validé académique",
    "national": "Validé national",
}
"""Validation states, derived from git history and never stored in a record."""

SYNTHESIS_STAGES: dict[str, str] = {
    "intermediaire": "Synthèse intermédiaire (année 1 d'une thématique sur deux ans)",
    "bilan": "Bilan de la thématique",
}
"""Stages of a theme's synthesis: the cahier des charges asks an intermediate one in year 1 of a two-year theme."""

DELIVERABLE_KINDS: dict[str, str] = {
    "module-magistere": "Module de formation M@gistère",
    "mooc": "MOOC",
    "infographie": "Infographie",
    "carte-heuristique": "Carte heuristique",
    "capsule-video": "Capsule vidéo",
}
"""Training modules and communication supports that spread a theme's work."""

TRAINING_KINDS = frozenset({"module-magistere", "mooc"})
"""Deliverable kinds that are training modules; the others are communication supports."""

KINDS: dict[str, str] = {
    "campaign": "Campagne",
    "theme": "Thématique",
    "team": "Équipe",
    "scenario": "Scénario",
    "synthesis": "Synthèse",
    "governance": "Gouvernance",
}

VOCABULARIES: dict[str, dict[str, str]] = {
    "academie": ACADEMIES,
    "region": REGIONS,
    "discipline": DISCIPLINES,
    "crcn": CRCN,
    "niveau": LEVELS,
    "corps": CORPS,
    "licence": LICENCES,
    "type_outil": TOOL_KINDS,
    "modalite": MODALITIES,
    "degre": DEGREES,
    "voie": TRACKS,
    "resultat": OUTCOMES,
    "cahier": CAHIERS,
    "phase": PHASES,
    "role": ROLES,
    "etat": STATES,
    "etape_synthese": SYNTHESIS_STAGES,
    "type_production": DELIVERABLE_KINDS,
    "type": KINDS,
}
"""Every vocabulary by the French name used in search facets and messages."""


def label(vocabulary: dict[str, str], code: str | None) -> str:
    """Return the French label of ``code``, the code itself when unknown, « non précisé(e) » for None."""
    if code is None:
        return "non précisé(e)"
    return vocabulary.get(code, code)


def campaign_year(campaign: str) -> int:
    """Return the first year of a campaign code (``2019-2020`` → 2019; 0 when it is not a code)."""
    return int(campaign[:4]) if campaign[:4].isdigit() else 0


def academie_in(code: str, campaign: str) -> bool:
    """Tell whether the académie ``code`` existed for the campaign ``campaign`` (``AAAA-AAAA``)."""
    first, last = ACADEMY_YEARS.get(code, (None, None))
    year = campaign_year(campaign)
    return (first is None or year >= first) and (last is None or year <= last)


def region_of(code: str, campaign: str) -> str | None:
    """Return the région académique (DRAN) of an académie for a campaign; None before 2016 or outside any région."""
    return REGION_OF.get(code) if campaign_year(campaign) >= REGIONS_SINCE else None
