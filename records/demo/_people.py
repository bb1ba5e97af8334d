"""Provides the placeholder people of the demo commons and a builder for complete teams.

Nobody in the demo is real: every name says « (exemple) » and every address
is at example.org, so the demo can be shown, copied and published freely.
"""

from __future__ import annotations

from typing import Literal

from records import vocab
from records.models import Author, Inspector, Person, Teacher, Team

DOMAIN = "example.org"


def _mail(*parts: str) -> str:
    return ".".join(p.replace(" ", "-") for p in parts) + f"@{DOMAIN}"


def authors(academie: str, *letters: str) -> list[Author]:
    """Return placeholder authors for a scenario of ``academie`` (one per letter)."""
    return [
        Author(
            name=f"Enseignant·e {letter} ({vocab.ACADEMIES[academie]}, exemple)",
            email=_mail("auteur", letter.lower(), academie),
        )
        for letter in letters
    ]


def team(
    campaign: str,
    discipline: str,
    academie: str,
    *,
    theme: str,
    project_title: str,
    summary: str = "",
    outcome: str = "retenu",
    duration: Literal[1, 2] = 1,
    illustrative: str = "",
) -> Team:
    """Return a complete placeholder team that satisfies the cahier des charges.

    The pilot is an IA-IPR (an IEN of the premier degré, with the DASEN's
    agreement, for premier-degré teams); the team has a referent, three
    teachers and a CARDIE representative, all placeholders.
    """
    place = vocab.ACADEMIES[academie]
    first_degree = discipline == "premier-degre"
    school = f"{'École' if first_degree else 'Établissement'} exemple, académie de {place}"
    pilot = Inspector(
        name=f"Inspecteur·rice pilote ({place}, exemple)",
        corps="ien-1d" if first_degree else "ia-ipr",
        email=_mail("pilote", discipline, academie),
    )
    teachers = [
        Teacher(
            name=f"Enseignant·e {letter} ({place}, exemple)",
            school=school,
            degree="premier-degre" if first_degree else "second-degre",
            email=_mail("enseignant", letter.lower(), discipline, academie),
        )
        for letter in ("A", "B", "C")
    ]
    return Team(
        campaign=campaign,
        discipline=discipline,
        academie=academie,
        theme=theme,
        project_title=project_title,
        summary=summary,
        pilot=pilot,
        referent=Person(
            name=f"Professeur·e référent·e ({place}, exemple)",
            email=_mail("referent", discipline, academie),
            school=school,
        ),
        teachers=teachers,
        cardie=Person(name=f"Représentant·e CARDIE ({place}, exemple)", email=_mail("cardie", academie)),
        dasen_agreement=True if first_degree else None,
        duration=duration,
        illustrative=illustrative,
        outcome=outcome,
    )
