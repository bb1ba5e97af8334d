"""Keys and focus (issue 13, items 1 and 2): `/` always types a query; letters never act inside a form or dialog."""

from __future__ import annotations

from textual.widgets import Input, Select

from tests.test_tui.world import asynctest, settle
from tui.screens.dashboard import DashboardScreen
from tui.screens.edit import EditScreen
from tui.screens.record_screen import RecordScreen
from tui.screens.search import SearchScreen
from tui.widgets.field_row import field_id
from tui.widgets.record_list import RecordList

SIZE = (100, 32)


@asynctest
async def test_slash_always_shows_the_search_field_focused(commons_path, make_app):
    """`/`, type, Enter (a record opens), `1`, `/`: the search screen comes back, not the old record."""
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"biodiv")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)
        await pilot.press("1")
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        for key in ("slash", "3"):
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, SearchScreen), key
            assert app.focused is app.screen.query_one("#query", Input)
            await pilot.press("1")
            await settle(app, pilot)


@asynctest
async def test_letters_typed_in_the_search_field_are_text_and_escape_leaves_it(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"emnpsqx")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen) and app.is_running
        assert app.screen.query_one("#query", Input).value == "emnpsqx"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.focused, RecordList)


@asynctest
async def test_no_single_letter_command_acts_in_the_form_whatever_has_focus(commons_path, make_app):
    """Focus on a select, a checkbox, a button: `n`, `s`, `x`, `p`, `q`, `1`, `/` do nothing."""
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.click("#ok")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        form.query_one(f"#{field_id('academie')}", Select).focus()
        await settle(app, pilot)
        for key in ("n", "s", "x", "p", "c", "q", "1", "2", "slash", "4"):
            await pilot.press(key)
            await settle(app, pilot)
            assert app.screen is form and app.is_running, key
        await pilot.press("ctrl+s")  # Ctrl keys still work
        await settle(app, pilot)
        assert app.screen is not form or form.problems


@asynctest
async def test_single_letter_commands_are_off_in_a_dialog(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        for key in ("q", "s", "n", "1"):
            await pilot.press(key)
            await settle(app, pilot)
            assert app.screen is dialog and app.is_running, key
