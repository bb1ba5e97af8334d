"""Readable diffs everywhere (issue 13, item 14): ``traam log``, the history screen and the review pane tell a
list of tables item by item, with French labels and code labels, and no raw key, code or ⟨U+000A⟩."""

from __future__ import annotations

from records.diff import diff
from tests.conftest import git, run_traam
from tests.test_tui.world import asynctest, commit_env, settle
from tui.screens.history import HistoryScreen
from tui.widgets.review_detail import change_lines

BIODIV = "scenarios/2026-2027/svt/lille/biodiversite-cour"


def _edit_tools_and_summary(commons) -> None:
    import os
    import subprocess

    from records import codec
    from records.models import Tool

    path = commons / f"{BIODIV}.toml"
    record = codec.load(path.relative_to(commons).as_posix(), path.read_text(encoding="utf-8")).record
    tools = [record.tools[0].model_copy(update={"url": "https://capytale2.ac-paris.fr"}),
             Tool(name="GeoGebra", kind="logiciel-libre")]
    summary = "Chaque semaine, " + record.summary[0].lower() + record.summary[1:]
    path.write_text(codec.dump(record.model_copy(update={"tools": tools, "summary": summary})), encoding="utf-8")
    git(commons, "add", "-A")
    subprocess.run(["git", "-C", str(commons), "commit", "-q", "-m", "Outils et résumé"], check=True,
                   env={**os.environ, **commit_env("2026-11-21T09:00:00+01:00")}, capture_output=True)


def test_traam_log_reads_in_french_item_by_item(commons_path):
    _edit_tools_and_summary(commons_path)
    done = run_traam("log", BIODIV, "-n", "2", cwd=commons_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "+ Outils « Capytale » › Adresse : https://capytale2.ac-paris.fr" in out, out
    assert "+ Outils « GeoGebra » : ajout" in out and "Type : Logiciel libre" in out
    assert "~ Résumé : " in out and "Chaque semaine" in out
    assert "+ Niveaux : Cycle 3 (CM1-6e)" in out or "+ Niveaux : Cycle 3" in out
    for raw in ("tools", "summary", "levels", "cycle-3", "logiciel-libre", "⟨U+000A⟩", '{"name"'):
        assert raw not in out, (raw, out)


@asynctest
async def test_history_screen_tells_each_tool(commons_path, make_app):
    _edit_tools_and_summary(commons_path)
    app = make_app(commons_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_history(BIODIV)
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Outils « Capytale » › Adresse" in shown and "Outils « GeoGebra » : ajout" in shown, shown
        assert '{"name"' not in shown


def test_review_pane_names_the_reviewer_a_governance_change_adds():
    lou = {"name": "Lou Lille", "principal": "lou@ac-lille.fr", "role": "academique", "academies": ["lille"]}
    nat = {"name": "Nat Nation", "principal": "nat@education.gouv.fr", "role": "national"}
    shown = [str(line) for line in change_lines(diff({"reviewers": [lou]}, {"reviewers": [lou, nat]}))]
    assert shown[0].strip() == "+ Relecteurs « Nat Nation <nat@education.gouv.fr> » : ajout"
    assert any("Rôle : Validation nationale" in line for line in shown)
