"""Snapshot tests of the review, contribution, sync and export screens and dialogs, at a fixed terminal size.

The scenes are real (keys, bare remote, clones) with fixed commit and note
dates, so every picture is identical on every run. Regenerate after an
intended change with ``--snapshot-update`` and look at the report.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from tests.conftest import git
from tests.test_store.review_world import merge
from tests.test_tui import world
from tests.test_tui.review_scenes import BRANCH, NEW_ID, SCENARIO_ID, add_note, contribute, edit, make_world, scenario
from tests.test_tui.world import TODAY
from tui.app import TraamApp

SIZE = (100, 32)

pytestmark = pytest.mark.usefixtures("fixed_dates")
from tests.test_tui.review_scenes import fixed_dates  # noqa: E402,F401  (fixture)


async def settle(pilot) -> None:
    await world.settle(pilot.app, pilot)


def keys(*presses: str):
    """Return a ``run_before`` that settles, presses each key and settles again.

    Dialogs are opened over this branch's own screens (review, contribution) so that
    their dimmed background does not change with the dashboard's design.
    """

    async def run_before(pilot):
        await settle(pilot)
        for key in presses:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def reviewer_with_contribution(tmp_path):
    world = make_world(tmp_path)
    contribute(world)
    return world, world.clone("lille", signing="lille")


def reviewer_with_conflict(tmp_path):
    world = make_world(tmp_path)
    lille = world.clone("lille", signing="lille")
    contribute(world, "first", "contrib/lille/titre-a", {f"{SCENARIO_ID}.toml": scenario("Titre de l'académie")})
    git(lille, "fetch", "-q")
    merge(lille, "academie/lille", "origin/contrib/lille/titre-a", key=world.keys["lille"])
    git(lille, "push", "-q", "origin", "academie/lille")
    git(lille, "switch", "-q", "main")
    contribute(world, "teacher", BRANCH, {f"{SCENARIO_ID}.toml": scenario(
        "Titre du professeur", summary="Un résumé revu par le professeur.")})
    return lille


# --- review ------------------------------------------------------------------------------


def test_review_queue(snap_compare, tmp_path):
    """The academic reviewer's queue: one contribution with who proposed it and when, the reviewer
    recognised by their key, the field diff of the new scenario against academie/lille and a clean rule report."""
    _, lille = reviewer_with_contribution(tmp_path)
    assert snap_compare(TraamApp(lille, today=TODAY), terminal_size=SIZE, run_before=keys("4"))


def test_review_with_conflict(snap_compare, tmp_path):
    """A contribution whose title conflicts with what the académie validated: the conflicting field with
    both values, then the diff previewed with the contribution's side."""
    lille = reviewer_with_conflict(tmp_path)
    assert snap_compare(TraamApp(lille, today=TODAY), terminal_size=SIZE, run_before=keys("4"))


def test_conflict_dialog(snap_compare, tmp_path):
    """« Valider » on a conflicting contribution asks, per field, which value to keep; « Appliquer » waits
    until every field is chosen."""
    lille = reviewer_with_conflict(tmp_path)
    assert snap_compare(TraamApp(lille, today=TODAY), terminal_size=SIZE, run_before=keys("4", "v"))


def test_request_changes_dialog(snap_compare, tmp_path):
    """« Demander des modifications » asks for a message and offers one comment field per record."""
    _, lille = reviewer_with_contribution(tmp_path)
    assert snap_compare(TraamApp(lille, today=TODAY), terminal_size=SIZE, run_before=keys("4", "d"))


def test_approve_confirmation(snap_compare, tmp_path):
    """« Valider » says what will happen (signed merge into academie/lille, pushed) before doing it."""
    _, lille = reviewer_with_contribution(tmp_path)
    assert snap_compare(TraamApp(lille, today=TODAY), terminal_size=SIZE, run_before=keys("4", "v"))


def test_signing_key_missing(snap_compare, tmp_path):
    """Validating without a signing key explains that a validation is signed and which command to run."""
    world = make_world(tmp_path)
    contribute(world)
    someone = world.clone("someone")

    async def run_before(pilot):
        await keys("4", "v")(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        pilot.app.clear_notifications()  # the « fusion signée… » toast would depend on timing
        await settle(pilot)

    assert snap_compare(TraamApp(someone, today=TODAY), terminal_size=SIZE, run_before=run_before)


# --- contribution ----------------------------------------------------------------------------


def test_contribution_with_review_note(snap_compare, tmp_path):
    """The author's panel: the branch and its target, « Modifications demandées », the reviewer's note
    with its per-record comment, and the records of the contribution with their state."""
    world = make_world(tmp_path)
    teacher = contribute(world)
    add_note(teacher, BRANCH, "modifications", "Merci de compléter la fiche.", {NEW_ID: "Ajoutez la durée."})
    git(teacher, "fetch", "-q", "origin", "+refs/notes/*:refs/notes/remotes/origin/*")
    assert snap_compare(TraamApp(teacher, today=TODAY), terminal_size=SIZE, run_before=keys("5"))


def test_new_contribution_dialog(snap_compare, tmp_path):
    """« Nouvelle contribution » asks for the académie (the configured one preselected) and a short name."""
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    git(teacher, "config", "traam.academie", "lille")
    assert snap_compare(TraamApp(teacher, today=TODAY), terminal_size=SIZE, run_before=keys("5", "c"))


def test_submit_dialog(snap_compare, tmp_path):
    """« Soumettre » says which branch goes to which remote and target; the merge request option is
    ticked here to show its title and description fields."""
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    edit(teacher, BRANCH, {f"{NEW_ID}.toml": scenario("Herbier numérique")})

    async def run_before(pilot):
        await keys("5", "p")(pilot)
        await pilot.click("#merge-request")
        await settle(pilot)

    assert snap_compare(TraamApp(teacher, today=TODAY), terminal_size=SIZE, run_before=run_before)


# --- sync and export ----------------------------------------------------------------------------


def conflicted_fork(tmp_path):
    """A fork whose local title and upstream's title differ (the sync will stop on that field)."""
    from store.init import GITATTRIBUTES

    world = make_world(tmp_path)
    fork = world.clone("fork")
    (fork / ".git" / "info" / "attributes").write_text(GITATTRIBUTES, encoding="utf-8")
    dne = world.clone("dne")
    edit(dne, "main", {f"{SCENARIO_ID}.toml": scenario(title="Titre de l'amont")})
    git(dne, "push", "-q", "origin", "main")
    edit(fork, "main", {f"{SCENARIO_ID}.toml": scenario(title="Titre du fork")})
    return fork


def test_sync_conflict_dialog(snap_compare, tmp_path):
    """« r » after a conflicted sync asks, field by field, to keep our version or upstream's."""
    fork = conflicted_fork(tmp_path)
    assert snap_compare(TraamApp(fork, today=TODAY), terminal_size=SIZE, run_before=keys("s", "s", "r"))


def test_sync_conflicts(snap_compare, tmp_path):
    """A sync whose upstream changed the same title: the file and the field with the base, our and their
    values, and what to do next (finish with git, or abort with « a »)."""
    fork = conflicted_fork(tmp_path)
    assert snap_compare(TraamApp(fork, today=TODAY), terminal_size=SIZE, run_before=keys("s", "s"))


def test_review_empty_queue(snap_compare, tmp_path):
    """A reviewer with nothing to review: the queue says so (after a background fetch of the remote), with who
    the signing key says the reviewer is."""
    world = make_world(tmp_path)
    lille = world.clone("lille", signing="lille")
    assert snap_compare(TraamApp(lille, today=TODAY), terminal_size=SIZE, run_before=keys("4"))


def test_review_needs_national(snap_compare, tmp_path):
    """An académie reviewer's queue with a governance change: marked « validation nationale requise » in the
    list, and the detail says why and which command a national reviewer runs, before the diff and the rules."""
    from tests.test_tui.test_review_national import governance_world

    _, lille = governance_world(tmp_path)
    assert snap_compare(TraamApp(lille, today=TODAY), terminal_size=SIZE, run_before=keys("4"))


def test_sync_clean(snap_compare, tmp_path):
    """The sync screen before any sync: which remote and branch it follows (a fork without « upstream » is
    told the exact command that adds it) and how to start."""
    fork = conflicted_fork(tmp_path)
    assert snap_compare(TraamApp(fork, today=TODAY), terminal_size=SIZE, run_before=keys("s"))


def test_sync_merge_in_progress(snap_compare, tmp_path):
    """A merge left in progress by ``traam sync``: the screen says so at once, with the conflicting field,
    « r » to resume it and « a » to abort it (never « git stash »)."""
    from tests.conftest import run_traam

    fork = conflicted_fork(tmp_path)
    assert run_traam("sync", cwd=fork).returncode == 1
    assert snap_compare(TraamApp(fork, today=TODAY), terminal_size=SIZE, run_before=keys("s"))


def test_export_dialog(snap_compare, commons_path):
    """The export dialog: formats with what they give, the default output for a site, validated records
    of every campaign by default."""
    assert snap_compare(TraamApp(commons_path, today=TODAY), terminal_size=SIZE, run_before=keys("4", "x"))


def test_export_dialog_filters(snap_compare, commons_path):
    """The export dialog with the Édubase format chosen: its default file name follows the format."""

    async def run_before(pilot):
        await keys("4", "x")(pilot)
        pilot.app.screen.query_one("#format", Select).value = "edubase-csv"
        pilot.app.screen.query_one("#campagne", Select).value = "2026-2027"
        await settle(pilot)
        assert pilot.app.screen.query_one("#output", Input).value == "traam-export/edubase.csv"

    assert snap_compare(TraamApp(commons_path, today=TODAY), terminal_size=SIZE, run_before=run_before)
