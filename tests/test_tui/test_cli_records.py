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
    assert "1 erreur, 0 avertissement sur" in done.stderr


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


def _without_identity(tmp_path: Path) -> dict[str, str]:
    """An environment where git knows nobody: empty HOME, no identity variables (a fresh machine)."""
    home = tmp_path / "nobody"
    home.mkdir()
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / "data"),
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(home / ".gitconfig"), EMAIL="")
    return env


def test_demo_and_init_work_on_a_machine_where_git_knows_nobody(tmp_path: Path) -> None:
    """The README's first command works on a fresh machine: no git identity is needed to create a commons."""
    import subprocess
    import sys

    from tests.conftest import traam_env

    env = _without_identity(tmp_path)
    env["PYTHONPATH"] = traam_env()["PYTHONPATH"]
    nobody = subprocess.run(["git", "var", "GIT_COMMITTER_IDENT"], cwd=tmp_path, env=env, capture_output=True)
    assert nobody.returncode != 0, "the test environment must leave git without an identity"
    for args in (["init", "demo", "--demo"], ["init", "vide"]):
        done = subprocess.run([sys.executable, "-m", "tui", *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stderr
    assert git(tmp_path / "demo", "log", "-1", "--format=%an <%ae>").strip() == "traam (démonstration) <demo@example.org>"
    assert git(tmp_path / "vide", "log", "-1", "--format=%ae").strip() == "traam@localhost"


def test_saving_without_identity_says_what_to_do_in_french(tmp_path: Path) -> None:
    """A commit needs an identity: without one the user is told, in French, the two commands to run."""
    from store.commons import Commons
    from store.errors import IDENTITY_MISSING, StoreError

    run_traam("init", "c", "--demo", cwd=tmp_path)
    import os

    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(_without_identity(tmp_path))
        commons = Commons.open(tmp_path / "c")
        snapshot = commons.load()
        record = snapshot.record("campaigns/2026-2027")
        try:
            commons.save(record.model_copy(update={"title": "Autre titre"}), record_id="campaigns/2026-2027",
                         expected_blob=snapshot.blob("campaigns/2026-2027"))
        except StoreError as error:
            assert error.message == IDENTITY_MISSING
        else:
            raise AssertionError("saving without an identity must fail with a French message")
        commons.close()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_init_demo_is_born_with_the_user_as_first_national_reviewer(tmp_path: Path) -> None:
    """`traam init --demo` keeps none of the demo's keyless reviewers: the user's own key signs the genesis."""
    done = run_traam("init", "c", "--demo", "--principal", "nat@example.org", "--nom", "Nat", "--sans-phrase",
                     cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Premier relecteur national : Nat <nat@example.org>" in done.stdout
    governance = (tmp_path / "c" / "governance" / "reviewers.toml").read_text(encoding="utf-8")
    assert governance.count("principal") == 1 and "nat@example.org" in governance
    assert "-----BEGIN SSH SIGNATURE-----" in git(tmp_path / "c", "cat-file", "commit", "HEAD")
    verified = run_traam("-C", "c", "verify", cwd=tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
