"""Provides small real commons for the application tests: records from the models, committed with plain git.

Dates of commits are fixed so that snapshots are identical on every run.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from records.codec import dump
from records.models import (
    AiUse,
    Author,
    Campaign,
    Inspector,
    Manifest,
    Person,
    Scenario,
    Teacher,
    Team,
    Theme,
    Tool,
)
from tests.conftest import git

TODAY = dt.date(2026, 11, 21)
"""The date the tests pretend it is (the dashboard reasons about it)."""

HOSTILE = "[@click=app.quit]x[/]"
"""Markup that runs an action when clicked, if ever rendered as markup."""
ESCAPES = "\x1b]52;c;cGF3bmVk\x07\x1b]8;;https://evil.example\x1b\\lien\x1b]8;;\x1b\\\x1b[31mrouge\x1b[0m"
"""OSC 52 (clipboard write), OSC 8 (hyperlink) and CSI (colour) sequences."""


def campaign() -> Campaign:
    return Campaign(
        code="2026-2027", title="Appel à projets TraAM 2026-2027",
        summary="Les équipes académiques explorent le numérique en classe.",
        call_opens=dt.date(2026, 2, 2), proposals_due=dt.date(2026, 3, 31), selection=dt.date(2026, 6, 15),
        work_starts=dt.date(2026, 9, 1), work_ends=dt.date(2027, 5, 31), phase="travaux",
    )


def team(discipline: str, academie: str, theme: str) -> Team:
    return Team(
        campaign="2026-2027", discipline=discipline, academie=academie, theme=theme,
        project_title=f"Projet {discipline} de {academie}",
        pilot=Inspector(name="Inspectrice Exemple", corps="ia-ipr"),
        referent=Person(name="Référent Exemple"),
        teachers=[Teacher(name=f"Enseignant {i}", school="Collège Exemple") for i in (1, 2, 3)],
        cardie=Person(name="Cardie Exemple"),
    )


def scenario(discipline: str, academie: str, title: str, **fields) -> Scenario:
    base = dict(campaign="2026-2027", disciplines=[discipline], academie=academie, theme=discipline, title=title,
                summary="Les élèves observent, mesurent et publient leurs données.", levels=["cycle-4"],
                crcn=["1.1", "3.4"], tools=[Tool(name="Capytale", kind="commun-public")],
                authors=[Author(name="Autrice Exemple", email="autrice@example.org")],
                publication_url="https://example.org/scenario", keywords=["biodiversité"])
    base.update(fields)
    return Scenario(**base)


def records(hostile: bool = False) -> dict[str, object]:
    """Return the records of the small commons by id."""
    out: dict[str, object] = {
        "campaigns/2026-2027": campaign(),
        "themes/2026-2027/svt": Theme(campaign="2026-2027", discipline="svt", title="Biodiversité et données"),
        "themes/2026-2027/nsi": Theme(campaign="2026-2027", discipline="nsi", title="Intelligence artificielle"),
        "teams/2026-2027/svt/lille": team("svt", "lille", "svt"),
        "teams/2026-2027/nsi/versailles": team("nsi", "versailles", "nsi"),
        "scenarios/2026-2027/svt/lille/biodiversite-cour": scenario(
            "svt", "lille", "Biodiversité dans la cour du collège", created=dt.date(2026, 10, 1)),
        "scenarios/2026-2027/svt/lille/herbier-numerique": scenario("svt", "lille", "Herbier numérique partagé"),
        "scenarios/2026-2027/nsi/versailles/chatbot-critique": scenario(
            "nsi", "versailles", "Un chatbot sous l'œil critique des élèves", levels=["lycee-general"],
            ai=AiUse(tools=["Chat-MD"], personal_data="Aucune donnée personnelle saisie.", by_students=True)),
    }
    if hostile:
        out["scenarios/2026-2027/svt/lille/piege"] = scenario(
            "svt", "lille", f"Piège {HOSTILE}", summary=f"Résumé {HOSTILE}",
            authors=[Author(name=f"Auteur {HOSTILE}")], keywords=[HOSTILE])
    return out


def commit_env(when: str = "2026-11-20T10:00:00+01:00", author: str = "Camille Test") -> dict[str, str]:
    return {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": author,
            "GIT_COMMITTER_NAME": author}


def make_commons(path: Path, *, hostile: bool = False) -> Path:
    """Write a commons at ``path`` with plain git: manifest, records, one fixed-date commit (two if hostile)."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    (path / "traam.toml").write_text(dump(Manifest(name="Commun de test")), encoding="utf-8")
    for record_id, record in records(hostile).items():
        target = path / f"{record_id}.toml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump(record), encoding="utf-8")
    git(path, "add", "-A")
    _commit(path, "Créer le commun de test", commit_env())
    edited = records()["scenarios/2026-2027/svt/lille/biodiversite-cour"].model_copy(
        update={"summary": "Les élèves inventorient les espèces de la cour et partagent leurs relevés.",
                "levels": ["cycle-3", "cycle-4"]})
    (path / "scenarios/2026-2027/svt/lille/biodiversite-cour.toml").write_text(dump(edited), encoding="utf-8")
    git(path, "add", "-A")
    _commit(path, "Préciser le résumé et ajouter le cycle 3", commit_env("2026-11-20T15:00:00+01:00",
                                                                         author="Dominique Relecture"))
    if hostile:
        broken = path / "scenarios/2026-2027/svt/lille/casse.toml"
        broken.write_text(f'title = "{ESCAPES}"\n'.replace("\x1b", "\\u001b").replace("\x07", "\\u0007"),
                          encoding="utf-8")
        git(path, "add", "-A")
        _commit(path, f"Message {HOSTILE} {ESCAPES}", commit_env("2026-11-20T11:00:00+01:00",
                                                                  author=f"Pirate {HOSTILE} {ESCAPES}"))
    return path


def _commit(path: Path, message: str, env: dict[str, str]) -> None:
    import subprocess

    subprocess.run(["git", "-C", str(path), "commit", "-q", "-m", message], check=True,
                   env={**os.environ, **env}, capture_output=True)


def asynctest(function):
    """Run an ``async def`` test with ``asyncio.run`` (no asyncio plugin needed; fixtures still apply)."""
    import asyncio
    import functools

    @functools.wraps(function)
    def run(*args, **kwargs):
        return asyncio.run(function(*args, **kwargs))

    return run


async def settle(app, pilot) -> None:
    """Wait until every worker finished and the messages they posted were handled (never a sleep)."""
    for _ in range(4):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()
