"""Provides the export formats and state choices, light enough for the command line to import at start."""

from __future__ import annotations

from records import vocab

FORMATS = {
    "edubase-csv": "tableur pour l'indexation Édubase (CSV ; UTF-8 avec BOM)",
    "xlsx": "classeur XLSX des colonnes Édubase (cellules texte, dates) : pour un tableur",
    "json": "tous les enregistrements en JSON (schéma documenté)",
    "jsonl": "un enregistrement JSON par ligne",
    "json-schema": "le schéma JSON de l'export json",
    "site": "catalogue HTML statique (dossier)",
    "markdown": "synthèse de fin d'année par thématique",
    "atom": "un flux Atom par discipline (dossier)",
}
"""Export formats and what they give, in French."""

VALIDATED = ("academique", "national")
"""States that count as validated (académie or nation)."""

ETAT_CHOICES = ("valide", "tous", *vocab.STATES)
"""Values of ``--etat``: ``valide`` (the default: validé académique or national), ``tous``, or one state code."""
