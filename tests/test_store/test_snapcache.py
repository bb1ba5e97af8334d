"""The snapshot cache: a later load in the same process derives from the previous snapshot, and equals a full load."""

from __future__ import annotations

import shutil

from store.commons import Commons
from store.index import cachedir, snapcache
from tests.conftest import git
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

PATH = f"{SCENARIO_ID}.toml"
BROKEN = "scenarios/2026-2027/svt/lille/casse.toml"


def full(root, ref=None):
    """What a fresh process with no cache sees."""
    shutil.rmtree(cachedir.folder_of(root / ".git"), ignore_errors=True)
    commons = Commons.open(root)
    snapshot = commons.load(ref)
    commons.close()
    return dict(snapshot.entries), snapshot.problems, {rid: snapshot.path(rid) for rid in snapshot.entries}


def spy(monkeypatch):
    """Record what each derivation returned (None: built in full instead)."""
    results = []
    derive = snapcache.derive
    monkeypatch.setattr(snapcache, "derive", lambda *args: results.append(derive(*args)) or results[-1])
    return results


def seen(snapshot):
    return dict(snapshot.entries), snapshot.problems, {rid: snapshot.path(rid) for rid in snapshot.entries}


def test_save_then_load_derives_and_equals_a_full_load(tmp_path, monkeypatch):
    derived = spy(monkeypatch)
    root = make_commons(tmp_path / "c", {BROKEN: 'title = "sans fin\n'})
    commons = Commons.open(root)
    before = commons.load()
    record = before.record(SCENARIO_ID)
    commons.save(record.model_copy(update={"title": "Défi enregistré"}), record_id=SCENARIO_ID,
                 expected_blob=before.blob(SCENARIO_ID))
    parsed = commons.parsed
    after = commons.load()
    assert commons.parsed == parsed + 1  # only the saved file was parsed
    assert len(derived) == 1 and derived[0] is not None
    assert after.entries[SCENARIO_ID].title == "Défi enregistré"
    assert after.blob(SCENARIO_ID) == git(root, "rev-parse", f"HEAD:{PATH}").strip()
    assert any(p.path == BROKEN for p in after.problems)
    commons.close()
    assert seen(after) == full(root)


def test_plain_git_edits_additions_and_deletions_are_seen(tmp_path, monkeypatch):
    derived = spy(monkeypatch)
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    commons.load()
    (root / PATH).write_text(scenario("Modifié avec git"), encoding="utf-8")
    (root / BROKEN).write_text('title = "sans fin\n', encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "ajout et modification")
    added = commons.load()  # a file added: built in full
    assert added.entries[SCENARIO_ID].title == "Modifié avec git" and BROKEN.removesuffix(".toml") in added.entries
    (root / PATH).write_text(scenario("Encore"), encoding="utf-8")
    git(root, "commit", "-qam", "modification")
    edited = commons.load()  # content only: derived
    assert derived[0] is None and derived[1] is not None
    assert edited.entries[SCENARIO_ID].title == "Encore"
    git(root, "rm", "-q", BROKEN)
    git(root, "commit", "-qm", "suppression")
    removed = commons.load()
    assert BROKEN.removesuffix(".toml") not in removed.entries
    assert not any(p.path == BROKEN for p in removed.problems)
    again = commons.load("HEAD~1")  # back to an older tree: its snapshot file, or built
    assert again.entries[SCENARIO_ID].title == "Encore" and BROKEN.removesuffix(".toml") in again.entries
    commons.close()
    assert seen(removed) == full(root)
    assert seen(again) == full(root, "HEAD~1")


def test_a_snapshot_read_from_its_file_searches_like_one_built_in_full(tmp_path):
    more = {f"scenarios/2026-2027/svt/lille/jardin-{n}.toml": scenario(f"Jardin {'de ' * (n % 3)}{n}")
            for n in range(12)}
    root = make_commons(tmp_path / "c", more)
    built = Commons.open(root)
    first = built.load()
    assert first.search_index is None  # parsed: the searcher sorts the entries itself
    expected = [(h.entry.id, h.score) for h in first.searcher().search("jardin", limit=None)]
    built.close()
    warm = Commons.open(root)
    again = warm.load()  # a new process: read whole from the snapshot file, with its search order
    assert again.search_index is not None and len(again.search_index[0]) == len(again.entries)
    states = {rid: "academique" for rid in again.entries}
    searcher = again.searcher(states)
    assert [(h.entry.id, h.score) for h in searcher.search("jardin", limit=None)] == expected
    assert len(searcher.search("jardin etat:academique", limit=None)) == len(expected)
    assert again.searcher().search("jardin etat:academique") == []  # states belong to each copy
    searcher.warm()
    assert again.searcher()._vocabulary is searcher._vocabulary  # what one copy prepared, the others use
    warm.close()
