"""The palette, keys and theme in French (issue 13, item 5): accents ignored, theme kept, key names French."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from tests.test_tui.world import asynctest, settle
from tui import preferences
from tui.palette import FoldedCommands, FrenchPalette, fold_chars


def test_folding_keeps_the_length():
    assert fold_chars("Thème Éditer") == "theme editer"
    assert len(fold_chars("Œuvre — ça")) == len("Œuvre — ça")


@asynctest
async def test_palette_is_french_and_ignores_accents(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        palette = app.screen
        assert isinstance(palette, FrenchPalette)
        assert palette.query_one(Input).placeholder.startswith("Chercher une commande")
        provider = FoldedCommands(app.screen_stack[-2])
        found = [hit.text for hit in [h async for h in provider.search("theme")]]
        assert "Thème de couleurs" in found, found
        titles = [c.title for c in app.get_system_commands(app.screen_stack[-2])]
        assert len(titles) == len(set(titles)), titles
        assert not [t for t in titles if t in ("Focus Next", "Copy selected text", "Quit", "Keys")], titles
        help_texts = [c.help for c in app.get_system_commands(app.screen_stack[-2])]
        assert not [h for h in help_texts if "app." in h or "focus_next" in h]


@asynctest
async def test_theme_choice_is_kept_for_the_next_launch(commons_path, make_app, hermetic_git):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await settle(app, pilot)
    assert preferences.load()["theme"] == "nord"
    assert preferences.path().is_relative_to(hermetic_git)
    again = make_app(commons_path)
    async with again.run_test(size=(100, 32)) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"


@asynctest
async def test_keys_are_named_in_french(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        names = {key: app.get_key_display(Binding(key, "x")) for key in ("escape", "pageup", "pagedown", "enter")}
        assert names == {"escape": "Échap", "pageup": "PgPréc", "pagedown": "PgSuiv", "enter": "Entrée"}
        from tui.screens.help import key_rows

        shown = " ".join(row[0] for row in key_rows(app))
        assert "PgPréc" in shown and "pgup" not in shown and "esc" not in shown.split()


@asynctest
async def test_dashboard_shortcuts_follow_the_users_keymap(commons_path, make_app, hermetic_git):
    folder = hermetic_git / ".config" / "traam"
    folder.mkdir(parents=True)
    (folder / "touches.toml").write_text('[touches]\n"app.search" = "ctrl+f"\n"app.quit" = "ctrl+q"\n',
                                         encoding="utf-8")
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        panel = str(app.screen.query_one("#shortcuts").render())
        assert "^f" in panel and "^q" in panel, panel
        lines = {line.split()[-1]: line for line in panel.splitlines() if line.strip()}
        assert not lines["Quitter"].strip().startswith("q "), panel
