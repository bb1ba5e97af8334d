"""A cold load shared with a helper process gives exactly what a load in one process gives, even if the helper fails."""

from __future__ import annotations

import shutil

from records import codec
from store.commons import Commons
from store.index import cachedir, parallel, splitcheck
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

MORE = {
    f"scenarios/2026-2027/svt/lille/defi-{n}.toml": scenario(f"Défi {n}") for n in range(6)
} | {"scenarios/2026-2027/svt/lille/casse.toml": 'title = "sans fin\n'}  # a syntax error: its problem comes back too
START = parallel.start


def cold(root, monkeypatch, threshold, helpers=None, helper_root=None, patient=False):
    """Open ``root`` without its cache; ``patient``: this process waits for the helper's first answers."""
    shutil.rmtree(cachedir.folder_of(root / ".git"), ignore_errors=True)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", threshold)
    found = helpers if helpers is not None else []
    monkeypatch.setattr(parallel, "start",
                        lambda where, files: found.append(START(helper_root or where, files)) or found[-1])
    if patient:
        real = codec.load

        def load(path, data):
            if found and found[0] is not None:
                found[0].wait(1, timeout=60)
            return real(path, data)

        monkeypatch.setattr(codec, "load", load)
    calls = []
    commons = Commons.open(root)
    snapshot = commons.load(progress=lambda done, total: calls.append((done, total)))
    commons.close()
    paths = {rid: snapshot.path(rid) for rid in snapshot.entries}
    return dict(snapshot.entries), snapshot.problems, paths, commons.parsed, calls


def test_helper_process_gives_the_same_snapshot(tmp_path, monkeypatch):
    root = make_commons(tmp_path / "c", MORE)
    alone = cold(root, monkeypatch, 10**9)
    helpers = []
    shared = cold(root, monkeypatch, 2, helpers, patient=True)
    # The helper answered before this process parsed anything from git: it did all of them, from the last one.
    assert helpers[0] is not None and helpers[0].done == len(helpers[0].files) > 0
    assert shared[:3] == alone[:3]
    assert shared[3] == alone[3] == len(alone[0])  # every file counted as parsed
    assert shared[4][-1] == (len(alone[0]), len(alone[0]))  # progress reaches the total
    assert any(p.path.endswith("casse.toml") for p in shared[1])
    assert alone[0][SCENARIO_ID].title == "Défi botanique"


def test_helper_that_fails_changes_nothing(tmp_path, monkeypatch):
    root = make_commons(tmp_path / "c", MORE)
    alone = cold(root, monkeypatch, 10**9)
    helpers = []
    # The helper is pointed at a folder that is no repository: it answers for nothing.
    # (Breaking its import path would not do: an installed traam imports from site-packages.)
    failed = cold(root, monkeypatch, 2, helpers, helper_root=tmp_path / "nowhere", patient=True)
    assert helpers[0] is not None and helpers[0].done == 0
    assert failed[:4] == alone[:4]


def test_both_processes_meet_anywhere_and_the_snapshot_is_the_same(tmp_path, monkeypatch):
    many = MORE | {f"scenarios/2026-2027/svt/lille/serie-{n}.toml": scenario(f"Série {n}") for n in range(700)}
    root = make_commons(tmp_path / "c", many)
    alone = cold(root, monkeypatch, 10**9)
    helpers = []
    shared = cold(root, monkeypatch, 2, helpers, patient=True)  # this process starts once a first chunk came back
    assert helpers[0].done > 0
    assert shared[:4] == alone[:4]
    assert shared[4][-1] == (len(alone[0]), len(alone[0]))


def validated(root, monkeypatch, threshold, helper_root=None):
    """Validate ``root`` in a fresh process's way, a helper taking half the scenarios from ``threshold`` on."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", threshold)
    started = []
    start_rules = splitcheck.start_rules
    monkeypatch.setattr(splitcheck, "start_rules", lambda where, *args: started.append(start_rules(
        helper_root or where, *args)) or started[-1])
    commons = Commons.open(root)
    problems = commons.load().validate()
    commons.close()
    return problems, started


def test_rules_checked_in_two_processes_find_exactly_what_one_process_finds(tmp_path, monkeypatch):
    # Scenarios in both halves break rules (no team for them, missing themes); three are invalid files.
    faulty = {f"scenarios/2026-2027/svt/lille/sans-theme-{n}.toml": scenario(f"Sans thème {n}").replace(
        'theme = "svt"', 'theme = "svt-9"') for n in range(4)}
    faulty |= {f"scenarios/2026-2027/svt/lille/z-{n}.toml": scenario(f"Fin {n}").replace(
        'theme = "svt"', 'theme = "svt-8"') for n in range(3)}
    faulty |= {f"scenarios/2026-2027/svt/lille/zz-{n}.toml": scenario(f"Hors schéma {n}", team='"x"') for n in range(3)}
    root = make_commons(tmp_path / "c", MORE | faulty)
    alone, none = validated(root, monkeypatch, 10**9)
    assert none == [] and len([p for p in alone if p.rule == "scenario-theme"]) == 7
    shared, started = validated(root, monkeypatch, 2)
    assert started and started[0] is not None
    assert shared == alone
    failed, started = validated(root, monkeypatch, 2, helper_root=tmp_path / "nowhere")  # the helper fails
    assert started[0] is not None and failed == alone
