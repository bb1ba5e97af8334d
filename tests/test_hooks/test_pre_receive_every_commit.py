"""Every new commit of every pushed ref is checked: bad content in the second commit of a push is refused,
even when the third commit removes it again, and content brought by the notes ref does not count as checked."""

from __future__ import annotations

import os

import pytest

from tests.conftest import git, run_traam
from tests.test_hooks.helpers import SCENARIO, commit, git_run, make_commons, scenario, write

OTHER = "scenarios/2026-2027/nsi/lille/autre.toml"


@pytest.fixture
def client(tmp_path):
    """A commons whose ``origin`` is a bare repository guarded by the pre-receive hook (file://); main pushed."""
    bare = tmp_path / "server.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    done = run_traam("hooks", "install", "--server", cwd=bare)
    assert done.returncode == 0, done.stderr
    repo = make_commons(tmp_path / "client")
    git(repo, "remote", "add", "origin", bare.as_uri())
    assert git_run(repo, "push", "origin", "main").returncode == 0
    git(repo, "switch", "-q", "-c", "contrib/lille/defi")
    return repo


def _symlink(repo):
    os.symlink("/etc/passwd", repo / OTHER)


BAD = {
    "symlink": (_symlink, "lien symbolique refusé"),
    "escape": (lambda r: write(r, SCENARIO, scenario().replace("Défi botanique", "Titre \x1b]52;c;aGk=\x07")),
               SCENARIO),
    "c1": (lambda r: write(r, SCENARIO, scenario().replace("Un résumé.", "Résumé \u009b31m rouge")), SCENARIO),
    "toml": (lambda r: write(r, SCENARIO, scenario() + "title = [\n"), SCENARIO),
    "filter": (lambda r: write(r, ".gitattributes", "*.toml merge=traam\n* filter=x\n"), "filter=x"),
    "diff": (lambda r: write(r, ".gitattributes", "*.toml merge=traam diff=pwn\n"), "diff=pwn"),
    "merge": (lambda r: write(r, ".gitattributes", "*.toml merge=pwn\n"), "merge=pwn"),
    "path-content": (lambda r: write(r, SCENARIO, scenario(academie="nantes")), SCENARIO),
    "readme-escape": (lambda r: write(r, "README.md", "Bonjour \x1b[2J\n"), "README.md:1:9"),
    "foreign-path": (lambda r: write(r, "outils/x.sh", "echo\n"), "outils/x.sh"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_content_in_the_second_commit_is_refused(client, case):
    make_bad, reason = BAD[case]
    write(client, SCENARIO, scenario(title="Premier"))
    commit(client, "bon", verify=False)
    make_bad(client)
    git(client, "add", "-A")
    git(client, "commit", "-q", "--no-verify", "-m", "mauvais")
    # The third commit puts everything right again (the first commit's tree): the tip alone would pass.
    repaired = git(client, "commit-tree", "HEAD~1^{tree}", "-p", "HEAD", "-m", "réparé").strip()
    git(client, "update-ref", "refs/heads/contrib/lille/defi", repaired)
    assert not git(client, "diff", "HEAD~2", "HEAD").strip()
    done = git_run(client, "push", "origin", "contrib/lille/defi")
    assert done.returncode != 0 and "envoi refusé" in done.stderr, done.stderr
    assert reason in done.stderr, done.stderr
    assert not git_run(client, "ls-remote", "origin", "refs/heads/contrib/lille/defi").stdout.strip()


def test_content_smuggled_through_the_notes_ref_is_refused_there_and_later(client):
    """A commons commit pushed as the notes ref is refused; so is a branch pointing at it afterwards."""
    os.symlink("/etc/passwd", client / OTHER)
    git(client, "add", "-A")
    git(client, "commit", "-q", "--no-verify", "-m", "lien")
    done = git_run(client, "push", "origin", "HEAD:refs/notes/traam-review")
    assert done.returncode != 0 and "n'a pas sa place dans les notes de relecture" in done.stderr, done.stderr
    assert not git_run(client, "ls-remote", "origin", "refs/notes/traam-review").stdout.strip()
    done = git_run(client, "push", "origin", "HEAD:refs/heads/contrib/lille/defi")
    assert done.returncode != 0 and "lien symbolique refusé" in done.stderr, done.stderr
