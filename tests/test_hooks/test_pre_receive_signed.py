"""Tests of the server hook on validation merges: real SSH keys, real signed merges, real pushes.

The signatures are checked by :func:`store.review.verify.verify_update` against the
governance of the old tip; the hook turns its findings into ``remote:`` lines.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from tests.conftest import git, run_traam
from tests.test_hooks.test_pre_receive import refused
from tests.test_store.review_world import NEW_ID, edit, make_world, merge, reviewer_toml, scenario


@pytest.fixture(params=["file", "daemon"])
def world(request, daemon, tmp_path):
    """The review world with its shared bare remote guarded by traam's pre-receive hook."""
    base, port = daemon
    folder = base / f"{tmp_path.name}-{request.param}"
    folder.mkdir()
    world = make_world(folder)
    assert run_traam("hooks", "install", "--server", cwd=world.remote).returncode == 0
    url = world.remote.as_uri() if request.param == "file" else f"git://127.0.0.1:{port}/{folder.name}/shared.git"
    teacher = world.clone("prof")
    edit(teacher, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario(title="Herbier numérique")})
    assert git(teacher, "push", "-q", url, "contrib/lille/herbier") == ""
    world.url = url
    return world


def _push(repo, url, refspec):
    return subprocess.run(["git", "-C", str(repo), "push", url, refspec], capture_output=True, text=True)


def test_signed_validations_in_scope_are_accepted(world):
    """The académie reviewer validates into academie/lille, then the nation into main: both pushes pass."""
    lou = world.clone("lou", signing="lille")
    merge(lou, "academie/lille", "origin/contrib/lille/herbier", key=world.keys["lille"])
    done = _push(lou, world.url, "academie/lille")
    assert done.returncode == 0, done.stderr
    nat = world.clone("nat", signing="nation")
    merge(nat, "main", "origin/academie/lille", key=world.keys["nation"])
    done = _push(nat, world.url, "main")
    assert done.returncode == 0, done.stderr


def test_unknown_key_and_out_of_scope_reviewer_are_refused(world):
    """A stranger's signature, and an academic reviewer merging into main, are refused in French."""
    eve = world.clone("eve", signing="stranger")
    merge(eve, "academie/lille", "origin/contrib/lille/herbier", key=world.keys["stranger"])
    unknown = "signature par une clé inconnue de la gouvernance du parent"
    assert refused(_push(eve, world.url, "academie/lille"), unknown)
    lou = world.clone("lou", signing="lille")
    merge(lou, "main", "origin/contrib/lille/herbier", key=world.keys["lille"])
    assert refused(_push(lou, world.url, "main"), "n'a pas le rôle de validation nationale requis pour « main »")


def test_merge_adding_its_own_key_and_backdated_merge_are_refused(world):
    """A stranger who adds himself to governance and signs is refused; so is a merge dated three days ago."""
    eve = world.clone("eve", signing="stranger")
    rules = world.governance + reviewer_toml("Eve", "eve@example.org", "national", world.keys["stranger"])
    edit(eve, "contrib/lille/eve", {"governance/reviewers.toml": rules}, base="origin/main")
    merge(eve, "main", "contrib/lille/eve", key=world.keys["stranger"])
    assert refused(_push(eve, world.url, "main"), "signature par une clé inconnue de la gouvernance du parent")
    nat = world.clone("nat", signing="nation")
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    merge(nat, "main", "origin/contrib/lille/herbier", key=world.keys["nation"], date=old)
    assert refused(_push(nat, world.url, "main"), "trop loin de l'heure actuelle")
