"""The living demo (issue 13 item 20, issue 11 item 9): a signed history in every state, roles a new user plays.

Real ``traam demo`` processes with a hermetic HOME and data folder, real
ssh-keygen keys made by the demo, real git; no tty (standard input is a pipe),
so the demo must not wait for a role.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import time
from pathlib import Path

from records import layout
from tests.conftest import git, run_traam

STATES = {"brouillon", "propose", "modifications", "refuse", "academique", "national"}


def _demo(tmp_path: Path, *args: str) -> tuple[Path, subprocess.CompletedProcess]:
    done = run_traam("demo", "--sans-ouvrir", *args, cwd=tmp_path, input="")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return Path(os.environ["XDG_DATA_HOME"]) / "traam" / "demo", done


def _status(demo: Path, branch: str, record_id: str) -> dict:
    git(demo, "checkout", "-q", branch)
    done = run_traam("-C", str(demo), "status", record_id, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_fresh_demo_verifies_holds_every_state_and_keeps_its_keys_outside(tmp_path):
    started = time.monotonic()
    demo, done = _demo(tmp_path)
    elapsed = time.monotonic() - started
    assert "Qui êtes-vous" not in done.stdout  # no tty: no question, the teacher's role
    assert git(demo, "config", "--local", "traam.demoRole").strip() == "enseignant"
    verified = run_traam("-C", str(demo), "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "main : " in verified.stdout and "academie/" in verified.stdout
    assert verified.stdout.count("tout est vérifié") == len(verified.stdout.strip().splitlines())
    signed = int(verified.stdout.split("main : ")[1].split(" ")[0])
    assert signed >= 10  # framing of each campaign, past contributions, the latest ones
    authors = set(git(demo, "log", "--branches", "--remotes", "--format=%an").splitlines())
    assert len(authors) >= 8 and all("exemple" in a or "démonstration" in a for a in authors)

    # Every state, each shown by traam status on the branch where it lives.
    roles = json.loads((demo.with_name("demo-cles") / "roles.json").read_text(encoding="utf-8"))
    seen = {}
    for ref in git(demo, "for-each-ref", "--format=%(refname:short)", "refs/heads/", "refs/remotes/").split():
        branch = ref.removeprefix("origin/")
        if not branch.startswith(("contrib/", "academie/")) or branch in seen.values():
            continue
        changed = [p for p in git(demo, "diff", "--name-only", f"main...{ref}").split() if p.endswith(".toml")]
        if changed:
            state = _status(demo, branch, layout.id_of(changed[0]))["state"]
            seen[state] = branch
    git(demo, "checkout", "-q", "main")
    seen["national"] = "main"
    assert set(seen) == STATES, seen

    # The changes requested carry a signed note per record, for the teacher of the demo.
    branch = roles["enseignant"]["branch"]
    changed = [p for p in git(demo, "diff", "--name-only", f"main...{branch}").split()]
    report = _status(demo, branch, layout.id_of(changed[0]))
    assert report["state"] == "modifications" and report["review"]["records"][layout.id_of(changed[0])]
    git(demo, "checkout", "-q", "main")

    # Scenarios of the latest campaign are drafts: their state says so, none is on main (validated).
    on_main = git(demo, "ls-tree", "-r", "--name-only", "main").split()
    assert not [path for path in on_main if path.startswith("scenarios/2026-2027/")]

    # Private keys: in the data folder (0700, keys 0600), never in any object of the repository.
    keys = demo.with_name("demo-cles")
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    private = [p for p in keys.iterdir() if p.suffix not in (".pub", ".json")]
    assert len(private) >= 3 and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in private)
    objects = git(demo, "rev-list", "--all", "--objects").split("\n")
    blobs = "".join(line.split(" ")[0] + "\n" for line in objects if line)
    dump = subprocess.run(["git", "-C", str(demo), "cat-file", "--batch"], input=blobs.encode(),
                          capture_output=True, check=True).stdout
    assert b"PRIVATE KEY" not in dump
    assert not list(demo.rglob("*PRIVATE*")) and "demo-cles" not in git(demo, "ls-files")
    # The root is recorded for this user; git's global config is untouched.
    assert list((Path(os.environ["XDG_DATA_HOME"]) / "traam" / "trust").iterdir())
    assert "signingkey" not in (Path(os.environ["HOME"]) / ".gitconfig").read_text(encoding="utf-8")
    print(f"traam demo created in {elapsed:.1f} s")


def test_each_role_configures_the_demo_only_and_can_act(tmp_path):
    demo, _ = _demo(tmp_path, "--role", "relecteur-academique")
    academie = git(demo, "config", "--local", "traam.academie").strip()
    key = Path(git(demo, "config", "--local", "user.signingkey").strip())
    assert key.is_file() and key.parent == demo.with_name("demo-cles")
    assert git(demo, "config", "--local", "user.email").strip() == f"relecture.{academie}@example.org"
    listed = run_traam("-C", str(demo), "review", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    pending = [item for item in json.loads(listed.stdout) if item["branch"].startswith(f"contrib/{academie}/")]
    assert pending, listed.stdout
    item = pending[0]
    approved = run_traam("-C", str(demo), "review", "approve", item["branch"], "--tip", item["tip"])
    assert approved.returncode == 0, approved.stderr
    assert run_traam("-C", str(demo), "verify").returncode == 0

    _demo(tmp_path, "--role", "relecteur-national")
    assert git(demo, "config", "--local", "traam.demoRole").strip() == "relecteur-national"
    tip = git(demo, "rev-parse", f"academie/{academie}").strip()
    approved = run_traam("-C", str(demo), "review", "approve", f"academie/{academie}", "--tip", tip)
    assert approved.returncode == 0, approved.stderr
    verified = run_traam("-C", str(demo), "verify")
    assert verified.returncode == 0 and "tout est vérifié" in verified.stdout

    _demo(tmp_path, "--role", "enseignant")
    assert git(demo, "config", "--local", "user.signingkey", check=False).strip() == ""
    assert git(demo, "config", "--global", "user.email").strip() == "camille.test@example.org"


def test_reset_sets_the_old_demo_aside_with_its_own_keys_and_server(tmp_path):
    demo, _ = _demo(tmp_path, "--role", "relecteur-national")
    first = git(demo, "rev-list", "--max-parents=0", "main").strip()
    _, done = _demo(tmp_path, "--reset")
    old = Path(done.stdout.split("conservé dans ")[1].splitlines()[0])
    assert git(demo, "rev-list", "--max-parents=0", "main").strip() != first  # new keys, new genesis
    assert git(old, "config", "--local", "remote.origin.url").strip().startswith(str(demo.with_name("demo-serveur.git.ancien-")))
    key = Path(git(old, "config", "--local", "user.signingkey").strip())
    assert key.is_file() and key.parent.name.startswith("demo-cles.ancien-")
    assert run_traam("-C", str(demo), "verify").returncode == 0
