"""A copied commons whose config names every kind of program: no CLI command runs any of them, local or network."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from store.git import policy, run, text
from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, SCENARIO_ID, make_world, scenario

PROGRAM_KEYS = (
    "core.fsmonitor", "core.sshCommand", "core.gitProxy", "core.askPass", "core.editor", "sequence.editor",
    "core.alternateRefsCommand", "credential.helper", "credential.https://example.org.helper",
    "diff.piege.command", "diff.piege.textconv", "merge.piege.driver", "filter.piege.clean",
    "filter.piege.smudge", "filter.piege.process", "gpg.program", "gpg.ssh.program", "gpg.x509.program",
    "gpg.ssh.defaultKeyCommand", "uploadpack.packObjectsHook", "remote.origin.uploadpack",
    "remote.origin.receivepack",
)


def arm(repo: Path, marks: Path) -> None:
    """Name a marker-writing program in every key of ``repo``'s own config that git could run."""
    marks.mkdir(exist_ok=True)
    for key in PROGRAM_KEYS:
        script = marks.parent / f"prog-{key.replace('/', '_')}.sh"
        script.write_text(f"#!/bin/sh\ntouch '{marks}/{key.replace('/', '_')}'\nexit 1\n", encoding="utf-8")
        script.chmod(0o755)
        git(repo, "config", "--add", key, str(script))
    git(repo, "config", "filter.piege.required", "true")
    attributes = repo / ".git" / "info" / "attributes"
    attributes.parent.mkdir(exist_ok=True)
    attributes.write_text("* filter=piege diff=piege merge=piege\n", encoding="utf-8")


def test_plain_git_runs_the_repository_upload_pack(tmp_path):
    """Control: a plain fetch from the armed clone runs its uploadpack."""
    world = make_world(tmp_path)
    repo = world.clone("copie")
    marks = tmp_path / "traces"
    arm(repo, marks)
    subprocess.run(["git", "-C", str(repo), "fetch", "-q", "origin"], capture_output=True, check=False)
    assert "remote.origin.uploadpack" in {p.name for p in marks.iterdir()}


def test_the_runner_sees_only_neutral_programs(tmp_path):
    """Through the runner, every program key reads back as git's default or the user's global value."""
    world = make_world(tmp_path)
    repo = world.clone("copie")
    git(repo, "config", "--global", "gpg.ssh.program", "/usr/bin/ssh-keygen")
    git(repo, "config", "--global", "credential.helper", "cache")
    arm(repo, tmp_path / "traces")
    assert text(repo, "config", "--get", "gpg.ssh.program") == "/usr/bin/ssh-keygen"
    helpers = text(repo, "config", "--get-all", "credential.helper").splitlines()
    assert helpers[len(helpers) - helpers[::-1].index(""):] == ["cache"]  # an empty value resets the list
    assert text(repo, "config", "--get", "core.sshCommand") == "ssh"
    assert text(repo, "config", "--get", "merge.piege.driver") == "false"
    for key in ("core.gitProxy", "core.askPass", "diff.piege.textconv", "filter.piege.clean",
                "uploadpack.packObjectsHook", "gpg.ssh.defaultKeyCommand"):
        assert text(repo, "config", "--get", key) == "", key


def test_network_subcommands_get_git_own_pack_programs():
    assert policy.network_options(("-c", "a=b", "fetch", "origin")) == (
        "-c", "a=b", "fetch", "--upload-pack=git-upload-pack", "origin")
    assert policy.network_options(("push", "origin", "x")) == ("push", "--receive-pack=git-receive-pack", "origin", "x")
    assert policy.network_options(("ls-remote", "o"))[1] == "--upload-pack=git-upload-pack"
    with pytest.raises(ValueError):
        policy.network_options(("remote", "show", "origin"))


def test_no_command_runs_a_program_of_the_copied_config(tmp_path):
    """submit, review list/show/request-changes/approve, sync, status, verify, log, validate: nothing runs."""
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    reviewer = world.clone("reviewer", signing="lille")
    marks = tmp_path / "traces"
    arm(teacher, marks)
    arm(reviewer, marks)
    done = run_traam("contrib", "start", "herbier", "--academie", "lille", cwd=teacher)
    assert done.returncode == 0, done.stderr
    (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
    run(teacher, "add", "-A")
    run(teacher, "commit", "-q", "-m", "Créer l'herbier")
    assert run_traam("submit", cwd=teacher).returncode == 0
    branch = "contrib/lille/herbier"
    listed = run_traam("review", "list", "--json", cwd=reviewer)
    assert branch in listed.stdout, listed.stderr
    assert run_traam("review", "show", branch, cwd=reviewer).returncode == 0
    assert run_traam("review", "request-changes", branch, "-m", "À revoir.", cwd=reviewer).returncode == 0
    run_traam("review", "approve", branch, cwd=reviewer, input="")
    run_traam("sync", "--remote", "origin", "--branch", "main", cwd=reviewer)
    assert run_traam("status", SCENARIO_ID, cwd=reviewer).returncode in (0, 1)
    run_traam("verify", cwd=reviewer)
    assert run_traam("log", SCENARIO_ID, cwd=reviewer).returncode == 0
    run_traam("validate", cwd=teacher)
    run_traam("clone", f"file://{world.remote}", str(tmp_path / "clone"), cwd=tmp_path)
    assert sorted(p.name for p in marks.iterdir()) == []
