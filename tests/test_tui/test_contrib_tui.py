"""Pilot tests of the author's side in the application: new contribution, submit (with merge request options)."""

from __future__ import annotations

import os
import stat

from textual.widgets import Checkbox, Input, Select

from tests.conftest import git
from tests.test_tui.review_scenes import NEW_ID, make_world, scenario
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.dialogs.contrib_dialog import NewContributionDialog
from tui.dialogs.error_dialog import ErrorDialog
from tui.dialogs.submit_dialog import SubmitDialog

SIZE = (110, 36)

LOG_OPTIONS = """#!/bin/sh
i=0
while [ "$i" -lt "${GIT_PUSH_OPTION_COUNT:-0}" ]; do
    eval "echo \\"\\$GIT_PUSH_OPTION_$i\\""
    i=$((i + 1))
done >> push-options.log
"""


@asynctest
async def test_new_contribution_then_submit_with_a_merge_request(tmp_path):
    world = make_world(tmp_path)
    hook = world.remote / "hooks" / "pre-receive"
    hook.write_text(LOG_OPTIONS, encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    teacher = world.clone("teacher")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, NewContributionDialog)
        dialog.query_one("#slug", Input).value = "Pas un nom"
        dialog.query_one("#academie", Select).value = "lille"
        await pilot.click("#ok")
        await settle(app, pilot)
        assert app.screen is dialog, "an invalid name is refused in the dialog"
        dialog.query_one("#slug", Input).value = "herbier"
        await pilot.click("#ok")
        await settle(app, pilot)
        assert git(teacher, "symbolic-ref", "--short", "HEAD").strip() == "contrib/lille/herbier"

        (teacher / f"{NEW_ID}.toml").parent.mkdir(parents=True, exist_ok=True)
        (teacher / f"{NEW_ID}.toml").write_text(scenario("Herbier numérique"), encoding="utf-8")
        git(teacher, "add", "-A")
        git(teacher, "commit", "-q", "-m", "Créer l'herbier")

        await pilot.press("p")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, SubmitDialog)
        assert not dialog.query_one("#merge-request", Checkbox).value  # a file:// remote is not a forge
        dialog.query_one("#merge-request", Checkbox).value = True
        dialog.query_one("#mr-title", Input).value = "Herbier numérique de Lille"
        await settle(app, pilot)  # the merge request fields appear: the layout moves the button
        await pilot.click("#ok")
        await settle(app, pilot)
        assert not isinstance(app.screen, (SubmitDialog, ErrorDialog)), getattr(app.screen, "message", "")
        assert app.session.state_of(NEW_ID) == "propose"
    assert git(world.remote, "rev-parse", "refs/heads/contrib/lille/herbier").strip() == \
        git(teacher, "rev-parse", "HEAD").strip()
    options = (world.remote / "push-options.log").read_text(encoding="utf-8").splitlines()
    assert "merge_request.create" in options
    assert "merge_request.target=academie/lille" in options
    assert "merge_request.title=Herbier numérique de Lille" in options


@asynctest
async def test_submit_outside_a_contribution_is_explained(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "Nouvelle contribution" in app.screen.message and "main" in app.screen.message
    assert os.listdir(world.remote / "refs" / "heads") == ["main"]


@asynctest
async def test_branch_changing_actions_wait_for_an_unsaved_form(commons_path):
    """With unsaved changes in a form, « c » (switches branch) and « s » (merges upstream) do nothing but say why."""
    from tui.screens.edit import EditScreen
    from tui.widgets.record_form import field_id

    app = TraamApp(commons_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_editor("scenarios/2026-2027/svt/lille/biodiversite-cour")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EditScreen)
        screen.query_one(f"#{field_id('title')}", Input).value = "Nouveau titre"
        await settle(app, pilot)
        assert screen.dirty
        screen.set_focus(None)
        for key in ("c", "s"):
            await pilot.press(key)
            await settle(app, pilot)
            assert app.screen is screen, key
    assert git(commons_path, "symbolic-ref", "--short", "HEAD").strip() == "main"


@asynctest
async def test_submit_on_a_forge_proposes_the_merge_request(tmp_path):
    from tests.test_tui.review_scenes import BRANCH, edit

    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    git(teacher, "config", "traam.forge", "gitlab")
    edit(teacher, BRANCH, {f"{NEW_ID}.toml": scenario("Herbier numérique")})
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, SubmitDialog)
        assert dialog.query_one("#merge-request", Checkbox).value
        assert dialog.query_one("#mr-fields").display
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, SubmitDialog)
    assert git(world.remote, "rev-parse", "--verify", "-q", f"refs/heads/{BRANCH}", check=False).strip() == ""
