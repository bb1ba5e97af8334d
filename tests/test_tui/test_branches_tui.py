"""Pilot tests of branches in the application (issue 13, items 6-8).

Saving on a validation branch starts a contribution named from the record;
a missing git identity is asked in a French dialog; the header always shows
the branch; the switcher moves between branches; outside switches are followed.
"""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.conftest import git
from tests.test_tui.review_scenes import SCENARIO_ID, make_world
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.dialogs.commit_dialog import CommitDialog
from tui.dialogs.contrib_dialog import NewContributionDialog
from tui.dialogs.identity_dialog import IdentityDialog
from tui.screens.branches import BranchesScreen
from tui.screens.edit import EditScreen
from tui.widgets.record_form import field_id

SIZE = (110, 36)


async def _edit_title(app, pilot, title: str) -> None:
    await settle(app, pilot)
    app.open_editor(SCENARIO_ID)
    await settle(app, pilot)
    assert isinstance(app.screen, EditScreen) and app.screen.ready
    app.screen.query_one(f"#{field_id('title')}", Input).value = title
    await settle(app, pilot)
    await pilot.press("ctrl+s")
    await settle(app, pilot)


@asynctest
async def test_saving_on_main_starts_a_contribution_named_from_the_record(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    main_before = git(teacher, "rev-parse", "main").strip()
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "⎇ main" in app.sub_title and "origin/main" in app.sub_title
        await _edit_title(app, pilot, "Défi botanique, saison 2")
        dialog = app.screen
        assert isinstance(dialog, NewContributionDialog)
        assert dialog.query_one("#slug", Input).value == "defi-botanique"
        assert "branche de validation" in str(dialog.query_one("#dialog-help").render())
        await pilot.click("#ok")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "contrib/lille/defi-botanique" in app.sub_title
    assert git(teacher, "symbolic-ref", "--short", "HEAD").strip() == "contrib/lille/defi-botanique"
    assert git(teacher, "rev-parse", "main").strip() == main_before, "main did not move"
    assert "saison 2" in git(teacher, "show", f"contrib/lille/defi-botanique:{SCENARIO_ID}.toml")


@asynctest
async def test_cancelling_the_contribution_writes_nothing(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    before = git(teacher, "rev-parse", "HEAD").strip()
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(app, pilot, "Autre titre")
        assert isinstance(app.screen, NewContributionDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen) and app.screen.dirty
    assert git(teacher, "rev-parse", "HEAD").strip() == before
    assert git(teacher, "symbolic-ref", "--short", "HEAD").strip() == "main"


@asynctest
async def test_a_missing_identity_is_asked_once_in_french(tmp_path, monkeypatch, hermetic_git):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    git(teacher, "switch", "-q", "-c", "contrib/lille/essai")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(var)
    monkeypatch.setenv("EMAIL", "")
    (hermetic_git / ".gitconfig").write_text('[protocol "file"]\n\tallow = always\n', encoding="utf-8")
    git(teacher, "config", "user.useConfigOnly", "true")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _edit_title(app, pilot, "Défi botanique revu")
        dialog = app.screen
        assert isinstance(dialog, IdentityDialog)
        dialog.query_one("#name", Input).value = "Camille Martin"
        dialog.query_one("#email", Input).value = "pas une adresse"
        await pilot.click("#ok")
        await settle(app, pilot)
        assert app.screen is dialog, "an invalid address is refused in the dialog"
        dialog.query_one("#email", Input).value = "camille.martin@ac-lille.fr"
        await pilot.click("#ok")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitDialog)
        await pilot.press("enter")
        await settle(app, pilot)
    assert git(teacher, "config", "--local", "user.email").strip() == "camille.martin@ac-lille.fr"
    assert git(teacher, "log", "-1", "--format=%an <%ae>").strip() == "Camille Martin <camille.martin@ac-lille.fr>"


@asynctest
async def test_switcher_lists_branches_and_switches(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    git(teacher, "branch", "contrib/lille/herbier")
    git(teacher, "branch", "contrib/lille/autre")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BranchesScreen)
        names = [c.name for c in screen.choices.values()]
        assert names == ["contrib/lille/autre", "contrib/lille/herbier", "main"]
        listing = screen.query_one(OptionList)
        listing.highlighted = listing.get_option_index("branch-1")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, BranchesScreen)
        assert "⎇ contrib/lille/herbier" in app.sub_title
    assert git(teacher, "symbolic-ref", "--short", "HEAD").strip() == "contrib/lille/herbier"


@asynctest
async def test_an_outside_switch_is_followed(tmp_path):
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        git(teacher, "switch", "-q", "-c", "contrib/lille/dehors")
        app.read_head(teacher)
        await settle(app, pilot)
        assert "⎇ contrib/lille/dehors" in app.sub_title
