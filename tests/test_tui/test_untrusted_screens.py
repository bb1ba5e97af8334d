"""The Revue and Ma contribution screens, in clones whose config names every program: none of them runs.

The screens fetch, list and read contributions through the store; every
git call goes through the one runner, so nothing named by the copied
config (uploadpack, ssh command, filters, drivers …) is executed.
"""

from __future__ import annotations

from tests.test_store.test_untrusted_network import arm
from tests.test_tui.review_scenes import BRANCH, contribute, make_world
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.screens.contribution import ContributionScreen
from tui.screens.review import ReviewScreen

SIZE = (110, 36)


@asynctest
async def test_review_and_contribution_screens_run_no_program_of_the_config(tmp_path):
    world = make_world(tmp_path)
    teacher = contribute(world)
    lille = world.clone("lille", signing="lille")
    marks = tmp_path / "traces"
    arm(lille, marks)
    arm(teacher, marks)
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f")
        await settle(app, pilot)
        assert [item.name for item in app.screen.queue.items] == [BRANCH]
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        assert isinstance(app.screen, ContributionScreen)
        await pilot.press("f")
        await settle(app, pilot)
    assert sorted(p.name for p in marks.iterdir()) == []
