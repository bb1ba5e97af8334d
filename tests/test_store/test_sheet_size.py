"""Hostile spreadsheets are refused before python-calamine reads them (it allocates the whole declared area).

Measured: a 1.5 KB XLSX with one cell at ``XFD1048576`` makes calamine try to
allocate 512 GiB and abort the process. The hostile files are built here
with zipfile; the refusal is checked in-process and through ``traam import``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from store.publish.sheets import SheetError, read_sheet
from tests.conftest import run_traam
from tests.test_store.samples import make_commons
from tests.test_store.sheet_files import write_ods, write_xlsx

HEADER = ["titre", "académie"]


def _rewrite(path: Path, member: str, change) -> Path:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files[member] = change(files[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def far_cell_xlsx(path: Path) -> Path:
    write_xlsx(path, [HEADER, ["Un", "lille"]])
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    return _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", far))


def huge_dimension_xlsx(path: Path) -> Path:
    write_xlsx(path, [HEADER, ["Un", "lille"]])
    return _rewrite(path, "xl/worksheets/sheet1.xml",
                    lambda xml: xml.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>'))


def huge_repeat_ods(path: Path) -> Path:
    write_ods(path, [HEADER, ["Un", "lille"]])
    rows = ('<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
            'table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
            '</table:table-cell></table:table-row></table:table>')
    return _rewrite(path, "content.xml", lambda xml: xml.replace("</table:table>", rows, 1))


@pytest.mark.parametrize("build", [far_cell_xlsx, huge_dimension_xlsx, huge_repeat_ods])
def test_sheets_declaring_a_huge_area_are_refused_before_reading(tmp_path, build):
    path = build(tmp_path / f"hostile{'.ods' if 'ods' in build.__name__ else '.xlsx'}")
    assert path.stat().st_size < 3000
    with pytest.raises(SheetError, match="refusée avant lecture"):
        read_sheet(path)


@pytest.mark.parametrize("build", [far_cell_xlsx, huge_repeat_ods])
def test_traam_import_says_it_in_french_and_survives(tmp_path, build):
    root = make_commons(tmp_path / "c")
    path = build(tmp_path / f"hostile{'.ods' if 'ods' in build.__name__ else '.xlsx'}")
    done = run_traam("import", str(path), cwd=root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "refusée avant lecture" in done.stderr


def test_empty_repeated_rows_of_libreoffice_are_fine(tmp_path):
    """LibreOffice ends each table with a million empty repeated rows: they hold nothing, they are not refused."""
    path = write_ods(tmp_path / "ok.ods", [HEADER, ["Un", "lille"]])
    rows = ('<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row></table:table>')
    _rewrite(path, "content.xml", lambda xml: xml.replace("</table:table>", rows, 1))
    sheet = read_sheet(path)
    assert sheet.header == HEADER and [cells for _n, cells in sheet.rows] == [["Un", "lille"]]
