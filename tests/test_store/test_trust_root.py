"""Tests that the trust root comes from the verifier, never from the data (issue 11, item 3; SECURITY.md fact 11).

Real ssh-keygen keys, real signed merges, real bare remotes: an attacker
who holds no key of the commons tries to make its own key national.
"""

from __future__ import annotations

import json

from store.commons import Commons
from store.review import selection, states, trust, verify
from tests.conftest import git, run_traam
from tests.test_store.review_world import NEW_ID, SCENARIO_ID, edit, make_world, merge, reviewer_toml, scenario

NEW = f"{NEW_ID}.toml"


def _forge_national(world, repo, base: str = "main") -> tuple[str, str]:
    """The attacker's two steps: its key committed as national, then its signed merge pinning that commit."""
    rules = world.governance + reviewer_toml("Eve", "eve@example.org", "national", world.keys["stranger"])
    planted = edit(repo, "main", {"governance/reviewers.toml": rules}, message="Gouvernance", base=base)
    edit(repo, "contrib/lille/eve", {NEW: scenario("Forgé"),
                                     "traam.toml": f'name = "Commun de test"\ntrust_root = "{planted}"\n'},
         base="main")
    forged = merge(repo, "main", "contrib/lille/eve", key=world.keys["stranger"])
    return planted, forged


def _state(repo, record_id=NEW_ID, ref=None):
    commons = Commons.open(repo)
    return states.record_states(commons, commons.load(ref))[record_id]


def test_trust_root_in_the_manifest_is_ignored(tmp_path):
    """traam.toml of the verified commit pins the attacker's commit: verify refuses, status never says national."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    trust.record_first_contact(seed)  # the user met the genuine commons first
    planted, forged = _forge_national(world, seed)
    report = verify.verify_branch(seed, "main")
    assert not report.ok and any(planted[:10] in p and "commit direct" in p for p in report.problems)
    assert verify.trust_root(seed, forged) != planted
    assert _state(seed) != "national"
    done = run_traam("verify", "main", cwd=seed)
    assert done.returncode == 1 and "tout est vérifié" not in done.stdout
    done = run_traam("status", NEW_ID, cwd=seed)
    assert done.returncode == 0 and "Validé national" not in done.stdout


def test_first_contact_is_recorded_outside_the_repository(tmp_path):
    """The root recorded on first contact lives in the user's data folder, keyed by the commons' first commit."""
    world = make_world(tmp_path)
    clone = tmp_path / "clone"
    done = run_traam("clone", world.remote.as_uri(), str(clone), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first = git(clone, "rev-list", "--max-parents=0", "main").strip()
    record = trust.data_folder() / f"{first}.json"
    assert json.loads(record.read_text(encoding="utf-8"))["root"] == first
    assert oct(record.stat().st_mode & 0o777) == "0o600"
    assert not list(clone.rglob(f"{first}.json"))
    assert verify.trust_root(clone) == first


def test_pin_from_environment_then_global_config_never_local(tmp_path, monkeypatch):
    """$TRAAM_TRUST_ROOT wins, then the global traam.trustRoot; the repository's own config is never read."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    forged = edit(seed, "main", {SCENARIO_ID + ".toml": scenario(title="Forgé")})
    git(seed, "config", "traam.trustRoot", forged)
    assert not verify.verify_branch(seed, "main").ok
    git(seed, "config", "--global", "traam.trustRoot", forged)
    assert verify.verify_branch(seed, "main").ok
    git(seed, "config", "--global", "--unset", "traam.trustRoot")
    monkeypatch.setenv("TRAAM_TRUST_ROOT", "pas-un-commit")
    done = run_traam("verify", "main", cwd=seed, env={"TRAAM_TRUST_ROOT": "pas-un-commit"})
    assert done.returncode == 1 and "racine de confiance invalide" in done.stderr and "Traceback" not in done.stderr


def test_forged_fork_remote_does_not_win(tmp_path):
    """A fetched fork whose main is ahead but forged is not retained: genuine main stays, states agree."""
    world = make_world(tmp_path)
    user = world.clone("user")
    trust.record_first_contact(user)
    attacker = world.clone("attacker")
    _forge_national(world, attacker, base="origin/main")
    fork = tmp_path / "fork.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(fork))
    git(attacker, "push", "-q", fork.as_uri(), "main:main")
    git(user, "remote", "add", "fork", fork.as_uri())
    git(user, "fetch", "-q", "fork")
    genuine = git(user, "rev-parse", "main").strip()
    chosen = selection.select(user, "main")
    assert chosen.ref == "refs/heads/main" and chosen.verified == genuine
    assert any("fork/main non retenue" in line for line in chosen.ignored)
    assert _state(user, ref="refs/remotes/fork/main") != "national"
    done = run_traam("verify", "--json", cwd=user)
    report = json.loads(done.stdout)["branches"][0]
    assert report["ref"] == "refs/heads/main" and report["ignored"]


def test_fork_remote_counts_when_it_verifies_from_the_same_root(tmp_path):
    """A fork whose newer main holds a merge signed by our national reviewer counts: same root, verified."""
    world = make_world(tmp_path)
    user = world.clone("user")
    trust.record_first_contact(user)
    nat = world.clone("nat", signing="nation")
    edit(nat, "contrib/lille/herbier", {NEW: scenario("Herbier")}, base="origin/main")
    merge(nat, "main", "contrib/lille/herbier", key=world.keys["nation"])
    fork = tmp_path / "fork.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(fork))
    git(nat, "push", "-q", fork.as_uri(), "main:main")
    git(user, "remote", "add", "fork", fork.as_uri())
    git(user, "fetch", "-q", "fork")
    chosen = selection.select(user, "main")
    assert chosen.ref == "refs/remotes/fork/main" and chosen.ok
    assert _state(user, ref="refs/remotes/fork/main") == "national"


def test_status_and_verify_agree_when_the_pin_changes(tmp_path):
    """Changing the pin changes verify and status together, with no cache to delete by hand (item 8)."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    trust.record_first_contact(seed)
    forged = edit(seed, "main", {SCENARIO_ID + ".toml": scenario(title="Forgé")})
    for pin, verified in ((None, False), (forged, True), (None, False), (forged, True)):
        env = {"TRAAM_TRUST_ROOT": pin or ""}
        done = run_traam("verify", "main", cwd=seed, env=env)
        assert (done.returncode == 0) is verified, done.stdout
        status = run_traam("status", SCENARIO_ID, cwd=seed, env=env)
        assert ("Validé national" in status.stdout) is verified, status.stdout
