"""The living demo in the application: each reviewer role finds contributions waiting in its review queue."""

from __future__ import annotations

from pathlib import Path

from records.demo import DEMO_MANIFEST, demo_records
from store.demo import build, roles
from tests.test_tui.world import asynctest, settle
from tui.app import TraamApp
from tui.screens.review import ReviewScreen

SIZE = (110, 36)


async def _queue(root: Path) -> tuple[list[str], str]:
    app = TraamApp(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        return [item.name for item in app.screen.queue.items], app.screen.queue.reviewer


@asynctest
async def test_the_demo_queue_of_each_reviewer_holds_the_pending_contributions(tmp_path):
    made = build.build(tmp_path / "demo", demo_records(), DEMO_MANIFEST, keys_folder=tmp_path / "cles",
                       server=tmp_path / "serveur.git")
    proposed = sorted(branch for branch, state in made.states.items() if state == "propose")
    academic = made.roles["relecteur-academique"]
    roles.play(made.root, "relecteur-academique", made.roles)
    names, reviewer = await _queue(made.root)
    assert reviewer == f"{academic['name']} <{academic['email']}>"
    assert names and all(name.startswith(f"contrib/{academic['academie']}/") for name in names)
    assert set(names) <= set(proposed)
    roles.play(made.root, "relecteur-national", made.roles)
    names, reviewer = await _queue(made.root)
    assert reviewer.startswith("Experte nationale (exemple)")
    assert set(proposed) <= set(names)  # every proposal in flight, whatever its académie
    waiting = {f"academie/{b.split('/')[1]}" for b, s in made.states.items() if s == "academique"}
    assert waiting and waiting <= set(names)  # academic validations waiting for the national one
    refused = {b for b, s in made.states.items() if s in ("refuse", "modifications")}
    assert not refused & set(names)  # decided: out of the queue until the author answers
