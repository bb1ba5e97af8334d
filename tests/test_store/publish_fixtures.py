"""Provides a small real commons for the publishing tests: records built with records.models, and their states."""

from __future__ import annotations

import datetime as dt

from records.models import AiUse, Author, Campaign, Inspector, Person, Scenario, Teacher, Team, Theme, Tool

HOSTILE = "<script>alert(\"x\")</script> & 'quotes' [@click=app.quit]clic[/] </p><a href=\"javascript:alert(1)\">"
"""Record text a contributor might paste: markup, script, quotes."""
ESCAPES = "\x1b]52;c;ZWNobw==\x07\x1b[31mrouge\x9b"
"""Terminal escape sequences; the schema refuses them, so they only arrive through model_construct."""


def _team(campaign: str, discipline: str, academie: str, theme: str, outcome: str, title: str) -> Team:
    return Team(
        campaign=campaign,
        discipline=discipline,
        academie=academie,
        theme=theme,
        project_title=title,
        pilot=Inspector(name="Inspectrice Exemple", corps="ia-ipr", email="pilote@example.org"),
        referent=Person(name="Référent Exemple", email="referent@example.org"),
        teachers=[Teacher(name=f"Enseignant {n}", school="Collège Exemple") for n in (1, 2, 3)],
        cardie=Person(name="Cardie Exemple"),
        outcome=outcome,
    )


def sample_records() -> dict:
    """Return ``{id: model}``: one campaign, two themes, three teams, four scenarios (one hostile)."""
    records: dict = {
        "campaigns/2026-2027": Campaign(
            code="2026-2027",
            title="TraAM 2026-2027",
            summary="Appel à projets de l'année.",
            call_opens=dt.date(2026, 2, 2),
            proposals_due=dt.date(2026, 3, 27),
            selection=dt.date(2026, 6, 15),
            work_starts=dt.date(2026, 9, 1),
            work_ends=dt.date(2027, 5, 31),
            teams_per_discipline=2,
            phase="travaux",
        ),
        "themes/2026-2027/svt-1": Theme(
            campaign="2026-2027", discipline="svt", title="Biodiversité et données", summary="Observer et compter."
        ),
        "themes/2026-2027/nsi": Theme(campaign="2026-2027", discipline="nsi", title="IA et algorithmes"),
        "teams/2026-2027/svt-1/lille": _team("2026-2027", "svt", "lille", "svt-1", "retenu", "Inventaires au collège"),
        "teams/2026-2027/svt-1/nantes": _team("2026-2027", "svt", "nantes", "svt-1", "retenu", "Sciences participatives"),
        "teams/2026-2027/nsi/versailles": _team("2026-2027", "nsi", "versailles", "nsi", "retenu", "Apprendre l'IA"),
    }
    records["scenarios/2026-2027/svt/lille/defi-botanique"] = Scenario(
        campaign="2026-2027",
        disciplines=["svt"],
        academie="lille",
        theme="svt-1",
        title="Défi botanique",
        summary="Les élèves photographient des plantes\net comparent leurs relevés.",
        levels=["cycle-4"],
        modalities=["presentiel"],
        tools=[
            Tool(name="Éléa", kind="commun-public", url="https://elea.apps.education.fr"),
            Tool(name="PlantNet", kind="plateforme-privee"),
        ],
        ai=AiUse(tools=["PlantNet"], personal_data="Aucune photo de visage.", by_students=True),
        crcn=["1.1", "3.2"],
        licence="CC-BY-4.0",
        publication_url="https://svt.ac-lille.fr/defi-botanique",
        authors=[Author(name="Alix Exemple")],
        keywords=["botanique", "=SOMME(A1)"],
        updated=dt.date(2026, 11, 2),
    )
    records["scenarios/2026-2027/svt/nantes/compter-les-oiseaux"] = Scenario(
        campaign="2026-2027",
        disciplines=["svt", "mathematiques"],
        academie="nantes",
        theme="svt-1",
        title="Compter les oiseaux",
        summary="- une liste qui commence par un tiret",
        levels=["cycle-3", "cycle-4"],
        tools=[Tool(name="Capytale", kind="commun-public"), Tool(name="LibreOffice Calc", kind="logiciel-libre")],
        crcn=["1.2", "1.3"],
        edubase_url="https://edubase.eduscol.education.fr/fiche/1",
        authors=[Author(name="Bo Exemple"), Author(name="Cy Exemple")],
        created=dt.date(2026, 10, 1),
    )
    records["scenarios/2026-2027/nsi/versailles/hostile"] = Scenario(
        campaign="2026-2027",
        disciplines=["nsi"],
        academie="versailles",
        theme="nsi",
        title=HOSTILE,
        summary=HOSTILE + "\ninvisible\u200bici",
        levels=["lycee-general"],
        tools=[Tool(name=HOSTILE, kind="logiciel-libre")],
        crcn=["3.4"],
        authors=[Author(name=HOSTILE)],
        keywords=[HOSTILE],
    )
    records["scenarios/2026-2027/nsi/versailles/brouillon"] = Scenario(
        campaign="2026-2027",
        disciplines=["nsi"],
        academie="versailles",
        theme="nsi",
        title="Scénario en cours",
    )
    return records


def escaped_scenario() -> Scenario:
    """Return a scenario holding raw escape sequences (built without validation, as a hostile source would)."""
    base = sample_records()["scenarios/2026-2027/nsi/versailles/hostile"]
    return base.model_copy(update={"title": "Titre " + ESCAPES, "summary": "Résumé " + ESCAPES})


def sample_states() -> dict[str, str]:
    """Return the states of :func:`sample_records`: all validated except the draft and one team."""
    return {
        "campaigns/2026-2027": "national",
        "themes/2026-2027/svt-1": "national",
        "themes/2026-2027/nsi": "national",
        "teams/2026-2027/svt-1/lille": "national",
        "teams/2026-2027/svt-1/nantes": "academique",
        "teams/2026-2027/nsi/versailles": "propose",
        "scenarios/2026-2027/svt/lille/defi-botanique": "national",
        "scenarios/2026-2027/svt/nantes/compter-les-oiseaux": "academique",
        "scenarios/2026-2027/nsi/versailles/hostile": "national",
        "scenarios/2026-2027/nsi/versailles/brouillon": "brouillon",
    }
