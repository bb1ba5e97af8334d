"""A governance change needs a national reviewer (issue 13, item 15): the académie reviewer's queue, the detail,
« v », ``traam review list`` and ``traam review show`` say so up front instead of « règles : aucun problème »
followed by a refused approval."""

from __future__ import annotations

import json

from textual.widgets import OptionList, Static

from tests.conftest import git, run_traam
from tests.test_tui.review_scenes import contribute, make_world
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.dialogs.error_dialog import ErrorDialog

SIZE = (110, 40)
GOV_BRANCH = "contrib/lille/gouvernance"


FIXED_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"
"""The added reviewer's public key: fixed (it signs nothing here), so the queue's snapshot shows the same diff."""


def governance_world(tmp_path):
    """A teacher proposes a change to governance/reviewers.toml; Lou (académie de Lille) reviews."""
    world = make_world(tmp_path)
    added = world.governance + ('[[reviewers]]\nname = "Nouvelle Personne"\nprincipal = "np@ac-lille.fr"\n'
                                'role = "academique"\nacademies = ["lille"]\n'
                                f'public_key = "{FIXED_KEY}"\n')
    contribute(world, "teacher", GOV_BRANCH, {"governance/reviewers.toml": added}, "Ajouter une relectrice")
    return world, world.clone("lille", signing="lille")


@asynctest
async def test_queue_and_detail_say_a_national_reviewer_is_needed(tmp_path):
    _, lille = governance_world(tmp_path)
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        screen = app.screen
        queue = screen.query_one("#queue", OptionList)
        assert "validation nationale requise" in str(queue.get_option_at_index(0).prompt)
        detail = str(screen.query_one("#review-body", Static).render())
        assert "Validation nationale requise" in detail and "la gouvernance" in detail
        assert f"traam review approve {GOV_BRANCH} --into main" in detail
        before = git(lille, "rev-parse", "academie/lille", check=False)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)  # said at once, no confirmation, no merge attempted
        assert git(lille, "rev-parse", "academie/lille", check=False) == before


def test_cli_review_list_and_show_say_it(tmp_path):
    _, lille = governance_world(tmp_path)
    listed = run_traam("review", "list", cwd=lille)
    assert listed.returncode == 0, listed.stderr
    assert "validation nationale requise" in listed.stdout and "--into main" in listed.stdout
    shown = run_traam("review", "show", GOV_BRANCH, "--json", cwd=lille)
    data = json.loads(shown.stdout)
    assert data["needs_national"] is True and data["national_paths"] == ["governance/reviewers.toml"]


def test_an_ordinary_scenario_needs_no_national_reviewer(tmp_path):
    world = make_world(tmp_path)
    contribute(world)
    lille = world.clone("lille", signing="lille")
    listed = run_traam("review", "list", cwd=lille)
    assert listed.returncode == 0 and "nationale requise" not in listed.stdout
