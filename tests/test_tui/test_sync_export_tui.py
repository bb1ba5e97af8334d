"""Pilot tests of synchronisation (clean field merge, same-field conflict reported then aborted) and of export."""

from __future__ import annotations

from textual.widgets import Input, ProgressBar, RadioButton, Select, Static

from tests.conftest import git
from tests.test_tui.review_scenes import NEW_ID, SCENARIO_ID, edit, make_world, scenario
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.dialogs.conflict_dialog import ConflictDialog
from tui.dialogs.export_dialog import ExportDialog
from tui.screens.sync import SyncScreen

SIZE = (110, 36)


def upstream_change(world, files: dict[str, str]) -> None:
    """Another clone changes ``main`` and pushes it (the DNE publishing upstream)."""
    dne = world.clone("dne")
    edit(dne, "main", files, "Changement amont")
    git(dne, "push", "-q", "origin", "main")


def fork_of(world):
    """Clone the commons as a fork whose records merge with traam's driver (``.gitattributes`` of ``traam init``)."""
    from store.init import GITATTRIBUTES

    fork = world.clone("fork")
    (fork / ".git" / "info" / "attributes").write_text(GITATTRIBUTES, encoding="utf-8")
    return fork


async def run_sync(app, pilot) -> SyncScreen:
    await settle(app, pilot)
    await pilot.press("s")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, SyncScreen)
    await pilot.press("s")
    await settle(app, pilot)
    return screen


@asynctest
async def test_sync_merges_upstream_field_by_field(tmp_path):
    world = make_world(tmp_path)
    fork = fork_of(world)
    upstream_change(world, {f"{SCENARIO_ID}.toml": scenario(summary="Résumé mis à jour par l'amont.")})
    edit(fork, "main", {f"{SCENARIO_ID}.toml": scenario(title="Titre du fork")}, "Changement local")
    app = TraamApp(fork, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await run_sync(app, pilot)
        status = str(screen.query_one("#sync-status").render())
        assert "Synchronisé avec origin/main" in status, str(screen.query_one("#sync-result").render())
        assert app.session.snapshot.record(SCENARIO_ID).summary == "Résumé mis à jour par l'amont."
    text = (fork / f"{SCENARIO_ID}.toml").read_text(encoding="utf-8")
    assert 'title = "Titre du fork"' in text and "Résumé mis à jour par l'amont." in text


@asynctest
async def test_sync_conflict_is_reported_per_field_then_aborted(tmp_path):
    world = make_world(tmp_path)
    fork = fork_of(world)
    upstream_change(world, {f"{SCENARIO_ID}.toml": scenario(title="Titre de l'amont")})
    edit(fork, "main", {f"{SCENARIO_ID}.toml": scenario(title="Titre du fork")}, "Changement local")
    before = git(fork, "rev-parse", "HEAD").strip()
    app = TraamApp(fork, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await run_sync(app, pilot)
        report = str(screen.query_one("#sync-result", Static).render())
        assert f"{SCENARIO_ID}.toml" in report
        assert "champ « title »" in report and "Titre de l'amont" in report and "Titre du fork" in report
        assert git(fork, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).strip()
        await pilot.press("a")
        await settle(app, pilot)
        assert "Fusion annulée" in str(screen.query_one("#sync-status").render())
    assert git(fork, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).strip() == ""
    assert git(fork, "rev-parse", "HEAD").strip() == before
    assert git(fork, "status", "--porcelain").strip() == ""


@asynctest
async def test_sync_conflict_resolved_field_by_field_in_the_dialog(tmp_path):
    world = make_world(tmp_path)
    fork = fork_of(world)
    upstream_change(world, {f"{SCENARIO_ID}.toml": scenario(title="Titre de l'amont", duration="2 séances")})
    edit(fork, "main", {f"{SCENARIO_ID}.toml": scenario(title="Titre du fork", summary="Résumé du fork.")},
         "Changement local")
    app = TraamApp(fork, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await run_sync(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert [(c.record_id, c.key) for c in dialog.conflicts] == [(SCENARIO_ID, "title")]
        dialog.query_one("#theirs-0", RadioButton).value = True
        await settle(app, pilot)
        await pilot.click("#ok")
        await settle(app, pilot)
        assert app.screen is screen
        assert "Conflits résolus" in str(screen.query_one("#sync-status").render())
        assert app.session.snapshot.record(SCENARIO_ID).title == "Titre de l'amont"
    assert git(fork, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).strip() == ""
    assert len(git(fork, "rev-list", "--parents", "-n1", "HEAD").split()) == 3
    text = git(fork, "show", f"HEAD:{SCENARIO_ID}.toml")
    assert 'title = "Titre de l\'amont"' in text and 'summary = "Résumé du fork."' in text
    assert 'duration = "2 séances"' in text and "CONFLIT" not in text
    assert git(fork, "status", "--porcelain").strip() == ""


@asynctest
async def test_export_dialog_writes_a_site_folder(commons_path, tmp_path):
    app = TraamApp(commons_path, today=TODAY)
    out = tmp_path / "publication" / "site"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#format", Select).value == "site"
        dialog.query_one("#output", Input).value = str(out)
        dialog.query_one("#etat", Select).value = "tous"  # nothing is validated in this small commons
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog
        status = str(dialog.query_one("#dialog-status", Static).render())
        assert str(out) in status and "fichier(s)" in status
        assert (out / "index.html") in dialog.written
        # Progress came back from the worker as messages; the bar is hidden again once the export is done.
        bar = dialog.query_one("#export-progress", ProgressBar)
        assert bar.total and bar.progress == bar.total and not bar.display
    assert (out / "index.html").is_file()
    pages = list(out.rglob("*.html"))
    assert any("biodiversite-cour" in str(p) for p in pages)


@asynctest
async def test_export_dialog_writes_an_xlsx_workbook(commons_path, tmp_path):
    """The spreadsheet format from the application: its default file name, then a workbook of text cells."""
    from python_calamine import CalamineWorkbook

    app = TraamApp(commons_path, today=TODAY)
    out = tmp_path / "tableur" / "scenarios.xlsx"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        dialog = app.screen
        dialog.query_one("#format", Select).value = "xlsx"
        await settle(app, pilot)
        assert dialog.query_one("#output", Input).value == "traam-export/scenarios.xlsx"
        dialog.query_one("#output", Input).value = str(out)
        dialog.query_one("#etat", Select).value = "tous"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert dialog.written == [out]
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "identifiant" and len(rows) > 1
    assert all(isinstance(cell, str) for row in rows for cell in row[:-2])


@asynctest
async def test_export_default_publishes_validated_records_only(tmp_path):
    """A teacher's draft is left out of the default export; the nationally validated scenario is in it."""
    world = make_world(tmp_path)
    teacher = world.clone("teacher")
    edit(teacher, "contrib/lille/herbier", {f"{NEW_ID}.toml": scenario("Herbier numérique")})
    app = TraamApp(teacher, today=TODAY)
    out = tmp_path / "export.json"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.session.state_of(NEW_ID) == "brouillon"
        await pilot.press("x")
        await settle(app, pilot)
        dialog = app.screen
        dialog.query_one("#format", Select).value = "json"
        await settle(app, pilot)
        assert dialog.query_one("#output", Input).value == "traam-export/commun.json"
        dialog.query_one("#output", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    text = out.read_text(encoding="utf-8")
    assert SCENARIO_ID in text and NEW_ID not in text
    assert (tmp_path / "export.schema.json").is_file()


@asynctest
async def test_export_refused_is_a_french_error_dialog(commons_path, tmp_path):
    from tui.dialogs.error_dialog import ErrorDialog

    out = tmp_path / "mes-documents"
    out.mkdir()
    (out / "rapport.odt").write_text("à garder", encoding="utf-8")
    app = TraamApp(commons_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        dialog = app.screen
        dialog.query_one("#output", Input).value = str(out)
        dialog.query_one("#etat", Select).value = "tous"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "inattendue" not in app.screen.message and str(out) in app.screen.message
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog and not dialog.query_one("#ok").disabled
    assert sorted(p.name for p in out.iterdir()) == ["rapport.odt"]
