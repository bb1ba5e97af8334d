"""One validator everywhere (issue 13, item 12): the dashboard, the problems screen, the lists, the detail and the
form say what ``traam validate`` says, rules across records included."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from records.codec import dump
from tests.conftest import git, run_traam
from tests.test_tui.world import TODAY, asynctest, make_commons, scenario, settle
from tui.app import TraamApp
from tui.screens.problems import ProblemsScreen
from tui.screens.record_screen import RecordScreen
from tui.widgets.record_list import RecordList

SIZE = (110, 36)
ORPHAN = "scenarios/2026-2027/svt/amiens/sans-equipe"
"""A valid scenario file whose académie has no team: only the rule ``scenario-equipe`` rejects it."""


def orphan_commons(tmp_path: Path) -> Path:
    root = make_commons(tmp_path / "commun")
    target = root / f"{ORPHAN}.toml"
    target.parent.mkdir(parents=True)
    target.write_text(dump(scenario("svt", "amiens", "Scénario sans équipe")), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Scénario sans équipe")
    return root


def validate_errors(root: Path) -> list[str]:
    done = run_traam("validate", cwd=root)
    assert done.returncode == 1, done.stdout
    return [line for line in done.stdout.splitlines() if ": avertissement" not in line and ".toml:" in line]


def test_the_session_finds_what_traam_validate_finds(tmp_path):
    from tui.session import Session

    root = orphan_commons(tmp_path)
    cli = validate_errors(root)
    assert len(cli) == 1 and cli[0].startswith(f"{ORPHAN}.toml:")
    session = Session.open(root, states=False)
    assert session.problems is None and ORPHAN not in session.invalid_ids()  # the file itself is valid
    checked = session.with_problems(session.check_problems())
    errors = [p for p in checked.problems if p.severity == "error"]
    assert [str(p) for p in errors] == cli
    assert errors[0].rule == "scenario-equipe"
    assert checked.invalid_ids() == {ORPHAN}


@asynctest
async def test_dashboard_count_problems_screen_and_jump(tmp_path):
    root = orphan_commons(tmp_path)
    app = TraamApp(root, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        totals = str(app.screen.query_one("#totals", Static).render())
        assert "1 erreur(s)" in totals and "0 problème" not in totals
        await pilot.press("6")
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        listing = app.screen.query_one(OptionList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        orphan = next(i for i, row in enumerate(rows) if "règle scenario-equipe" in row)
        assert rows[orphan].startswith(f"ERREUR  {ORPHAN}.toml:5:1")
        assert "Académie : " in rows[orphan]  # the field in French, then the French message
        listing.highlighted = orphan
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen) and app.screen.record_id == ORPHAN
        body = str(app.screen.query_one("#detail-body", Static).render())
        assert "traam validate refuse cet enregistrement" in body and "scenario-equipe" in body


@asynctest
async def test_lists_mark_invalid_records_without_colour(tmp_path):
    root = orphan_commons(tmp_path)
    app = TraamApp(root, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        listing = app.screen.query_one(RecordList)
        lines = [listing.render_line(y).text for y in range(len(listing.rows))]
        marked = [line for line in lines if line.startswith("✗ ")]
        assert len(marked) == 1 and "Scénario sans équipe" in marked[0]
        await pilot.press("slash", *"equipe")
        await settle(app, pilot)
        results = app.screen.query_one(RecordList)
        lines = [results.render_line(y).text for y in range(len(results.rows))]
        assert any(line.startswith("✗ Scénario sans équipe") for line in lines), lines


@asynctest
async def test_the_form_says_what_the_rules_say(tmp_path):
    root = orphan_commons(tmp_path)
    app = TraamApp(root, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_editor(ORPHAN)
        await settle(app, pilot)
        status = str(app.screen.query_one("#edit-status", Static).render())
        assert "Aucun problème" not in status
        assert "1 erreur(s)" in status and "scenario-equipe" in status
        assert app.screen.record is not None  # the rules never block a save: fix the records in any order
