"""Search (issue 13, item 19): transposed letters find results, an unknown facet value says so, columns have titles."""

from __future__ import annotations

from textual.widgets import Label

from store.search.fuzzy import Vocabulary
from store.search.query import parse_query
from tests.test_tui.world import asynctest, settle
from tui.widgets.list_header import ListHeader
from tui.widgets.record_list import RecordList


def test_two_swapped_letters_count_as_one_typo():
    words = Vocabulary(["escape", "game", "robot", "biodiversite"])
    assert words.variants("escpae") == ["escape"]
    assert words.variants("gmae") == ["game"]
    assert words.variants("robto") == ["robot"]
    assert words.variants("xqzw") == []


def test_unknown_facet_value_is_said_with_the_nearest_value():
    (message,) = parse_query("discipline:mathmatiques").messages
    assert "« discipline:mathmatiques »" in message and "« discipline:mathematiques »" in message
    (message,) = parse_query("academie:lile").messages
    assert "academie" not in message.split("«")[0] and "lille" in message
    assert parse_query("discipline:svt academie:lille").messages == []


@asynctest
async def test_search_screen_finds_transposed_words_and_explains_empty_facets(commons_path, make_app):
    app = make_app(commons_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"herbeir")
        await settle(app, pilot)
        results = app.screen.query_one(RecordList)
        assert results.current is not None and "herbier" in results.current.id
        app.screen.query_one("#query").value = "discipline:xyz"
        await settle(app, pilot)
        status = str(app.screen.query_one("#status", Label).render())
        assert "aucune valeur ne correspond à « discipline:xyz »" in status and "valeurs possibles" in status
        header = str(app.screen.query_one(ListHeader).render())
        for title in ("Titre", "Type", "Académie", "État"):
            assert title in header
