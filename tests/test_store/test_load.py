"""Loading records at any ref and in the work tree; the blob cache follows plain git and editors."""

from __future__ import annotations

import os

from records.models import Scenario
from store.commons import Commons
from tests.conftest import git
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

SCENARIO_PATH = f"{SCENARIO_ID}.toml"


def titles(snapshot):
    return {rid: e.title for rid, e in snapshot.entries.items() if e.kind == "scenario"}


def test_load_head_lists_every_record(tmp_path):
    commons = Commons.open(make_commons(tmp_path / "c"))
    snapshot = commons.load("HEAD")
    assert sorted(snapshot.entries) == ["campaigns/2026-2027", SCENARIO_ID, "themes/2026-2027/svt", "traam"]
    assert snapshot.commit == commons.head()
    assert snapshot.problems == []
    entry = snapshot.entries[SCENARIO_ID]
    assert (entry.kind, entry.title, entry.academie, entry.levels) == ("scenario", "Défi botanique", "lille", ("cycle-4",))
    assert entry.blob == git(commons.root, "rev-parse", f"HEAD:{SCENARIO_PATH}").strip()
    record = snapshot.record(SCENARIO_ID)
    assert isinstance(record, Scenario) and record.keywords == ["jardin"]
    assert snapshot.validate() == sorted(snapshot.validate())


def test_load_branch_and_commit_without_checkout(tmp_path):
    root = make_commons(tmp_path / "c")
    first = git(root, "rev-parse", "HEAD").strip()
    git(root, "switch", "-q", "-c", "autre")
    (root / SCENARIO_PATH).write_text(scenario("Sur la branche"), encoding="utf-8")
    git(root, "commit", "-qam", "branche")
    git(root, "switch", "-q", "main")
    commons = Commons.open(root)
    assert titles(commons.load("autre"))[SCENARIO_ID] == "Sur la branche"
    assert titles(commons.load("main"))[SCENARIO_ID] == "Défi botanique"
    assert titles(commons.load(first))[SCENARIO_ID] == "Défi botanique"
    assert (root / SCENARIO_PATH).read_text(encoding="utf-8") == scenario()  # nothing checked out


def test_unknown_ref_is_a_french_error(tmp_path):
    import pytest

    from store.errors import StoreError

    commons = Commons.open(make_commons(tmp_path / "c"))
    with pytest.raises(StoreError, match="référence inconnue"):
        commons.load("pas-de-branche")


def test_work_tree_sees_uncommitted_edits_untracked_and_deleted(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    (root / SCENARIO_PATH).write_text(scenario("Modifié dans l'éditeur"), encoding="utf-8")
    new = "scenarios/2026-2027/svt/lille/nouveau"
    (root / f"{new}.toml").write_text(scenario("Tout nouveau"), encoding="utf-8")
    os.remove(root / "themes/2026-2027/svt.toml")
    snapshot = commons.load()
    assert titles(snapshot) == {SCENARIO_ID: "Modifié dans l'éditeur", new: "Tout nouveau"}
    assert "themes/2026-2027/svt" not in snapshot.entries
    assert snapshot.text(new) == scenario("Tout nouveau")
    assert snapshot.record(new).title == "Tout nouveau"
    # HEAD still has the committed versions.
    assert titles(commons.load("HEAD")) == {SCENARIO_ID: "Défi botanique"}


def test_cache_follows_plain_git_commits_branch_switch_and_rebase(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    assert titles(commons.load())[SCENARIO_ID] == "Défi botanique"
    (root / SCENARIO_PATH).write_text(scenario("Commit en git"), encoding="utf-8")
    git(root, "commit", "-qam", "édition en git")
    assert titles(commons.load())[SCENARIO_ID] == "Commit en git"
    git(root, "switch", "-q", "-c", "feature", "HEAD~1")
    assert titles(commons.load())[SCENARIO_ID] == "Défi botanique"
    other = "scenarios/2026-2027/svt/lille/autre"
    (root / f"{other}.toml").write_text(scenario("Autre"), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "autre")
    git(root, "rebase", "-q", "main")
    assert titles(commons.load()) == {SCENARIO_ID: "Commit en git", other: "Autre"}
    git(root, "switch", "-q", "main")
    assert titles(commons.load()) == {SCENARIO_ID: "Commit en git"}


def test_second_load_parses_nothing_and_cache_survives_processes(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    progress = []
    commons.load(progress=lambda done, total: progress.append((done, total)))
    assert commons.parsed == 4 and progress[-1] == (4, 4)
    commons.load()
    commons.load("HEAD")
    assert commons.parsed == 4
    assert (commons.common_dir / "traam" / "entries.bin").is_file()
    fresh = Commons.open(root)  # a new process reads the disk cache
    fresh.load()
    assert fresh.parsed == 0
    (root / SCENARIO_PATH).write_text(scenario("Un seul changement"), encoding="utf-8")
    fresh.load()
    assert fresh.parsed == 1


def test_cache_copied_from_elsewhere_is_not_trusted(tmp_path, monkeypatch):
    root = make_commons(tmp_path / "c")
    Commons.open(root).load()
    # Another user (another cache key) opens the same repository: the cache is rebuilt, not trusted.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other-user"))
    other = Commons.open(root)
    other.load()
    assert other.parsed == 4
    other.close()  # the snapshot cache is written
    folder = other.common_dir / "traam"
    for cache in [folder / "entries.bin", *folder.glob("snap-*.bin")]:  # the blob cache and the snapshot cache
        cache.write_bytes(b"traam-cache-2\n" + b"\0" * 32 + b"garbage")
    again = Commons.open(root)
    assert len(again.load().entries) == 4 and again.parsed == 4


def test_invalid_record_is_a_problem_not_a_crash(tmp_path):
    broken = "scenarios/2026-2027/svt/lille/casse"
    root = make_commons(tmp_path / "c", {f"{broken}.toml": 'title = "x"\ntitle = "y"\n'})
    snapshot = Commons.open(root).load()
    assert snapshot.entries[broken].errors >= 1
    assert snapshot.record(broken) is None
    assert any(p.path == f"{broken}.toml" and p.line == 2 for p in snapshot.problems)
    assert broken not in snapshot.records()
    assert any(p.path == f"{broken}.toml" for p in snapshot.validate())


def test_symlinked_record_and_folder_are_refused(tmp_path):
    secret = tmp_path / "secret.toml"
    secret.write_text(scenario("Secret"), encoding="utf-8")
    root = make_commons(tmp_path / "c")
    link = root / "scenarios/2026-2027/svt/lille/lien.toml"
    os.symlink(secret, link)
    folder = tmp_path / "dehors"
    (folder).mkdir()
    (folder / "x.toml").write_text(scenario("Dehors"), encoding="utf-8")
    os.symlink(folder, root / "scenarios/2026-2027/svt/versailles")
    commons = Commons.open(root)
    for snapshot in (commons.load(),):
        refused = {p.path for p in snapshot.problems if p.rule == "symlink"}
        assert "scenarios/2026-2027/svt/lille/lien.toml" in refused
        assert "scenarios/2026-2027/svt/versailles" in refused
        assert "Secret" not in titles(snapshot).values() and "Dehors" not in titles(snapshot).values()
    git(root, "add", "-A")
    git(root, "commit", "-qm", "liens")
    snapshot = commons.load("HEAD")
    refused = {p.path for p in snapshot.problems if p.rule == "symlink"}
    assert {"scenarios/2026-2027/svt/lille/lien.toml", "scenarios/2026-2027/svt/versailles"} <= refused
    assert snapshot.text("scenarios/2026-2027/svt/lille/lien") is None


def test_twins_are_refused(tmp_path):
    root = make_commons(tmp_path / "c", {"scenarios/2026-2027/svt/lille/defi.toml": scenario("Un"),
                                         "scenarios/2026-2027/svt/lille/Defi.toml": scenario("Deux")})
    snapshot = Commons.open(root).load("HEAD")
    twins = [p for p in snapshot.problems if p.rule == "twins"]
    assert len(twins) == 1 and "casse" in twins[0].message


def test_same_content_at_two_paths_is_cached_for_both(tmp_path):
    twin_a, twin_b = "scenarios/2026-2027/svt/lille/copie-a", "scenarios/2026-2027/svt/lille/copie-b"
    root = make_commons(tmp_path / "c", {f"{twin_a}.toml": scenario("Copie"), f"{twin_b}.toml": scenario("Copie")})
    commons = Commons.open(root)
    snapshot = commons.load()
    assert snapshot.entries[twin_a].blob == snapshot.entries[twin_b].blob
    assert {twin_a, twin_b} <= set(snapshot.entries) and commons.parsed == 6
    commons.load()
    fresh = Commons.open(root)
    assert set(fresh.load().entries) == set(snapshot.entries) and fresh.parsed == 0


def test_work_tree_with_staged_changes_and_merge_conflict(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    commons.load()  # memorises HEAD's tree; the next loads derive the index from it
    (root / SCENARIO_PATH).write_text(scenario("Indexé"), encoding="utf-8")
    staged_new = "scenarios/2026-2027/svt/lille/indexe"
    (root / f"{staged_new}.toml").write_text(scenario("Nouveau indexé"), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "rm", "-q", "--cached", "themes/2026-2027/svt.toml")  # staged deletion, file still on disk
    snapshot = commons.load()
    assert titles(snapshot) == {SCENARIO_ID: "Indexé", staged_new: "Nouveau indexé"}
    assert "themes/2026-2027/svt" in snapshot.entries
    git(root, "add", "themes/2026-2027/svt.toml")
    git(root, "commit", "-qm", "indexé")
    git(root, "switch", "-q", "-c", "autre", "HEAD~1")
    (root / SCENARIO_PATH).write_text(scenario("Autre branche"), encoding="utf-8")
    git(root, "commit", "-qam", "autre")
    git(root, "merge", "-q", "main", check=False)  # conflict on the scenario
    snapshot = commons.load()
    assert snapshot.entries[SCENARIO_ID].errors >= 1  # conflict markers are not TOML
    assert any(p.path == SCENARIO_PATH and p.rule == "toml" for p in snapshot.problems)
    assert titles(commons.load("main"))[SCENARIO_ID] == "Indexé"


def test_one_new_blob_goes_to_the_delta_file_not_the_base(tmp_path):
    root = make_commons(tmp_path / "c")
    Commons.open(root).load()
    folder = root / ".git" / "traam"
    base = (folder / "entries.bin").stat()
    (root / SCENARIO_PATH).write_text(scenario("Une retouche"), encoding="utf-8")
    commons = Commons.open(root)
    assert commons.load().entries[SCENARIO_ID].title == "Une retouche" and commons.parsed == 1
    assert (folder / "entries.bin").stat().st_mtime_ns == base.st_mtime_ns
    assert (folder / "entries.delta").stat().st_size > 0
    fresh = Commons.open(root)
    assert fresh.load().entries[SCENARIO_ID].title == "Une retouche" and fresh.parsed == 0


def test_next_process_starts_from_the_saved_tree_listing(tmp_path):
    root = make_commons(tmp_path / "c")
    Commons.open(root).load()
    assert (root / ".git" / "traam" / "tree.bin").is_file()
    (root / SCENARIO_PATH).write_text(scenario("Après coup"), encoding="utf-8")
    os.remove(root / "themes/2026-2027/svt.toml")
    git(root, "commit", "-qam", "plain git")
    snapshot = Commons.open(root).load()  # derives the new tree from the saved one
    assert titles(snapshot) == {SCENARIO_ID: "Après coup"}
    assert "themes/2026-2027/svt" not in snapshot.entries
    (root / ".git" / "traam" / "tree.bin").write_bytes(b"traam-cache-2\n" + b"\0" * 40)  # tampered: ignored
    assert titles(Commons.open(root).load("HEAD~1")) == {SCENARIO_ID: "Défi botanique"}


def test_a_scan_started_before_opening_is_used_and_sees_the_work_tree(tmp_path):
    from store.git.listing import scan_early

    root = make_commons(tmp_path / "c")
    path = root / SCENARIO_PATH
    path.write_text(path.read_text(encoding="utf-8").replace("Défi botanique", "Défi du jardin"), encoding="utf-8")
    early = scan_early(root / "scenarios")  # from a subfolder: git tells the work tree
    assert early is not None and early.root == root.resolve()
    commons = Commons.open(root)
    commons.adopt_scan(early)
    assert titles(commons.load())[SCENARIO_ID] == "Défi du jardin"
    assert commons._early_scan is None  # used once: the next load scans afresh
    path.write_text(path.read_text(encoding="utf-8").replace("Défi du jardin", "Défi des haies"), encoding="utf-8")
    assert titles(commons.load())[SCENARIO_ID] == "Défi des haies"


def test_a_scan_started_before_head_moved_is_not_used(tmp_path):
    from store.git.listing import scan_early

    root = make_commons(tmp_path / "c")
    early = scan_early(root)
    path = root / SCENARIO_PATH
    path.write_text(path.read_text(encoding="utf-8").replace("Défi botanique", "Défi engagé"), encoding="utf-8")
    git(root, "commit", "-qam", "Renommer le défi")  # HEAD moves after the scan started
    (root / "scenarios/2026-2027/svt/lille/nouveau.toml").write_text(scenario("Nouveau"), encoding="utf-8")
    commons = Commons.open(root)
    commons.adopt_scan(early)
    seen = titles(commons.load())
    assert seen[SCENARIO_ID] == "Défi engagé" and seen["scenarios/2026-2027/svt/lille/nouveau"] == "Nouveau"
    assert scan_early(tmp_path) is None  # no work tree there
    other = tmp_path / "other"
    git(tmp_path, "init", "-q", str(other))
    assert scan_early(other) is None  # a repository that is no commons is not scanned
