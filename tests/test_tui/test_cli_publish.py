"""Tests of ``traam export``, ``traam import`` and ``traam stats`` run as real processes on a real commons."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from records import codec
from records.models import Manifest
from store.publish import jsonx
from tests.conftest import git, make_repo, run_traam
from tests.test_store.publish_fixtures import sample_records

SAMPLE = Path(__file__).parent.parent / "test_store" / "data" / "propositions-lille.csv"


@pytest.fixture
def commons(tmp_path: Path) -> Path:
    files = {"traam.toml": codec.dump(Manifest(name="Commun de test"))}
    files |= {f"{rid}.toml": codec.dump(record) for rid, record in sample_records().items()}
    return make_repo(tmp_path / "commun", files)


def test_export_json_reads_back_to_the_commons_records(commons, tmp_path):
    out = tmp_path / "export" / "commun.json"
    done = run_traam("-C", str(commons), "export", "--format", "json", "-o", str(out), "--etat", "tous",
                     "--avec-courriels")
    assert done.returncode == 0, done.stderr
    assert jsonx.read(out.read_text(encoding="utf-8")) == sample_records()
    assert (tmp_path / "export" / "commun.schema.json").is_file()
    assert "Export json : 1 campagne, 2 thématiques, 3 équipes, 4 scénarios" in done.stderr


def test_export_edubase_csv_to_stdout_for_one_campaign(commons):
    done = run_traam("-C", str(commons), "export", "-f", "edubase-csv", "--etat", "tous", "--campagne", "2026-2027")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("\ufeffidentifiant;titre;résumé;")
    rows = list(csv.DictReader(io.StringIO(done.stdout.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) == 4 and rows[0]["académie"] == "Versailles"


def test_export_site_and_atom_need_a_folder(commons, tmp_path):
    done = run_traam("-C", str(commons), "export", "-f", "site", "--etat", "tous")
    assert done.returncode == 1 and "indiquez-le avec -o DOSSIER" in done.stderr
    done = run_traam("-C", str(commons), "export", "-f", "site", "--etat", "tous", "-o", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "scenarios/2026-2027/svt/lille/defi-botanique.html").is_file()
    done = run_traam("-C", str(commons), "export", "-f", "atom", "--etat", "tous", "-o", str(tmp_path / "flux"))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "flux").iterdir()) == ["mathematiques.xml", "nsi.xml", "svt.xml"]


def test_export_refuses_unknown_campaign_and_foreign_folder(commons, tmp_path):
    done = run_traam("-C", str(commons), "export", "-f", "json", "--etat", "tous", "--campagne", "1999-2000")
    assert done.returncode == 1 and "campagne inconnue « 1999-2000 »" in done.stderr
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("x", encoding="utf-8")
    done = run_traam("-C", str(commons), "export", "-f", "site", "--etat", "tous", "-o", str(tmp_path / "docs"))
    assert done.returncode == 1 and "ne contient pas un site produit par traam" in done.stderr


def test_export_json_schema_needs_no_commons(tmp_path):
    done = run_traam("export", "--format", "json-schema", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["$defs"]["Scenario"]["title"] == "Scénario"


def test_import_dry_run_then_apply_then_reimport(commons, tmp_path):
    sheet = tmp_path / "propositions-lille.csv"
    shutil.copy(SAMPLE, sheet)
    done = run_traam("-C", str(commons), "import", str(sheet))
    assert done.returncode == 1  # two rows are refused
    assert f"{sheet}:4:3: discipline : discipline inconnu(e) : « Astrologie »" in done.stdout
    assert "ligne 2 : à créer scenarios/2026-2027/svt/lille/les-abeilles-du-college" in done.stdout
    assert "ligne 6 : déjà présent scenarios/2026-2027/svt/lille/defi-botanique" in done.stdout
    assert "Simulation : 2 lignes à créer, 1 ligne déjà présente, 2 lignes rejetées" in done.stdout
    assert git(commons, "branch", "--list").split() == ["*", "main"]  # a dry run writes nothing

    done = run_traam("-C", str(commons), "import", str(sheet), "--apply")
    assert done.returncode == 1
    assert "Écrit sur la branche contrib/lille/import-propositions-lille" in done.stdout
    branch = "contrib/lille/import-propositions-lille"
    assert git(commons, "rev-list", "--count", f"main..{branch}").strip() == "1"
    assert git(commons, "status", "--porcelain") == ""

    done = run_traam("-C", str(commons), "import", str(sheet), "--apply", "--json")
    report = json.loads(done.stdout)
    assert report["applied"] is False and report["branch"] == branch
    assert [r["action"] for r in report["rows"]] == ["unchanged", "unchanged", "rejected", "rejected", "unchanged"]
    assert git(commons, "rev-list", "--count", f"main..{branch}").strip() == "1"


def test_import_unreadable_file(commons, tmp_path):
    done = run_traam("-C", str(commons), "import", str(tmp_path / "absent.xlsx"))
    assert done.returncode == 1 and "lecture impossible" in done.stderr


def test_stats_json_and_text(commons):
    done = run_traam("-C", str(commons), "stats", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["totals"] == {"campaign": 1, "theme": 2, "team": 3, "scenario": 4}
    assert data["by_discipline"]["svt"] == {"teams": 2, "scenarios": 2}
    assert data["tool_mentions_by_kind"]["commun-public"] == 2
    done = run_traam("-C", str(commons), "stats")
    assert done.returncode == 0, done.stderr
    assert "Par discipline" in done.stdout and "Compétences du CRCN couvertes : 5/16" in done.stdout
    assert "\x1b" not in done.stdout


def test_import_branch_starts_from_the_academie_branch(commons, tmp_path):
    git(commons, "switch", "-q", "-c", "academie/lille")
    (commons / "README.md").write_text("Branche académique de Lille\n", encoding="utf-8")
    git(commons, "add", "README.md")
    git(commons, "commit", "-q", "-m", "Lille")
    git(commons, "switch", "-q", "main")
    done = run_traam("-C", str(commons), "import", str(SAMPLE), "--apply")
    assert "Écrit sur la branche contrib/lille/import-propositions-lille" in done.stdout, done.stderr
    assert git(commons, "rev-parse", "contrib/lille/import-propositions-lille~1").strip() == \
        git(commons, "rev-parse", "academie/lille").strip()


def test_import_of_several_academies_needs_a_branch(commons, tmp_path):
    sheet = tmp_path / "propositions.csv"
    sheet.write_text("campagne;discipline;académie;thématique;titre\n2026-2027;SVT;Lille;svt-1;Un\n"
                     "2026-2027;SVT;Nantes;svt-1;Deux\n", encoding="utf-8")
    done = run_traam("-C", str(commons), "import", str(sheet), "--apply")
    assert done.returncode == 1 and "plusieurs académies (lille, nantes)" in done.stderr
    done = run_traam("-C", str(commons), "import", str(sheet), "--apply", "--branch", "contrib/nantes/mixte")
    assert done.returncode == 0, done.stderr
    assert git(commons, "rev-list", "--count", "main..contrib/nantes/mixte").strip() == "1"


def test_site_export_shows_progress_on_a_terminal_only(commons, tmp_path):
    """On a terminal (a real pty) the site export draws Rich's progress bar; piped, stderr has only the summary."""
    from tests.test_tui.test_cli_progress import on_terminal

    code, seen = on_terminal("-C", str(commons), "export", "-f", "site", "--etat", "tous", "-o",
                             str(tmp_path / "site-tty"))
    assert code == 0
    assert "Écriture du site" in seen and "\x1b[" in seen
    piped = run_traam("-C", str(commons), "export", "-f", "site", "--etat", "tous", "-o", str(tmp_path / "site-pipe"))
    assert piped.returncode == 0 and "Écriture du site" not in piped.stderr and "\x1b" not in piped.stderr
