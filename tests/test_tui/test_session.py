"""Session over a real commons: current campaign at the injected date, counts, tree index, recent commits."""

from __future__ import annotations

import datetime as dt

from tests.test_tui.world import TODAY
from tui.session import Session


def test_session_reads_the_commons(commons_path):
    session = Session.open(commons_path, today=TODAY)
    assert session.current_campaign().code == "2026-2027"
    counts = session.counts("scenario", "2026-2027")
    assert counts["discipline"] == {"svt": 2, "nsi": 1}
    assert counts["academie"] == {"lille": 2, "versailles": 1}
    assert sum(counts["etat"].values()) == 3
    tree = session.tree()
    assert [e.id for e in tree["2026-2027"]["svt"]["lille"]] == sorted(
        ["scenarios/2026-2027/svt/lille/biodiversite-cour", "scenarios/2026-2027/svt/lille/herbier-numerique"])
    assert {e.kind for e in tree["2026-2027"]["svt"][""]} == {"theme", "team"}
    assert [c.message for c in session.recent] == ["Préciser le résumé et ajouter le cycle 3", "Créer le commun de test"]
    assert session.recent[0].author == "Dominique Relecture"
    assert session.recent[0].paths == ("scenarios/2026-2027/svt/lille/biodiversite-cour.toml",)


def test_progress_is_reported_on_a_cold_load(commons_path):
    seen: list[tuple[int, int]] = []
    Session.open(commons_path, progress=lambda done, total: seen.append((done, total)), today=TODAY)
    assert seen and seen[-1][0] == seen[-1][1]


def test_outside_the_calendar_the_newest_campaign_is_current(commons_path):
    session = Session.open(commons_path, today=dt.date(2030, 1, 1))
    assert session.current_campaign().code == "2026-2027"
