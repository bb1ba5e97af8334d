"""Tests of ``store.git.sigbatch``: checking many signatures at once gives git's answer for each, commit by commit.

Real ssh-keygen keys and ``git merge -S`` merges in SHA-1 and SHA-256
repositories; a commit whose signed payload was altered is written by hand.
"""

from __future__ import annotations

import subprocess

import pytest

from store.git import sigbatch, signatures
from store.review import governance, verify
from tests.conftest import git
from tests.test_store.review_world import NEW_ID, edit, make_world, merge, scenario


def _forged(repo, commit: str) -> str:
    """Write a copy of ``commit`` whose message differs (the signature no longer matches); return its id."""
    raw = git(repo, "cat-file", "commit", commit).replace("Validation", "Falsification", 1)
    return subprocess.run(["git", "-C", str(repo), "hash-object", "-t", "commit", "-w", "--stdin"], input=raw.encode(),
                          capture_output=True, check=True).stdout.decode().strip()


@pytest.mark.parametrize("object_format", ["sha1", "sha256"])
def test_batch_gives_gits_status_for_each_commit(tmp_path, object_format):
    world = make_world(tmp_path, object_format=object_format)
    seed = world.tmp / "seed"
    commits = []
    for n, key in enumerate(("nation", "lille", None, "stranger")):
        edit(seed, f"contrib/lille/c{n}", {f"{NEW_ID}-{n}.toml": scenario(f"Essai {n}")})
        commits.append(merge(seed, "main", f"contrib/lille/c{n}", key=world.keys[key] if key else None))
    commits.append(_forged(seed, commits[0]))
    allowed = governance.allowed_signers(governance.governance_at(seed, commits[0] + "^"))
    requests = [(commit, allowed) for commit in commits]
    batch = sigbatch.commit_signatures(seed, requests)
    plain = {commit: signatures.commit_signature(seed, commit, allowed) for commit in commits}
    assert batch == plain
    assert [batch[c][0] for c in commits[:2]] == ["G", "G"] and batch[commits[2]][0] == "N"
    assert batch[commits[4]][0] not in ("G", "N")


def test_good_signatures_need_no_git_per_commit(tmp_path, monkeypatch):
    """Good signatures are decided by ssh-keygen in the batch itself, not handed to the plain path."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    edit(seed, "contrib/lille/c", {f"{NEW_ID}.toml": scenario("Essai")})
    good = merge(seed, "main", "contrib/lille/c", key=world.keys["nation"])
    allowed = governance.allowed_signers(governance.governance_at(seed, good + "^"))

    def refused(*_args):
        raise AssertionError("plain path used")

    monkeypatch.setattr(signatures, "commit_signature", refused)
    assert sigbatch.commit_signatures(seed, [(good, allowed)]) == {good: ("G", "nat@education.gouv.fr")}


def test_split_signed_follows_git():
    """The signature's continuation lines leave the payload; another hash's signature leaves both; the message stays."""
    raw = (b"tree t\nparent p\ngpgsig-sha256 other\n other2\ngpgsig -----BEGIN SSH SIGNATURE-----\n abc\n"
           b" -----END SSH SIGNATURE-----\nauthor a\n\nmessage\n gpgsig in the message\n")
    payload, signature = sigbatch.split_signed(raw)
    assert payload == b"tree t\nparent p\nauthor a\n\nmessage\n gpgsig in the message\n"
    assert signature == b"-----BEGIN SSH SIGNATURE-----\nabc\n-----END SSH SIGNATURE-----\n"
    assert sigbatch.signer_key(b"not a signature") is None
    assert sigbatch.signer_key(b"-----BEGIN SSH SIGNATURE-----\n!!\n-----END SSH SIGNATURE-----") is None


def test_principals_of_reads_the_files_we_write():
    text = '"a@b.fr" namespaces="git" ssh-ed25519 AAAA\n"c@d.fr" namespaces="git" ssh-ed25519 BBBB\n'
    assert sigbatch.principals_of(text, "ssh-ed25519 BBBB") == ["c@d.fr"]
    assert sigbatch.principals_of(text, "ssh-ed25519 AAA") == []


def test_verify_branch_batch_equals_one_by_one(tmp_path):
    """The report of a chain checked in a batch is the one of each merge checked alone."""
    world = make_world(tmp_path)
    seed = world.tmp / "seed"
    for n, key in enumerate(("nation", "stranger", "nation", "lille")):
        edit(seed, f"contrib/lille/c{n}", {f"{NEW_ID}-{n}.toml": scenario(f"Essai {n}")})
        merge(seed, "main", f"contrib/lille/c{n}", key=world.keys[key])
    report = verify.verify_branch(seed, "main")
    import datetime as dt

    today = dt.datetime.now(dt.UTC).date()
    alone = []
    for line in git(seed, "rev-list", "--first-parent", "--merges", "--parents", "main").splitlines():
        commit, *parents = line.split()
        alone += verify.verify_merge(seed, "main", commit, parents, today=today)
    assert report.problems == alone and len(alone) == 2
