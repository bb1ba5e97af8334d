"""Counts (issue 13, item 17): the dashboard and the explorer count the same records and say what they count."""

from __future__ import annotations

from tests.test_tui.world import asynctest, settle
from tui.widgets.bar_chart import BarChart


@asynctest
async def test_dashboard_and_explorer_counts_agree_and_charts_name_their_campaign(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        totals = str(app.screen.query_one("#totals").render())
        assert totals.startswith("Tout le commun : "), totals
        dashboard_count = int(totals.split(": ")[1].split()[0])
        for chart in app.screen.query(BarChart):
            assert chart.title.endswith("— campagne 2026-2027"), chart.title
        await pilot.press("2")
        await settle(app, pilot)
        explorer = str(app.screen.query_one("#count").render())
        assert int(explorer.split()[0]) == dashboard_count, (explorer, totals)
