"""Validations in a record's history and where each version stands (issue 13, item 16): who validated, when,
into which branch (verified signed merges only), and ``traam status ID`` beyond the checked-out branch."""

from __future__ import annotations

import json

from textual.widgets import Static

from store.review.validations import record_validations, record_versions
from tests.conftest import git, run_traam
from tests.test_store.review_world import merge
from tests.test_tui.review_scenes import BRANCH, NEW_ID, contribute, edit, make_world, scenario
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp

SIZE = (110, 36)
OTHER_ID = "scenarios/2026-2027/svt/lille/jardin"


def validated_world(tmp_path):
    """Lou (Lille) validates the teacher's scenario into academie/lille with a signed merge; an unsigned merge
    of another contribution sits on the same branch (never a validation)."""
    world = make_world(tmp_path)
    contribute(world)
    lille = world.clone("lille", signing="lille")
    merge(lille, "academie/lille", f"origin/{BRANCH}", key=world.keys["lille"], date="2026-11-20T14:00:00+01:00")
    return world, lille


def test_validations_are_the_verified_signed_merges(tmp_path):
    world, lille = validated_world(tmp_path)
    found = record_validations(lille, NEW_ID)
    assert [(v.branch, v.principal, v.name) for v in found] == [("academie/lille", "lou@ac-lille.fr", "Lou Lille")]
    assert found[0].blob == git(lille, "rev-parse", f"academie/lille:{NEW_ID}.toml").strip()
    assert found[0].date.strftime("%d/%m/%Y %H:%M") == "20/11/2026 14:00"
    contribute(world, "teacher", "contrib/lille/jardin", {f"{OTHER_ID}.toml": scenario("Jardin")}, "Jardin")
    git(lille, "fetch", "-q")
    merge(lille, "academie/lille", "origin/contrib/lille/jardin", key=None)  # unsigned: not a validation
    assert record_validations(lille, OTHER_ID) == []


@asynctest
async def test_history_screen_shows_who_validated_when_and_where(tmp_path):
    _, lille = validated_world(tmp_path)
    git(lille, "switch", "-q", "academie/lille")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_history(NEW_ID)
        await settle(app, pilot)
        shown = str(app.screen.query_one("#validations", Static).render())
        assert "validé académique par Lou Lille <lou@ac-lille.fr> dans academie/lille" in shown
        assert "20/11/2026 14:00" in shown


def test_status_lists_every_version_across_branches(tmp_path):
    world, lille = validated_world(tmp_path)
    teacher = world.tmp / "teacher"
    edit(teacher, "contrib/lille/suite", {f"{NEW_ID}.toml": scenario("Herbier numérique, version 2")}, "V2",
         base=BRANCH)
    git(teacher, "push", "-q", "-u", "origin", "contrib/lille/suite")
    git(lille, "fetch", "-q")
    git(lille, "switch", "-q", "main")  # the record is not on main: it is not « introuvable » for all that
    done = run_traam("status", NEW_ID, cwd=lille)
    assert done.returncode == 0, done.stderr
    assert "introuvable" not in done.stdout + done.stderr
    assert "absent de la branche courante" in done.stdout
    lines = [line for line in done.stdout.splitlines() if line.startswith("  ")]
    assert "Validé académique" in lines[0] and "academie/lille" in lines[0]
    assert "Proposé" in lines[1] and "origin/contrib/lille/suite" in lines[1]
    data = json.loads(run_traam("status", NEW_ID, "--json", cwd=lille).stdout)
    assert [v["state"] for v in data["versions"]] == ["academique", "propose"]
    versions = record_versions(lille, NEW_ID)
    assert [v.state for v in versions] == ["academique", "propose"]
    missing = run_traam("status", "scenarios/2026-2027/svt/lille/nulle-part", cwd=lille)
    assert missing.returncode == 1 and "introuvable" in missing.stderr
