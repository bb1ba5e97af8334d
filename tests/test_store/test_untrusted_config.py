"""A copied repository whose config names fsmonitor or filter programs: traam executes none of them."""

from __future__ import annotations

import subprocess

from store.commons import Commons
from tests.conftest import git
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario


def hostile(tmp_path):
    root = make_commons(tmp_path / "c", {".gitattributes": "*.toml filter=evil\n*.toml diff=evil\n"})
    marker = tmp_path / "marker"
    script = tmp_path / "evil.sh"
    script.write_text(f"#!/bin/sh\necho \"$0 $*\" >> {marker}\ncat\n", encoding="utf-8")
    script.chmod(0o755)
    git(root, "config", "core.fsmonitor", str(script))
    git(root, "config", "filter.evil.clean", str(script))
    git(root, "config", "filter.evil.smudge", str(script))
    git(root, "config", "filter.evil.required", "true")
    git(root, "config", "diff.evil.command", str(script))
    git(root, "config", "diff.evil.textconv", str(script))
    git(root, "config", "log.showSignature", "true")
    git(root, "config", "gpg.program", str(script))
    git(root, "config", "commit.gpgSign", "true")
    return root, marker


def test_plain_git_would_run_them(tmp_path):
    """Control: the trap is real, plain git runs the programs."""
    root, marker = hostile(tmp_path)
    (root / f"{SCENARIO_ID}.toml").write_text(scenario("Touché"), encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "status"], capture_output=True, check=False)
    assert marker.exists()


def test_traam_runs_nothing_from_the_repository_config(tmp_path):
    root, marker = hostile(tmp_path)
    path = root / f"{SCENARIO_ID}.toml"
    path.write_text(scenario("Touché"), encoding="utf-8")
    (root / "scenarios/2026-2027/svt/lille/neuf.toml").write_text(scenario("Neuf"), encoding="utf-8")
    commons = Commons.open(root)
    snapshot = commons.load()
    assert snapshot.entries[SCENARIO_ID].title == "Touché"
    commons.load("HEAD")
    saved = commons.save(None, record_id=SCENARIO_ID, text=scenario("Enregistré"),
                         expected_blob=snapshot.blob(SCENARIO_ID))
    assert commons.history(SCENARIO_ID)[0].commit == saved.commit
    commons.delete("scenarios/2026-2027/svt/lille/neuf", expected_blob=snapshot.blob("scenarios/2026-2027/svt/lille/neuf"))
    commons.text(SCENARIO_ID, "HEAD")
    commons.load()
    assert not marker.exists(), marker.read_text()
