"""Pilot tests of lists of tables edited as sub-forms: add, fill, remove, move, problems per item, $EDITOR."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Button, Input, Select

from store.commons import Commons
from tests.conftest import git
from tests.test_tui.world import asynctest, settle
from tui.dialogs.commit_dialog import CommitDialog
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.screens.edit import EditScreen
from tui.widgets.record_form import FieldRow, TableList, field_id

SIZE = (100, 32)
TEAM = "teams/2026-2027/svt/lille"
BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


def commit_count(path: Path) -> int:
    return int(git(path, "rev-list", "--count", "HEAD").strip())


def saved(path: Path, record_id: str):
    """Read the committed record back with the store."""
    commons = Commons.open(path)
    try:
        loaded = commons.read(record_id, "HEAD")
    finally:
        commons.close()
    assert loaded.ok, loaded.problems
    return loaded.record


async def open_form(app, pilot, record_id: str) -> EditScreen:
    await settle(app, pilot)
    app.open_editor(record_id)
    await settle(app, pilot)
    assert isinstance(app.screen, EditScreen) and app.screen.ready
    return app.screen


async def save(app, pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert isinstance(app.screen, CommitDialog), getattr(app.screen, "problems", None)
    await pilot.press("enter")
    await settle(app, pilot)


async def click(app, pilot, widget) -> None:
    """Scroll ``widget`` into view, then click it with the mouse."""
    widget.scroll_visible(animate=False, immediate=True)
    await settle(app, pilot)
    await pilot.click(widget)
    await settle(app, pilot)


def teachers(screen) -> TableList:
    return screen.query_one(f"#row-{field_id('teachers')}", TableList)


@asynctest
async def test_add_a_teacher_with_ajouter_fill_it_and_save(commons_path, make_app):
    """« Ajouter » (Enter on the button) adds an empty item and focuses its name; typed values are committed."""
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot, TEAM)
        table = teachers(screen)
        assert len(table.items) == 3 and not screen.dirty
        table.add_button.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(table.items) == 4 and screen.dirty
        new = table.items[3]
        assert app.focused is new.rows["name"].control
        await pilot.press(*"Enseignante 4")
        await pilot.press("tab")
        await pilot.press(*"École Exemple")
        new.rows["email"].control.value = "enseignante4@example.org"
        await settle(app, pilot)
        assert screen.record is not None, screen.problems
        await save(app, pilot)
    team = saved(commons_path, TEAM)
    assert [t.name for t in team.teachers] == ["Enseignant 1", "Enseignant 2", "Enseignant 3", "Enseignante 4"]
    assert team.teachers[3].school == "École Exemple" and team.teachers[3].email == "enseignante4@example.org"
    text = (commons_path / f"{TEAM}.toml").read_text(encoding="utf-8")
    assert '{ name = "Enseignante 4", school = "École Exemple", email = "enseignante4@example.org" }' in text
    assert git(commons_path, "status", "--porcelain").strip() == ""


@asynctest
async def test_remove_a_teacher_with_the_mouse_and_save(commons_path, make_app):
    """« Retirer » on the second item removes it; the commit no longer has that teacher."""
    app = make_app(commons_path)
    before = commit_count(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot, TEAM)
        table = teachers(screen)
        await click(app, pilot, table.items[1].remove_button)
        assert [item.rows["name"].raw_value() for item in table.items] == ["Enseignant 1", "Enseignant 3"]
        assert str(table.items[1].border_title) == "n° 2"
        assert screen.dirty and screen.record is not None
        await save(app, pilot)
    assert commit_count(commons_path) == before + 1
    assert [t.name for t in saved(commons_path, TEAM).teachers] == ["Enseignant 1", "Enseignant 3"]


@asynctest
async def test_invalid_sub_fields_show_under_their_item_and_save_nothing(commons_path, make_app):
    """A bad e-mail in item 3 and an empty name in item 1 show under those fields; Ctrl+S commits nothing."""
    app = make_app(commons_path)
    before = commit_count(commons_path)
    original = (commons_path / f"{TEAM}.toml").read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot, TEAM)
        table = teachers(screen)
        table.items[2].rows["email"].control.value = "pas-une-adresse"
        table.items[0].rows["name"].control.value = ""
        await settle(app, pilot)
        email = screen.query_one(f"#row-{field_id('teachers.2.email')}", FieldRow)
        name = screen.query_one(f"#row-{field_id('teachers.0.name')}", FieldRow)
        assert email is table.items[2].rows["email"] and name is table.items[0].rows["name"]
        assert email.has_class("-invalid") and name.has_class("-invalid")
        assert "adresse électronique invalide" in str(email.query_one(".field-problem").render()), email.shown
        assert "ne doit pas être vide" in str(name.query_one(".field-problem").render())
        assert not table.items[2].rows["name"].has_class("-invalid")
        assert not table.items[1].rows["email"].has_class("-invalid")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen), "no commit prompt for an invalid record"
        assert app.focused is table.items[0].rows["name"].control
    assert commit_count(commons_path) == before
    assert (commons_path / f"{TEAM}.toml").read_text(encoding="utf-8") == original


@asynctest
async def test_problem_keys_skip_blank_items_and_list_problems_show_under_the_group(commons_path, make_app):
    """A blank item is not saved, so problem indexes skip it; a problem on the list itself sits under the group."""
    from records.problems import Problem

    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot, BIODIV)
        tools = screen.query_one(f"#row-{field_id('tools')}", TableList)
        await click(app, pilot, tools.add_button)
        await click(app, pilot, tools.add_button)
        assert len(tools.items) == 3 and screen.record is not None, "blank items are dropped, not invalid"
        tools.items[2].rows["name"].control.value = "H5P"
        await settle(app, pilot)
        # Saved items: Capytale (0), H5P (1, third on screen) whose type is missing.
        kind = tools.items[2].rows["kind"]
        assert kind.has_class("-invalid") and screen.record is None
        assert not tools.items[1].rows["kind"].has_class("-invalid")
        tools.items[2].rows["kind"].control.value = "logiciel-libre"
        await settle(app, pilot)
        assert screen.record is not None, screen.problems
        tools.show_problems([Problem("x.toml", 0, 0, "tools : outils en double", key="tools")])
        await pilot.pause()
        assert tools.has_class("-invalid") and tools.shown == ("outils en double",)


@asynctest
async def test_adding_an_empty_item_counts_as_a_change_and_moves_reorder(commons_path, make_app):
    """« Descendre » then « Monter » reorder the items; an added blank item saves nothing but leaving asks."""
    app = make_app(commons_path)
    before = commit_count(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot, TEAM)
        table = teachers(screen)
        first = table.items[0]
        assert first.up.disabled and not first.down.disabled and table.items[2].down.disabled
        first.down.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert [i.rows["name"].raw_value() for i in table.items] == ["Enseignant 2", "Enseignant 1", "Enseignant 3"]
        assert app.focused is first.down and screen.dirty
        await pilot.press("shift+tab", "enter")  # « Monter » of the same item puts it back
        await settle(app, pilot)
        assert table.items[0] is first and not screen.dirty
        await click(app, pilot, table.add_button)
        assert screen.dirty and isinstance(app.focused, Input)
        await pilot.press("ctrl+s")  # the blank item is not saved: nothing to commit
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
    assert commit_count(commons_path) == before


@asynctest
async def test_editor_round_trip_rebuilds_the_sub_forms(commons_path, make_app, tmp_path, monkeypatch):
    """$EDITOR adds a teacher at the top and drops the last two: the sub-forms follow (fewer, then more)."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text(encoding='utf-8')\n"
        "new = '    { name = \"Nouvelle\", degree = \"premier-degre\" },\\n'\n"
        "t = t.replace('teachers = [\\n', 'teachers = [\\n' + new)\n"
        "for n in (2, 3):\n"
        "    t = t.replace(f'    {{ name = \"Enseignant {n}\", school = \"Collège Exemple\" }},\\n', '')\n"
        "p.write_text(t, encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    app = make_app(commons_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot, TEAM)
        await pilot.press("f4")
        await settle(app, pilot)
        table = teachers(screen)
        names = [item.rows["name"].control.value for item in table.items]
        assert names == ["Nouvelle", "Enseignant 1"]
        assert table.items[0].rows["degree"].control.value == "premier-degre"
        assert screen.record is not None and screen.dirty
        await pilot.press("f4")  # the form's values go back to $EDITOR, which adds one more
        await settle(app, pilot)
        assert [item.rows["name"].control.value for item in table.items] == ["Nouvelle", "Nouvelle", "Enseignant 1"]
        assert [str(item.border_title) for item in table.items] == ["n° 1", "n° 2", "n° 3"]
        assert all(isinstance(item.rows["degree"].control, Select) for item in table.items)
        assert all(isinstance(item.remove_button, Button) for item in table.items)


@asynctest
async def test_hostile_author_name_is_shown_literally_in_its_sub_form(hostile_path, make_app):
    """Markup in an author's name is painted as text in the sub-form; clicking it runs nothing."""
    from tests.test_tui.world import HOSTILE

    app = make_app(hostile_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot, "scenarios/2026-2027/svt/lille/piege")
        authors = screen.query_one(f"#row-{field_id('authors')}", TableList)
        name = authors.items[0].rows["name"].control
        await click(app, pilot, name)
        assert "".join(segment.text for segment in name.render_line(0)).startswith(f"Auteur {HOSTILE}")
        assert app.is_running and app.screen is screen
        assert not screen.dirty and screen.record is not None
