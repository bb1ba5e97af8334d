"""Provides the columns of a proposals sheet (French headers) and how each cell becomes a record value.

Scenario sheets (one row per scenario), headers in any order, case and
accents ignored; ``*`` marks a required column:

``campagne*`` (2026-2027) · ``discipline*`` or ``disciplines*`` (codes or
labels: SVT, Mathématiques…; the first one is the folder) · ``académie*``
(code or label) · ``thématique*`` (file name of the theme, ``svt-1``, or its
title) · ``titre*`` · ``identifiant`` (slug of the file, by default made from
the title) · ``résumé`` · ``niveaux`` · ``durée`` · ``modalités`` ·
``objectifs`` · ``outils`` (``Nom (type) https://…``, type: commun public,
logiciel libre, plateforme privée) · ``outils IA`` · ``IA élèves`` (oui/non) ·
``IA données`` (protection of personal data) · ``CRCN`` (codes 1.1 … 5.2) ·
``licence`` (SPDX or label) · ``URL de publication`` · ``URL Édubase`` ·
``auteurs`` (``Nom <courriel>``) · ``mots-clés``.

Team sheets (one row per académie team): ``campagne*`` · ``discipline*`` ·
``académie*`` · ``thématique*`` · ``titre du projet*`` · ``résumé`` ·
``pilote*`` · ``corps du pilote*`` (IA-IPR, IEN-ET, IEN-EG, IEN du premier
degré) · ``courriel du pilote`` · ``référent*`` · ``courriel du référent`` ·
``enseignants`` (``Nom (Établissement) <courriel>``) · ``CARDIE`` ·
``accord DASEN`` (oui/non) · ``durée`` (1 or 2 years) · ``résultat``
(candidat, retenu, non retenu).

Multi-valued cells separate their items with ``,``, ``;``, ``|`` or line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from records import vocab
from records.text import fold

CellValue = str | bool | int | list[str] | list[dict[str, str]]
"""What :func:`read_cell` returns: text, a flag, a number of years, codes or names, people or tools."""


class CellError(ValueError):
    """A cell that cannot be read; the message is French."""


@dataclass(frozen=True)
class Column:
    """One column: the model key it fills (dotted for nested tables), its accepted headers, its reader."""

    key: str
    headers: tuple[str, ...]
    read: str
    required: bool = False


def header_key(text: str) -> str:
    """Return the comparison form of a header: folded, punctuation as spaces, ``*`` dropped."""
    return " ".join(re.sub(r"[-_'’.*:]", " ", fold(text)).split())


SCENARIO = (
    Column("campaign", ("campagne",), "text", True),
    Column("disciplines", ("disciplines", "discipline"), "disciplines", True),
    Column("academie", ("academie",), "academie", True),
    Column("theme", ("thematique", "theme"), "text", True),
    Column("title", ("titre",), "text", True),
    Column("slug", ("identifiant", "slug"), "text"),
    Column("summary", ("resume",), "multiline"),
    Column("levels", ("niveaux", "niveau"), "levels"),
    Column("duration", ("duree",), "text"),
    Column("modalities", ("modalites", "modalite"), "modalities"),
    Column("objectives", ("objectifs",), "list"),
    Column("tools", ("outils",), "tools"),
    Column("ai.tools", ("outils ia", "ia"), "list"),
    Column("ai.by_students", ("ia eleves", "ia par les eleves"), "bool"),
    Column("ai.personal_data", ("ia donnees", "donnees personnelles"), "multiline"),
    Column("crcn", ("crcn", "competences crcn"), "crcn"),
    Column("licence", ("licence",), "licence"),
    Column("publication_url", ("url de publication", "url publication", "publication"), "text"),
    Column("edubase_url", ("url edubase", "edubase"), "text"),
    Column("authors", ("auteurs", "auteur"), "people"),
    Column("keywords", ("mots cles", "mot cles"), "list"),
)

TEAM = (
    Column("campaign", ("campagne",), "text", True),
    Column("discipline", ("discipline",), "discipline", True),
    Column("academie", ("academie",), "academie", True),
    Column("theme", ("thematique", "theme"), "text", True),
    Column("project_title", ("titre du projet", "projet", "titre"), "text", True),
    Column("summary", ("resume",), "multiline"),
    Column("pilot.name", ("pilote", "inspecteur pilote"), "text", True),
    Column("pilot.corps", ("corps du pilote", "corps"), "corps", True),
    Column("pilot.email", ("courriel du pilote",), "text"),
    Column("referent.name", ("referent", "professeur referent"), "text", True),
    Column("referent.email", ("courriel du referent",), "text"),
    Column("teachers", ("enseignants",), "teachers"),
    Column("cardie.name", ("cardie", "representant cardie"), "text"),
    Column("dasen_agreement", ("accord dasen", "accord du dasen"), "bool"),
    Column("duration", ("duree",), "years"),
    Column("outcome", ("resultat", "selection"), "outcome"),
)

COLUMNS = {"scenario": SCENARIO, "team": TEAM}


def split_list(cell: str) -> list[str]:
    """Return the items of a multi-valued cell."""
    return [item.strip() for item in re.split(r"[,;|\n]", cell) if item.strip()]


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def code_of(vocabulary: dict[str, str], raw: str) -> str:
    """Return the code a person meant (code, label, abbreviation in the label's parentheses), or ``raw``.

    Case, accents, spaces and punctuation are ignored: ``cc by-sa 4.0``, ``Cycle 4`` and ``SVT`` are understood.
    """
    if raw in vocabulary:
        return raw
    wanted = _squash(raw)
    for code, label in vocabulary.items():
        forms = (code, label, label.split(" (")[0], *re.findall(r"\(([^)]*)\)", label))
        if wanted and wanted in (_squash(form) for form in forms):
            return code
    return raw


_EMAIL = re.compile(r"<([^<>]*)>")
_PAREN = re.compile(r"\(([^()]*)\)")
_TOOL = re.compile(r"^(?P<name>[^()]*?)\s*(?:\((?P<kind>[^()]*)\))?\s*(?P<url>https?://\S+)?$")


def _person(item: str, with_school: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    email = _EMAIL.search(item)
    if email:
        out["email"] = email.group(1).strip()
        item = item[: email.start()] + item[email.end():]
    school = _PAREN.search(item) if with_school else None
    if school:
        out["school"] = school.group(1).strip()
        item = item[: school.start()] + item[school.end():]
    out["name"] = " ".join(item.split())
    return out


def _bool(cell: str) -> bool:
    value = fold(cell)
    if value in ("oui", "o", "vrai", "x", "1", "yes", "true"):
        return True
    if value in ("non", "n", "faux", "0", "no", "false"):
        return False
    raise CellError(f"« {cell} » : oui ou non attendu")


def _tool(item: str) -> dict[str, str]:
    match = _TOOL.match(item)
    if not match or not match.group("name"):
        raise CellError(f"outil « {item} » illisible (attendu : Nom (type) https://…)")
    if not match.group("kind"):
        raise CellError(f"type d'outil manquant pour « {match.group('name')} » "
                        "(commun public, logiciel libre ou plateforme privée, entre parenthèses)")
    tool = {"name": match.group("name"), "kind": code_of(vocab.TOOL_KINDS, match.group("kind").strip())}
    if match.group("url"):
        tool["url"] = match.group("url")
    return tool


def _crcn(item: str) -> str:
    match = re.match(r"\s*(\d\.\d)\b", item)
    return match.group(1) if match else item


def read_cell(reader: str, cell: str) -> CellValue:
    """Return the record value of a non-empty cell for ``reader`` (see the column tables).

    Raises:
        CellError: the cell cannot be read (French message).
    """
    if reader == "text":
        return " ".join(cell.split())
    if reader == "multiline":
        return cell.replace("\r\n", "\n").replace("\r", "\n").strip()
    if reader == "list":
        return split_list(cell)
    if reader == "bool":
        return _bool(cell)
    if reader == "years":
        if cell.strip() not in ("1", "2"):
            raise CellError(f"« {cell} » : durée en années attendue (1 ou 2)")
        return int(cell.strip())
    if reader == "tools":
        return [_tool(item) for item in split_list(cell)]
    if reader == "people":
        return [_person(item, False) for item in split_list(cell)]
    if reader == "teachers":
        return [_person(item, True) for item in split_list(cell)]
    if reader == "crcn":
        return [_crcn(item) for item in split_list(cell)]
    single = {"academie": vocab.ACADEMIES, "discipline": vocab.DISCIPLINES, "corps": vocab.CORPS,
              "licence": vocab.LICENCES, "outcome": vocab.OUTCOMES}
    if reader in single:
        return code_of(single[reader], cell.strip())
    multi = {"disciplines": vocab.DISCIPLINES, "levels": vocab.LEVELS, "modalities": vocab.MODALITIES}
    return [code_of(multi[reader], item) for item in split_list(cell)]
