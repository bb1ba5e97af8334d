"""Pilot tests of the validation states in the application: derived after the first paint, shown in the
explorer and the detail pane, counted on the dashboard, usable as the ``etat:`` search facet."""

from __future__ import annotations

from textual.widgets import Static

from tests.test_tui.review_scenes import NEW_ID, SCENARIO_ID, edit, make_world, scenario
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.screens.search import SearchScreen
from tui.session import Session
from tui.widgets.bar_chart import BarChart
from tui.widgets.record_detail import RecordDetail
from tui.widgets.record_list import RecordList

SIZE = (110, 36)


def draft_world(tmp_path):
    """A teacher's clone on a contribution with one unpushed scenario beside the validated seed."""
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    edit(teacher, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario("Herbier numérique")})
    return teacher


def test_session_without_states_shows_unknown(tmp_path):
    """The first load leaves states unknown (None): the list and the detail then say « — »."""
    teacher = draft_world(tmp_path)
    session = Session.open(teacher, states=False)
    assert session.states is None and session.state_of(NEW_ID) is None
    with_states = session.with_states(session.load_states())
    assert with_states.state_of(NEW_ID) == "brouillon" and with_states.state_of(SCENARIO_ID) == "national"
    assert with_states.snapshot is session.snapshot


@asynctest
async def test_states_reach_the_explorer_detail_and_dashboard(tmp_path):
    teacher = draft_world(tmp_path)
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        chart = app.screen.query_one("#by-state", BarChart)
        assert dict(chart.data) == {"Brouillon": 1, "Validé national": 1}
        await pilot.press("2")
        await settle(app, pilot)
        rows = {row.entry.id: row.state for row in app.screen.query_one(RecordList)._rows}
        assert rows[NEW_ID] == "brouillon" and rows[SCENARIO_ID] == "national"
        app.screen.load_detail(NEW_ID)
        await settle(app, pilot)
        detail = str(app.screen.query_one(RecordDetail).query_one("#detail-body", Static).render())
        assert "État de validation : Brouillon" in detail


@asynctest
async def test_etat_facet_in_search(tmp_path):
    teacher = draft_world(tmp_path)
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"etat:brouillon")
        await settle(app, pilot)
        assert [row.entry.id for row in app.screen.query_one(RecordList)._rows] == [NEW_ID]
        app.screen.query_one("#query").value = "etat:national type:scenario"
        await settle(app, pilot)
        assert [row.entry.id for row in app.screen.query_one(RecordList)._rows] == [SCENARIO_ID]
