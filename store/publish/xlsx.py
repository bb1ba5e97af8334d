"""Provides the spreadsheet export (XLSX): the Édubase columns as typed cells, for LibreOffice Calc and Excel users.

A CSV leaves the type of every cell to the spreadsheet that opens it: with
its default import options LibreOffice reads a lone CRCN code or keyword
such as ``3.4`` as the number 3.4 (or, in some locales, a date), and the
code is lost as soon as the sheet is saved. An XLSX file says the type of
each cell, so nothing is guessed:

- every record value is a **text cell** (a shared string), whatever it
  looks like: ``3.4``, ``01``, ``2027-03-15`` or ``=1+1`` stay the text
  they are, and no cell is ever a formula (XlsxWriter's ``write_string``
  writes no formula), so the CSV's leading apostrophe is not needed here;
- the creation and update dates of a scenario are **date cells** shown as
  ``AAAA-MM-JJ``, which sort and filter as dates.

The columns are those of :mod:`store.publish.csv_edubase` (same order, same
cleaning of escape sequences and invisible characters), then ``créé_le`` and
``mis_à_jour_le``. The header row is frozen and filterable.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import xlsxwriter

from records.models import Model, Scenario
from store.publish.csv_edubase import COLUMNS as CSV_COLUMNS
from store.publish.csv_edubase import cells_of
from store.publish.selection import SelectionError, of_kind

COLUMNS = (*CSV_COLUMNS, "créé_le", "mis_à_jour_le")
"""The columns of the sheet, in order: the Édubase CSV's, then the two dates."""

SHEET_NAME = "Scénarios"
MAX_CELL = 32_767
"""Characters a spreadsheet cell can hold (Excel's limit; LibreOffice reads no more either)."""

_WIDTHS = {"identifiant": 40, "titre": 40, "résumé": 60, "crcn_libellés": 50, "thématique": 30, "auteurs": 30}


class CellTooLong(SelectionError):
    """A value longer than a spreadsheet cell can hold: the export cannot be made; the message is French."""


def render(records: Mapping[str, Model], states: Mapping[str, str] | None = None) -> bytes:
    """Return the XLSX file of the scenarios among ``records`` (one row each, in id order).

    Args:
        records: the selected records (see :func:`store.publish.selection.select`).
        states: validation state by record id, for the ``état`` column.

    Raises:
        CellTooLong: a value does not fit in a cell (it would be cut: refused rather than lost).
    """
    buffer = io.BytesIO()
    # in_memory: the file is built in ``buffer`` and written by the caller through safefs (atomic, O_EXCL).
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": "Scénarios du commun des TraAM", "creator": "traam"})
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    text = book.add_format({"num_format": "@", "valign": "top"})
    date = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    sheet = book.add_worksheet(SHEET_NAME)
    for column, name in enumerate(COLUMNS):
        sheet.write_string(0, column, name, header)
        # Cells typed later in an empty row stay text too: the column's format is "@" (text).
        sheet.set_column(column, column, _WIDTHS.get(name, 18), date if name in ("créé_le", "mis_à_jour_le") else text)
    row = 0
    for row, (record_id, scenario) in enumerate(of_kind(records, Scenario).items(), start=1):
        for column, value in enumerate(cells_of(record_id, scenario, records, (states or {}).get(record_id))):
            if len(value) > MAX_CELL:
                raise CellTooLong(f"{record_id} : la colonne « {COLUMNS[column]} » dépasse {MAX_CELL} caractères, "
                                  "ce qu'une cellule de tableur ne peut pas contenir (utilisez l'export json)")
            if value:
                sheet.write_string(row, column, value, text)
        for column, day in ((len(CSV_COLUMNS), scenario.created), (len(CSV_COLUMNS) + 1, scenario.updated)):
            if day is not None:
                sheet.write_datetime(row, column, day, date)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, max(row, 1), len(COLUMNS) - 1)
    book.close()
    return buffer.getvalue()
