"""The review queue never waits on the network (issue 13, item 11): the local queue shows at once, the fetch runs
in the background with a deadline, Escape cancels it, and an unreachable remote is said in French."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from textual.widgets import Label, OptionList

from store.git import netfetch
from tests.conftest import git
from tests.test_tui.review_scenes import contribute, make_world
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.screens.review import ReviewScreen

SIZE = (110, 36)


@pytest.fixture
def silent_port():
    """A TCP port that accepts connections and never says a word: git waits there until it is stopped."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


def closed_port() -> int:
    """A port nobody listens on (connections are refused at once)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def reviewer_clone(tmp_path, url: str):
    """A reviewer's clone holding one contribution locally, whose ``origin`` now points at ``url``."""
    world = make_world(tmp_path)
    contribute(world)
    lille = world.clone("lille", signing="lille")
    git(lille, "remote", "set-url", "origin", url)
    return lille


def test_the_fetch_gives_up_at_its_deadline_and_on_cancel(tmp_path, silent_port):
    world = make_world(tmp_path)
    clone = world.clone("c")
    git(clone, "remote", "set-url", "origin", f"git://127.0.0.1:{silent_port}/commun")
    done = netfetch.fetch(clone, "origin", timeout=1.0)
    assert done.outcome == "timeout" and 1.0 <= done.seconds < 5
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    done = netfetch.fetch(clone, "origin", timeout=30, cancel=cancel)
    assert done.outcome == "cancelled" and done.seconds < 5
    git(clone, "remote", "set-url", "origin", f"file://{world.remote}")
    assert netfetch.fetch(clone, "origin", timeout=30).ok


@asynctest
async def test_queue_shows_at_once_then_says_the_remote_does_not_answer(tmp_path, silent_port):
    lille = reviewer_clone(tmp_path, f"git://127.0.0.1:{silent_port}/commun")
    git(lille, "config", "traam.fetchTimeout", "1")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        started = time.monotonic()
        await pilot.press("4")
        await settle(app, pilot)
        assert time.monotonic() - started < 15
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.query_one("#queue", OptionList).option_count == 1  # the local queue
        status = str(screen.query_one("#review-status", Label).render())
        assert "injoignable (pas de réponse en" in status and "« origin »" in status
        assert screen.fetching is None


@asynctest
async def test_escape_cancels_the_fetch_and_the_local_queue_stays(tmp_path, silent_port):
    lille = reviewer_clone(tmp_path, f"git://127.0.0.1:{silent_port}/commun")
    git(lille, "config", "traam.fetchTimeout", "120")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        screen = app.screen
        for _ in range(200):  # the local queue arrives while git still waits on the silent remote
            await pilot.pause(0.05)
            if screen.queue is not None:
                break
        assert screen.fetching is not None
        assert "Échap pour l'annuler" in str(screen.query_one("#review-status", Label).render())
        started = time.monotonic()
        await pilot.press("escape")
        await settle(app, pilot)
        assert time.monotonic() - started < 10
        status = str(screen.query_one("#review-status", Label).render())
        assert "annulée : file locale" in status
        assert screen.query_one("#queue", OptionList).option_count == 1


@asynctest
async def test_a_refused_connection_is_said_in_french(tmp_path):
    lille = reviewer_clone(tmp_path, f"git://127.0.0.1:{closed_port()}/commun")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        status = str(app.screen.query_one("#review-status", Label).render())
        assert "Dépôt distant « origin » injoignable : file locale" in status
