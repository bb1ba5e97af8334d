"""A SHA-256 repository works like a SHA-1 one: open, load, save, delete, history, the null and empty-tree ids."""

from __future__ import annotations

from store.commons import Commons
from store.git import objectformat, plumbing, repo
from tests.conftest import git
from tests.test_store.samples import SCENARIO_ID, commons_files, scenario


def _sha256_commons(path):
    path.mkdir(parents=True)
    git(path, "init", "-q", "--object-format=sha256", "-b", "main")
    for name, text in commons_files().items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "initial")
    return path


def test_ids_derive_from_the_object_format(tmp_path):
    root = _sha256_commons(tmp_path / "c")
    assert objectformat.object_format(root) == "sha256"
    assert objectformat.empty_tree("sha256") == git(root, "hash-object", "-t", "tree", "/dev/null").strip()
    assert objectformat.null_id("sha256") == "0" * 64 and objectformat.is_null("0" * 64)
    assert repo.locate(root).object_format == "sha256"
    (root / "x.txt").write_text("x", encoding="utf-8")
    git(root, "add", "x.txt")
    assert [c.path for c in plumbing.diff_index(root, None)] == sorted(
        ["x.txt", *commons_files()])  # against the empty tree of this format


def test_load_save_delete_and_history_on_sha256(tmp_path):
    root = _sha256_commons(tmp_path / "c")
    commons = Commons.open(root)
    assert commons.object_format == "sha256"
    snapshot = commons.load()
    blob = snapshot.blob(SCENARIO_ID)
    assert len(blob) == 64 and snapshot.entries[SCENARIO_ID].title == "Défi botanique"
    saved = commons.save(None, record_id=SCENARIO_ID, text=scenario("Titre SHA-256"), expected_blob=blob)
    assert len(saved.commit) == 64 and saved.blob == git(root, "rev-parse", f"HEAD:{SCENARIO_ID}.toml").strip()
    assert git(root, "status", "--porcelain") == ""
    history = commons.history(SCENARIO_ID)
    assert [item.commit for item in history] == [saved.commit, git(root, "rev-parse", "HEAD~1").strip()]
    assert any(change.key == "title" for change in history[0].changes)
    again = Commons.open(root).load("HEAD")
    assert again.entries[SCENARIO_ID].title == "Titre SHA-256"
    deleted = commons.delete(SCENARIO_ID, expected_blob=saved.blob)
    assert deleted.blob == "" and SCENARIO_ID not in commons.load().entries
    assert len(commons.recent()) == 3
    assert git(root, "fsck", "--no-progress") == ""
