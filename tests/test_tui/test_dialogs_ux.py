"""Dialogs and toggles (issue 13, items 3 and 4): states readable without colour, safe focus, « Annulé »."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Button, Input, TextArea

from tests.test_tui.world import asynctest, settle
from tui.dialogs.note_dialog import ReviewNoteDialog
from tui.screens.dashboard import DashboardScreen
from tui.screens.edit import EditScreen
from tui.widgets.field_row import field_id
from tui.widgets.toggles import Checkbox, RadioButton, SelectionList

BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


@asynctest
async def test_toggle_states_read_without_colour():
    """The glyph itself says checked or not (the plain Textual toggle draws ▐X▌ for both)."""
    from textual.app import App

    class Toggles(App):
        def compose(self):
            yield Checkbox("Oui")
            yield RadioButton("Nous")

    app = Toggles()
    async with app.run_test(size=(40, 6)):
        box, radio = app.query_one(Checkbox), app.query_one(RadioButton)
        assert box._button.plain == "[ ]" and radio._button.plain == "○"
        box.value, radio.value = True, True
        assert box._button.plain == "[x]" and radio._button.plain == "◉"
        assert box.render().plain.startswith("[x]")


@asynctest
async def test_form_boxes_show_their_state_in_plain_text(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        levels = app.screen.query_one(f"#{field_id('levels')}", SelectionList)
        lines = ["".join(s.text for s in levels.render_line(y)) for y in range(levels.option_count)]
        chosen = [line for line in lines if line.startswith("[x]")]
        assert len(chosen) == 2 and "Cycle 4" in chosen[1], lines
        assert all(line.startswith(("[x]", "[ ]")) for line in lines)


@asynctest
async def test_tabbing_into_a_filled_field_does_not_select_it(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)
        title = app.screen.query_one(f"#{field_id('title')}", Input)
        while app.focused is not title:
            await pilot.press("tab")
        await pilot.press("x")
        assert title.value.startswith("Biodiversité") and title.value != "x"


@asynctest
async def test_cancelling_a_dialog_says_so(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.focused, Button) and app.focused.id == "ok", "opens on the primary choice"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert any(n.message == "Annulé" for n in app._notifications)


@asynctest
async def test_request_changes_dialog_fits_80x24_with_no_invisible_stop(commons_path, make_app):
    app = make_app(commons_path)
    records = [f"scenarios/2026-2027/svt/lille/scenario-{i}" for i in range(8)]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReviewNoteDialog("Demander des modifications", "contrib/lille/x", records))
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(app.focused, TextArea), "opens on the message"
        chain = dialog.focus_chain
        assert not any(isinstance(w, VerticalScroll) for w in chain), chain
        assert isinstance(chain[1], Input), "Tab goes from the message to the first comment"
        for button in dialog.query(Button):
            region = button.region
            assert region.bottom <= 24 and region.height >= 1, (button.id, region)
        await pilot.press("escape")
        await settle(app, pilot)
        assert any(n.message == "Annulé" for n in app._notifications)
