"""Snapshot tests of branches (issue 13, items 6-7): the switcher, the author's screen off a contribution,
and the dialog that turns a save on ``main`` into a new contribution."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.conftest import git
from tests.test_tui import world
from tests.test_tui.review_scenes import SCENARIO_ID, make_world
from tests.test_tui.world import TODAY
from tui.app import TraamApp
from tui.widgets.record_form import field_id

SIZE = (100, 32)

pytestmark = pytest.mark.usefixtures("fixed_dates")
from tests.test_tui.review_scenes import fixed_dates  # noqa: E402,F401  (fixture)


def test_branch_switcher(snap_compare, tmp_path):
    """The switcher groups one's contributions, main and the académie branches (remote ones marked),
    the current branch highlighted; the header says the branch and ahead/behind its remote."""
    shared = make_world(tmp_path)
    teacher = shared.clone("teacher")
    git(teacher, "branch", "contrib/lille/herbier")
    git(teacher, "branch", "contrib/lille/defi-nature")
    git(teacher, "branch", "academie/lille")
    git(teacher, "push", "-q", "origin", "academie/lille:academie/versailles")
    git(teacher, "fetch", "-q")

    async def run_before(pilot):
        await world.settle(pilot.app, pilot)
        await pilot.press("b")
        await world.settle(pilot.app, pilot)

    assert snap_compare(TraamApp(teacher, today=TODAY), terminal_size=SIZE, run_before=run_before)


def test_contribution_screen_off_a_contribution(snap_compare, tmp_path):
    """On main, « Ma contribution » says it is not a contribution and how to start one."""
    teacher = make_world(tmp_path).clone("teacher")

    async def run_before(pilot):
        await world.settle(pilot.app, pilot)
        await pilot.press("5")
        await world.settle(pilot.app, pilot)

    assert snap_compare(TraamApp(teacher, today=TODAY), terminal_size=SIZE, run_before=run_before)


def test_save_on_main_proposes_a_contribution(snap_compare, tmp_path):
    """Ctrl+S on main opens the French dialog naming the contribution after the record."""
    teacher = make_world(tmp_path).clone("teacher")

    async def run_before(pilot):
        app = pilot.app
        await world.settle(app, pilot)
        app.open_editor(SCENARIO_ID)
        await world.settle(app, pilot)
        app.screen.query_one(f"#{field_id('title')}", Input).value = "Défi botanique, saison 2"
        await world.settle(app, pilot)
        await pilot.press("ctrl+s")
        await world.settle(app, pilot)

    assert snap_compare(TraamApp(teacher, today=TODAY), terminal_size=SIZE, run_before=run_before)
