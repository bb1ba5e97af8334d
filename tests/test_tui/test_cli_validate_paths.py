"""`traam validate PATH` validates what PATH names (issue 13, item 13): a folder is every record under it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_traam


def _commons(tmp_path: Path) -> Path:
    assert run_traam("init", "c", "--demo", cwd=tmp_path).returncode == 0
    bad = tmp_path / "c" / "themes" / "2026-2027" / "eps.toml"
    bad.write_text('campaign = "2026-2027"\ndiscipline = "svt"\ntitle = "x"\n', encoding="utf-8")
    return tmp_path / "c"


def test_folder_and_dot_validate_every_record_under_them(tmp_path: Path) -> None:
    root = _commons(tmp_path)
    for named in (".", "themes", "themes/2026-2027"):
        done = run_traam("validate", named, cwd=root)
        assert done.returncode == 1, (named, done.stdout)
        assert "themes/2026-2027/eps.toml" in done.stdout
        count = int(done.stderr.split(" sur ")[1].split()[0])
        assert count > 1, done.stderr
    clean = run_traam("validate", "campaigns", cwd=root)
    assert clean.returncode == 0 and "Aucune erreur" in clean.stdout
    assert int(clean.stdout.split(" sur ")[1].split()[0]) == len(list((root / "campaigns").glob("*.toml")))
    inside = run_traam("validate", ".", cwd=root / "themes")
    assert inside.returncode == 1 and "eps.toml" in inside.stdout


def test_a_path_that_names_nothing_is_an_error(tmp_path: Path) -> None:
    root = _commons(tmp_path)
    for named in ("nope.toml", "README.md", "themes/2026-2027/nope.toml"):
        done = run_traam("validate", named, cwd=root)
        assert done.returncode == 1, named
        assert "ne désigne aucun enregistrement" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
