"""A merge left in progress by ``traam sync`` (issue 13, item 10): the sync screen shows it, ``r`` resumes it,
``a`` aborts it, ``s`` never advises ``git stash``; the screen says which remote and branch it follows; a clone
without ``upstream`` says how to add it."""

from __future__ import annotations

from textual.widgets import RadioButton, Static

from tests.conftest import git, run_traam
from tests.test_tui.review_scenes import SCENARIO_ID, edit, make_world, scenario
from tests.test_tui.test_sync_export_tui import fork_of, upstream_change
from tests.test_tui.world import TODAY, asynctest, settle
from tui.app import TraamApp
from tui.dialogs.conflict_dialog import ConflictDialog
from tui.screens.sync import SyncScreen

SIZE = (110, 36)


def conflicted_fork(tmp_path):
    """A fork where ``traam sync`` stopped on a same-field conflict: the merge is left in progress."""
    world = make_world(tmp_path)
    fork = fork_of(world)
    upstream_change(world, {f"{SCENARIO_ID}.toml": scenario(title="Titre de l'amont")})
    edit(fork, "main", {f"{SCENARIO_ID}.toml": scenario(title="Titre du fork")}, "Changement local")
    done = run_traam("sync", cwd=fork)
    assert done.returncode == 1 and "Conflits" in done.stderr, done.stderr
    assert git(fork, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).strip()
    return fork


def test_cli_sync_again_says_a_merge_is_in_progress_not_stash(tmp_path):
    fork = conflicted_fork(tmp_path)
    again = run_traam("sync", cwd=fork)
    assert again.returncode == 1
    assert "déjà en cours" in again.stderr and "origin/main" in again.stderr
    assert "stash" not in again.stderr and "Traceback" not in again.stderr


async def open_sync(app, pilot) -> SyncScreen:
    await settle(app, pilot)
    await pilot.press("s")
    await settle(app, pilot)
    assert isinstance(app.screen, SyncScreen)
    return app.screen


@asynctest
async def test_sync_screen_resumes_a_merge_started_by_traam_sync(tmp_path):
    fork = conflicted_fork(tmp_path)
    app = TraamApp(fork, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sync(app, pilot)
        following = str(screen.query_one("#sync-following", Static).render())
        assert "Suit : origin/main" in following and "branche « main »" in following
        assert "remote add upstream" in following  # a fork without upstream: the exact command to add it
        status = str(screen.query_one("#sync-status").render())
        assert "déjà en cours" in status and "origin/main" in status
        assert "champ « title »" in str(screen.query_one("#sync-result", Static).render())
        notices = []
        app.notify = lambda message, **kw: notices.append(message)  # what `s` says, not a git error
        await pilot.press("s")
        await settle(app, pilot)
        assert notices and "stash" not in notices[0] and "en cours" in notices[0]
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        dialog.query_one("#theirs-0", RadioButton).value = True
        await settle(app, pilot)
        await pilot.click("#ok")
        await settle(app, pilot)
        assert "Conflits résolus" in str(screen.query_one("#sync-status").render())
    assert git(fork, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).strip() == ""
    assert 'title = "Titre de l\'amont"' in git(fork, "show", f"HEAD:{SCENARIO_ID}.toml")


@asynctest
async def test_sync_screen_aborts_a_merge_started_by_traam_sync(tmp_path):
    fork = conflicted_fork(tmp_path)
    before = git(fork, "rev-parse", "HEAD").strip()
    app = TraamApp(fork, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sync(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert "Fusion annulée" in str(screen.query_one("#sync-status").render())
    assert git(fork, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).strip() == ""
    assert git(fork, "rev-parse", "HEAD").strip() == before
    assert git(fork, "status", "--porcelain").strip() == ""


@asynctest
async def test_sync_screen_names_upstream_when_the_fork_has_it(tmp_path):
    world = make_world(tmp_path)
    fork = fork_of(world)
    git(fork, "remote", "add", "upstream", f"file://{world.remote}")
    git(fork, "fetch", "-q", "upstream")
    app = TraamApp(fork, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sync(app, pilot)
        following = str(screen.query_one("#sync-following", Static).render())
        assert "Suit : upstream/main" in following and "remote add upstream" not in following


def test_clone_without_upstream_says_how_to_add_it(tmp_path):
    world = make_world(tmp_path)
    done = run_traam("clone", f"file://{world.remote}", "copie", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "remote add upstream ADRESSE_DU_COMMUN_D_ORIGINE" in done.stdout
    assert "Suivez l'amont avec : traam sync" not in done.stdout
    command = next(line for line in done.stdout.splitlines() if "remote add upstream" in line).split()
    assert command[:3] == ["git", "-C", str(tmp_path / "copie")]
