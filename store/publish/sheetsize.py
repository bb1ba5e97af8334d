"""Provides check_size(): the declared size of an XLSX or ODS sheet, read from its XML before any spreadsheet reader.

python-calamine allocates the whole area a sheet declares: a 1.5 KB XLSX
with one cell at ``XFD1048576`` asks for 16384 × 1048576 cells and aborts
the process (SECURITY.md, fact 16). The zip's XML is scanned first, in
bounded chunks: XLSX ``<dimension ref>``, row and cell references; ODS
repeated rows and columns that hold a value. Anything beyond
:data:`MAX_ROWS` × :data:`MAX_COLUMNS` is refused before calamine sees it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError, iterparse

MAX_ROWS = 100_000
"""Rows a sheet may declare (a proposals sheet has a few hundred)."""
MAX_COLUMNS = 1_000
"""Columns a sheet may declare."""
MAX_XML = 200 * 1024 * 1024
"""Uncompressed bytes of XML read (a zip bomb stops here)."""

_REF = re.compile(rb'<(?:\w+:)?(?:dimension\s[^>]*?ref|c\s[^>]*?\br|row\s[^>]*?\br)="\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?"')
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


class SheetTooLarge(ValueError):
    """The sheet declares too many rows or columns, or is not a readable zip; French message."""


def check_size(data: bytes) -> None:
    """Refuse a workbook whose sheets declare more than :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` columns.

    Raises:
        SheetTooLarge: French message saying what was declared.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise SheetTooLarge("classeur illisible (ce n'est pas une archive XLSX ou ODS)") from error
    with archive:
        names = archive.namelist()
        for name in names:
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                _check_xlsx(_chunks(archive, name))
        if "content.xml" in names:
            _check_ods(archive, "content.xml")


def _chunks(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """Yield the member's bytes in blocks, at most MAX_XML in all."""
    read = 0
    try:
        with archive.open(name) as member:
            while True:
                block = member.read(1 << 20)
                if not block:
                    break
                read += len(block)
                if read > MAX_XML:
                    raise SheetTooLarge(f"feuille trop volumineuse une fois décompressée (plus de "
                                        f"{MAX_XML // (1024 * 1024)} Mio)")
                yield block
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as error:
        raise SheetTooLarge("classeur illisible (archive endommagée)") from error


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _refuse(rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise SheetTooLarge(f"la feuille déclare {rows} lignes et {columns} colonnes ({MAX_ROWS} lignes et "
                            f"{MAX_COLUMNS} colonnes au plus) : refusée avant lecture")


def _check_xlsx(chunks: Iterator[bytes]) -> None:
    tail = b""
    for block in chunks:
        chunk, tail = tail + block, block[-256:]  # overlapping: a reference never falls between two blocks
        for first_col, first_row, last_col, last_row in _REF.findall(chunk):
            columns = max(_column(first_col), _column(last_col or b""))
            rows = max(int(first_row or 0), int(last_row or 0))
            _refuse(rows, columns)


def _check_ods(archive: zipfile.ZipFile, name: str) -> None:
    """Count the rows and columns that hold something, repeats included (empty trailing repeats cost nothing)."""
    row_tag, cell_tags = f"{{{_TABLE}}}table-row", {f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"}
    table_tag = f"{{{_TABLE}}}table"
    repeat_rows, repeat_cols = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"
    value_type = f"{{{_OFFICE}}}value-type"
    rows = 0
    try:
        for event, element in iterparse(_Stream(_chunks(archive, name)), events=("start", "end")):
            if event == "start":
                if element.tag == table_tag:
                    rows = 0
                continue
            if element.tag == row_tag:
                columns = used = 0
                for cell in element:
                    if cell.tag not in cell_tags:
                        continue
                    count = _count(cell.get(repeat_cols))
                    columns += count
                    if cell.get(value_type) is not None or len(cell):
                        used = columns
                repeat = _count(element.get(repeat_rows))
                rows += repeat
                if used:
                    _refuse(rows, used)
                element.clear()
    except ParseError as error:
        raise SheetTooLarge("classeur illisible (XML invalide)") from error


def _count(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


class _Stream(io.RawIOBase):
    """A file-like object over an iterator of bytes (what iterparse reads)."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks, self._rest = chunks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._rest:
            self._rest = next(self._chunks, b"")
            if not self._rest:
                return 0
        size = min(len(buffer), len(self._rest))
        buffer[:size], self._rest = self._rest[:size], self._rest[size:]
        return size
