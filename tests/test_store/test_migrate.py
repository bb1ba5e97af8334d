"""Tests ``traam migrate`` on a real commons of the old layout (teams by discipline) with history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from records import codec, migration
from records.demo._people import team
from records.models import Manifest, Theme
from store import migrate
from store.commons import Commons
from store.errors import StoreError
from tests.conftest import git, make_repo, run_traam
from tests.test_store.samples import CAMPAIGN, commons_files

OLD_MANIFEST = 'schema_version = 1\nname = "Commun ancien"\n'


def _team(theme: str, academie: str = "rennes", discipline: str = "nsi") -> str:
    return codec.dump(team("2026-2027", discipline, academie, theme=theme, project_title=f"Projet {theme}"))


def old_commons(path: Path) -> Path:
    """A commons of layout 1 with two commits: NSI and SVT teams filed by discipline, the second one edited."""
    files = commons_files({
        "traam.toml": OLD_MANIFEST,
        "campaigns/2026-2027.toml": CAMPAIGN,
        "themes/2026-2027/nsi-1.toml": codec.dump(Theme(campaign="2026-2027", discipline="nsi", title="Données")),
        "themes/2026-2027/nsi-2.toml": codec.dump(Theme(campaign="2026-2027", discipline="nsi", title="Modèles")),
        "teams/2026-2027/nsi/rennes.toml": _team("nsi-2"),
        "teams/2026-2027/svt/lille.toml": _team("svt", "lille", "svt"),
    })
    make_repo(path, files)
    (path / "teams/2026-2027/nsi/rennes.toml").write_text(_team("nsi-2").replace("Projet nsi-2", "Projet revu"))
    git(path, "commit", "-qam", "second")
    return path


def test_the_plan_moves_teams_under_their_theme_and_bumps_the_manifest(tmp_path: Path) -> None:
    commons = Commons.open(old_commons(tmp_path / "c"))
    planned = migrate.plan(commons)
    assert planned.problems == [] and (planned.source, planned.target) == (1, 2)
    first, second = planned.steps
    assert first.old_path == first.new_path == "traam.toml"
    assert [(c.key, c.old, c.new) for c in first.changes] == [("schema_version", 1, 2)]
    assert (second.old_path, second.new_path) == ("teams/2026-2027/nsi/rennes.toml", "teams/2026-2027/nsi-2/rennes.toml")
    assert second.changes == () and second.new_text == second.old_text  # a team whose theme is its folder stays


def test_apply_makes_one_commit_with_history_kept_and_is_idempotent(tmp_path: Path) -> None:
    root = old_commons(tmp_path / "c")
    commons = Commons.open(root)
    before = git(root, "rev-parse", "HEAD").strip()
    done = migrate.apply(commons, migrate.plan(commons))
    assert done.commit and git(root, "rev-parse", "HEAD~1").strip() == before
    changed = git(root, "show", "--name-status", "--format=", "-M", "HEAD").split("\n")
    assert sorted(line.split("\t")[0][:1] for line in changed if line) == ["M", "R"]
    assert git(root, "status", "--porcelain") == ""
    assert "Projet revu" in (root / "teams/2026-2027/nsi-2/rennes.toml").read_text()
    assert not (root / "teams/2026-2027/nsi/rennes.toml").exists()
    log = git(root, "log", "--follow", "--format=%s", "--", "teams/2026-2027/nsi-2/rennes.toml").split()
    assert "second" in log  # the record's history follows the move
    assert codec.load("traam.toml", (root / "traam.toml").read_text()).record.schema_version == 2
    again = migrate.plan(Commons.open(root))
    assert again.empty and migrate.apply(Commons.open(root), again).commit is None


def test_a_dirty_tree_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    root = old_commons(tmp_path / "c")
    (root / "campaigns/2026-2027.toml").write_text(CAMPAIGN + 'summary = "en cours"\n')
    commons = Commons.open(root)
    with pytest.raises(StoreError, match="modifications ne sont pas enregistrées"):
        migrate.apply(commons, migrate.plan(commons))
    assert (root / "teams/2026-2027/nsi/rennes.toml").exists()
    assert git(root, "log", "--format=%s").split("\n")[0] == "second"


def test_two_teams_that_would_share_a_path_stop_the_migration() -> None:
    planned = migration.plan({
        "traam.toml": OLD_MANIFEST,
        "teams/2026-2027/nsi/rennes.toml": _team("nsi-2"),
        "teams/2026-2027/nsi-2/rennes.toml": _team("nsi-2"),
    })
    assert planned.steps == [] and "iraient tous deux" in planned.problems[0]


def test_a_theme_of_another_discipline_or_a_newer_layout_stops_the_migration() -> None:
    wrong = migration.plan({"traam.toml": OLD_MANIFEST, "teams/2026-2027/nsi/rennes.toml": _team("svt-1")})
    assert wrong.steps == [] and "n'est pas de la discipline" in wrong.problems[0]
    newer = migration.plan({"traam.toml": codec.dump(Manifest(name="C")).replace("= 2", "= 3")})
    assert newer.problems  # schema 3 is not a valid manifest here: refused, never guessed
    assert migration.plan({"traam.toml": codec.dump(Manifest(name="C"))}).empty


def test_cli_shows_the_plan_asks_and_applies_with_oui(tmp_path: Path) -> None:
    root = old_commons(tmp_path / "c")
    shown = run_traam("migrate", cwd=root, input="n\n")
    assert shown.returncode == 1, shown.stderr
    assert "schema_version : 1 -> 2" in shown.stdout and "-> teams/2026-2027/nsi-2/rennes.toml" in shown.stdout
    assert "--oui" in shown.stderr + shown.stdout and "Traceback" not in shown.stderr
    assert (root / "teams/2026-2027/nsi/rennes.toml").exists()
    planned = json.loads(run_traam("migrate", "--json", cwd=root).stdout)
    assert planned["applied"] is False and planned["steps"][1]["to"] == "teams/2026-2027/nsi-2/rennes.toml"
    done = run_traam("migrate", "--oui", cwd=root)
    assert done.returncode == 0 and "Commun migré vers l'organisation 2" in done.stdout
    assert run_traam("validate", cwd=root).returncode == 0
    again = run_traam("migrate", "--appliquer", cwd=root)
    assert again.returncode == 0 and "rien à migrer" in again.stdout


def test_validate_points_an_old_commons_at_traam_migrate(tmp_path: Path) -> None:
    root = old_commons(tmp_path / "c")
    found = run_traam("validate", cwd=root)
    assert found.returncode == 1
    assert "traam.toml:1:1: ce commun suit l'organisation 1" in found.stdout
    assert "lancez « traam migrate »" in found.stdout


def test_init_demo_keeps_the_demo_description_in_the_manifest(tmp_path: Path) -> None:
    from records.demo import DEMO_MANIFEST

    done = run_traam("init", str(tmp_path / "demo"), "--demo")
    assert done.returncode == 0, done.stderr
    manifest = codec.load("traam.toml", (tmp_path / "demo" / "traam.toml").read_text()).record
    assert manifest.description == DEMO_MANIFEST.description and manifest.schema_version == 2
