"""Provides the French, closed JSON Schema of the exports: enums from the vocabularies, formats, French titles.

pydantic generates the structure from the models; this module adds what
``traam validate`` checks and a bare schema would not: the closed
vocabularies as ``enum`` (with their French labels in ``x-libelles``),
``uri`` and ``email`` formats, and French titles and descriptions, so that a
consumer of the export (or check-jsonschema) refuses what traam refuses.
"""

from __future__ import annotations

from typing import Any

from records import vocab
from records.present import FIELD_LABELS, VALUE_VOCABULARIES

SCHEMA_ID = "urn:traam:schemas:export:1"
"""The schema's ``$id``: one format for every commons and fork, so a URN rather than a site's URL."""

MODEL_TITLES = {
    "Campaign": ("Campagne", "Une campagne annuelle des TraAM (appel à projets) et son calendrier."),
    "Theme": ("Thématique", "Une thématique de travail d'une discipline pour une campagne."),
    "Team": ("Équipe", "Un groupe de travail académique retenu ou candidat pour une thématique."),
    "Scenario": ("Scénario", "Un scénario pédagogique publié par une équipe académique."),
    "Person": ("Personne", "Une personne nommée (professeur référent, représentant CARDIE)."),
    "Inspector": ("Inspecteur pilote", "L'inspecteur qui pilote l'équipe et son corps."),
    "Teacher": ("Enseignant", "Un enseignant de l'équipe qui mène des séquences en classe."),
    "Author": ("Auteur", "Un auteur du scénario."),
    "Tool": ("Outil", "Un outil numérique utilisé, son type et son adresse."),
    "AiUse": ("Intelligence artificielle", "L'usage d'outils d'IA et la note sur les données personnelles."),
    "Step": ("Étape", "Une étape du déroulement du scénario."),
}

FIELD_VOCABULARIES = {**VALUE_VOCABULARIES, "state": vocab.STATES}
PER_MODEL_VOCABULARIES = {("Tool", "kind"): vocab.TOOL_KINDS}
FORMATS = {"email": "email", "url": "uri", "publication_url": "uri", "edubase_url": "uri", "upstream": "uri"}
PATTERNS = {"uri": r"^https?://[^\s/$.?#][^\s]*$", "email": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"}
"""Patterns beside the formats: validators that do not check ``format`` (an optional feature) still refuse."""


def _branches(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the non-null alternatives of a property (``anyOf`` of a value and null, or itself)."""
    if "anyOf" in schema:
        return [branch for branch in schema["anyOf"] if branch.get("type") != "null"]
    return [schema]


def _constrain(schema: dict[str, Any], extra: dict[str, Any]) -> None:
    """Add ``extra`` to the string values of a property: itself, its ``items``, or its non-null branches."""
    for branch in _branches(schema):
        target = branch.get("items", branch) if branch.get("type") == "array" else branch
        if target.get("type") == "string":
            target.update(extra)


def enrich_model(name: str, definition: dict[str, Any]) -> None:
    """Give one model's schema French titles, enums and formats (in place)."""
    if name in MODEL_TITLES:
        definition["title"], definition["description"] = MODEL_TITLES[name]
    for field, prop in definition.get("properties", {}).items():
        label = FIELD_LABELS.get(field)
        if label:
            prop["title"] = label
        codes = PER_MODEL_VOCABULARIES.get((name, field)) or FIELD_VOCABULARIES.get(field)
        if codes:
            _constrain(prop, {"enum": list(codes)})
            prop["x-libelles"] = dict(codes)
            prop["description"] = f"{label or field} : un code du vocabulaire de traam (libellés dans x-libelles)."
        elif field in FORMATS:
            _constrain(prop, {"format": FORMATS[field], "pattern": PATTERNS[FORMATS[field]]})
            prop["description"] = {"uri": "Adresse web complète (https://…).",
                                   "email": "Adresse électronique professionnelle."}[FORMATS[field]]
        elif label and "description" in prop:
            prop["description"] = label + "."


def enrich(schema: dict[str, Any]) -> dict[str, Any]:
    """Return the export schema with ``$id``, French titles, enums and formats added (modified in place)."""
    for name, definition in schema.get("$defs", {}).items():
        enrich_model(name, definition)
    item = schema.get("$defs", {}).get("Item", {})
    for branch in item.get("oneOf", []):
        branch["properties"]["state"] = {
            "title": "État de validation", "description": "État déduit de l'historique git, null s'il est inconnu.",
            "enum": [*vocab.STATES, None], "x-libelles": dict(vocab.STATES),
        }
    return {"$schema": schema["$schema"], "$id": SCHEMA_ID, **{k: v for k, v in schema.items() if k != "$schema"}}
