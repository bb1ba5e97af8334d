"""Pilot tests of the main flows, on real git repositories: search, open, edit, save, leave, $EDITOR, new."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input

from tests.conftest import git
from tests.test_tui.world import asynctest, settle
from tui.dialogs.commit_dialog import CommitDialog
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.screens.dashboard import DashboardScreen
from tui.screens.edit import EditScreen
from tui.screens.record_screen import RecordScreen
from tui.screens.search import SearchScreen
from tui.widgets.record_form import FieldRow, field_id
from tui.widgets.record_list import RecordList

SIZE = (100, 32)
BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


def commit_count(path: Path) -> int:
    return int(git(path, "rev-list", "--count", "HEAD").strip())


async def open_biodiversite(app, pilot) -> None:
    """Search « biodiv », open the first hit, open its form."""
    await settle(app, pilot)
    assert isinstance(app.screen, DashboardScreen), getattr(app.screen, "message", "")
    await pilot.press("slash")
    await settle(app, pilot)
    assert isinstance(app.screen, SearchScreen)
    await pilot.press(*"biodiv")
    await settle(app, pilot)
    assert app.screen.query_one(RecordList).current.id == BIODIV
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, RecordScreen) and app.screen.record_id == BIODIV
    await pilot.press("m")
    await settle(app, pilot)
    assert isinstance(app.screen, EditScreen) and app.screen.ready


@asynctest
async def test_search_open_edit_save_creates_a_commit(commons_path, make_app):
    app = make_app(commons_path)
    before = commit_count(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_biodiversite(app, pilot)
        title = app.screen.query_one(f"#{field_id('title')}", Input)
        title.value = "Biodiversité de la cour, saison 2"
        await settle(app, pilot)
        assert app.screen.dirty and app.screen.record is not None
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitDialog)
        assert app.screen.query_one(Input).value == f"Modifier {BIODIV}"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)
    assert commit_count(commons_path) == before + 1
    assert git(commons_path, "log", "-1", "--format=%s").strip() == f"Modifier {BIODIV}"
    text = (commons_path / f"{BIODIV}.toml").read_text(encoding="utf-8")
    assert 'title = "Biodiversité de la cour, saison 2"' in text
    assert git(commons_path, "status", "--porcelain").strip() == ""


@asynctest
async def test_invalid_edit_shows_problem_next_to_field_and_saves_nothing(commons_path, make_app):
    app = make_app(commons_path)
    before = commit_count(commons_path)
    original = (commons_path / f"{BIODIV}.toml").read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_biodiversite(app, pilot)
        screen = app.screen
        screen.query_one(f"#{field_id('publication_url')}", Input).value = "ftp://pas-une-adresse"
        screen.query_one(f"#{field_id('title')}", Input).value = ""
        await settle(app, pilot)
        url_row = screen.query_one(f"#row-{field_id('publication_url')}", FieldRow)
        title_row = screen.query_one(f"#row-{field_id('title')}", FieldRow)
        assert url_row.has_class("-invalid") and title_row.has_class("-invalid")
        assert "adresse web invalide" in str(url_row.query_one(".field-problem").render())
        assert "ne doit pas être vide" in str(title_row.query_one(".field-problem").render())
        assert not screen.query_one(f"#row-{field_id('summary')}", FieldRow).has_class("-invalid")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen), "no commit prompt for an invalid record"
    assert commit_count(commons_path) == before
    assert (commons_path / f"{BIODIV}.toml").read_text(encoding="utf-8") == original


@asynctest
async def test_leaving_with_unsaved_changes_asks_first(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_biodiversite(app, pilot)
        app.screen.query_one(f"#{field_id('duration')}", Input).value = "3 séances"
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # « Rester »
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)
        assert app.screen.query_one(f"#{field_id('duration')}", Input).value == "3 séances"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)
    assert git(commons_path, "status", "--porcelain").strip() == ""


@asynctest
async def test_leaving_an_unchanged_form_does_not_ask(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_biodiversite(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)


@asynctest
async def test_editor_round_trip_validates_on_return(commons_path, make_app, tmp_path, monkeypatch):
    """$EDITOR is a script that breaks the licence: the form shows the problem next to « Licence »."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import re, sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text(encoding='utf-8')\n"
        "t = re.sub('^licence = .*$', 'licence = \"WTFPL\"', t, flags=re.M)\n"
        "t = t if 'WTFPL' in t else t + 'licence = \"WTFPL\"\\n'\n"
        "p.write_text(t, encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_biodiversite(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        row = app.screen.query_one(f"#row-{field_id('licence')}", FieldRow)
        assert row.has_class("-invalid")
        assert "licence inconnu" in str(row.query_one(".field-problem").render())
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)


@asynctest
async def test_new_scenario_from_template_is_committed(commons_path, make_app):
    app = make_app(commons_path)
    before = commit_count(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.click("#ok")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EditScreen) and screen.record_id is None
        screen.query_one(f"#{field_id('academie')}").value = "lille"
        screen.query_one(f"#{field_id('disciplines')}").select("svt")
        screen.query_one(f"#{field_id('theme')}").value = "svt"
        screen.query_one(f"#{field_id('title')}", Input).value = "Mares et têtards"
        await settle(app, pilot)
        assert screen.target_id == "scenarios/2026-2027/svt/lille/mares-et-tetards", screen.problems
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        # The new record opens (issue 13, item 18), not the screen the form came from.
        assert isinstance(app.screen, RecordScreen)
        assert app.screen.record_id == "scenarios/2026-2027/svt/lille/mares-et-tetards"
    assert commit_count(commons_path) == before + 1
    assert (commons_path / "scenarios/2026-2027/svt/lille/mares-et-tetards.toml").is_file()


@asynctest
async def test_dashboard_shortcuts_work_with_the_mouse(commons_path, make_app):
    from tui.screens.explorer import ExplorerScreen

    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.click("#shortcuts", offset=(3, 3))  # border, title, « 1 … », then « 2 Explorateur »
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)


@asynctest
async def test_team_form_edits_nested_fields_and_lists_of_tables(commons_path, make_app):
    """The team form flattens the pilot (pilot.name) and edits teachers as one sub-form per teacher."""
    from tui.widgets.record_form import TableList

    team = "teams/2026-2027/svt/lille"
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_editor(team)
        await settle(app, pilot)
        screen = app.screen
        screen.query_one(f"#{field_id('pilot.name')}", Input).value = "Nouvelle Inspectrice"
        teachers = screen.query_one(f"#row-{field_id('teachers')}", TableList)
        teachers.add_button.press()
        await settle(app, pilot)
        teachers.items[-1].rows["name"].control.value = "Enseignante 4"
        teachers.items[-1].rows["school"].control.value = "Lycée Exemple"
        await settle(app, pilot)
        assert screen.record is not None, screen.problems
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
    text = (commons_path / f"{team}.toml").read_text(encoding="utf-8")
    assert 'name = "Nouvelle Inspectrice"' in text and "Enseignante 4" in text
    assert git(commons_path, "log", "-1", "--format=%s").strip() == f"Modifier {team}"
