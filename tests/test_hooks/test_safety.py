"""Tests that a copied repository's own config runs nothing during traam's hooks, driver and sync."""

from __future__ import annotations

import subprocess

from tests.conftest import git, run_traam
from tests.test_hooks.helpers import SCENARIO, commit, make_commons, scenario, write


def test_copied_repository_programs_never_run(tmp_path):
    """fsmonitor, filter and merge drivers, uploadpack and an ssh command set in .git/config stay unused."""
    upstream = make_commons(tmp_path / "amont")
    repo = tmp_path / "copie"
    git(tmp_path, "clone", "-q", str(upstream), str(repo))
    assert run_traam("hooks", "install", cwd=repo).returncode == 0
    git(repo, "switch", "-q", "-c", "travail")
    write(repo, SCENARIO, scenario(title="Titre local"))
    commit(repo, "local")
    write(upstream, SCENARIO, scenario(summary="Résumé amont."))
    commit(upstream, "amont")
    marks = tmp_path / "traces"
    marks.mkdir()
    evil = {
        "core.fsmonitor": f"touch {marks}/fsmonitor; false",
        "filter.piege.clean": f"touch {marks}/clean; cat",
        "filter.piege.smudge": f"touch {marks}/smudge; cat",
        "filter.piege.process": f"tr \"\\\\0\" \" \" < /proc/$PPID/cmdline > {marks}/process",
        "merge.traam.driver": f"touch {marks}/driver; false",
        "remote.origin.uploadpack": f"touch {marks}/uploadpack; git-upload-pack",
        "core.sshCommand": f"touch {marks}/ssh",
        "gpg.program": f"touch {marks}/gpg",
    }
    for key, value in evil.items():
        git(repo, "config", key, value)
    (repo / ".git/info/attributes").write_text("* filter=piege\n", encoding="utf-8")
    shim = subprocess.run(["sh", str(repo / ".git/hooks/pre-commit")], cwd=repo, capture_output=True, text=True)
    assert shim.returncode == 0, shim.stderr
    done = run_traam("sync", "--remote", "origin", "--branch", "main", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in marks.iterdir()) == []
    assert "Résumé amont." in (repo / SCENARIO).read_text(encoding="utf-8")
