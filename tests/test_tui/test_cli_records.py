"""Tests of the first commands on real commons: init, demo, validate, fmt, show (real processes)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import git, run_traam


def test_init_demo_validates(tmp_path: Path) -> None:
    """`traam init demo --demo && traam -C demo validate` exits 0 with a French summary."""
    done = run_traam("init", "demo", "--demo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Commun créé" in done.stdout
    assert git(tmp_path / "demo", "log", "--oneline").strip()
    done = run_traam("-C", "demo", "validate", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Aucune erreur" in done.stdout


def test_broken_copy_reports_path_line_col(tmp_path: Path) -> None:
    """A broken record prints `path:line:col: message` in French and exits 1; nothing else is blamed."""
    run_traam("init", "c", "--demo", cwd=tmp_path)
    record = tmp_path / "c" / "campaigns" / "2026-2027.toml"
    record.write_text(record.read_text(encoding="utf-8") + "intrus = 1\n", encoding="utf-8")
    lines = record.read_text(encoding="utf-8").splitlines()
    done = run_traam("validate", cwd=tmp_path / "c")
    assert done.returncode == 1
    assert f"campaigns/2026-2027.toml:{len(lines)}:1: intrus : champ inconnu « intrus »" in done.stdout
    assert done.stdout.count("\n") == 1, "an invalid campaign must not cascade into other records"
    assert "1 erreur(s)" in done.stderr


def test_validate_json_and_paths(tmp_path: Path) -> None:
    """`--json` is machine-readable; paths limit the report to those files."""
    run_traam("init", "c", "--demo", cwd=tmp_path)
    bad = tmp_path / "c" / "themes" / "2026-2027" / "eps.toml"
    bad.write_text('campaign = "2026-2027"\ndiscipline = "svt"\ntitle = "x"\n', encoding="utf-8")
    done = run_traam("validate", "--json", cwd=tmp_path / "c")
    data = json.loads(done.stdout)
    assert done.returncode == 1 and data["ok"] is False
    assert any(p["key"] == "discipline" and p["path"] == "themes/2026-2027/eps.toml" for p in data["problems"])
    other = run_traam("validate", "campaigns/2026-2027.toml", cwd=tmp_path / "c")
    assert other.returncode == 0, other.stdout


def test_fmt_rewrites_without_changing_values(tmp_path: Path) -> None:
    """`fmt --check` lists a hand-formatted record, `fmt` makes it canonical, values unchanged."""
    run_traam("init", "c", "--demo", cwd=tmp_path)
    record = tmp_path / "c" / "campaigns" / "2016-2017.toml"
    original = record.read_text(encoding="utf-8")
    shuffled = "\n".join(reversed([line for line in original.splitlines() if "=" in line and '"""' not in line]))
    if '"""' in original:
        shuffled = original.replace("\n", "\n\n", 1)
    record.write_text(shuffled + "\n", encoding="utf-8")
    check = run_traam("fmt", "--check", cwd=tmp_path / "c")
    assert check.returncode == 1 and "campaigns/2016-2017.toml" in check.stdout
    assert run_traam("fmt", cwd=tmp_path / "c").returncode == 0
    assert record.read_text(encoding="utf-8") == original
    assert run_traam("fmt", "--check", cwd=tmp_path / "c").returncode == 0


def test_show_french_and_json(tmp_path: Path) -> None:
    """`show` prints French labels and vocabulary labels; `--json` the canonical table."""
    run_traam("init", "c", "--demo", cwd=tmp_path)
    done = run_traam("show", "campaigns/2026-2027", cwd=tmp_path / "c")
    assert done.returncode == 0
    assert "Campagne — campaigns/2026-2027" in done.stdout
    assert "Remontée des propositions" in done.stdout
    data = json.loads(run_traam("show", "campaigns/2026-2027", "--json", cwd=tmp_path / "c").stdout)
    assert data["record"]["code"] == "2026-2027"
    missing = run_traam("show", "campaigns/1999-2000", cwd=tmp_path / "c")
    assert missing.returncode == 1 and "introuvable" in missing.stderr


def test_outside_a_commons(tmp_path: Path) -> None:
    """Outside a commons every command says so in French and exits non-zero."""
    done = run_traam("validate", cwd=tmp_path)
    assert done.returncode == 1
    assert "commun" in done.stderr


def test_demo_created_once_in_data_folder(tmp_path: Path) -> None:
    """`traam demo --path` names the data folder; the demo is created there once."""
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    where = run_traam("demo", "--path", cwd=tmp_path, env=env).stdout.strip()
    assert where == str(tmp_path / "data" / "traam" / "demo")
    from tui.cli.commands.init import create

    create(Path(where), demo=True)
    head = git(Path(where), "rev-parse", "HEAD")
    assert run_traam("-C", where, "validate", env=env).returncode == 0
    assert git(Path(where), "rev-parse", "HEAD") == head
