"""SIGKILL at random moments of saves made by a real process: the index never names a missing object."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from store.commons import Commons
from tests.conftest import REPO_ROOT, git
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

KILLS = int(os.environ.get("TRAAM_SAVE_KILLS", "50"))
"""Kills per run (100 measured for the report; 50 by default to spare the shared test machine)."""

_SAVER = """
import sys
from store.commons import Commons
from tests.test_store.samples import SCENARIO_ID, scenario
commons = Commons.open(sys.argv[1])
start = int(sys.argv[2])
snapshot = commons.load()
blob = snapshot.blob(SCENARIO_ID)
print("prêt", flush=True)
for n in range(start, start + 1000):
    blob = commons.save(None, record_id=SCENARIO_ID, text=scenario(f"Titre {n}"), expected_blob=blob).blob
"""


def _saver(root, start):
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen([sys.executable, "-c", _SAVER, str(root), str(start)], cwd=REPO_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def test_kills_during_saves_leave_the_index_and_the_file_whole(tmp_path):
    root = make_commons(tmp_path / "c")
    path = root / f"{SCENARIO_ID}.toml"
    texts = {scenario(f"Titre {n}") for n in range(KILLS * 1000 + 1000)} | {path.read_text(encoding="utf-8")}
    rng = random.Random(12)
    intact = 0
    for kill in range(KILLS):
        process = _saver(root, kill * 1000)
        assert process.stdout.readline().decode().strip() == "prêt"
        time.sleep(rng.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        for lock in ("index.lock", "HEAD.lock", "refs/heads/main.lock"):
            (root / ".git" / lock).unlink(missing_ok=True)  # a killed git leaves its lock: the user removes it
        tree = subprocess.run(["git", "-C", str(root), "write-tree"], capture_output=True, check=False)
        fsck = subprocess.run(["git", "-C", str(root), "fsck", "--no-dangling", "--no-progress"],
                              capture_output=True, check=False)
        whole = path.read_text(encoding="utf-8") in texts
        intact += tree.returncode == 0 and fsck.returncode == 0 and whole
        assert tree.returncode == 0, (kill, tree.stderr)
        assert fsck.returncode == 0, (kill, fsck.stderr)
        assert whole, kill
    assert intact == KILLS
    print(f"kills during save with the index intact: {intact}/{KILLS}")
    snapshot = Commons.open(root).load()
    assert snapshot.entries[SCENARIO_ID].title.startswith("Titre")
    assert git(root, "status", "--porcelain") in ("", f" M {SCENARIO_ID}.toml\n", f"M  {SCENARIO_ID}.toml\n",
                                                  f"MM {SCENARIO_ID}.toml\n")


def test_an_unreadable_blob_is_a_problem_not_an_empty_record(tmp_path):
    """A tree entry whose object is missing is reported as a damaged repository, never as a record."""
    root = make_commons(tmp_path / "c")
    blob = git(root, "rev-parse", f"HEAD:{SCENARIO_ID}.toml").strip()
    (root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    snapshot = Commons.open(root).load("HEAD")
    problems = [p for p in snapshot.problems if p.path == f"{SCENARIO_ID}.toml"]
    assert [p.rule for p in problems] == ["git"], problems
    assert "introuvable ou illisible" in problems[0].message
