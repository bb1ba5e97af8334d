"""Tests every kind of bad record input: each gives a French problem at the right line and column; nothing raises."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records import codec, layout
from records.codec import MAX_BYTES

CAMPAIGN_PATH = "campaigns/2026-2027.toml"
CAMPAIGN = (
    'code = "2026-2027"\n'
    'title = "Appel 2026-2027"\n'
    "call_opens = 2026-02-01\n"
    "proposals_due = 2026-03-31\n"
    "selection = 2026-06-15\n"
    "work_starts = 2026-09-01\n"
    "work_ends = 2027-04-30\n"
)
TEAM_PATH = "teams/2026-2027/svt-1/lyon.toml"
TEAM = (
    'campaign = "2026-2027"\n'
    'discipline = "svt"\n'
    'academie = "lyon"\n'
    'theme = "svt-1"\n'
    'project_title = "Projet"\n'
    'pilot = { name = "Pilote (exemple)", corps = "ia-ipr" }\n'
    'referent = { name = "Référente (exemple)" }\n'
    "\n"
    "[[teachers]]\n"
    'name = "A (exemple)"\n'
    "\n"
    "[[teachers]]\n"
    'name = "B (exemple)"\n'
)


def problems(path: str, data: str | bytes) -> list[tuple[int, int, str]]:
    """Load ``data`` at ``path`` and return ``(line, column, message)`` of each problem."""
    loaded = codec.load(path, data)
    assert loaded.record is None or loaded.problems, "expected at least one problem"
    return [(p.line, p.column, p.message) for p in loaded.problems]


def only(path: str, data: str | bytes) -> tuple[int, int, str]:
    found = problems(path, data)
    assert len(found) == 1, found
    return found[0]


def test_valid_fixtures_load_cleanly() -> None:
    assert codec.load(CAMPAIGN_PATH, CAMPAIGN).ok
    assert codec.load(TEAM_PATH, TEAM).ok


# --- control characters ------------------------------------------------------

ESC_REFUSED = "title : caractère interdit U+001B (contrôle ou bidirectionnel)"


@pytest.mark.parametrize(
    "title",
    [
        r"a\u001b]52;c;Y2F0IC9ldGMvcGFzc3dk\u0007",  # OSC 52: write the clipboard
        r"\u001b]8;;https://example.org\u001b\\lien\u001b]8;;\u001b\\",  # OSC 8: hyperlink
        r"\u001b[2J\u001b[31mrouge",  # CSI: clear screen, colour
    ],
    ids=["osc52", "osc8", "csi"],
)
def test_escape_sequences_written_as_toml_escapes_are_refused_by_the_schema(title: str) -> None:
    text = CAMPAIGN.replace('title = "Appel 2026-2027"', f'title = "{title}"')
    assert only(CAMPAIGN_PATH, text) == (2, 1, ESC_REFUSED)


def test_the_toml_11_backslash_e_escape_is_not_toml_10() -> None:
    text = CAMPAIGN.replace('title = "Appel 2026-2027"', 'title = "a\\e[31m"')
    line, _column, message = only(CAMPAIGN_PATH, text)
    assert line == 2 and "TOML 1.0" in message


def test_raw_escape_byte_is_a_syntax_problem_at_its_column() -> None:
    text = CAMPAIGN.replace('title = "Appel', 'title = "A\x1b]52;c;AAA\x07ppel')
    assert only(CAMPAIGN_PATH, text) == (
        2, 11, "enregistrement invalide : chaîne de caractères invalide (caractère de contrôle ou échappement)"
    )


@pytest.mark.parametrize("char", ["\x85", "\x9b", "\x9d"], ids=["NEL", "CSI", "OSC"])
def test_c1_controls_are_refused(char: str) -> None:
    """C1 controls are legal TOML, so the schema must refuse them, raw or escaped."""
    code = f"U+{ord(char):04X}"
    raw = CAMPAIGN.replace('title = "Appel', f'title = "Appel{char}')
    escaped = CAMPAIGN.replace('title = "Appel', f'title = "Appel\\u{ord(char):04x}')
    for text in (raw, escaped):
        assert only(CAMPAIGN_PATH, text) == (2, 1, f"title : caractère interdit {code} (contrôle ou bidirectionnel)")


def test_control_in_free_text_is_refused_but_newline_and_tab_are_kept() -> None:
    good = CAMPAIGN + 'summary = """\nLigne 1\n\tLigne 2\n"""\n'
    assert codec.load(CAMPAIGN_PATH, good).ok
    bad = CAMPAIGN + 'summary = """\nLigne 1\n\\u001b[31mLigne 2\n"""\n'
    assert only(CAMPAIGN_PATH, bad) == (8, 1, ESC_REFUSED.replace("title", "summary"))


def test_tab_is_refused_in_a_one_line_field() -> None:
    text = CAMPAIGN.replace('"Appel 2026-2027"', '"Appel\\t2026"')
    assert only(CAMPAIGN_PATH, text) == (2, 1, "title : caractère interdit U+0009 (contrôle ou bidirectionnel)")


# --- bidi and zero-width -------------------------------------------------------


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200f"], ids=["RLO", "LRI", "RLM"])
def test_bidi_is_refused_everywhere(char: str) -> None:
    code = f"U+{ord(char):04X}"
    title = CAMPAIGN.replace('"Appel 2026-2027"', f'"Appel {char}7202"')
    assert only(CAMPAIGN_PATH, title) == (2, 1, f"title : caractère interdit {code} (contrôle ou bidirectionnel)")
    summary = CAMPAIGN + f'summary = """\nTexte {char}libre\n"""\n'
    assert only(CAMPAIGN_PATH, summary) == (8, 1, f"summary : caractère interdit {code} (contrôle ou bidirectionnel)")


def test_zero_width_is_allowed_in_free_text() -> None:
    text = CAMPAIGN + 'summary = """\nmot\u200bcomposé\n"""\n'
    loaded = codec.load(CAMPAIGN_PATH, text)
    assert loaded.ok and "\u200b" in loaded.record.summary


@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\ufeff"], ids=["ZWSP", "RLO", "BOM"])
def test_invisible_characters_are_refused_in_slugs_and_ids(char: str) -> None:
    code = f"U+{ord(char):04X}"
    text = TEAM.replace('theme = "svt-1"', f'theme = "svt{char}-1"')
    line, column, message = only(TEAM_PATH, text + '\n[[teachers]]\nname = "C"\n')
    assert (line, column) == (4, 1)
    assert message.startswith("theme : identifiant invalide « svt⟨" + code + "⟩-1 »")
    line, column, message = only(f"scenarios/2026-2027/svt/lyon/defi{char}.toml", "")
    assert (line, column) == (0, 0)
    assert f"caractère « {code} » ({code}) interdit" in message


# --- size, nesting, numbers ----------------------------------------------------


def test_file_just_over_the_cap_is_refused_before_parsing() -> None:
    data = (CAMPAIGN + "# " + "x" * MAX_BYTES + "\n").encode()
    assert len(data) // 1024 == 256
    assert only(CAMPAIGN_PATH, data) == (
        1, 1, f"enregistrement invalide : fichier trop gros ({len(data)} octets, 256 Kio au plus)"
    )
    assert codec.load(CAMPAIGN_PATH, CAMPAIGN.encode().ljust(MAX_BYTES, b"\n")).ok  # exactly the cap is fine


def test_fifty_mebibyte_file_is_refused_as_bytes_and_as_text() -> None:
    data = b"a" * (50 * 1024 * 1024)
    message = "enregistrement invalide : fichier trop gros (51200 Kio, 256 Kio au plus)"
    assert only(CAMPAIGN_PATH, data) == (1, 1, message)
    assert only(CAMPAIGN_PATH, data.decode()) == (1, 1, message)


@pytest.mark.parametrize("nested", ["[" * 1000 + "]" * 1000, "{ a = " * 1000 + "1" + " }" * 1000])
def test_thousand_deep_nesting_is_a_problem_not_a_crash(nested: str) -> None:
    line, _column, message = only(CAMPAIGN_PATH, CAMPAIGN + f"deep = {nested}\n")
    assert (line, message) == (8, "enregistrement invalide : imbrication trop profonde")


def test_five_thousand_digit_integer() -> None:
    text = CAMPAIGN + "teams_per_discipline = " + "9" * 5000 + "\n"
    assert only(CAMPAIGN_PATH, text) == (8, 24, "enregistrement invalide : nombre entier trop grand")


@pytest.mark.parametrize("value", ["nan", "+nan", "inf", "-inf"])
def test_nan_and_inf_are_refused(value: str) -> None:
    text = CAMPAIGN + f"teams_per_discipline = {value}\n"
    assert only(CAMPAIGN_PATH, text) == (
        8, 1, "teams_per_discipline : nombre fini attendu (nan et inf ne sont pas permis)"
    )


def test_number_out_of_range() -> None:
    text = CAMPAIGN + "teams_per_discipline = 51\n"
    assert only(CAMPAIGN_PATH, text) == (8, 1, "teams_per_discipline : doit valoir au plus 50")


# --- syntax --------------------------------------------------------------------


def test_duplicate_key() -> None:
    text = CAMPAIGN + 'title = "Encore"\n'
    assert only(CAMPAIGN_PATH, text) == (8, 1, "enregistrement invalide : clé en double")


def test_duplicate_table() -> None:
    text = TEAM + '\n[cardie]\nname = "C"\n\n[cardie]\nname = "D"\n'
    assert only(TEAM_PATH, text) == (18, 2, "enregistrement invalide : clé en double")


@pytest.mark.parametrize(
    ("extra", "column", "message"),
    [
        ("phase = = 2", 9, "contenu inattendu après la valeur"),
        ('phase = "travaux', 17, "chaîne de caractères invalide (caractère de contrôle ou échappement)"),
        ("phase = brouillon", 9, "un texte doit être entre guillemets"),
        ("phase", 6, "clé sans valeur (« = » attendu)"),
        ("levels = [1, 2", 15, "tableau non fermé (« ] » attendu)"),
    ],
)
def test_syntax_errors_are_french_with_line_and_column(extra: str, column: int, message: str) -> None:
    assert only(CAMPAIGN_PATH, CAMPAIGN + extra + "\n") == (8, column, "enregistrement invalide : " + message)


def test_not_utf8() -> None:
    data = CAMPAIGN.encode() + b'summary = "caf\xe9"\n'
    assert only(CAMPAIGN_PATH, data) == (8, 15, "enregistrement invalide : le fichier n'est pas en UTF-8")


# --- schema --------------------------------------------------------------------


def test_unknown_fields_at_top_level_and_in_arrays_of_tables() -> None:
    text = TEAM.replace('name = "B (exemple)"\n', 'name = "B (exemple)"\n"École" = "x"\n') + "colour = 1\n"
    text += '\n[[teachers]]\nname = "C"\n'
    assert problems(TEAM_PATH, text) == [
        (14, 1, "teachers.1.École : champ inconnu « École »"),
        (15, 1, "teachers.1.colour : champ inconnu « colour »"),
    ]


def test_unknown_field_in_an_inline_table() -> None:
    text = TEAM.replace('corps = "ia-ipr" }', 'corps = "ia-ipr", grade = 2 }') + '\n[[teachers]]\nname = "C"\n'
    assert only(TEAM_PATH, text) == (6, 56, "pilot.grade : champ inconnu « grade »")


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "message"),
    [
        ('title = "Appel 2026-2027"', "title = 2026", 2, 1, "title : texte attendu"),
        ("selection = 2026-06-15", 'selection = "2026-06-15"', 5, 1, "selection : date attendue (AAAA-MM-JJ)"),
        ("selection = 2026-06-15", "selection = 2026-06-15T10:00:00", 5, 1, "selection : date attendue (AAAA-MM-JJ)"),
        ('title = "Appel 2026-2027"', 'title = ["a"]', 2, 1, "title : texte attendu"),
        ('title = "Appel 2026-2027"', 'title = ""', 2, 1, "title : ne doit pas être vide"),
        ('code = "2026-2027"', 'code = "2026-2028"', 1, 1,
         "code : code de campagne invalide « 2026-2028 » (attendu AAAA-AAAA, années consécutives)"),
    ],
)
def test_wrong_types_and_values_in_a_campaign(old: str, new: str, line: int, column: int, message: str) -> None:
    assert only(CAMPAIGN_PATH, CAMPAIGN.replace(old, new)) == (line, column, message)


def test_wrong_values_inside_inline_tables_and_arrays_point_at_the_item() -> None:
    text = TEAM.replace('corps = "ia-ipr"', 'corps = "recteur"') + '\n[[teachers]]\nname = "C"\ndegree = 1\n'
    text = text.replace('theme = "svt-1"\n', 'theme = "svt-1"\nduration = 3\n')
    assert problems(TEAM_PATH, text) == [
        (5, 1, "duration : valeur non permise, attendu : 1 ou 2"),
        (7, 38, "pilot.corps : corps d'inspection inconnu(e) : « recteur »"),
        (18, 1, "teachers.2.degree : texte attendu"),
    ]
    scenario = (
        'campaign = "2026-2027"\ndisciplines = ["svt", "chimie"]\nacademie = "lyon"\ntheme = "svt-1"\n'
        'title = "T"\ncrcn = [\n    "1.1",\n    "6.1",\n]\ntools = [{ name = "X", kind = "gratuit" }]\n'
    )
    assert problems("scenarios/2026-2027/svt/lyon/t.toml", scenario) == [
        (2, 23, "disciplines.1 : discipline inconnu(e) : « chimie »"),
        (8, 5, "crcn.1 : compétence CRCN inconnu(e) : « 6.1 »"),
        (10, 24, "tools.0.kind : type d'outil inconnu(e) : « gratuit »"),
    ]


def test_missing_field() -> None:
    text = CAMPAIGN.replace("work_ends = 2027-04-30\n", "")
    assert only(CAMPAIGN_PATH, text) == (1, 1, "work_ends : champ obligatoire manquant")


# --- ids, paths and twins --------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("scenarios/2026-2027/svt/lyon/../x.toml", "partie vide ou remontée « .. »"),
        ("../x.toml", "partie vide ou remontée « .. »"),
        ("scenarios/2026-2027/svt/lyon/nul.toml", "nom réservé « nul.toml »"),
        ("scenarios/2026-2027/svt/lyon/NUL.toml", "caractère « N » (U+004E) interdit"),
        ("scenarios/2026-2027/svt/lyon/É.toml", "caractère « É » (U+00C9) interdit"),
        ("scenarios/2026-2027/svt/lyon/" + "a" * 200 + ".toml", "nom de scénario (slug de 64 caractères au plus)"),
        ("scenarios/2026-2027/svt/lyon/" + "a" * 240 + ".toml", "chemin trop long (274 caractères, 255 au plus)"),
        ("scenarios/2026-2027/svt/lyon/a\x00b.toml", "chemin invalide"),
        ("/etc/passwd", "chemin invalide"),
        ("scenarios/2026-2027/svt/atlantide/x.toml", "académie inconnu(e) « atlantide »"),
    ],
)
def test_bad_ids_are_refused_before_any_file_access(path: str, fragment: str) -> None:
    with pytest.raises(layout.LayoutError, match=r".") as caught:
        layout.locate(path)
    assert fragment in str(caught.value)
    line, column, message = only(path, TEAM)
    assert (line, column) == (0, 0) and fragment in message


@pytest.mark.parametrize("value", ["../x", "NUL", "É", "a" * 200, "a--b", "-a"])
def test_bad_slugs_are_refused_in_content(value: str) -> None:
    text = TEAM.replace('theme = "svt-1"', f'theme = "{value}"') + '\n[[teachers]]\nname = "C"\n'
    line, column, message = only(TEAM_PATH, text)
    assert (line, column) == (4, 1)
    assert message.startswith("theme : identifiant invalide")


def test_case_twins_are_found() -> None:
    paths = ["scenarios/2026-2027/svt/lyon/a.toml", "scenarios/2026-2027/svt/lyon/A.toml", "campaigns/2026-2027.toml"]
    assert layout.twins(paths) == [("scenarios/2026-2027/svt/lyon/A.toml", "scenarios/2026-2027/svt/lyon/a.toml")]


def test_unicode_normalisation_twins_are_found() -> None:
    nfc = "scenarios/2026-2027/svt/lyon/" + unicodedata.normalize("NFC", "défi") + ".toml"
    nfd = "scenarios/2026-2027/svt/lyon/" + unicodedata.normalize("NFD", "défi") + ".toml"
    assert nfc != nfd
    assert layout.twins([nfc, nfd]) == [tuple(sorted([nfc, nfd]))]
    assert layout.twins([nfc, "scenarios/2026-2027/svt/lyon/defi.toml"]) == []


def test_content_disagreeing_with_path() -> None:
    text = (
        'campaign = "2026-2027"\ndisciplines = ["nsi"]\nacademie = "lille"\ntheme = "nsi-1"\ntitle = "T"\n'
    )
    loaded = codec.load("scenarios/2026-2027/svt/versailles/t.toml", text)
    assert loaded.record is not None and not loaded.ok
    assert [(p.line, p.column, p.message, p.rule) for p in loaded.problems] == [
        (3, 1, "« academie = lille » ne correspond pas au chemin, qui indique « versailles »", "path"),
        (2, 1, "la première discipline « nsi » ne correspond pas au chemin, qui indique « svt »", "path"),
    ]
    assert str(loaded.problems[0]).startswith("scenarios/2026-2027/svt/versailles/t.toml:3:1: ")


# --- nothing raises ----------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400))
def test_arbitrary_input_never_raises(data: bytes | str) -> None:
    loaded = codec.load(TEAM_PATH, data)
    assert loaded.record is not None or loaded.problems
    for problem in loaded.problems:
        assert problem.message and problem.line >= 0


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(TEAM) - 1), st.integers(0, 12), st.text(max_size=6))
def test_mangled_valid_record_never_raises(at: int, cut: int, insert: str) -> None:
    text = TEAM[:at] + insert + TEAM[at + cut :]
    loaded = codec.load(TEAM_PATH, text)
    assert loaded.ok or loaded.problems


def test_windows_line_endings_are_read_as_newlines() -> None:
    text = (CAMPAIGN + 'summary = """\nLigne 1\nLigne 2\n"""\n').replace("\n", "\r\n")
    loaded = codec.load(CAMPAIGN_PATH, text)
    assert loaded.ok, loaded.problems
    assert loaded.record.summary == "Ligne 1\nLigne 2\n"
    lone = CAMPAIGN + 'summary = """\nLigne 1\rLigne 2\n"""\n'
    assert only(CAMPAIGN_PATH, lone) == (9, 9, "enregistrement invalide : fin de ligne attendue")
    escaped = CAMPAIGN + 'summary = """\nLigne 1\\rLigne 2\n"""\n'
    assert only(CAMPAIGN_PATH, escaped) == (8, 1, "summary : caractère interdit U+000D (contrôle ou bidirectionnel)")


def test_text_with_a_lone_surrogate_is_not_utf8() -> None:
    text = CAMPAIGN.replace('"Appel', '"\ud800Appel')
    assert only(CAMPAIGN_PATH, text) == (2, 10, "enregistrement invalide : le fichier n'est pas en UTF-8")


@pytest.mark.parametrize("value", ["true", "1.0", '"1"'])
def test_booleans_floats_and_strings_are_not_integers(value: str) -> None:
    """``Literal[1, 2]`` alone would take ``true`` and ``1.0`` for 1; records must say 1."""
    theme = f'campaign = "2026-2027"\ndiscipline = "svt"\ntitle = "T"\nyear = {value}\n'
    assert only("themes/2026-2027/svt.toml", theme) == (4, 1, "year : nombre entier attendu")
    campaign = CAMPAIGN + f"teams_per_discipline = {value}\n"
    assert only(CAMPAIGN_PATH, campaign) == (8, 1, "teams_per_discipline : nombre entier attendu")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x7f"], ids=["NUL", "BEL", "DEL"])
def test_raw_c0_controls_in_a_string_are_syntax_problems(char: str) -> None:
    text = CAMPAIGN.replace('title = "Appel', f'title = "Ap{char}pel')
    line, column, message = only(CAMPAIGN_PATH, text)
    assert (line, column) == (2, 12)
    assert message.startswith("enregistrement invalide : chaîne de caractères invalide")


def test_short_public_key_and_bad_principal() -> None:
    text = '[[reviewers]]\nname = "N"\nprincipal = "pas une adresse"\nrole = "national"\npublic_key = "ssh-ed25519"\n'
    assert problems("governance/reviewers.toml", text) == [
        (3, 1, "reviewers.0.principal : adresse électronique invalide « pas une adresse »"),
        (5, 1, "reviewers.0.public_key : trop court (20 caractères au moins)"),
    ]
