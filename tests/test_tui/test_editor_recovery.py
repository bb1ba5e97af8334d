"""$EDITOR from a record returns TOML that does not parse (issue 13, item 17): the text is kept in a recovery
file of the user's state folder, the form says where and counts it as a problem, offers to reopen it,
refuses to save over it, and a corrected text replaces it (the recovery file goes)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.conftest import git
from tests.test_tui.world import asynctest, settle
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.screens.edit import EditScreen
from tui.screens.record_screen import RecordScreen
from tui.widgets.record_form import field_id

SIZE = (100, 32)
BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


def editor(tmp_path: Path, monkeypatch) -> Path:
    """An $EDITOR script: the first run breaks the TOML (and retitles it), the next runs repair it."""
    runs = tmp_path / "runs"
    script = tmp_path / "editor.py"
    script.write_text(
        "import pathlib, re, sys\n"
        f"runs = pathlib.Path({str(runs)!r})\n"
        "n = int(runs.read_text()) if runs.exists() else 0\n"
        "runs.write_text(str(n + 1))\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text(encoding='utf-8')\n"
        "if n == 0:\n"
        "    t = re.sub('^title = .*$', 'title = \"Titre retravaillé', t, flags=re.M)\n"
        "else:\n"
        "    t = t.replace('\"Titre retravaillé', '\"Titre retravaillé\"')\n"
        "p.write_text(t, encoding='utf-8')\n",
        encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    return runs


def recovery_files() -> list[Path]:
    folder = Path(os.environ["XDG_STATE_HOME"]) / "traam" / "recuperation"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


@asynctest
async def test_syntax_error_from_a_record_keeps_the_text_and_says_so(commons_path, make_app, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch)
    before = git(commons_path, "rev-parse", "HEAD")
    app = make_app(commons_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.open_record(BIODIV)
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog), "the user is offered to reopen the editor"
        [kept] = recovery_files()
        assert 'title = "Titre retravaillé' in kept.read_text(encoding="utf-8")
        assert str(kept) in dialog.question
        await pilot.press("escape")  # « Plus tard »
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EditScreen)
        status = str(screen.query_one("#edit-status").render())
        assert "Aucun problème" not in status and "problème(s)" in status and str(kept) in status
        assert screen.dirty
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        assert any("F4 pour le corriger" in n.message for n in app._notifications)
        # F4 reopens the kept text; the editor repairs it; the form takes it and the recovery file goes.
        await pilot.press("f4")
        await settle(app, pilot)
        assert screen.query_one(f"#{field_id('title')}").value == "Titre retravaillé"
        assert recovery_files() == []
        assert "Aucun problème" in str(screen.query_one("#edit-status").render())
    assert git(commons_path, "rev-parse", "HEAD") == before


@asynctest
async def test_reopen_from_the_dialog_and_leaving_keeps_the_file(commons_path, make_app, tmp_path, monkeypatch):
    runs = editor(tmp_path, monkeypatch)
    app = make_app(commons_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert runs.read_text() == "2", "the editor was reopened on the kept text"
        assert app.screen.query_one(f"#{field_id('title')}").value == "Titre retravaillé"
    runs.unlink()
    app = make_app(commons_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.open_editor(BIODIV)
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("escape")  # leave the form: it asks, since the edited text is not saved
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(app, pilot)
        [kept] = recovery_files()
        assert any(str(kept) in n.message for n in app._notifications)
