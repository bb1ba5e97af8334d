"""Tests of the xlsx export: every value a text cell, dates as date cells, read back by calamine and LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from records import codec
from records.models import Manifest
from store.publish import csv_edubase, xlsx
from store.publish.selection import select
from tests.conftest import make_repo, run_traam
from tests.test_store.publish_fixtures import sample_records, sample_states

SOFFICE = shutil.which("soffice")
ODF = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
       "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
HOSTILE_ID = "scenarios/2026-2027/nsi/versailles/hostile"


def _rows(data: bytes) -> list[list[object]]:
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


def _by_id(rows: list[list[object]]) -> dict[object, dict[str, object]]:
    header = [str(h) for h in rows[0]]
    return {row[0]: dict(zip(header, row)) for row in rows[1:]}


def test_xlsx_has_the_csv_columns_then_the_dates_and_one_row_per_scenario():
    records = select(sample_records(), sample_states(), etat="tous")
    rows = _rows(xlsx.render(records, sample_states()))
    assert tuple(rows[0]) == (*csv_edubase.COLUMNS, "créé_le", "mis_à_jour_le")
    assert len(rows) == 1 + 4
    csv_rows = {r[0]: r for r in (csv_edubase.cells_of(rid, s, records, sample_states().get(rid))
                                  for rid, s in records.items() if rid.startswith("scenarios/"))}
    for row in rows[1:]:
        assert [str(c) for c in row[:len(csv_edubase.COLUMNS)]] == csv_rows[row[0]]


def test_a_lone_crcn_code_stays_text_and_dates_are_dates():
    records = select(sample_records(), sample_states(), etat="tous")
    rows = _by_id(_rows(xlsx.render(records, sample_states())))
    assert rows[HOSTILE_ID]["crcn_codes"] == "3.4"  # a string cell, never the number 3.4
    botanique = rows["scenarios/2026-2027/svt/lille/defi-botanique"]
    assert botanique["mis_à_jour_le"] == dt.date(2026, 11, 2) and botanique["créé_le"] == ""
    assert rows["scenarios/2026-2027/svt/nantes/compter-les-oiseaux"]["créé_le"] == dt.date(2026, 10, 1)
    # A formula-looking keyword is text as it is: no apostrophe (the CSV needs one), no formula anywhere.
    assert botanique["mots-clés"] == "botanique | =SOMME(A1)"


def test_no_cell_is_a_formula_or_a_number_in_the_sheet_xml():
    data = xlsx.render(select(sample_records(), sample_states(), etat="tous"), sample_states())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = ET.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    cells = sheet.findall(".//m:c", ns)
    assert cells and not sheet.findall(".//m:f", ns)
    dates = {c.get("r") for c in cells if c.get("t") is None}  # numeric cells: the two date columns only
    last = len(xlsx.COLUMNS)  # the two date columns are the last two (columns 1 to 26 are the letters A to Z)
    assert last <= 26 and dates
    assert {ref.rstrip("0123456789") for ref in dates} == {chr(ord("A") + last - 2), chr(ord("A") + last - 1)}, dates


def test_a_value_too_long_for_a_cell_is_refused_not_cut():
    records = sample_records()
    long = records[HOSTILE_ID].model_copy(update={"summary": "x" * (xlsx.MAX_CELL + 1)})
    records[HOSTILE_ID] = long
    with pytest.raises(xlsx.CellTooLong, match="dépasse 32767 caractères"):
        xlsx.render(records)


@pytest.fixture
def commons(tmp_path: Path) -> Path:
    files = {"traam.toml": codec.dump(Manifest(name="Commun de test"))}
    files |= {f"{rid}.toml": codec.dump(record) for rid, record in sample_records().items()}
    return make_repo(tmp_path / "commun", files)


def test_traam_export_xlsx_needs_a_file_and_writes_a_public_one(commons, tmp_path):
    done = run_traam("-C", str(commons), "export", "-f", "xlsx", "--etat", "tous")
    assert done.returncode == 1 and "indiquez le fichier avec -o FICHIER.xlsx" in done.stderr
    assert "Traceback" not in done.stderr
    out = tmp_path / "tableur" / "scenarios.xlsx"
    done = run_traam("-C", str(commons), "export", "-f", "xlsx", "--etat", "tous", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Export xlsx : 1 campagne, 2 thématiques, 3 équipes, 4 scénarios" in done.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert len(_rows(out.read_bytes())) == 5


def _soffice_cells(source: Path, tmp_path: Path, *options: str) -> list[list[tuple[str, str]]]:
    """Return ``(value type, value or text)`` per cell as LibreOffice opens ``source`` (converted to flat ODS)."""
    profile = tmp_path / "profil-libreoffice"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *options,
                           "--convert-to", "fods", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    flat = tmp_path / (source.stem + ".fods")
    assert flat.is_file(), done.stderr
    out = []
    for row in ET.parse(flat).getroot().iter(f"{{{ODF['table']}}}table-row"):
        cells = []
        for cell in row.findall("table:table-cell", ODF):
            kind = cell.get(f"{{{ODF['office']}}}value-type", "")
            value = (cell.get(f"{{{ODF['office']}}}date-value") or cell.get(f"{{{ODF['office']}}}value")
                     or "\n".join("".join(p.itertext()) for p in cell.findall("text:p", ODF)))
            repeat = int(cell.get(f"{{{ODF['table']}}}number-columns-repeated", "1"))
            cells += [(kind, value)] * min(repeat, 50)
        out.append(cells)
    return out


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice absent (paquet Debian « libreoffice-calc-nogui ») : "
                    "ouverture dans un vrai tableur non vérifiée")
def test_libreoffice_reads_the_lone_code_as_text_from_xlsx_where_the_csv_gives_a_number(tmp_path):
    records = select(sample_records(), sample_states(), etat="tous")
    book = tmp_path / "scenarios.xlsx"
    book.write_bytes(xlsx.render(records, sample_states()))
    rows = _soffice_cells(book, tmp_path)
    header = [value for _, value in rows[0]]
    crcn, updated = header.index("crcn_codes"), header.index("mis_à_jour_le")
    by_id = {row[0][1]: row for row in rows[1:] if row}
    assert by_id[HOSTILE_ID][crcn] == ("string", "3.4")
    assert by_id["scenarios/2026-2027/svt/lille/defi-botanique"][updated] == ("date", "2026-11-02")
    assert all(kind in ("string", "date", "") for row in rows for kind, _ in row)
    # The reason for the xlsx: the same code in the CSV, opened with LibreOffice's default options (separator
    # « ; », UTF-8), becomes the number 3.4.
    sheet = tmp_path / "edubase.csv"
    sheet.write_text(csv_edubase.render(records, sample_states()), encoding="utf-8", newline="")
    rows = _soffice_cells(sheet, tmp_path, "--infilter=CSV:59,34,76,1")
    by_id = {row[0][1]: row for row in rows[1:] if row}
    assert by_id[HOSTILE_ID][csv_edubase.COLUMNS.index("crcn_codes")] == ("float", "3.4")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice absent (paquet Debian « libreoffice-calc-nogui ») : "
                    "classeur écrit par LibreOffice non vérifié")
@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_a_date_cell_of_a_libreoffice_workbook_is_read_as_the_date_not_its_serial(tmp_path, suffix):
    """The proposals sheet an académie saves from LibreOffice: a date cell gives « 2027-03-15 », never « 46461 »."""
    from store.publish.sheets import read_sheet

    source = tmp_path / "propositions.csv"
    source.write_text("titre;date\nDéfi;15/03/2027\n", encoding="utf-8")
    profile = tmp_path / "profil-libreoffice"
    # French locale (1036): 15/03/2027 becomes a date cell with a day/month/year format, as typed by hand.
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                           "--infilter=CSV:59,34,76,1,,1036", "--convert-to", suffix, "--outdir", str(tmp_path),
                           str(source)], capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    book = tmp_path / f"propositions.{suffix}"
    assert book.is_file(), done.stderr
    sheet = read_sheet(book)
    assert sheet.header == ["titre", "date"] and sheet.rows == [(2, ["Défi", "2027-03-15"])]
