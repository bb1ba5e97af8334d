"""The review, contribution and sync screens show git and record text literally: markup and escape
sequences in an author's name, a record's title and a review note never run or reach the terminal;
every new action is in the help table and the command palette."""

from __future__ import annotations

from textual.widgets import Static

from tests.conftest import git
from tests.test_tui.review_scenes import BRANCH, NEW_ID, add_note, contribute, make_world, scenario
from tests.test_tui.world import ESCAPES, HOSTILE, TODAY, asynctest, settle
from tui.app import TraamApp
from tui.screens.help import key_rows
from tui.widgets.review_detail import ReviewDetail

SIZE = (110, 36)


def rendered(widget) -> str:
    return str(widget.render())


@asynctest
async def test_hostile_author_title_and_note_are_shown_literally(tmp_path, monkeypatch):
    world = make_world(tmp_path)
    monkeypatch.setenv("GIT_AUTHOR_NAME", f"Pirate {HOSTILE}")
    teacher = contribute(world, files={f"{NEW_ID}.toml": scenario(f"Titre {HOSTILE}")})
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Camille Test")
    add_note(teacher, BRANCH, "modifications", f"Note {HOSTILE} {ESCAPES}", {NEW_ID: f"Champ {HOSTILE}"})
    add_note(teacher, BRANCH, "refus", f"Faux {HOSTILE}", {}, reviewer=f"Relecteur {HOSTILE}", signed=False)
    git(teacher, "fetch", "-q", "origin", "+refs/notes/*:refs/notes/remotes/origin/*")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        body = app.screen.query_one("#contribution-body", Static)
        text = rendered(body)
        assert f"Note {HOSTILE}" in text and f"Champ {HOSTILE}" in text and f"Relecteur {HOSTILE}" in text
        assert "note non authentifiée" in text
        assert "\x1b" not in text and "\x07" not in text
        await pilot.click("#contribution-body")
        await settle(app, pilot)
        assert app.is_running  # clicking the text ran no « app.quit »
        await pilot.press("2")
        await settle(app, pilot)
        app.screen.load_detail(NEW_ID)
        await settle(app, pilot)
        detail = rendered(app.screen.query_one("#detail-body", Static))
        assert f"Champ {HOSTILE}" in detail.splitlines()[0] and "\x1b" not in detail
        await pilot.click("#detail-body")
        await settle(app, pilot)
        assert app.is_running


@asynctest
async def test_hostile_author_in_the_review_queue(tmp_path, monkeypatch):
    world = make_world(tmp_path)
    monkeypatch.setenv("GIT_AUTHOR_NAME", f"Pirate {HOSTILE}")
    contribute(world, files={f"{NEW_ID}.toml": scenario(f"Titre {HOSTILE}")})
    lille = world.clone("lille", signing="lille")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        detail = rendered(app.screen.query_one(ReviewDetail).query_one("#review-body", Static))
        assert f"Pirate {HOSTILE}" in detail and f"Titre {HOSTILE}" in detail
        await pilot.click("#review-body")
        await pilot.click("#queue")
        await settle(app, pilot)
        assert app.is_running


@asynctest
async def test_every_new_action_is_in_the_help_and_the_palette(commons_path):
    app = TraamApp(commons_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        ids = {row[2] for row in key_rows(app)}
        assert {"app.review", "app.contribution", "app.contrib_start", "app.submit", "app.sync", "app.export",
                "review.approve", "review.changes", "review.refuse", "review.fetch", "contribution.fetch",
                "sync.run", "sync.abort", "export.run"} <= ids
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Revue des contributions", "Ma contribution", "Nouvelle contribution", "Soumettre la contribution",
                "Synchroniser avec l'amont", "Exporter"} <= titles


def test_git_work_of_the_workflow_screens_loads_no_textual():
    """The blocking halves of the review, contribution and sync screens are plain modules (usable headless)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    code = ("import json, sys; import tui.workflow_data, tui.sync_resolve; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


@asynctest
async def test_export_toast_with_markup_in_the_path_is_literal(commons_path, tmp_path):
    """The export notification quotes the output path typed by the user: never read as markup."""
    from textual.widgets import Input

    app = TraamApp(commons_path, today=TODAY)
    out = tmp_path / f"sortie {HOSTILE}.md"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        app.screen.query_one("#format").value = "markdown"
        app.screen.query_one("#output", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        toast = app.screen.query_one("Toast")
        shown = "".join(segment.text for y in range(toast.size.height) for segment in toast.render_line(y))
        assert "[@click=app.quit]" in shown
        await pilot.click(toast)
        await pilot.pause()
        assert app.is_running
    assert out.is_file()
