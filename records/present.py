"""Provides the French presentation of records: field labels and values as plain text lines.

Used by ``traam show``, the detail pane of the application and the exports,
so that a field reads the same everywhere. Values are plain text (never
markup); callers still pass them through :func:`records.text.printable`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from records import vocab
from records.models import Model

FIELD_LABELS: dict[str, str] = {
    "code": "Code",
    "title": "Titre",
    "project_title": "Titre du projet",
    "summary": "Résumé",
    "call_opens": "Ouverture de l'appel",
    "proposals_due": "Remontée des propositions",
    "selection": "Sélection nationale",
    "work_starts": "Début des travaux",
    "work_ends": "Fin des travaux",
    "teams_per_discipline": "Équipes retenues par discipline",
    "phase": "Phase",
    "campaign": "Campagne",
    "discipline": "Discipline",
    "disciplines": "Disciplines",
    "academie": "Académie",
    "academies": "Académies",
    "theme": "Thématique",
    "axes": "Axes de travail",
    "year": "Année",
    "requires": "Prérequis",
    "pilot": "Pilote",
    "referent": "Professeur référent",
    "teachers": "Enseignants",
    "cardie": "Représentant CARDIE",
    "dasen_agreement": "Accord du DASEN",
    "duration": "Durée",
    "outcome": "Résultat de la sélection",
    "levels": "Niveaux",
    "modalities": "Modalités",
    "objectives": "Objectifs",
    "steps": "Déroulement",
    "tools": "Outils",
    "ai": "Intelligence artificielle",
    "personal_data": "Données personnelles",
    "by_students": "Utilisée par les élèves",
    "crcn": "Compétences CRCN",
    "licence": "Licence",
    "publication_url": "Publication",
    "edubase_url": "Notice Édubase",
    "authors": "Auteurs",
    "keywords": "Mots-clés",
    "created": "Créé le",
    "updated": "Mis à jour le",
    "reviewers": "Relecteurs",
    "principal": "Principal",
    "role": "Rôle",
    "public_key": "Clé publique",
    "valid_from": "Valide à partir du",
    "valid_until": "Valide jusqu'au",
    "name": "Nom",
    "email": "Courriel",
    "school": "Établissement",
    "corps": "Corps",
    "degree": "Degré",
    "track": "Voie",
    "kind": "Type",
    "url": "Adresse",
    "description": "Description",
    "upstream": "Commun suivi",
    "schema_version": "Version du schéma",
    "trust_root": "Racine de confiance",
    "cahier": "Cahier des charges",
    "quota_scope": "Quota",
    "teams_minimum": "Équipes retenues au moins",
    "inspector_general": "Inspecteur·rice général·e (IGÉSR)",
    "short_title": "Titre court",
    "experts": "Experts de la DNE",
    "lead_academie": "Académie chef de file",
    "emblematic": "Scénario emblématique",
    "illustrative": "Exemple inventé",
    "copilot": "Copilote",
    "region": "Transmis par la DRAN",
}

VALUE_VOCABULARIES: dict[str, dict[str, str]] = {
    "phase": vocab.PHASES,
    "discipline": vocab.DISCIPLINES,
    "disciplines": vocab.DISCIPLINES,
    "academie": vocab.ACADEMIES,
    "academies": vocab.ACADEMIES,
    "outcome": vocab.OUTCOMES,
    "levels": vocab.LEVELS,
    "modalities": vocab.MODALITIES,
    "crcn": vocab.CRCN,
    "licence": vocab.LICENCES,
    "corps": vocab.CORPS,
    "degree": vocab.DEGREES,
    "track": vocab.TRACKS,
    "role": vocab.ROLES,
    "cahier": vocab.CAHIERS,
    "quota_scope": vocab.QUOTA_SCOPES,
    "lead_academie": vocab.ACADEMIES,
    "region": vocab.REGIONS,
}

_FLAGS = frozenset({"emblematic"})
"""Boolean fields shown only when true."""
"""Fields whose stored codes are shown with their French labels."""

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")


def french_date(value: dt.date) -> str:
    """Return ``21 novembre 2026``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def field_label(key: str) -> str:
    """Return the French label of a field name (the name itself when unknown)."""
    return FIELD_LABELS.get(key, key)


def value_text(key: str, value: Any) -> str:
    """Return a field value as French text: codes become labels, booleans oui/non, dates spelt out."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.date):
        return french_date(value)
    if key == "crcn" and isinstance(value, str):
        return f"{value} {vocab.CRCN.get(value, '')}".strip()
    if key == "kind" and value in vocab.TOOL_KINDS:
        return vocab.TOOL_KINDS[value]
    if key in VALUE_VOCABULARIES and isinstance(value, str):
        return vocab.label(VALUE_VOCABULARIES[key], value)
    if isinstance(value, list):
        return ", ".join(value_text(key, v) for v in value) if value else "—"
    if isinstance(value, dict):
        return " ; ".join(f"{field_label(k)} : {value_text(k, v)}" for k, v in value.items() if v not in (None, "", []))
    return str(value)


def describe(record: Model) -> list[tuple[str, str, str]]:
    """Return ``(key, French label, text)`` for each field set on the record, in model order.

    Lists of tables (teachers, tools, steps, reviewers) give one line per item.
    """
    rows: list[tuple[str, str, str]] = []
    illustrative = getattr(record, "illustrative", "")
    if illustrative:  # first, so that nobody reads an invented fact as a source's
        rows.append(("illustrative", field_label("illustrative"), f"exemple : {illustrative}"))
    table = record.model_dump(mode="python", exclude_defaults=False)
    for key, value in table.items():
        if value in (None, "", []) or (value is False and key in _FLAGS) or key == "illustrative":
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            text = "\n".join(f"• {value_text(key, item)}" for item in value)
        else:
            text = value_text(key, value)
        rows.append((key, field_label(key), text.strip()))
    return rows
