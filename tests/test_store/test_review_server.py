"""The review path against a bare commons guarded by traam's own pre-receive hook (which calls verify_update)."""

from __future__ import annotations

import subprocess

from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, make_world, scenario


def test_signed_validations_pass_the_server_hook_and_forgeries_do_not(tmp_path):
    world = make_world(tmp_path)
    done = run_traam("hooks", "install", "--server", cwd=world.remote)
    assert done.returncode == 0, done.stderr
    teacher = world.clone("teacher")
    lille = world.clone("lille", signing="lille")
    assert run_traam("contrib", "start", "herbier", "--academie", "lille", cwd=teacher).returncode == 0
    record = teacher / f"{NEW_ID}.toml"
    record.write_text(scenario("Herbier numérique"), encoding="utf-8")
    git(teacher, "add", "-A")
    git(teacher, "commit", "-q", "-m", "Créer l'herbier")
    done = run_traam("submit", cwd=teacher)
    assert done.returncode == 0, done.stderr

    # Review notes and the signed validation (which creates academie/lille on the server) are accepted.
    done = run_traam("review", "request-changes", "contrib/lille/herbier", "-m", "Précisez.", cwd=lille)
    assert done.returncode == 0, done.stderr
    assert git(world.remote, "notes", "--ref=traam-review", "list").strip()
    done = run_traam("review", "approve", "contrib/lille/herbier", cwd=lille)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Poussé" in done.stdout
    assert git(world.remote, "rev-parse", "academie/lille") == git(lille, "rev-parse", "academie/lille")

    # A forged validation: an unsigned --no-ff merge pushed with plain git is refused by the server.
    record.write_text(scenario("Herbier numérique", duration="2 h"), encoding="utf-8")
    git(teacher, "commit", "-q", "-am", "Durée")
    assert run_traam("submit", cwd=teacher).returncode == 0
    git(lille, "fetch", "-q")
    git(lille, "switch", "-q", "academie/lille")
    git(lille, "merge", "-q", "--no-ff", "--no-gpg-sign", "-m", "Validation", "origin/contrib/lille/herbier")
    pushed = subprocess.run(["git", "-C", str(lille), "push", "origin", "academie/lille"], capture_output=True,
                            text=True, check=False)
    assert pushed.returncode != 0 and "fusion non signée" in pushed.stderr, pushed.stderr

    nation = world.clone("nation", signing="nation")
    done = run_traam("review", "approve", "academie/lille", cwd=nation)
    assert done.returncode == 0, done.stderr + done.stdout
    assert run_traam("verify", cwd=nation).returncode == 0
