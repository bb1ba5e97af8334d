"""Review notes count only when signed by a reviewer in scope; the server refuses the others (real keys, real hook)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace

import pytest

from store.git import signatures
from store.review import decide as review
from store.review import notes
from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, make_world, scenario

BRANCH = "contrib/lille/herbier"


@pytest.fixture
def world(tmp_path):
    """A guarded shared remote, a submitted contribution of Lille, and the reviewers' clones."""
    world = make_world(tmp_path)
    assert run_traam("hooks", "install", "--server", cwd=world.remote).returncode == 0
    teacher = world.clone("teacher")
    assert run_traam("contrib", "start", "herbier", "--academie", "lille", cwd=teacher).returncode == 0
    (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Créer l'herbier")
    assert run_traam("submit", cwd=teacher).returncode == 0
    world.teacher = teacher
    world.tip = git(teacher, "rev-parse", "HEAD").strip()
    return world


def _line(world, *, signer: str, principal: str, commit: str, decision: str = "refus", branch: str = BRANCH) -> str:
    """A review line as an attacker (or a reviewer) would write it, signed with ``signer``'s key."""
    unsigned = notes.Review("2026-12-01T10:00:00+00:00", decision, f"Nat Nation <{principal}>", "Refusée.", {},
                            principal, branch, commit)
    signature = signatures.sign(world.keys[signer].private, notes._payload(notes._line_data(unsigned)))
    return notes._line(replace(unsigned, signature=signature))


def _push_note(repo, commit: str, line: str) -> subprocess.CompletedProcess:
    git(repo, "notes", "--ref=traam-review", "append", "-m", line, commit)
    return subprocess.run(["git", "-C", str(repo), "push", "origin", "refs/notes/traam-review"],
                          capture_output=True, text=True, check=False)


def _refused(done: subprocess.CompletedProcess, reason: str) -> bool:
    return done.returncode != 0 and "envoi refusé" in done.stderr and reason in done.stderr


def test_forged_notes_change_nothing_for_the_reviewer_and_the_teacher(world):
    """Unsigned, stranger-signed, out-of-scope and transplanted refusals are shown as unauthenticated."""
    attacker = world.clone("attacker")
    git(attacker, "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")
    other = git(attacker, "rev-parse", "origin/main").strip()
    forged = [
        json.dumps({"date": "2026-12-01", "decision": "refus", "reviewer": "Nat Nation <nat@education.gouv.fr>",
                    "message": "Refusée."}),
        _line(world, signer="stranger", principal="nat@education.gouv.fr", commit=world.tip),
        _line(world, signer="versailles", principal="val@ac-versailles.fr", commit=world.tip),
        _line(world, signer="nation", principal="nat@education.gouv.fr", commit=other),
    ]
    for line in forged:
        git(attacker, "notes", "--ref=traam-review", "append", "-m", line, world.tip)
    found = notes.reviews(attacker, world.tip)
    assert len(found) == 4 and not any(r.authenticated for r in found)
    assert notes.latest_decision(attacker, world.tip) is None
    assert [item.name for item in review.pending(attacker, report=False)] == [BRANCH]
    shown = run_traam("review", "show", BRANCH, "--no-fetch", cwd=attacker)
    assert shown.stdout.count("note non authentifiée") == 4 and world.tip in shown.stdout, shown.stdout
    # The genuine national reviewer's signed refusal counts.
    git(attacker, "notes", "--ref=traam-review", "append", "-m",
        _line(world, signer="nation", principal="nat@education.gouv.fr", commit=world.tip), world.tip)
    assert notes.latest_decision(attacker, world.tip).decision == "refus"
    assert review.pending(attacker, report=False) == []


def test_the_server_refuses_every_forged_note_and_any_rewrite(world):
    lille = world.clone("lille", signing="lille")
    done = run_traam("review", "request-changes", BRANCH, "-m", "Précisez la durée.", cwd=lille)
    assert done.returncode == 0, done.stderr
    assert git(world.remote, "notes", "--ref=traam-review", "list").strip()
    assert notes.latest_decision(lille, world.tip).decision == "modifications"

    attacker = world.clone("attacker")
    git(attacker, "fetch", "-q", "origin", "refs/notes/traam-review:refs/notes/traam-review")
    genuine = git(attacker, "rev-parse", "refs/notes/traam-review").strip()
    main = git(attacker, "rev-parse", "origin/main").strip()
    attacks = {
        "unsigned": json.dumps({"date": "2026-12-01", "decision": "refus", "reviewer": "Nat Nation",
                                "message": "Refusée."}),
        "stranger": _line(world, signer="stranger", principal="nat@education.gouv.fr", commit=world.tip),
        "out-of-scope": _line(world, signer="versailles", principal="val@ac-versailles.fr", commit=world.tip),
        "transplanted": _line(world, signer="lille", principal="lou@ac-lille.fr", commit=main),
        "escape": _line(world, signer="lille", principal="lou@ac-lille.fr", commit=world.tip) + "\x1b[2J",
    }
    refused = 0
    for name, line in attacks.items():
        git(attacker, "update-ref", "refs/notes/traam-review", genuine)
        done = _push_note(attacker, world.tip, line)
        refused += _refused(done, "notes de relecture") or _refused(done, "non authentifiée") \
            or _refused(done, "contrôle")
        assert done.returncode != 0, (name, done.stderr)
    # Deleting, rewriting (force) and erasing a line by a fast-forward are refused too.
    deleted = subprocess.run(["git", "-C", str(attacker), "push", "origin", ":refs/notes/traam-review"],
                             capture_output=True, text=True, check=False)
    refused += _refused(deleted, "suppression des notes de relecture")
    git(attacker, "update-ref", "refs/notes/traam-review", genuine)
    git(attacker, "notes", "--ref=traam-review", "remove", world.tip)
    erased = subprocess.run(["git", "-C", str(attacker), "push", "origin", "refs/notes/traam-review"],
                            capture_output=True, text=True, check=False)
    refused += _refused(erased, "effacée ou réécrite")
    empty = git(attacker, "hash-object", "-t", "tree", "/dev/null")
    orphan = git(attacker, "commit-tree", empty.strip(), "-m", "vide").strip()
    forced = subprocess.run(["git", "-C", str(attacker), "push", "--force", "origin",
                             f"{orphan}:refs/notes/traam-review"], capture_output=True, text=True, check=False)
    refused += _refused(forced, "réécriture des notes de relecture refusée")
    assert refused == len(attacks) + 3
    assert git(world.remote, "rev-parse", "refs/notes/traam-review").strip() == genuine
