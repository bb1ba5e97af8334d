"""Errors reach the user as French dialogs or messages, never as tracebacks; a conflicting save writes nothing."""

from __future__ import annotations

from textual.widgets import Input

from tests.conftest import git, run_traam
from tests.test_tui.world import asynctest, settle
from tui.dialogs.commit_dialog import CommitDialog
from tui.dialogs.error_dialog import ErrorDialog
from tui.screens.edit import EditScreen
from tui.widgets.record_form import field_id

BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


def test_traam_outside_a_commons_says_so_in_french(tmp_path):
    done = run_traam("-C", str(tmp_path))
    assert done.returncode == 1
    assert "n'est pas dans un dépôt git" in done.stderr or "pas un commun" in done.stderr
    assert "Traceback" not in done.stderr


@asynctest
async def test_app_on_a_folder_that_is_not_a_commons_shows_a_dialog_then_exits(tmp_path, make_app):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "commun" in app.screen.message
        await pilot.press("enter")
        await settle(app, pilot)
    assert app.return_code == 1


@asynctest
async def test_save_after_someone_else_changed_the_record_refuses_and_keeps_their_edit(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)
        # Someone edits the same record with plain git meanwhile.
        path = commons_path / f"{BIODIV}.toml"
        theirs = path.read_text(encoding="utf-8").replace("Biodiversité dans la cour", "Leur titre")
        path.write_text(theirs, encoding="utf-8")
        git(commons_path, "commit", "-qam", "Leur modification")
        head = git(commons_path, "rev-parse", "HEAD").strip()
        app.screen.query_one(f"#{field_id('duration')}", Input).value = "2 séances"
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "a changé depuis son ouverture" in app.screen.message
    assert git(commons_path, "rev-parse", "HEAD").strip() == head
    assert path.read_text(encoding="utf-8") == theirs
