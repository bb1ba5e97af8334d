"""A new commons starts with trust: ``traam init`` with an existing key, bad input, and ``reviewer add`` refusals."""

from __future__ import annotations

from tests.conftest import git, run_traam
from tests.test_store.review_world import make_key


def test_init_with_an_existing_key_signs_the_genesis_and_configures_signing(tmp_path, hermetic_git):
    key = make_key(tmp_path / "keys", "nat")
    done = run_traam("init", "commun", "--cle", str(key.private), "--nom", "Nat Nation",
                     "--principal", "nat@education.gouv.fr", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    repo = tmp_path / "commun"
    governance = (repo / "governance/reviewers.toml").read_text(encoding="utf-8")
    assert " ".join(key.public.split()[:2]) in governance and 'role = "national"' in governance
    assert "BEGIN SSH SIGNATURE" in git(repo, "cat-file", "commit", "HEAD")
    assert git(repo, "config", "user.signingkey").strip() == str(key.private)
    assert not (hermetic_git / ".ssh" / "traam_ed25519").exists()  # the chosen key, no new one
    verified = run_traam("verify", cwd=repo)
    assert verified.returncode == 0 and "tout est vérifié" in verified.stdout, verified.stdout + verified.stderr
    # The genesis reviewer cannot be added twice.
    again = run_traam("reviewer", "add", "--academie", "lille", "--cle-publique", f"{key.private}.pub",
                      "--principal", "autre@example.org", "--nom", "Autre", cwd=repo)
    assert again.returncode == 1 and "déjà dans la gouvernance" in again.stderr, again.stderr


def test_init_with_a_missing_key_says_so_and_creates_nothing(tmp_path):
    done = run_traam("init", "commun", "--cle", str(tmp_path / "absente"), "--principal", "nat@example.org",
                     cwd=tmp_path)
    assert done.returncode == 1 and "clé introuvable" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "commun").exists()


def test_reviewer_add_without_a_key_or_academie_explains(tmp_path):
    key = make_key(tmp_path / "keys", "nat")
    assert run_traam("init", "commun", "--cle", str(key.private), "--principal", "nat@example.org",
                     cwd=tmp_path).returncode == 0
    repo = tmp_path / "commun"
    git(repo, "config", "--unset", "user.signingkey")
    done = run_traam("reviewer", "add", "--academie", "lille", cwd=repo)
    assert done.returncode == 2 and "traam reviewer setup" in done.stderr, done.stderr
    done = run_traam("reviewer", "add", "--cle-publique", f"{key.private}.pub", cwd=repo)
    assert done.returncode == 2 and "--academie" in done.stderr, done.stderr
