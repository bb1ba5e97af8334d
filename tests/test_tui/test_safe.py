"""Safe display helpers: data becomes plain Content, never markup; escapes and invisibles are made visible."""

from __future__ import annotations

from tests.test_tui.world import ESCAPES, HOSTILE
from tui.safe import content, highlighted, labelled, plain


def test_markup_stays_literal():
    shown = content(HOSTILE)
    assert shown.plain == HOSTILE
    assert shown.spans == [] or all("@click" not in str(s.style) for s in shown.spans)


def test_escapes_become_visible_placeholders():
    text = plain(ESCAPES)
    assert "\x1b" not in text and "\x07" not in text
    assert text.startswith("⟨U+001B⟩]52;c;")
    assert plain("a\u202eb\u200bc") == "a⟨U+202E⟩b⟨U+200B⟩c"


def test_multiline_keeps_newlines_only():
    assert content("un\ndeux\x1b[2J", multiline=True).plain == "un\ndeux⟨U+001B⟩[2J"
    assert plain("un\ndeux") == "un⟨U+000A⟩deux"


def test_labelled_keeps_label_and_value_apart():
    shown = labelled("Titre", HOSTILE)
    assert shown.plain == f"Titre : {HOSTILE}"


def test_highlight_spans_are_clipped_and_dropped_when_sanitising_moved_the_text():
    assert [s.end - s.start for s in highlighted("Biodiversité", [(0, 6)]).spans] == [6]
    assert highlighted("Bio", [(1, 99)]).spans[0].end == 3
    assert highlighted("a\x1bb", [(0, 1)]).spans == []
