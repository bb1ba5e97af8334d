"""Keys: users remap bindings by id, the help lists every key, the palette offers every action."""

from __future__ import annotations

from tests.test_tui.world import asynctest, settle
from tui.keymap import load_keymap
from tui.screens.help import HelpScreen, key_rows
from tui.screens.search import SearchScreen


def test_broken_keymap_file_is_ignored(tmp_path):
    path = tmp_path / "touches.toml"
    path.write_text("[touches\n", encoding="utf-8")
    assert load_keymap(path) == {}
    path.write_text('[touches]\n"app.search" = "ctrl+f"\n"x" = 3\n', encoding="utf-8")
    assert load_keymap(path) == {"app.search": "ctrl+f"}


@asynctest
async def test_remapped_key_opens_search_and_help_shows_it(commons_path, make_app, hermetic_git):
    folder = hermetic_git / ".config" / "traam"
    folder.mkdir(parents=True)
    (folder / "touches.toml").write_text('[touches]\n"app.search" = "ctrl+f"\n', encoding="utf-8")
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await settle(app, pilot)
        assert not isinstance(app.screen, SearchScreen), "the old key no longer searches"
        await pilot.press("ctrl+f")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        rows = {row[2]: row for row in key_rows(app)}
        assert rows["app.search"][0] == "^f"
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)


def test_every_binding_has_an_id_and_a_description():
    """Remapping works by id: no binding of the app, its screens, dialogs or widgets may lack one."""
    from textual.binding import Binding

    from tui.app import TraamApp
    from tui.dialogs import commit_dialog, confirm_dialog, error_dialog, facet_dialog, new_dialog
    from tui.screens import edit, explorer, help, history, record_screen, search
    from tui.widgets.record_list import RecordList

    owners = [TraamApp, RecordList, commit_dialog.CommitDialog, confirm_dialog.ConfirmDialog, edit.EditScreen,
              error_dialog.ErrorDialog, explorer.ExplorerScreen, facet_dialog.FacetDialog, help.HelpScreen,
              history.HistoryScreen, new_dialog.NewRecordDialog, record_screen.RecordScreen, search.SearchScreen]
    for owner in owners:
        for binding in Binding.make_bindings(owner.BINDINGS):
            assert binding.id and binding.description, (owner.__name__, binding)


@asynctest
async def test_palette_offers_every_action(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in ("Tableau de bord", "Explorateur", "Rechercher", "Nouvel enregistrement", "Aide",
                       "Recharger le commun", "Thème de couleurs", "Quitter", "Éditer", "Historique",
                       "Éditer le TOML ($EDITOR)"):
            assert wanted in titles, titles


def test_wrong_keymap_is_reported_in_french_and_the_rest_applies(tmp_path):
    """Unknown id, impossible key, a key given twice, broken TOML: each said; the right entries still apply."""
    from tui.app import TraamApp
    from tui.keymap import check_keymap
    from tui.screens.help import binding_ids

    known = binding_ids(TraamApp)
    path = tmp_path / "touches.toml"
    path.write_text('[touches]\n"app.search" = "ctrl+f"\n"app.nope" = "f5"\n"app.help" = "ctrl+zz+q"\n'
                    '"app.new" = "ctrl+f"\n"app.quit" = "ctrl+q"\n', encoding="utf-8")
    keymap, problems = check_keymap(path, known)
    assert keymap == {"app.search": "ctrl+f", "app.quit": "ctrl+q"}
    assert any("identifiant inconnu « app.nope »" in p for p in problems), problems
    assert any("touche impossible « ctrl+zz+q »" in p for p in problems), problems
    assert any("« ctrl+f » est donnée deux fois" in p for p in problems), problems
    path.write_text('[touches\n"app.search" = 1\n', encoding="utf-8")
    keymap, problems = check_keymap(path, known)
    assert keymap == {} and problems == [f"{path}:1:9 : TOML invalide ; touches par défaut."]


def test_wrong_keymap_is_said_at_start_by_the_app_and_the_cli(commons_path, hermetic_git):
    import asyncio

    from tests.test_tui.world import TODAY
    from tui.app import TraamApp

    folder = hermetic_git / ".config" / "traam"
    folder.mkdir(parents=True)
    (folder / "touches.toml").write_text('[touches]\n"app.nope" = "f5"\n', encoding="utf-8")

    async def run():
        app = TraamApp(commons_path, today=TODAY)
        async with app.run_test(size=(100, 32)) as pilot:
            await settle(app, pilot)
            return [n.message for n in app._notifications]

    assert any("identifiant inconnu « app.nope »" in m for m in asyncio.run(run()))
