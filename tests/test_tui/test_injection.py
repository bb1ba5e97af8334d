"""Injection: markup and terminal escapes from records and git are shown literally and run nothing.

SECURITY.md facts 1 and 2: a title such as ``[@click=app.quit]x[/]`` handed to
a widget as markup runs the action when clicked, and Content/Text keep escape
sequences. The hostile commons holds a scenario whose title, summary, author
and keywords carry that markup, a broken file whose title carries OSC 52,
OSC 8 and CSI sequences, and a commit whose author and message carry both.
"""

from __future__ import annotations

from textual.widgets import Static, Tree

from tests.test_tui.world import HOSTILE, asynctest, settle
from tui.screens.dashboard import DashboardScreen
from tui.screens.explorer import ExplorerScreen
from tui.screens.history import HistoryScreen
from tui.screens.record_screen import RecordScreen
from tui.widgets.record_detail import RecordDetail
from tui.widgets.record_list import RecordList

SIZE = (120, 40)
PIEGE = "scenarios/2026-2027/svt/lille/piege"
CASSE = "scenarios/2026-2027/svt/lille/casse"


def static_text(widget: Static) -> str:
    return str(widget.render())


def list_lines(record_list: RecordList) -> list[str]:
    return ["".join(segment.text for segment in record_list.render_line(y)) for y in range(record_list.size.height)]


def assert_clean(app) -> None:
    """No escape or control byte in anything the screen would paint."""
    svg = app.export_screenshot()
    for byte in ("\x1b", "\x07", "\x9b", "\x9d"):
        assert byte not in svg


@asynctest
async def test_hostile_text_is_literal_in_every_widget(hostile_path, make_app):
    app = make_app(hostile_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        recent = static_text(app.screen.query_one("#recent", Static))
        assert f"Pirate {HOSTILE}" in recent and f"Message {HOSTILE}" in recent
        assert "⟨U+001B⟩]52;c;" in recent and "⟨U+0007⟩" in recent  # escapes made visible, not sent
        assert_clean(app)

        await pilot.press("2")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        records = app.screen.query_one(RecordList)
        lines = list_lines(records)
        assert any(f"Piège {HOSTILE}" in line for line in lines), lines
        index = next(i for i, row in enumerate(records.rows) if row.entry.id == PIEGE)
        records.cursor = index
        await settle(app, pilot)
        detail = static_text(app.screen.query_one(RecordDetail).query_one("#detail-body", Static))
        assert f"Titre : Piège {HOSTILE}" in detail
        assert f"Résumé : Résumé {HOSTILE}" in detail
        assert f"Nom : Auteur {HOSTILE}" in detail
        # The broken file: its problem quotes the hostile title with the escapes made visible.
        records.cursor = next(i for i, row in enumerate(records.rows) if row.entry.id == CASSE)
        await settle(app, pilot)
        detail = static_text(app.screen.query_one(RecordDetail).query_one("#detail-body", Static))
        assert "casse.toml" in detail
        assert_clean(app)

        tree = app.screen.query_one(Tree)
        campaign = tree.root.children[0]
        campaign.expand()
        await settle(app, pilot)
        svt = next(n for n in campaign.children if n.data.discipline == "svt")
        svt.expand()
        await settle(app, pilot)
        lille = next(n for n in svt.children if n.data.academie == "lille")
        lille.expand()
        await settle(app, pilot)
        assert any(child.label.plain == f"Piège {HOSTILE}" for child in lille.children)

        app.open_history(PIEGE)
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryScreen)
        history = "\n".join(static_text(s) for s in app.screen.query(".commit"))
        assert f"+ Titre : Piège {HOSTILE}" in history
        assert_clean(app)


@asynctest
async def test_clicking_hostile_text_runs_nothing(hostile_path, make_app):
    app = make_app(hostile_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_record(PIEGE)
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)
        body = app.screen.query_one("#detail-body", Static)
        text = static_text(body).splitlines()
        row = next(i for i, line in enumerate(text) if HOSTILE in line)
        column = text[row].index(HOSTILE)
        # Click on the « x » between the tags, where a live @click would fire, and around it.
        for offset in (0, len("[@click=app.quit]"), len(HOSTILE) - 1):
            await pilot.click(body, offset=(column + offset, row))
            await settle(app, pilot)
            assert app.is_running and app.return_code is None
            assert isinstance(app.screen, RecordScreen)
        # The rendered content carries no action in its styles.
        content = body.render()
        assert all("@click" not in str(span.style) for span in content.spans)
    assert app.return_code in (None, 0)


@asynctest
async def test_notifications_never_read_markup(commons_path, make_app):
    """A toast built from git or record text (a branch name, a title) is shown literally and runs nothing."""
    app = make_app(commons_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.notify(f"Validation de {HOSTILE} en cours", title=HOSTILE)
        await pilot.pause(0.2)
        toast = app.screen.query_one("Toast")
        shown = "".join(segment.text for y in range(toast.size.height) for segment in toast.render_line(y))
        assert "Validation de [@click=app.quit]x[/] en cours" in shown
        await pilot.click(toast)
        await pilot.pause()
        assert app.is_running, "clicking the toast must not run the embedded action"
        assert_clean(app)
