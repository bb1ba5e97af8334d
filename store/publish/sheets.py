"""Provides reading a proposals sheet: CSV (``;`` or ``,``), ODS or XLSX, as a header and numbered rows of text.

Spreadsheets are read with python-calamine (Rust's calamine: no macros, no
formulas evaluated, nothing executed); only the first sheet is used. Row
numbers are those a person sees in the spreadsheet (the header is row 1).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
"""Largest sheet read."""
MAX_ROWS = 5000


class SheetError(ValueError):
    """A sheet that cannot be read at all; the message is French."""


@dataclass(frozen=True)
class Sheet:
    """The cells of a sheet as text."""

    path: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    """``(row number, cells)`` for every non-empty row after the header."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10] if not isinstance(value, dt.datetime) or value.time() == dt.time() else value.isoformat()
    return str(value).strip()


def _from_rows(path: str, raw: Sequence[Sequence[object]]) -> Sheet:
    cells = [[_cell(v) for v in row] for row in raw]
    start = next((i for i, row in enumerate(cells) if any(row)), None)
    if start is None:
        raise SheetError(f"{path} : la feuille est vide")
    header = cells[start]
    rows = [(i + 1, row) for i, row in enumerate(cells) if i > start and any(row)]
    if len(rows) > MAX_ROWS:
        raise SheetError(f"{path} : trop de lignes ({len(rows)}, {MAX_ROWS} au plus)")
    return Sheet(path, header, rows)


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows still saves "CSV" in Windows-1252.
        return data.decode("cp1252", "replace")


def read_csv(path: str, data: bytes) -> Sheet:
    """Read CSV bytes; the separator (``;`` or ``,``) is the one the header line uses most."""
    text = _decode(path, data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    try:
        raw = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True))
    except csv.Error as error:
        raise SheetError(f"{path} : fichier CSV illisible ({error})") from error
    return _from_rows(path, raw)


def read_workbook(path: str, data: bytes) -> Sheet:
    """Read the first sheet of an ODS or XLSX file, once its declared size is known to be sane.

    Raises:
        SheetError: unreadable, or declaring more rows or columns than a proposals sheet can have.
    """
    from python_calamine import CalamineError, CalamineWorkbook

    from store.publish.sheetsize import SheetTooLarge, check_size

    try:
        check_size(data)
    except SheetTooLarge as error:
        raise SheetError(f"{path} : {error}") from error
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        raw = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, ValueError, IndexError, OSError) as error:
        raise SheetError(f"{path} : classeur illisible ({type(error).__name__})") from error
    return _from_rows(path, raw)


def read_sheet(file: Path | str) -> Sheet:
    """Read a proposals sheet from disk (``.csv``, ``.ods``, ``.xlsx``).

    Raises:
        SheetError: missing, too large, unknown extension, or unreadable.
    """
    file = Path(file)
    shown = str(file)
    suffix = file.suffix.lower()
    if suffix not in (".csv", ".ods", ".xlsx"):
        raise SheetError(f"{shown} : format non pris en charge (attendu .csv, .ods ou .xlsx)")
    try:
        if file.stat().st_size > MAX_BYTES:
            raise SheetError(f"{shown} : fichier trop gros ({MAX_BYTES // (1024 * 1024)} Mio au plus)")
        data = file.read_bytes()
    except OSError as error:
        raise SheetError(f"{shown} : lecture impossible ({error.strerror})") from error
    return read_csv(shown, data) if suffix == ".csv" else read_workbook(shown, data)
