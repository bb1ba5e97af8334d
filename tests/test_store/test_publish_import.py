"""Tests of the import of proposals sheets: reading CSV/ODS/XLSX, per-row validation, re-import, the contribution commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from records import codec
from records.models import Manifest, Scenario, Team
from store.errors import StoreError
from store.publish.contrib import branch_name, commit_records
from store.publish.importer import plan
from store.publish.sheets import SheetError, read_csv, read_sheet
from tests.conftest import git, make_repo
from tests.test_store.publish_fixtures import sample_records
from tests.test_store.sheet_files import write_ods, write_xlsx

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "propositions-lille.csv"

_SELECTION_AND_RIGHTS = {"equipe-selection-en-attente", "scenario-equipe-en-attente", "scenario-droits", "scenario-crcn"}
"""Warnings these sheets raise on purpose (candidacies after the selection date, no licence): not what is tested."""


def test_sample_sheet_good_rows_become_records_bad_rows_are_reported_with_row_and_column():
    result = plan(read_sheet(SAMPLE), sample_records())
    assert result.kind == "scenario"
    assert [(r.row, r.action) for r in result.rows] == [
        (2, "create"), (3, "create"), (4, "rejected"), (5, "rejected"), (6, "unchanged")]
    shown = [str(p).removeprefix(f"{SAMPLE}:") for p in result.all_problems()]
    assert shown == [
        "4:3: discipline : discipline inconnu(e) : « Astrologie »",
        "4:7: niveaux : niveau inconnu(e) : « Cycle 9 »",
        "5:9: outils : type d'outil manquant pour « PlantNet » (commun public, logiciel libre ou plateforme privée, "
        "entre parenthèses)",
        "5:11: IA élèves : « peut-être » : oui ou non attendu",
        "5:13: CRCN : compétence CRCN inconnu(e) : « 7.7 »",
        "5:15: URL de publication : adresse web invalide « http:// » (attendu https://…)",
    ]
    bees = result.writes["scenarios/2026-2027/svt/lille/les-abeilles-du-college"]
    assert isinstance(bees, Scenario)
    assert bees.summary == "Les élèves suivent une ruche connectée\net analysent les relevés de température."
    assert bees.modalities == ["presentiel", "hybride"] and bees.levels == ["cycle-4"]
    assert [(t.name, t.kind, t.url) for t in bees.tools] == [
        ("Capytale", "commun-public", "https://capytale2.ac-paris.fr"), ("LibreOffice Calc", "logiciel-libre", None)]
    assert bees.licence == "CC-BY-SA-4.0" and bees.crcn == ["1.3", "3.4"]
    assert [(a.name, a.email) for a in bees.authors] == [("Alix Exemple", "alix@example.org")]
    herbarium = result.writes["scenarios/2026-2027/svt/lille/herbier-numerique"]
    assert herbarium.theme == "svt-1"  # found by the theme's title
    assert herbarium.disciplines == ["svt", "mathematiques"]
    assert herbarium.ai.tools == ["PlantNet"] and herbarium.ai.by_students is True


def test_team_sheet_with_commas():
    result = plan(read_sheet(DATA / "propositions-equipes.csv"), sample_records())
    assert result.kind == "team"
    team = result.writes["teams/2026-2027/mathematiques/nantes"]
    assert isinstance(team, Team)
    assert team.pilot.corps == "ia-ipr" and team.referent.name == "Référente Exemple"
    assert [(t.name, t.school) for t in team.teachers] == [
        ("Un Exemple", "Lycée A"), ("Deux Exemple", "Lycée B"), ("Trois Exemple", "Collège C")]
    assert [str(p).split(":", 1)[1] for p in result.all_problems() if p.rule not in _SELECTION_AND_RIGHTS] == [
        "2:0: avertissement : teams/2026-2027/mathematiques/nantes : la thématique « mathematiques » n'existe pas "
        "dans la campagne 2026-2027",
        "3:6: pilote : valeur obligatoire manquante",
    ]


def test_missing_required_column_rejects_the_sheet_and_unknown_columns_are_warned():
    result = plan(read_csv("p.csv", b"titre;couleur\nA;bleu\n"), {}, "scenario")
    assert not result.rows
    messages = [str(p) for p in result.problems]
    assert "p.csv:1:2: avertissement : colonne « couleur » inconnue, ignorée" in messages
    assert "p.csv:1:0: colonne obligatoire manquante : « campagne »" in messages


def test_duplicate_rows_and_hostile_cells_are_rejected():
    data = ("campagne;discipline;académie;thématique;titre\n"
            "2026-2027;svt;lille;svt-1;Même titre\n"
            "2026-2027;svt;lille;svt-1;Même titre\n"
            "2026-2027;svt;lille;svt-1;\"Titre \x1b]52;c;x\x07\"\n").encode()
    result = plan(read_csv("p.csv", data), {})
    assert [r.action for r in result.rows] == ["create", "rejected", "rejected"]
    messages = [str(p) for p in result.all_problems() if p.severity == "error"]
    assert messages[0] == "p.csv:3:0: scenarios/2026-2027/svt/lille/meme-titre : déjà importé par la ligne 2 de cette feuille"
    assert messages[1].startswith("p.csv:4:5: titre : caractère interdit U+001B")
    assert "\x1b" not in "".join(messages)


@pytest.mark.parametrize("writer", [write_ods, write_xlsx], ids=["ods", "xlsx"])
def test_ods_and_xlsx_sheets(tmp_path, writer):
    rows = [["Campagne", "Discipline", "Académie", "Thématique", "Titre", "Niveaux"],
            ["2026-2027", "SVT", "Nantes", "svt-1", "Oiseaux du jardin", "cycle 3, cycle 4"],
            ["", "", "", "", "", ""],
            ["2026-2027", "SVT", "Nantes", "svt-1", "", "Cycle 4"]]
    file = writer(tmp_path / f"propositions.{writer.__name__.removeprefix('write_')}", rows)
    result = plan(read_sheet(file), sample_records())
    assert [(r.row, r.action, r.record_id) for r in result.rows] == [
        (2, "create", "scenarios/2026-2027/svt/nantes/oiseaux-du-jardin"), (4, "rejected", None)]
    assert [str(p) for p in result.all_problems() if p.rule not in _SELECTION_AND_RIGHTS] == [
        f"{file}:4:5: Titre : valeur obligatoire manquante"]


@pytest.mark.parametrize("writer", [write_ods, write_xlsx], ids=["ods", "xlsx"])
def test_typed_cells_read_back_as_the_text_a_person_typed(tmp_path, writer):
    """A date cell (a serial with a date format in XLSX, as LibreOffice writes it) reads « 2027-03-15 », never
    « 46461 »; a CRCN code the spreadsheet turned into the number 3.4 reads « 3.4 » and imports as that code."""
    import datetime as dt

    rows = [["Campagne", "Discipline", "Académie", "Thématique", "Titre", "CRCN", "Relu le"],
            ["2026-2027", "SVT", "Nantes", "svt-1", "Oiseaux du jardin", 3.4, dt.date(2027, 3, 15)]]
    file = writer(tmp_path / f"propositions.{writer.__name__.removeprefix('write_')}", rows)
    sheet = read_sheet(file)
    assert sheet.rows == [(2, ["2026-2027", "SVT", "Nantes", "svt-1", "Oiseaux du jardin", "3.4", "2027-03-15"])]
    result = plan(sheet, sample_records())
    assert result.rows[0].action == "create" and result.rows[0].record.crcn == ["3.4"]


def test_unreadable_sheets_give_french_errors(tmp_path):
    broken = tmp_path / "casse.xlsx"
    broken.write_bytes(b"PK\x03\x04 pas un classeur")
    with pytest.raises(SheetError, match="classeur illisible"):
        read_sheet(broken)
    with pytest.raises(SheetError, match="format non pris en charge"):
        read_sheet(tmp_path / "notes.txt")
    with pytest.raises(SheetError, match="lecture impossible"):
        read_sheet(tmp_path / "absent.csv")
    empty = tmp_path / "vide.csv"
    empty.write_bytes(b"\xef\xbb\xbf\r\n")
    with pytest.raises(SheetError, match="la feuille est vide"):
        read_sheet(empty)


def _commons(path: Path) -> Path:
    files = {"traam.toml": codec.dump(Manifest(name="Commun de test"))}
    files |= {f"{rid}.toml": codec.dump(record) for rid, record in sample_records().items()}
    return make_repo(path, files)


def _records_at(root: Path, ref: str) -> dict:
    names = git(root, "ls-tree", "-r", "--name-only", ref).split()
    out = {}
    for name in names:
        if name.startswith(("campaigns/", "themes/", "teams/", "scenarios/")):
            out[name.removesuffix(".toml")] = codec.load(name, git(root, "show", f"{ref}:{name}")).record
    return out


def test_apply_commits_only_good_rows_on_a_contribution_branch_and_reimport_does_not_duplicate(tmp_path):
    root = _commons(tmp_path / "commun")
    head = git(root, "rev-parse", "HEAD").strip()
    result = plan(read_sheet(SAMPLE), _records_at(root, "HEAD"))
    branch = branch_name("lille", str(SAMPLE))
    assert branch == "contrib/lille/import-propositions-lille"
    commit = commit_records(root, branch, result.writes, base="HEAD", message="Importer 2 scénarios")
    # One commit on the new branch; the checkout and HEAD are untouched.
    assert git(root, "rev-parse", branch).strip() == commit
    assert git(root, "rev-list", "--count", f"{head}..{branch}").strip() == "1"
    assert git(root, "rev-parse", "HEAD").strip() == head and git(root, "status", "--porcelain") == ""
    changed = git(root, "diff", "--name-status", head, branch).split("\n")
    assert sorted(filter(None, changed)) == [
        "A\tscenarios/2026-2027/svt/lille/herbier-numerique.toml",
        "A\tscenarios/2026-2027/svt/lille/les-abeilles-du-college.toml",
    ]
    assert git(root, "log", "-1", "--format=%s%n%an", branch).split("\n")[:2] == ["Importer 2 scénarios", "Camille Test"]
    text = git(root, "show", f"{branch}:scenarios/2026-2027/svt/lille/herbier-numerique.toml")
    assert codec.load("scenarios/2026-2027/svt/lille/herbier-numerique.toml", text).ok
    # Re-importing the same sheet against the branch creates nothing.
    again = plan(read_sheet(SAMPLE), _records_at(root, branch))
    assert [r.action for r in again.rows] == ["unchanged", "unchanged", "rejected", "rejected", "unchanged"]
    assert again.writes == {}


def test_apply_on_the_checked_out_branch_fast_forwards_the_work_tree(tmp_path):
    root = _commons(tmp_path / "commun")
    git(root, "switch", "-q", "-c", "contrib/lille/import-x")
    result = plan(read_sheet(SAMPLE), _records_at(root, "HEAD"))
    commit = commit_records(root, "contrib/lille/import-x", result.writes, base="HEAD", message="Importer")
    assert git(root, "rev-parse", "HEAD").strip() == commit
    assert (root / "scenarios/2026-2027/svt/lille/herbier-numerique.toml").is_file()
    assert git(root, "status", "--porcelain") == ""


def test_branch_names_are_checked(tmp_path):
    root = _commons(tmp_path / "commun")
    for bad in ("main", "contrib/lille", "contrib/lille/../x", "contrib/lille/a b"):
        with pytest.raises(StoreError, match="nom de branche invalide"):
            commit_records(root, bad, {}, base="HEAD", message="x")
    assert git(root, "branch", "--list").split() == ["*", "main"]


@pytest.mark.parametrize("sheet_name", ["propositions-lille.csv", "propositions-equipes.csv"])
def test_import_over_a_commons_reads_only_what_the_plan_needs_and_plans_the_same(tmp_path, sheet_name):
    """traam import reads campaigns, themes, teams and the rows' own records, not every scenario (bounded memory
    at 100,000 records); its plan, warnings included, is the one made over every record."""
    from store.commons import Commons
    from store.publish.importer import needed_kinds
    from store.publish.run import _plan_over

    root = _commons(tmp_path / "commun")
    snapshot = Commons.open(root).load(search=False)
    sheet = read_sheet(DATA / sheet_name)
    full = plan(sheet, snapshot.records())
    assert full.rows and any(r.action == "unchanged" or r.problems for r in full.rows)
    assert _plan_over(snapshot, sheet, full.kind, None) == full
    assert "scenario" not in needed_kinds("scenario") and "scenario" not in needed_kinds("team")
