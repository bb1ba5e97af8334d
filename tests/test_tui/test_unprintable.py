"""Nothing unprintable reaches a terminal or a JSON reader: C1 controls, bidi and zero-width characters from git.

Branch names, author names and commit messages are not checked by any
schema; U+009B alone is a CSI on many terminals. The command line (plain
and ``--json``) and the screens escape them; a JSON reader still gets the
exact strings back.
"""

from __future__ import annotations

import json

from tests.conftest import git, run_traam
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario
from tui.cli.output import json_text
from tui.screens.contribution import render_contribution
from tui.workflow_data import Contribution

HOSTILE = ("\u009b", "\u202e", "\u200b", "\u2066", "\u0085")
BRANCH = "contrib/lille/a\u009b2Jb\u202ec"
AUTHOR = "Ève\u009b31m\u200bPirate"
MESSAGE = "Retouche \u202eeénrevni\u2066 du titre\u0085"


def _raw(text: str) -> list[str]:
    return [char for char in HOSTILE if char in text]


def _hostile_commons(tmp_path):
    root = make_commons(tmp_path / "c")
    git(root, "checkout", "-q", "-b", BRANCH)
    (root / f"{SCENARIO_ID}.toml").write_text(scenario("Titre changé"), encoding="utf-8")
    git(root, "-c", f"user.name={AUTHOR}", "commit", "-qam", MESSAGE, "--author", f"{AUTHOR} <eve@example.org>")
    return root


def test_json_output_escapes_every_unsafe_character_and_keeps_the_value():
    value = {"branche": BRANCH, "auteur": AUTHOR, "liste": [MESSAGE]}
    text = json_text(value)
    assert _raw(text) == [] and "Ève" in text  # letters stay readable
    assert json.loads(text) == value


def test_log_and_status_escape_c1_and_bidi_in_plain_and_json_output(tmp_path):
    root = _hostile_commons(tmp_path)
    for args in (["log", SCENARIO_ID], ["log", SCENARIO_ID, "--json"], ["status", SCENARIO_ID],
                 ["status", SCENARIO_ID, "--json"], ["validate", "--json"], ["search", "titre", "--json"],
                 ["show", SCENARIO_ID, "--json"]):
        done = run_traam(*args, cwd=root)
        assert "Traceback" not in done.stderr, (args, done.stderr)
        assert _raw(done.stdout) == [] and _raw(done.stderr) == [], args
    logged = json.loads(run_traam("log", SCENARIO_ID, "--json", cwd=root).stdout)
    assert any(item.get("summary", item.get("message", "")).startswith("Retouche \u202e") or
               AUTHOR in json.dumps(item, ensure_ascii=False) for item in logged)


def test_the_contribution_screen_shows_a_c1_branch_name_escaped():
    panel = render_contribution(Contribution(branch=BRANCH), None)
    assert _raw(panel.plain) == [] and "U+009B" in panel.plain
