"""The form offers what exists and fills what it can (issue 13, item 18): campaign and theme chosen from
the commons, the user's académie by default, type-to-search, no error before the user types, dates filled
in, the new record opened after saving; and Ctrl+S on a faulty form says why in French (item 17)."""

from __future__ import annotations

import tomllib

from textual.widgets import Input, Select

from records.entry import Entry
from tests.conftest import git
from tests.test_tui.world import TODAY, asynctest, settle
from tui.dialogs.commit_dialog import CommitDialog
from tui.form_choices import choices_of
from tui.screens.edit import EditScreen
from tui.screens.record_screen import RecordScreen
from tui.widgets.record_form import field_id
from tui.widgets.search_select import fold

SIZE = (100, 32)
BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


async def new_scenario(app, pilot) -> EditScreen:
    await settle(app, pilot)
    await pilot.press("n")
    await settle(app, pilot)
    await pilot.click("#ok")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, EditScreen) and screen.ready
    return screen


def test_choices_list_campaigns_newest_first_and_themes_by_campaign():
    entries = [Entry("campaigns/2025-2026", "campaign", "b1", "Appel 2025"),
               Entry("campaigns/2026-2027", "campaign", "b2", "Appel 2026"),
               Entry("themes/2026-2027/premier-degre", "theme", "b3", "Jouer et coder", campaign="2026-2027"),
               Entry("themes/2025-2026/svt-1", "theme", "b4", "", campaign="2025-2026")]
    choices = choices_of(entries)
    assert choices.campaigns == (("2026-2027 — Appel 2026", "2026-2027"), ("2025-2026 — Appel 2025", "2025-2026"))
    assert choices.themes_of("2026-2027") == (("Jouer et coder (premier-degre)", "premier-degre"),)
    assert choices.themes_of("2025-2026") == (("svt-1", "svt-1"),)
    assert choices.themes_of("") == ()
    assert fold("Créteil") == "creteil"


@asynctest
async def test_untouched_new_form_shows_no_error_is_not_modified_and_takes_the_configured_academie(
        commons_path, make_app):
    git(commons_path, "config", "traam.academie", "versailles")
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_scenario(app, pilot)
        assert screen.query_one(f"#{field_id('academie')}", Select).value == "versailles"
        assert not screen.dirty
        status = str(screen.query_one("#edit-status").render())
        assert "Nouvel enregistrement" in status and "problème" not in status
        assert "modifié" not in str(screen.query_one("#record-id").render())
        assert not screen.query(".-invalid"), "an untouched form marks no field"
        # Campaign and theme are lists of what exists, labelled with their titles.
        campaign = screen.query_one(f"#{field_id('campaign')}", Select)
        assert campaign.value == "2026-2027"
        theme = screen.query_one(f"#{field_id('theme')}", Select)
        assert [value for _, value in theme._options if value is not Select.NULL] == ["nsi", "svt"]
        # Once the user types, the problems show.
        screen.query_one(f"#{field_id('title')}", Input).value = "Mares"
        await settle(app, pilot)
        assert screen.dirty and "modifié" in str(screen.query_one("#record-id").render())
        assert "problème(s)" in str(screen.query_one("#edit-status").render())


@asynctest
async def test_academie_select_finds_as_you_type_without_accents(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_scenario(app, pilot)
        academie = screen.query_one(f"#{field_id('academie')}", Select)
        assert academie.value is Select.NULL, "no académie configured: nothing guessed"
        academie.focus()
        await pilot.press(*"cre")
        await pilot.press("enter")
        await settle(app, pilot)
        assert academie.value == "creteil"
        await pilot.press(*"vers")
        await pilot.press("enter")
        await settle(app, pilot)
        assert academie.value == "versailles"


@asynctest
async def test_new_record_gets_its_dates_and_opens_after_saving(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_scenario(app, pilot)
        assert screen.query_one(f"#{field_id('created')}", Input).value == TODAY.isoformat()
        screen.query_one(f"#{field_id('academie')}", Select).value = "lille"
        screen.query_one(f"#{field_id('disciplines')}").select("svt")
        screen.query_one(f"#{field_id('theme')}", Select).value = "svt"
        screen.query_one(f"#{field_id('title')}", Input).value = "Mares et têtards"
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        target = "scenarios/2026-2027/svt/lille/mares-et-tetards"
        assert isinstance(app.screen, RecordScreen) and app.screen.record_id == target
        assert app.screen.query_one("RecordDetail").record is not None, "the new record is shown, not a blank"
    saved = tomllib.loads((commons_path / f"{target}.toml").read_text(encoding="utf-8"))
    assert saved["created"] == TODAY and saved["updated"] == TODAY


@asynctest
async def test_saving_an_edit_refreshes_the_update_date(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        screen = app.screen
        screen.query_one(f"#{field_id('title')}", Input).value = "Biodiversité de la cour"
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
    saved = tomllib.loads((commons_path / f"{BIODIV}.toml").read_text(encoding="utf-8"))
    assert saved["updated"] == TODAY and saved["created"].isoformat() == "2026-10-01"


@asynctest
async def test_ctrl_s_on_a_faulty_form_says_why_and_focuses_the_first_faulty_field(commons_path, make_app):
    app = make_app(commons_path)
    before = git(commons_path, "rev-parse", "HEAD")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        screen = app.screen
        screen.query_one(f"#{field_id('title')}", Input).value = ""
        screen.query_one(f"#{field_id('summary')}").focus()
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen, "no commit dialog for a faulty form"
        messages = [n.message for n in app._notifications]
        assert any("Enregistrement impossible" in m and "Titre" in m for m in messages), messages
        assert app.focused is screen.query_one(f"#{field_id('title')}", Input)
    assert git(commons_path, "rev-parse", "HEAD") == before


@asynctest
async def test_whitespace_only_title_is_refused_as_empty(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        screen = app.screen
        screen.query_one(f"#{field_id('title')}", Input).value = "   "
        await settle(app, pilot)
        assert screen.record is None
        assert any(p.key == "title" for p in screen.problems), screen.problems
