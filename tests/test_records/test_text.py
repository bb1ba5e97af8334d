"""The search folding of records.text: French cases and equality with its per-character definition."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from records.text import fold


def reference_fold(value: str) -> str:
    """The definition: casefold, then each character's NFKD form without combining marks, œ æ spelled out."""
    out = []
    for char in value.casefold():
        decomposed = unicodedata.normalize("NFKD", char)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe").replace("æ", "ae"))
    return " ".join("".join(out).split())


def test_french_text_loses_case_accents_ligatures_and_extra_spaces():
    assert fold("  Biodiversité : l'ÉLÈVE\tet le cœur de l'Œuvre ") == "biodiversite : l'eleve et le coeur de l'oeuvre"
    assert fold("ﬁn de Straße, Ærø") == "fin de strasse, aerø"  # ø has no decomposition


def test_characters_outside_latin_are_kept_without_their_marks():
    assert fold("Élève π Ωμέγα 漢字") == "eleve π ωμεγα 漢字"
    assert fold("e\u034f\u0301") == "e\u034f"  # the grapheme joiner is no accent: it stays, as in the definition


latin = st.characters(min_codepoint=0x20, max_codepoint=0x24F)
marks = st.characters(min_codepoint=0x300, max_codepoint=0x36F)
anything = st.characters(blacklist_categories=("Cs",))


@settings(max_examples=400)
@given(st.text(st.one_of(latin, marks, st.sampled_from("œŒæÆﬁß \t\n")), max_size=40))
def test_fast_path_equals_the_definition_on_latin_text(value):
    assert fold(value) == reference_fold(value)


@settings(max_examples=400)
@given(st.text(anything, max_size=40))
def test_fold_equals_the_definition_on_any_text(value):
    assert fold(value) == reference_fold(value)


def test_a_title_that_slugs_to_a_reserved_windows_name_gets_a_path_that_is_allowed():
    from records.layout import locate, scenario_slug

    assert scenario_slug("Défi botanique") == "defi-botanique"
    for title in ("Aux", "CON", "LPT0", "com1", "Nul"):
        slug = scenario_slug(title)
        assert slug.endswith("-scenario")
        assert locate(f"scenarios/2026-2027/svt/lille/{slug}.toml").slug == slug
