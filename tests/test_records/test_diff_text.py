"""Diffs a reviewer can read (issue 13, item 14): lists of tables item by item and field by field, French
labels, code labels, long texts cut around what changed, nothing raw, nothing unprintable."""

from __future__ import annotations

from records.diff import Change, diff, expand, text_change
from records.diff_text import lines, text

GEOGEBRA = {"name": "GeoGebra", "kind": "logiciel-libre"}


def read(old: dict, new: dict) -> list[str]:
    return [text(line) for line in lines(diff(old, new))]


def test_a_tool_edited_added_and_removed_reads_item_by_item():
    old = {"tools": [GEOGEBRA, {"name": "Capytale", "kind": "commun-public"}]}
    new = {"tools": [{**GEOGEBRA, "url": "https://www.geogebra.org"}, {"name": "Vittascience",
                                                                       "kind": "plateforme-privee"}]}
    assert read(old, new) == [
        "+ Outils « GeoGebra » › Adresse : https://www.geogebra.org",
        "- Outils « Capytale » : retrait",
        "  Nom : Capytale",
        "  Type : Commun numérique public",
        "+ Outils « Vittascience » : ajout",
        "  Nom : Vittascience",
        "  Type : Plateforme privée",
    ]


def test_a_reviewer_added_to_the_governance_is_named_with_every_field():
    """Two long lists that start alike used to be cut identically on both sides: who was added was hidden."""
    lou = {"name": "Lou Lille", "principal": "lou@ac-lille.fr", "role": "academique", "academies": ["lille"],
           "public_key": "ssh-ed25519 AAAA lou"}
    nat = {"name": "Nat Nation", "principal": "nat@education.gouv.fr", "role": "national",
           "public_key": "ssh-ed25519 AAAA nat"}
    shown = read({"reviewers": [lou]}, {"reviewers": [nat, lou]})
    assert shown[0] == "+ Relecteurs « Nat Nation <nat@education.gouv.fr> » : ajout"
    assert "  Rôle : Validation nationale" in shown and "  Clé publique : ssh-ed25519 AAAA nat" in shown
    assert not any("Lou" in line for line in shown), "an unchanged reviewer moved down the list is not a change"


def test_a_field_of_a_reviewer_changed_names_the_reviewer():
    lou = {"name": "Lou Lille", "principal": "lou@ac-lille.fr", "role": "academique", "academies": ["lille"]}
    assert read({"reviewers": [lou]}, {"reviewers": [{**lou, "academies": ["lille", "amiens"]}]}) == [
        "+ Relecteurs « Lou Lille <lou@ac-lille.fr> » › Académies : Amiens"]


def test_items_without_names_pair_by_position():
    old = {"steps": [{"title": "Observer"}, {"title": "Mesurer"}]}
    new = {"steps": [{"title": "Observer", "duration": "55 min"}]}
    assert read(old, new) == ["+ Déroulement « Observer » › Durée : 55 min", "- Déroulement « Mesurer » : retrait",
                              "  Titre : Mesurer"]
    assert expand(Change("title", "changed", "a", "b")) == [Change("title", "changed", "a", "b")]


def test_codes_dates_and_nested_tables_read_in_french():
    shown = read({"levels": ["cycle-3"], "pilot": {"name": "A", "corps": "ia-ipr"}},
                 {"levels": ["cycle-3", "cycle-4"], "pilot": {"name": "B", "corps": "ia-ipr"}})
    assert shown == ["+ Niveaux : Cycle 4 (5e-3e)", "~ Pilote › Nom : A → B"]


def test_a_long_text_is_cut_around_what_changed_and_never_shows_newline_codes():
    before = "Les élèves inventorient les espèces de la cour.\nIls partagent leurs relevés de la mare chaque semaine."
    after = before.replace("la mare", "l'étang")
    [line] = read({"summary": before}, {"summary": after})
    assert "la mare" in line and "l'étang" in line and "⟨U+000A⟩" not in line and "\n" not in line
    assert line.startswith("~ Résumé : …")
    assert text_change("abc", "abd") == ("abc", "abd")


def test_hostile_values_are_made_printable():
    [line] = read({"title": "a"}, {"title": "b\x1b]52;c;cGF3bmVk\x07"})
    assert "\x1b" not in line and "\x07" not in line and "⟨" in line
