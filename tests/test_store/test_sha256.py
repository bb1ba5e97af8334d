"""A SHA-256 repository works like a SHA-1 one: open, load, save, delete, history, the null and empty-tree ids."""

from __future__ import annotations

from store.commons import Commons
from store.git import diff, objectformat, repo
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
    assert [c.path for c in diff.staged(root, None)] == sorted(
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


def test_review_and_verify_on_sha256(tmp_path):
    """Contribute, ask for changes (signed note), validate at both levels and verify, all in SHA-256 repositories."""
    from store.review import states
    from tests.conftest import run_traam
    from tests.test_store.review_world import NEW_ID, make_world
    from tests.test_store.review_world import scenario as world_scenario

    def ok(done):
        assert done.returncode == 0, done.stderr + done.stdout
        return done.stdout

    world = make_world(tmp_path, object_format="sha256")
    teacher = world.clone("teacher")
    lille = world.clone("lille", signing="lille")
    nation = world.clone("nation", signing="nation")
    assert objectformat.object_format(teacher) == "sha256"
    ok(run_traam("contrib", "start", "herbier", "--academie", "lille", cwd=teacher))
    (teacher / f"{NEW_ID}.toml").write_text(world_scenario("Herbier numérique"), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Créer l'herbier")
    ok(run_traam("submit", cwd=teacher))
    ok(run_traam("review", "request-changes", "contrib/lille/herbier", "-m", "Merci de compléter.", cwd=lille))
    git(teacher, "fetch", "-q")
    commons = Commons.open(teacher)
    assert states.record_states(commons, commons.load())[NEW_ID] == "modifications"
    (teacher / f"{NEW_ID}.toml").write_text(world_scenario("Herbier numérique", duration="3 séances"),
                                            encoding="utf-8")
    git(teacher, "commit", "-q", "-am", "Ajouter la durée")
    ok(run_traam("submit", cwd=teacher))
    ok(run_traam("review", "approve", "contrib/lille/herbier", cwd=lille))
    ok(run_traam("review", "approve", "academie/lille", cwd=nation))
    git(teacher, "fetch", "-q")
    commons = Commons.open(teacher)
    assert states.record_states(commons, commons.load())[NEW_ID] == "national"
    assert len(git(nation, "rev-parse", "origin/main").strip()) == 64
    done = run_traam("verify", cwd=nation)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "main : 1 validation signée" in done.stdout
