"""Saving and deleting: atomic writes, one-path commits, compare-and-swap, locks, crashes, concurrency."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from records import codec
from store import safefs
from store.commons import Commons, ConflictError, InvalidRecord
from store.errors import LockedError, StoreError
from tests.conftest import REPO_ROOT, git
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

PATH = f"{SCENARIO_ID}.toml"


def test_save_writes_and_commits_one_path(tmp_path):
    root = make_commons(tmp_path / "c")
    (root / "README.md").write_text("brouillon\n", encoding="utf-8")
    git(root, "add", "README.md")  # staged by the user: must stay staged, not committed by traam
    commons = Commons.open(root)
    snapshot = commons.load()
    record = snapshot.record(SCENARIO_ID).model_copy(update={"title": "Titre changé"})
    saved = commons.save(record, record_id=SCENARIO_ID, expected_blob=snapshot.blob(SCENARIO_ID))
    assert saved.commit == git(root, "rev-parse", "HEAD").strip()
    assert git(root, "log", "-1", "--format=%s|%an|%ae") == f"Modifier {SCENARIO_ID}|Camille Test|camille.test@example.org\n"
    assert git(root, "show", "--format=", "--name-only", "HEAD").split() == [PATH]
    assert (root / PATH).read_text(encoding="utf-8") == codec.dump(record)
    assert saved.blob == git(root, "rev-parse", f"HEAD:{PATH}").strip()
    assert git(root, "status", "--porcelain") == "A  README.md\n"
    assert commons.load().entries[SCENARIO_ID].title == "Titre changé"


def test_create_then_delete(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    new_id = "scenarios/2026-2027/svt/lille/nouveau"
    saved = commons.save(None, record_id=new_id, text=scenario("Nouveau"), expected_blob=None)
    assert git(root, "log", "-1", "--format=%s") == f"Créer {new_id}\n"
    with pytest.raises(ConflictError):
        commons.save(None, record_id=new_id, text=scenario("Encore"), expected_blob=None)
    deleted = commons.delete(new_id, expected_blob=saved.blob)
    assert not (root / f"{new_id}.toml").exists()
    assert git(root, "log", "-1", "--format=%s") == f"Supprimer {new_id}\n"
    assert git(root, "status", "--porcelain") == ""
    assert deleted.commit == git(root, "rev-parse", "HEAD").strip()
    assert new_id not in commons.load().entries


def test_save_without_id_derives_it(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    record = codec.load(PATH, scenario("Une enquête sur l'eau")).record
    saved = commons.save(record, expected_blob=None)
    assert saved.record_id == "scenarios/2026-2027/svt/lille/une-enquete-sur-l-eau"


def test_compare_and_swap_conflict_writes_nothing(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    snapshot = commons.load()
    theirs = scenario("Édité par quelqu'un d'autre")
    (root / PATH).write_text(theirs, encoding="utf-8")
    head = git(root, "rev-parse", "HEAD")
    with pytest.raises(ConflictError) as caught:
        commons.save(None, record_id=SCENARIO_ID, text=scenario("Le mien"), expected_blob=snapshot.blob(SCENARIO_ID))
    assert caught.value.theirs == theirs and caught.value.ours == scenario("Le mien")
    assert "modifié entre-temps" in str(caught.value)
    assert (root / PATH).read_text(encoding="utf-8") == theirs
    assert git(root, "rev-parse", "HEAD") == head


def test_invalid_content_is_refused(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    blob = commons.load().blob(SCENARIO_ID)
    with pytest.raises(InvalidRecord) as caught:
        commons.save(None, record_id=SCENARIO_ID, text=scenario() + "inconnu = 1\n", expected_blob=blob)
    assert caught.value.problems and "inconnu" in caught.value.problems[0].message
    assert (root / PATH).read_text(encoding="utf-8") == scenario()
    with pytest.raises(StoreError, match="chemin invalide"):
        commons.save(None, record_id="../x", text=scenario(), expected_blob=None)


def test_stale_index_lock_gives_clear_message_and_deletes_nothing(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    blob = commons.load().blob(SCENARIO_ID)
    lock = root / ".git" / "index.lock"
    lock.write_bytes(b"")
    with pytest.raises(LockedError, match="verrouillé"):
        commons.save(None, record_id=SCENARIO_ID, text=scenario("Bloqué"), expected_blob=blob)
    assert lock.exists()
    assert (root / PATH).read_text(encoding="utf-8") == scenario()
    lock.unlink()
    commons.save(None, record_id=SCENARIO_ID, text=scenario("Débloqué"), expected_blob=blob)


def test_symlinked_record_is_not_written_through(tmp_path):
    root = make_commons(tmp_path / "c")
    target = tmp_path / "cible.toml"
    target.write_text("original\n", encoding="utf-8")
    os.symlink(target, root / "scenarios/2026-2027/svt/lille/lien.toml")
    commons = Commons.open(root)
    with pytest.raises(safefs.SymlinkRefused):
        commons.save(None, record_id="scenarios/2026-2027/svt/lille/lien", text=scenario("x"), expected_blob=None)
    assert target.read_text(encoding="utf-8") == "original\n"


def _run(code: str, cwd) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_process_killed_during_save_leaves_old_file(tmp_path):
    root = make_commons(tmp_path / "c")
    code = f"""
        import os, signal
        from store import safefs
        from store.commons import Commons
        safefs.before_replace = lambda rel: os.kill(os.getpid(), signal.SIGKILL)
        c = Commons.open(".")
        from tests.test_store.samples import scenario
        c.save(None, record_id="{SCENARIO_ID}", text=scenario("Jamais écrit"), expected_blob=c.load().blob("{SCENARIO_ID}"))
    """
    process = _run(code, root)
    process.communicate(timeout=30)
    assert process.returncode == -9
    assert (root / PATH).read_text(encoding="utf-8") == scenario()
    folder = root / "scenarios/2026-2027/svt/lille"
    assert any(n.startswith(safefs.TEMP_PREFIX) for n in os.listdir(folder))  # left by the killed process
    commons = Commons.open(root)
    assert commons.load().problems == []
    assert not any(n.startswith(safefs.TEMP_PREFIX) for n in os.listdir(folder))  # swept
    assert git(root, "status", "--porcelain") == ""


def test_two_processes_saving_concurrently_lose_nothing(tmp_path):
    root = make_commons(tmp_path / "c")
    go = tmp_path / "go"
    code = """
        import sys, time, os
        from store.commons import Commons, ConflictError
        from tests.test_store.samples import scenario, SCENARIO_ID
        c = Commons.open(".")
        blob = c.load().blob(SCENARIO_ID)
        print("ready", flush=True)
        while not os.path.exists(sys.argv[1] if len(sys.argv) > 1 else "{go}"):
            time.sleep(0.005)
        try:
            c.save(None, record_id=SCENARIO_ID, text=scenario("Version " + str(os.getpid())), expected_blob=blob)
            print("saved")
        except ConflictError as error:
            print("conflict", error.theirs.count("Version"))
    """.replace("{go}", str(go))
    processes = [_run(code, root) for _ in range(2)]
    for process in processes:
        assert process.stdout.readline().strip() == "ready"
    go.write_text("go")
    outputs = sorted(p.communicate(timeout=60)[0].strip() for p in processes)
    assert outputs == ["conflict 1", "saved"], outputs
    assert git(root, "rev-list", "--count", "HEAD") == "2\n"
    assert git(root, "status", "--porcelain") == ""


def test_stale_branch_lock_writes_nothing(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = Commons.open(root)
    blob = commons.load().blob(SCENARIO_ID)
    lock = root / ".git" / "refs" / "heads" / "main.lock"
    lock.write_bytes(b"")
    with pytest.raises(LockedError, match=r"main\.lock"):
        commons.save(None, record_id=SCENARIO_ID, text=scenario("Bloqué"), expected_blob=blob)
    assert lock.exists() and (root / PATH).read_text(encoding="utf-8") == scenario()


def test_save_on_detached_head_moves_head_only(tmp_path):
    root = make_commons(tmp_path / "c")
    git(root, "switch", "-q", "--detach")
    commons = Commons.open(root)
    main = git(root, "rev-parse", "main")
    saved = commons.save(None, record_id=SCENARIO_ID, text=scenario("Détaché"),
                         expected_blob=commons.load().blob(SCENARIO_ID))
    assert git(root, "rev-parse", "HEAD").strip() == saved.commit
    assert git(root, "rev-parse", "main") == main
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "show", "--format=", "--name-only", "HEAD").split() == [PATH]


def test_branch_update_is_compare_and_swap(tmp_path):
    from store.git.commit import RefMoved
    from store.git.fastimport import commit_path

    root = make_commons(tmp_path / "c")
    stale = git(root, "rev-parse", "HEAD").strip()
    (root / "README.md").write_text("commit concurrent\n", encoding="utf-8")
    git(root, "add", "README.md")
    git(root, "commit", "-qm", "concurrent")
    tip = git(root, "rev-parse", "HEAD")
    with pytest.raises(RefMoved):
        commit_path(root, "refs/heads/main", stale, PATH, scenario("Perdu ?").encode(), "m", "A <a@example.org>",
                    "A <a@example.org>")
    assert git(root, "rev-parse", "HEAD") == tip
    commons = Commons.open(root)  # the store retries on the new tip: both commits are kept
    commons.save(None, record_id=SCENARIO_ID, text=scenario("Gardé"), expected_blob=commons.load().blob(SCENARIO_ID))
    assert git(root, "log", "--format=%s").splitlines()[:2] == [f"Modifier {SCENARIO_ID}", "concurrent"]
