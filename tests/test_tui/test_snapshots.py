"""Snapshot tests: every screen and dialog at a fixed terminal size, on a real commons with fixed dates.

Each test says what its picture proves. Regenerate after an intended change
with ``pytest tests/test_tui/test_snapshots.py --snapshot-update`` and look
at the report before committing.
"""

from __future__ import annotations

from textual.widgets import Input

from tests.test_tui.world import TODAY
from tui.app import TraamApp
from tui.dialogs.commit_dialog import CommitDialog
from tui.dialogs.confirm_dialog import ConfirmDialog
from tui.screens.loading import LoadingScreen
from tui.widgets.record_form import field_id

SIZE = (100, 32)
SMALL = (80, 24)
BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


async def settle(pilot) -> None:
    """Wait for workers and messages; stop cursors blinking so that pictures do not depend on timing."""
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    for screen in app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False
    await pilot.pause()


def app_on(path) -> TraamApp:
    return TraamApp(path, today=TODAY)


# --- main screens -------------------------------------------------------------------


def test_dashboard(snap_compare, commons_path):
    """The dashboard shows the 2026-2027 campaign with its five dated steps (work started, as of the
    injected 21/11/2026), counts per discipline, académie and state as bars, and the latest commit."""
    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=settle)


def test_dashboard_small_terminal(snap_compare, commons_path):
    """At 80×24 the dashboard still shows the campaign, its calendar and the shortcuts."""
    assert snap_compare(app_on(commons_path), terminal_size=SMALL, run_before=settle)


def test_explorer(snap_compare, commons_path):
    """The explorer: tree with the campaign opened to its disciplines, the record list with kind,
    académie and state columns, and the detail of the highlighted record with French labels."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("down", "space")  # open the campaign node
        await settle(pilot)
        await pilot.press("l", "down", "down")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_explorer_small_terminal(snap_compare, commons_path):
    """At 80×24 the explorer keeps the tree, the list (narrow columns) and the detail pane."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SMALL, run_before=run_before)


def test_search_with_highlights(snap_compare, commons_path):
    """Typing « biodiv » lists the matching records, the matched letters of each title highlighted."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", *"biodiv")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_search_with_facet(snap_compare, commons_path):
    """A typed facet (``discipline:nsi``) narrows the results to the NSI records."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", *"discipline:nsi")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_record_screen(snap_compare, commons_path):
    """Enter on a hit opens the record: every field with its French label, vocabulary labels
    (Cycle 4, CRCN 1.1 with its title, Commun numérique public), the link shown but not live."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_record(BIODIV)
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_edit_form(snap_compare, commons_path):
    """The form generated from the Scenario model: inputs, a multi-select for disciplines, selects."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_editor(BIODIV)
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_edit_form_with_problem(snap_compare, commons_path):
    """An emptied title shows « ne doit pas être vide » under the title field and the problem count."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_editor(BIODIV)
        await settle(pilot)
        pilot.app.screen.query_one(f"#{field_id('title')}", Input).value = ""
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


TEAM = "teams/2026-2027/svt/lille"


async def team_teachers(pilot) -> None:
    """Open the team's form, make the second teacher's e-mail invalid, scroll the teachers to the top."""
    await settle(pilot)
    pilot.app.open_editor(TEAM)
    await settle(pilot)
    screen = pilot.app.screen
    email = screen.query_one(f"#{field_id('teachers.1.email')}", Input)
    email.value = "pas-une-adresse"
    email.focus(scroll_visible=False)
    await settle(pilot)
    screen.query_one("#form").scroll_to_widget(screen.query_one(f"#row-{field_id('teachers')}"), top=True,
                                                animate=False, immediate=True)
    await settle(pilot)


def test_edit_team_teachers(snap_compare, commons_path):
    """Teachers are sub-forms: one bordered group per teacher (n° 1…) with labelled fields, « Monter »,
    « Descendre », « Retirer », then « Ajouter »; a bad e-mail shows under the e-mail of teacher 2."""
    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=team_teachers)


def test_edit_team_teachers_small_terminal(snap_compare, commons_path):
    """At 80×24 a teacher's sub-form still shows its labels, values, problem and buttons."""
    assert snap_compare(app_on(commons_path), terminal_size=SMALL, run_before=team_teachers)


def test_history(snap_compare, commons_path):
    """The history of a record: date, author, email, short commit id, message and field changes."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_history(BIODIV)
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare, commons_path):
    """F1 lists every key with its action, its id (for remapping) and the screen where it works."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_loading_screen(snap_compare, commons_path):
    """A cold load shows the folder, a spinner and a progress bar with « 42 / 100 enregistrements lus »."""

    async def run_before(pilot):
        await settle(pilot)
        screen = LoadingScreen("/srv/commun")
        await pilot.app.push_screen(screen)
        screen.progress(42, 100)
        await pilot.pause()

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


# --- dialogs ---------------------------------------------------------------------------


def test_error_dialog(snap_compare, commons_path):
    """Errors appear in a French dialog with an OK button, never as a traceback."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.show_error("le dépôt est verrouillé (.git/index.lock) : une autre commande git est en cours.")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_confirm_leave_dialog(snap_compare, commons_path):
    """Leaving a changed form asks first; « Rester » is the default button."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_editor(BIODIV)
        await settle(pilot)
        pilot.app.screen.query_one(f"#{field_id('duration')}", Input).value = "3 séances"
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_commit_dialog(snap_compare, commons_path):
    """Saving prompts for the commit message, prefilled with « Modifier <id> »."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_editor(BIODIV)
        await settle(pilot)
        pilot.app.screen.query_one(f"#{field_id('duration')}", Input).value = "3 séances"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CommitDialog)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_facet_dialog(snap_compare, commons_path):
    """F2 in the search screen offers the facets as lists (filter, then value)."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", "f2")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_new_record_dialog(snap_compare, commons_path):
    """« n » asks which kind of record to create from a template (scénario by default)."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_edit_form_small_terminal(snap_compare, commons_path):
    """At 80×24 the form keeps the id, the status line, labelled fields and the footer keys."""

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_editor(BIODIV)
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SMALL, run_before=run_before)


def test_new_scenario_form_untouched(snap_compare, commons_path):
    """A new scenario before anything is typed: no error and no « modifié », a hint instead; campaign,
    académie (from ``traam.academie``) and theme are lists of what exists; the creation date is today."""
    from tests.conftest import git

    git(commons_path, "config", "traam.academie", "lille")

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.click("#ok")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


def test_light_theme(snap_compare, commons_path):
    """Themes work: the search screen in Textual's light theme stays readable (all colours are theme variables)."""

    async def run_before(pilot):
        pilot.app.theme = "textual-light"
        await settle(pilot)
        await pilot.press("slash", *"biodiv")
        await settle(pilot)

    assert snap_compare(app_on(commons_path), terminal_size=SIZE, run_before=run_before)


# --- problems (issue 13, item 12) ---------------------------------------------------------


def test_problems_screen(snap_compare, tmp_path):
    """The problems screen (key 6, or the dashboard's count) lists what ``traam validate`` finds: the record
    at ``path:line:col``, the field in French, the severity in words, the message and the rule id."""
    from tests.test_tui.test_problems import orphan_commons

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)

    assert snap_compare(app_on(orphan_commons(tmp_path)), terminal_size=SIZE, run_before=run_before)


def test_explorer_marks_invalid_records(snap_compare, tmp_path):
    """A record the rules across records reject starts with ✗ in the explorer's list (readable without
    colour), and its detail says first that ``traam validate`` refuses it, with the rule id."""
    from tests.test_tui.test_problems import orphan_commons

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("l", "down", "down")
        await settle(pilot)

    assert snap_compare(app_on(orphan_commons(tmp_path)), terminal_size=SIZE, run_before=run_before)
