"""Pilot tests of the review workflow in the application: real keys, a real bare remote, real signed merges.

A teacher's contribution appears in the académie reviewer's queue with its
field diff; « Valider » makes a signed merge on ``academie/lille`` that
``traam verify`` accepts, and the teacher then sees « Validé académique »;
« Demander des modifications » writes a note the author reads; a same-field
conflict is resolved field by field in the dialog; without a key the
reviewer is told which command to run.
"""

from __future__ import annotations

import json

from textual.widgets import Input, RadioButton, Static, TextArea

from store.review import verify
from tests.conftest import git
from tests.test_store.review_world import merge
from tests.test_tui.review_scenes import (  # noqa: F401
    BRANCH,
    NEW_ID,
    SCENARIO_ID,
    add_note,
    contribute,
    fixed_dates,
    make_world,
    scenario,
)
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.dialogs.conflict_dialog import ConflictDialog
from tui.dialogs.error_dialog import ErrorDialog
from tui.dialogs.note_dialog import ReviewNoteDialog
from tui.screens.contribution import ContributionScreen
from tui.screens.review import ReviewScreen
from tui.widgets.review_detail import ReviewDetail

SIZE = (110, 36)


def text_of(widget) -> str:
    return str(widget.render())


async def open_review(app, pilot) -> ReviewScreen:
    await settle(app, pilot)
    await pilot.press("4")
    await settle(app, pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


@asynctest
async def test_contribution_appears_in_the_queue_with_its_diff_and_rules(tmp_path):
    world = make_world(tmp_path)
    contribute(world)
    lille = world.clone("lille", signing="lille")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert [item.name for item in screen.queue.items] == [BRANCH]
        assert screen.queue.reviewer == "Lou Lille <lou@ac-lille.fr>"
        detail = text_of(screen.query_one(ReviewDetail).query_one("#review-body", Static))
        assert "Camille Test" in detail and "academie/lille" in detail
        assert NEW_ID in detail and "Herbier numérique" in detail
        assert "erreur" not in detail and "pas encore retenue" in detail  # a warning only: the team is a candidate


@asynctest
async def test_approve_makes_a_signed_merge_and_the_teacher_sees_validated(tmp_path):
    world = make_world(tmp_path)
    teacher = contribute(world)
    lille = world.clone("lille", signing="lille")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen), getattr(app.screen, "message", "")
        assert screen.queue.items == ()
    tip = git(lille, "rev-parse", "refs/heads/academie/lille").strip()
    assert git(world.remote, "rev-parse", "refs/heads/academie/lille").strip() == tip
    assert len(git(lille, "rev-list", "--parents", "-n1", tip).split()) == 3  # a merge
    assert "Validation: académique" in git(lille, "log", "-1", "--format=%B", tip)
    report = verify.verify_branch(lille, "academie/lille", tip=tip)
    assert report.verified == tip, report

    git(teacher, "fetch", "-q")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.session.state_of(NEW_ID) == "academique"
        await pilot.press("5")
        await settle(app, pilot)
        body = text_of(app.screen.query_one("#contribution-body", Static))
        assert "Validé académique" in body and NEW_ID in body


@asynctest
async def test_request_changes_writes_a_note_the_author_reads(tmp_path):
    world = make_world(tmp_path)
    teacher = contribute(world)
    lille = world.clone("lille", signing="lille")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ReviewNoteDialog) and dialog.records == [NEW_ID]
        dialog.query_one("#message", TextArea).text = "Merci de compléter la fiche."
        dialog.query_one("#record-0", Input).value = "Ajoutez la durée."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.queue.items == ()  # waiting for the author now
    note = git(world.remote, "notes", "--ref=refs/notes/traam-review", "show", git(teacher, "rev-parse", BRANCH).strip())
    assert "Ajoutez la durée." in json.loads(note)["records"].values()

    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ContributionScreen)
        await pilot.press("f")  # fetch the remote's notes
        await settle(app, pilot)
        body = text_of(screen.query_one("#contribution-body", Static))
        assert "Modifications demandées" in body
        assert "Merci de compléter la fiche." in body and "Ajoutez la durée." in body
        assert app.session.state_of(NEW_ID) == "modifications"
        # The comment on the record is also shown first in its detail pane.
        await pilot.press("2")
        await settle(app, pilot)
        app.screen.load_detail(NEW_ID)
        await settle(app, pilot)
        detail = text_of(app.screen.query_one("#detail-body", Static))
        assert detail.startswith("Note de relecture : modifications demandées (Lou Lille")
        assert "Ajoutez la durée." in detail.splitlines()[0]


@asynctest
async def test_same_field_conflict_resolved_per_field(tmp_path):
    world = make_world(tmp_path)
    lille = world.clone("lille", signing="lille")
    # The académie already validated another title for the seed scenario.
    contribute(world, "first", "contrib/lille/titre-a",
               {f"{SCENARIO_ID}.toml": scenario("Titre de l'académie")}, "Titre A")
    git(lille, "fetch", "-q")
    merge(lille, "academie/lille", "origin/contrib/lille/titre-a", key=world.keys["lille"])
    git(lille, "push", "-q", "origin", "academie/lille")
    git(lille, "switch", "-q", "main")
    # A teacher, from main, changes the same title and the summary.
    contribute(world, "teacher", BRANCH, {f"{SCENARIO_ID}.toml": scenario(
        "Titre du professeur", summary="Un résumé revu par le professeur.")}, "Titre B")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert [item.name for item in screen.queue.items] == [BRANCH]
        conflicts = screen.queue.items[0].plan.conflicts
        assert [(c.record_id, c.key) for c in conflicts] == [(SCENARIO_ID, "title")]
        await pilot.press("v")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert dialog.query_one("#ok").disabled
        dialog.query_one("#theirs-0", RadioButton).value = True
        await settle(app, pilot)
        assert not dialog.query_one("#ok").disabled
        await pilot.click("#ok")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen), getattr(app.screen, "message", "")
    merged = git(lille, "show", f"academie/lille:{SCENARIO_ID}.toml")
    assert 'title = "Titre du professeur"' in merged
    assert 'summary = "Un résumé revu par le professeur."' in merged


@asynctest
async def test_approve_without_a_key_says_which_command_to_run(tmp_path):
    world = make_world(tmp_path)
    contribute(world)
    unsigned = world.clone("someone")
    app = TraamApp(unsigned, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        status = text_of(screen.query_one("#review-status"))
        assert "traam reviewer setup" in status
        await pilot.press("v")
        await settle(app, pilot)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "traam reviewer setup" in app.screen.message
    assert git(unsigned, "rev-parse", "--verify", "-q", "refs/heads/academie/lille", check=False).strip() == ""


@asynctest
async def test_refuse_writes_a_refusal_the_author_reads(tmp_path):
    world = make_world(tmp_path)
    teacher = contribute(world)
    lille = world.clone("lille", signing="lille")
    app = TraamApp(lille, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ReviewNoteDialog)
        await pilot.press("ctrl+s")  # an empty note is not sent
        await settle(app, pilot)
        assert app.screen is dialog and "Écrivez un message" in text_of(dialog.query_one("#dialog-status"))
        dialog.query_one("#message", TextArea).text = "Hors du thème de la campagne."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen.queue.items == ()

    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("5", "f")
        await settle(app, pilot)
        body = text_of(app.screen.query_one("#contribution-body", Static))
        assert "État : Refusée" in body and "Hors du thème de la campagne." in body
        assert app.session.state_of(NEW_ID) == "refuse"  # a refused contribution shows « Refusé », not « Brouillon »


@asynctest
async def test_national_reviewer_validates_the_academie_branch_into_main(tmp_path):
    from store.review import decide as review

    world = make_world(tmp_path)
    teacher = contribute(world)
    lille = world.clone("lille", signing="lille")
    git(lille, "fetch", "-q")
    review.approve(lille, BRANCH)  # the académie validated it (signed, pushed)
    nation = world.clone("nation", signing="nation")
    app = TraamApp(nation, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert [(item.name, item.target) for item in screen.queue.items] == [("academie/lille", "main")]
        assert screen.queue.reviewer == "Nat Nation <nat@education.gouv.fr>"
        await pilot.press("v")
        await settle(app, pilot)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen), getattr(app.screen, "message", "")
        assert screen.queue.items == ()
        assert app.session.state_of(NEW_ID) == "national"  # the reviewer's work tree is main, fast-forwarded
    tip = git(world.remote, "rev-parse", "refs/heads/main").strip()
    assert "Validation: nationale" in git(nation, "log", "-1", "--format=%B", tip)
    assert verify.verify_branch(nation, "main", tip=tip).verified == tip

    git(teacher, "fetch", "-q")
    app = TraamApp(teacher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.session.state_of(NEW_ID) == "national"
