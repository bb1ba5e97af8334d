"""Opening a commons: errors in French, symlink and work-tree traps, init_commons."""

from __future__ import annotations

import os

import pytest

from records import codec
from records.models import Campaign
from store.commons import Commons, init_commons
from store.errors import NotACommons, StoreError
from tests.conftest import git, make_repo
from tests.test_store.samples import CAMPAIGN, SCENARIO_ID, make_commons


def test_open_outside_git(tmp_path):
    with pytest.raises(NotACommons, match="n'est pas dans un dépôt git"):
        Commons.open(tmp_path)


def test_open_git_without_manifest(tmp_path):
    make_repo(tmp_path / "r", {"README.md": "x\n"})
    with pytest.raises(NotACommons, match=r"n'a pas de fichier traam\.toml"):
        Commons.open(tmp_path / "r")


def test_open_missing_folder(tmp_path):
    with pytest.raises(NotACommons, match="n'est pas un dossier"):
        Commons.open(tmp_path / "nope")


def test_open_from_subfolder_finds_root(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root / "campaigns")
    assert commons.root == root.resolve()
    assert commons.branch() == "main"
    assert commons.head() == git(root, "rev-parse", "HEAD").strip()


def test_manifest_symlink_refused(tmp_path):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text('name = "x"\n', encoding="utf-8")
    root = make_repo(tmp_path / "c", {"README.md": "x\n"})
    os.symlink(outside, root / "traam.toml")
    with pytest.raises(NotACommons, match="lien symbolique"):
        Commons.open(root)


def test_core_worktree_elsewhere_refused(tmp_path):
    root = make_commons(tmp_path / "c")
    other = make_commons(tmp_path / "other")
    git(root, "config", "core.worktree", str(other))
    with pytest.raises(NotACommons, match="ailleurs"):
        Commons.open(root)


def test_init_commons_writes_and_commits(tmp_path):
    campaign = codec.load("campaigns/2026-2027.toml", CAMPAIGN).record
    commons = init_commons(tmp_path / "new", name="Mon commun", records={"campaigns/2026-2027": campaign})
    files = git(commons.root, "ls-files").split()
    assert files == [".gitattributes", ".gitlab-ci.yml", "README.md", "campaigns/2026-2027.toml", "traam.toml"]
    assert (commons.root / ".gitattributes").read_text() == "*.toml merge=traam\n"
    assert "Commun TraAM" in (commons.root / "README.md").read_text()
    assert git(commons.root, "log", "--format=%s").splitlines() == ["Créer le commun"]
    assert git(commons.root, "status", "--porcelain") == ""
    assert commons.branch() == "main"
    snapshot = commons.load()
    assert isinstance(snapshot.record("campaigns/2026-2027"), Campaign)
    assert snapshot.record("traam").name == "Mon commun"
    assert snapshot.problems == []


def test_init_commons_refuses_existing_commons(tmp_path):
    root = make_commons(tmp_path / "c")
    before = git(root, "rev-parse", "HEAD")
    with pytest.raises(StoreError, match="contient déjà un commun"):
        init_commons(root, name="x")
    assert git(root, "rev-parse", "HEAD") == before


def test_init_commons_refuses_bad_id(tmp_path):
    campaign = codec.load("campaigns/2026-2027.toml", CAMPAIGN).record
    with pytest.raises(StoreError, match="chemin"):
        init_commons(tmp_path / "n", name="x", records={"../evil": campaign})
    assert not (tmp_path / "evil.toml").exists()


def test_a_planted_git_traam_folder_is_never_read_nor_written(tmp_path):
    """Older traam versions kept caches in .git/traam: a copied repository may bring one, or a link there."""
    root = make_commons(tmp_path / "c")
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    os.symlink(elsewhere, root / ".git" / "traam")
    with Commons.open(root) as commons:
        assert len(commons.load().entries) == 4
        commons.save(commons.load().record(SCENARIO_ID), record_id=SCENARIO_ID,
                     expected_blob=commons.load().blob(SCENARIO_ID))
    assert list(elsewhere.iterdir()) == []
