"""Provides the Édubase CSV export: one row per scenario, ready for an Édubase indexing sheet.

The file opens cleanly in LibreOffice Calc and Excel: UTF-8 with a byte order
mark, ``;`` between cells, CRLF line ends, cells quoted when they hold ``;``,
``"`` or a line break. A cell that a spreadsheet would read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
prefixed with an apostrophe. Multi-valued cells join their items with `` | ``.

Columns, in this order (:data:`COLUMNS`):

=================  ==============================================================
``identifiant``    record id (``scenarios/2026-2027/svt/lille/defi-botanique``)
``titre``          title
``résumé``         summary (line breaks kept inside the quoted cell)
``disciplines``    discipline labels
``niveaux``        level labels
``modalités``      modality labels (en classe, hybride, débranché, à distance)
``durée``          overall duration (``4 séances de 55 min``)
``académie``       académie label
``mots-clés``      keywords
``outils``         tools, ``Nom (type d'outil)``
``usage_ia``       use of AI: ``non``, or ``oui, par les élèves`` / ``oui, par l'enseignant`` and its tools
``crcn_codes``     CRCN codes (``1.1 | 3.4``)
``crcn_libellés``  CRCN codes with their labels
``licence``        licence label
``licence_spdx``   licence SPDX identifier
``url_publication``  publication URL on an open académie space
``url_edubase``    Édubase notice URL
``campagne``       campaign code
``thématique``     theme title (or its file name when the theme is not exported)
``auteurs``        author names
``état``           validation state label
=================  ==============================================================
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from records import vocab
from records.models import Model, Scenario, Theme
from store.publish.labels import LIST_SEPARATOR, clean, crcn_labels, discipline_labels, labels, tool_text, uses_ai
from store.publish.selection import of_kind, theme_id

COLUMNS = (
    "identifiant",
    "titre",
    "résumé",
    "disciplines",
    "niveaux",
    "modalités",
    "durée",
    "académie",
    "mots-clés",
    "outils",
    "usage_ia",
    "crcn_codes",
    "crcn_libellés",
    "licence",
    "licence_spdx",
    "url_publication",
    "url_edubase",
    "campagne",
    "thématique",
    "auteurs",
    "état",
)
"""The documented columns of the Édubase CSV, in order."""

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Return ``value`` with a leading apostrophe when a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def ai_cell(scenario: Scenario) -> str:
    """Return the ``usage_ia`` cell: ``non``, or who uses AI and with which tools."""
    if not uses_ai(scenario) or scenario.ai is None:
        return "non"
    who = "oui, par les élèves" if scenario.ai.by_students else "oui, par l'enseignant"
    tools = _join(clean(t) for t in scenario.ai.tools)
    return f"{who} : {tools}" if tools else who


def row_of(record_id: str, scenario: Scenario, records: Mapping[str, Model], state: str | None) -> list[str]:
    """Return the cells of one scenario, in :data:`COLUMNS` order, sanitised and formula-safe."""
    return [safe_cell(cell) for cell in cells_of(record_id, scenario, records, state)]


def cells_of(record_id: str, scenario: Scenario, records: Mapping[str, Model], state: str | None) -> list[str]:
    """Return the text of one scenario's cells, in :data:`COLUMNS` order, sanitised (a typed sheet needs no
    formula guard: see :mod:`store.publish.xlsx`)."""
    theme = records.get(theme_id(scenario.campaign, scenario.theme))
    return [
        record_id,
        clean(scenario.title),
        clean(scenario.summary, multiline=True).replace("\r", "").strip(),
        _join(discipline_labels(scenario)),
        _join(labels(vocab.LEVELS, scenario.levels)),
        _join(labels(vocab.MODALITIES, scenario.modalities)),
        clean(scenario.duration),
        vocab.label(vocab.ACADEMIES, scenario.academie),
        _join(clean(k) for k in scenario.keywords),
        _join(tool_text(t) for t in scenario.tools),
        ai_cell(scenario),
        _join(scenario.crcn),
        _join(crcn_labels(scenario.crcn)),
        vocab.label(vocab.LICENCES, scenario.licence),
        scenario.licence or "",
        scenario.publication_url or "",
        scenario.edubase_url or "",
        scenario.campaign,
        clean(theme.title) if isinstance(theme, Theme) else scenario.theme,
        _join(clean(a.name) for a in scenario.authors),
        vocab.label(vocab.STATES, state) if state else "",
    ]


def render(records: Mapping[str, Model], states: Mapping[str, str] | None = None) -> str:
    """Return the whole CSV text (BOM included) for the scenarios among ``records``.

    Args:
        records: the selected records (see :func:`store.publish.selection.select`).
        states: validation state by record id, for the ``état`` column.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record_id, scenario in of_kind(records, Scenario).items():
        writer.writerow(row_of(record_id, scenario, records, (states or {}).get(record_id)))
    return BOM + buffer.getvalue()
