"""Tests of ``traam clone`` and ``traam sync``: the fork workflow with changes on both sides."""

from __future__ import annotations

from records import codec
from records.models import Manifest
from tests.conftest import git, run_traam
from tests.test_hooks.helpers import SCENARIO, commit, git_run, make_commons, scenario, write

OWN = "scenarios/2026-2027/nsi/lille/robot.toml"


def _fork(tmp_path):
    """An upstream commons, its fork (a bare copy, as a forge makes), and a teacher's clone of the fork."""
    upstream = make_commons(tmp_path / "amont")
    manifest = Manifest(name="Commun", upstream="https://forge.example.org/traam/commun")
    write(upstream, "traam.toml", codec.dump(manifest))
    commit(upstream, "amont déclaré")
    fork = tmp_path / "fork.git"
    git(tmp_path, "clone", "-q", "--bare", str(upstream), str(fork))
    done = run_traam("clone", fork.as_uri(), str(tmp_path / "equipe"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    team = tmp_path / "equipe"
    assert git(team, "remote", "get-url", "upstream").strip() == "https://forge.example.org/traam/commun"
    git(team, "remote", "set-url", "upstream", str(upstream))  # the test's upstream is local
    return upstream, fork, team


def test_clone_installs_hooks_and_driver(tmp_path):
    """The clone carries traam's shims and the merge driver in its own config."""
    _, _, team = _fork(tmp_path)
    assert "# traam-hook" in (team / ".git/hooks/pre-commit").read_text(encoding="utf-8")
    assert git(team, "config", "merge.traam.driver").strip().endswith("merge-driver %O %A %B %P")


def test_fork_follows_upstream_and_contributes_back(tmp_path):
    """Upstream and the fork both change the same record (different fields) and the fork adds its own."""
    upstream, fork, team = _fork(tmp_path)
    write(upstream, SCENARIO, scenario(summary="Résumé national."))
    commit(upstream, "amont : résumé")
    write(team, SCENARIO, scenario(title="Titre de l'équipe"))
    write(team, OWN, scenario(title="Robotique"))
    git(team, "switch", "-q", "-c", "nsi")
    commit(team, "équipe : titre et scénario robotique")
    done = run_traam("sync", cwd=team)
    assert done.returncode == 0, done.stderr
    assert "Synchronisé avec upstream/main" in done.stdout
    merged = (team / SCENARIO).read_text(encoding="utf-8")
    assert merged == scenario(title="Titre de l'équipe", summary="Résumé national.")
    assert (team / OWN).exists()
    assert "Déjà à jour" in run_traam("sync", cwd=team).stdout
    assert git_run(team, "push", "origin", "nsi").returncode == 0  # contribute back: push to the fork
    assert git(fork, "rev-parse", "nsi").strip() == git(team, "rev-parse", "HEAD").strip()


def test_sync_reports_field_conflicts(tmp_path):
    """The same field changed on both sides: exit 1, the field named, the record still valid."""
    upstream, _, team = _fork(tmp_path)
    write(upstream, SCENARIO, scenario(title="Titre national"))
    commit(upstream, "amont : titre")
    write(team, SCENARIO, scenario(title="Titre local"))
    commit(team, "local : titre")
    done = run_traam("sync", "--remote", "upstream", cwd=team)
    assert done.returncode == 1
    field = 'champ « title » — base : "Défi botanique" / nous : "Titre local" / eux : "Titre national"'
    assert f"{SCENARIO} : {field}" in done.stderr
    loaded = codec.load(SCENARIO, (team / SCENARIO).read_text(encoding="utf-8"))
    assert loaded.record is not None and [p.rule for p in loaded.problems] == ["conflict"]  # valid, unresolved


def test_sync_refuses_uncommitted_changes(tmp_path):
    _, _, team = _fork(tmp_path)
    write(team, SCENARIO, scenario(title="En cours"))
    done = run_traam("sync", cwd=team)
    assert done.returncode == 1 and "ne sont pas enregistrées" in done.stderr


def test_sync_reports_a_record_deleted_on_one_side(tmp_path):
    """Deleted upstream, edited here: the conflict says so instead of describing fields."""
    upstream, _, team = _fork(tmp_path)
    git(upstream, "rm", "-q", SCENARIO)
    commit(upstream, "amont : retrait")
    write(team, SCENARIO, scenario(title="Gardé ici"))
    commit(team, "local : titre")
    done = run_traam("sync", cwd=team)
    assert done.returncode == 1
    assert f"{SCENARIO} : conflit : enregistrement supprimé chez eux, modifié de l'autre côté" in done.stderr
