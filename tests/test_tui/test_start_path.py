"""The start path of ``traam`` alone: no command parser, the dashboard first, the heavy checks after it."""

from __future__ import annotations

from tests.conftest import run_traam
from tests.test_tui.world import asynctest, settle
from tui.cli.main import bare_open
from tui.screens.dashboard import DashboardScreen


def test_bare_open_takes_only_traam_alone_or_with_a_folder():
    assert bare_open([]).chdir is None
    assert bare_open(["-C", "commun"]).chdir == "commun"
    for argv in (["-C"], ["-C", ""], ["-C", "--help"], ["--help"], ["--version"], ["open"], ["-C", "x", "show"],
                 ["-Cx"], ["validate"]):
        assert bare_open(argv) is None, argv


def test_traam_with_a_missing_folder_says_so_in_french(tmp_path):
    done = run_traam("-C", str(tmp_path / "absent"))
    assert done.returncode == 1
    assert "impossible d'aller dans" in done.stderr
    assert "Traceback" not in done.stderr


def test_traam_help_still_goes_through_the_parser():
    done = run_traam("--help")
    assert done.returncode == 0
    assert "COMMANDE" in done.stdout


@asynctest
async def test_states_and_problems_are_derived_once_the_dashboard_is_shown(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.session.states is not None
        assert app.session.problems is not None
