"""Tests of the review commands as a user runs them: submit with merge-request push options, verify, setup, show."""

from __future__ import annotations

import json
import os
import pty
import select
import sys

from records import codec
from store.review import notes
from tests.conftest import git, run_traam, traam_env
from tests.test_store.review_world import NEW_ID, SCENARIO_ID, edit, make_world, merge, scenario

_RECORDER = """#!/bin/sh
env | grep '^GIT_PUSH_OPTION' | sort > "$GIT_DIR/push-options.txt"
exit 0
"""


def _contribute(world, slug="herbier", title="Herbier numérique"):
    teacher = world.clone(f"teacher-{slug}")
    done = run_traam("contrib", "start", slug, "--academie", "lille", cwd=teacher)
    assert done.returncode == 0, done.stderr
    (teacher / f"{NEW_ID}.toml").write_text(scenario(title), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Créer l'herbier")
    return teacher


def test_submit_opens_merge_request_with_push_options(tmp_path):
    """Against a real bare remote advertising push options, the options reach its pre-receive hook."""
    world = make_world(tmp_path)
    hook = world.remote / "hooks" / "pre-receive"
    hook.write_text(_RECORDER, encoding="utf-8")
    hook.chmod(0o755)
    teacher = _contribute(world)
    done = run_traam("submit", "--merge-request", "--titre", "Herbier\nnumérique [b]", cwd=teacher)
    assert done.returncode == 0, done.stderr
    assert "Demande de fusion ouverte" in done.stdout
    options = (world.remote / "push-options.txt").read_text(encoding="utf-8").splitlines()
    assert options[0] == "GIT_PUSH_OPTION_0=merge_request.create"
    assert "GIT_PUSH_OPTION_1=merge_request.target=academie/lille" in options
    assert "GIT_PUSH_OPTION_2=merge_request.title=Herbier numérique [b]" in options
    assert any(o.startswith("GIT_PUSH_OPTION_3=merge_request.description=") and NEW_ID in o for o in options)
    assert git(world.remote, "rev-parse", "contrib/lille/herbier").strip() == git(teacher, "rev-parse", "HEAD").strip()


def test_submit_detects_gitlab_by_config_and_stays_plain_otherwise(tmp_path):
    world = make_world(tmp_path)
    hook = world.remote / "hooks" / "pre-receive"
    hook.write_text(_RECORDER, encoding="utf-8")
    hook.chmod(0o755)
    teacher = _contribute(world)
    assert run_traam("submit", cwd=teacher).returncode == 0
    assert "merge_request" not in (world.remote / "push-options.txt").read_text(encoding="utf-8")
    git(teacher, "config", "traam.forge", "gitlab")
    git(teacher, "commit", "-q", "--allow-empty", "-m", "encore")
    assert run_traam("submit", cwd=teacher).returncode == 0
    assert "merge_request.create" in (world.remote / "push-options.txt").read_text(encoding="utf-8")


def test_submit_outside_a_contribution_fails_in_french(tmp_path):
    world = make_world(tmp_path)
    clone = world.clone("plain")
    done = run_traam("submit", cwd=clone)
    assert done.returncode == 1
    assert "n'est pas une contribution" in done.stderr


def test_verify_command_reports_in_french_and_json(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario("Herbier")})
    merge(seed, "academie/lille", "contrib/lille/herbier", key=world.keys["lille"])
    done = run_traam("verify", cwd=seed)
    assert done.returncode == 0, done.stdout + done.stderr
    merge(seed, "main", "academie/lille", key=None)
    done = run_traam("verify", cwd=seed)
    assert done.returncode == 1
    assert "main : 1 problème" in done.stdout and "fusion non signée" in done.stdout
    assert "Vérification échouée" in done.stdout
    report = json.loads(run_traam("verify", "main", "--json", cwd=seed).stdout)
    assert report["ok"] is False and report["branches"][0]["problems"][0].endswith("fusion non signée")
    assert run_traam("verify", "academie/lille", cwd=seed).returncode == 0


def test_reviewer_setup_new_key_signs_and_prints_entry(tmp_path):
    world = make_world(tmp_path)
    clone = world.clone("newcomer")
    key = tmp_path / "keys" / "newcomer"
    done = run_traam("reviewer", "setup", "--new", "--key", str(key), "--nom", "Néo Relecteur",
                     "--principal", "neo@ac-lille.fr", "--academie", "lille", cwd=clone)
    assert done.returncode == 0, done.stderr
    assert git(clone, "config", "gpg.format").strip() == "ssh"
    assert git(clone, "config", "user.signingkey").strip() == str(key)
    public = " ".join((tmp_path / "keys" / "newcomer.pub").read_text().split()[:2])
    entry = done.stdout.split("(par une validation nationale) :\n\n", 1)[1]
    loaded = codec.load("governance/reviewers.toml", entry)
    assert loaded.ok, loaded.problems
    [reviewer] = loaded.record.reviewers
    assert (reviewer.name, reviewer.principal, reviewer.role) == ("Néo Relecteur", "neo@ac-lille.fr", "academique")
    assert reviewer.academies == ["lille"] and reviewer.public_key == public
    again = run_traam("reviewer", "setup", "--new", "--key", str(key), cwd=clone)
    assert again.returncode == 1 and "existe déjà" in again.stderr


def test_show_and_approve_with_resolution_on_the_command_line(tmp_path):
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    path = f"{SCENARIO_ID}.toml"
    edit(seed, "contrib/lille/premier", {path: scenario(title="Titre A")})
    edit(seed, "contrib/lille/second", {path: scenario(title="Titre B", duration="2 h")})
    git(seed, "switch", "-q", "main")
    git(seed, "config", "user.signingkey", str(world.keys["lille"].private))
    assert run_traam("review", "approve", "contrib/lille/premier", cwd=seed).returncode == 0
    shown = run_traam("review", "show", "contrib/lille/second", cwd=seed)
    assert f"conflit sur {SCENARIO_ID} › Titre (--resolve {SCENARIO_ID}:title=ours|theirs)" in shown.stdout
    assert "cible        : Titre A" in shown.stdout and "contribution : Titre B" in shown.stdout
    # The other fields the contribution changes show too (issue 13, item 14), in French.
    assert "+ Durée : 2 h" in shown.stdout, shown.stdout
    refused = run_traam("review", "approve", "contrib/lille/second", cwd=seed, input="")
    assert refused.returncode == 1 and "conflit non résolu" in refused.stderr
    done = run_traam("review", "approve", "contrib/lille/second", "--resolve", "title=theirs", cwd=seed)
    assert done.returncode == 0, done.stderr
    assert "Non poussé" in done.stdout
    text = git(seed, "show", f"academie/lille:{path}")
    assert 'title = "Titre B"' in text and 'duration = "2 h"' in text
    assert run_traam("verify", cwd=seed).returncode == 0


def test_review_list_is_limited_to_the_reviewers_scope(tmp_path):
    world = make_world(tmp_path)
    teacher = _contribute(world)
    assert run_traam("submit", cwd=teacher).returncode == 0
    versailles = world.clone("versailles", signing="versailles")
    assert json.loads(run_traam("review", "list", "--json", cwd=versailles).stdout) == []
    everything = json.loads(run_traam("review", "list", "--json", "--tout", cwd=versailles).stdout)
    assert [item["branch"] for item in everything] == ["contrib/lille/herbier"]
    nation = world.clone("nation", signing="nation")
    assert [i["branch"] for i in json.loads(run_traam("review", "list", "--json", cwd=nation).stdout)] == [
        "contrib/lille/herbier"]


def test_a_second_reviewer_sees_the_first_ones_decision(tmp_path):
    """Review notes travel through the remote: another reviewer's queue leaves the contribution out."""
    world = make_world(tmp_path)
    teacher = _contribute(world)
    assert run_traam("submit", cwd=teacher).returncode == 0
    first = world.clone("first", signing="lille")
    second = world.clone("second", signing="nation")
    assert len(json.loads(run_traam("review", "list", "--json", cwd=second).stdout)) == 1
    done = run_traam("review", "request-changes", "contrib/lille/herbier", "-m", "À revoir.", cwd=first)
    assert done.returncode == 0, done.stderr
    assert json.loads(run_traam("review", "list", "--json", cwd=second).stdout) == []
    shown = run_traam("review", "show", "contrib/lille/herbier", cwd=second)
    assert "décision : modifications demandées" in shown.stdout and "À revoir." in shown.stdout
    # The second reviewer adds a decision on the same tip: the notes merge line by line, none is lost.
    done = run_traam("review", "refuse", "contrib/lille/herbier", "-m", "Finalement non.", cwd=second)
    assert done.returncode == 0, done.stderr
    git(teacher, "fetch", "-q")
    tip = git(teacher, "rev-parse", "HEAD").strip()
    assert [r.decision for r in notes.reviews(teacher, tip)] == ["modifications", "refus"]


def test_approve_asks_per_field_in_a_terminal(tmp_path):
    """In a terminal, unresolved conflicts are asked field by field; the answer decides the merged value."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    path = f"{SCENARIO_ID}.toml"
    edit(seed, "contrib/lille/premier", {path: scenario(title="Titre A")})
    edit(seed, "contrib/lille/second", {path: scenario(title="Titre B")})
    git(seed, "switch", "-q", "main")
    git(seed, "config", "user.signingkey", str(world.keys["lille"].private))
    assert run_traam("review", "approve", "contrib/lille/premier", cwd=seed).returncode == 0
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child becomes traam
        os.chdir(seed)
        os.execve(sys.executable, [sys.executable, "-m", "tui", "review", "approve", "contrib/lille/second"],
                  traam_env())
    out, answered = b"", False
    while select.select([fd], [], [], 30)[0]:
        try:
            data = os.read(fd, 1024)
        except OSError:
            break
        if not data:
            break
        out += data
        if b"Garder" in out and not answered:
            os.write(fd, b"p\n")
            answered = True
    _, status = os.waitpid(pid, 0)
    assert answered and os.waitstatus_to_exitcode(status) == 0, out.decode(errors="replace")
    assert "cible        : Titre A" in out.decode() and "contribution : Titre B" in out.decode()
    assert 'title = "Titre B"' in git(seed, "show", f"academie/lille:{path}")
