"""The ``traam log``, ``traam new`` and ``traam edit`` commands, with a real script as $EDITOR."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.conftest import git, run_traam, traam_env
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

PATH = f"{SCENARIO_ID}.toml"


def editor(tmp_path, *texts: str, also: str = "") -> str:
    """Return an $EDITOR that writes ``texts[n]`` into the file on its n-th run (and runs ``also``)."""
    for number, text in enumerate(texts):
        (tmp_path / f"content{number}").write_text(text, encoding="utf-8")
    script = tmp_path / "editor.sh"
    script.write_text(
        "#!/bin/sh\n"
        f"n=$(cat {tmp_path}/count 2>/dev/null || echo 0)\n"
        f"echo $((n + 1)) > {tmp_path}/count\n"
        f"cp {tmp_path}/content$n \"$1\"\n"
        f"{also}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return str(script)


def recovery(root):
    folder = Path(os.environ["XDG_STATE_HOME"]) / "traam" / "recuperation"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_log_prints_field_changes_and_json(tmp_path):
    root = make_commons(tmp_path / "c")
    (root / PATH).write_text(scenario("Nouveau titre"), encoding="utf-8")
    git(root, "commit", "-qam", "Changer le titre")
    done = run_traam("log", SCENARIO_ID, cwd=root)
    assert done.returncode == 0, done.stderr
    assert "Changer le titre" in done.stdout
    assert "~ Titre : Défi botanique → Nouveau titre" in done.stdout
    assert "Camille Test <camille.test@example.org>" in done.stdout
    data = json.loads(run_traam("log", SCENARIO_ID, "--json", cwd=root).stdout)
    assert [d["message"] for d in data] == ["Changer le titre", "initial"]
    assert data[0]["changes"] == [{"key": "title", "kind": "changed", "old": "Défi botanique", "new": "Nouveau titre"}]
    assert len(json.loads(run_traam("log", SCENARIO_ID, "--json", "-n", "1", cwd=root).stdout)) == 1


def test_log_errors(tmp_path):
    root = make_commons(tmp_path / "c")
    missing = run_traam("log", "scenarios/2026-2027/svt/lille/absent", cwd=root)
    assert missing.returncode == 1 and "aucun historique" in missing.stderr
    bad = run_traam("log", "../x", cwd=root)
    assert bad.returncode == 2 and "chemin invalide" in bad.stderr
    assert run_traam("log", cwd=root).returncode == 2
    outside = run_traam("log", SCENARIO_ID, cwd=tmp_path)
    assert outside.returncode == 1 and "n'est pas dans un dépôt git" in outside.stderr


def test_edit_valid_text_is_saved_and_committed(tmp_path):
    root = make_commons(tmp_path / "c")
    edited = scenario("Édité dans l'éditeur").replace("keywords", "# un commentaire\nkeywords")
    done = run_traam("edit", SCENARIO_ID, cwd=root, env={"EDITOR": editor(tmp_path, edited)})
    assert done.returncode == 0, done.stderr
    assert f"Enregistré : {SCENARIO_ID}" in done.stdout
    assert (root / PATH).read_text(encoding="utf-8") == scenario("Édité dans l'éditeur")  # canonical form
    assert git(root, "log", "-1", "--format=%s") == f"Modifier {SCENARIO_ID}\n"
    assert git(root, "status", "--porcelain") == ""
    assert recovery(root) == []


def test_edit_unchanged_does_nothing(tmp_path):
    root = make_commons(tmp_path / "c")
    done = run_traam("edit", SCENARIO_ID, cwd=root, env={"VISUAL": "true"})
    assert done.returncode == 0 and "Aucune modification" in done.stdout
    assert git(root, "rev-list", "--count", "HEAD") == "1\n"


def test_edit_invalid_text_is_kept_and_problems_shown(tmp_path):
    root = make_commons(tmp_path / "c")
    invalid = scenario("Cassé").replace('academie = "lille"', 'academie = "lille"\nacademie = "nice"')
    done = run_traam("edit", SCENARIO_ID, cwd=root, env={"EDITOR": editor(tmp_path, invalid)})
    assert done.returncode == 1
    assert f"{PATH}:6:1: enregistrement invalide : clé en double" in done.stderr
    kept = recovery(root)
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == invalid
    assert str(kept[0]) in done.stderr
    assert (root / PATH).read_text(encoding="utf-8") == scenario()
    assert git(root, "rev-list", "--count", "HEAD") == "1\n"


def test_edit_conflict_keeps_the_text(tmp_path):
    root = make_commons(tmp_path / "c")
    meanwhile = scenario("Quelqu'un d'autre")
    (tmp_path / "other").write_text(meanwhile, encoding="utf-8")
    also = f"cp {tmp_path}/other {root / PATH}"
    done = run_traam("edit", SCENARIO_ID, cwd=root, env={"EDITOR": editor(tmp_path, scenario("Le mien"), also=also)})
    assert done.returncode == 1
    assert "modifié entre-temps" in done.stderr
    assert (root / PATH).read_text(encoding="utf-8") == meanwhile
    assert recovery(root)[0].read_text(encoding="utf-8") == scenario("Le mien")


def test_edit_reopens_the_editor_when_asked(tmp_path):
    root = make_commons(tmp_path / "c")
    invalid = scenario("Cassé") + "inconnu = 1\n"
    env = traam_env()
    env["EDITOR"] = editor(tmp_path, invalid, scenario("Corrigé"))
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "tui", "edit", SCENARIO_ID], cwd=root, env=env, stdin=slave,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(slave)
    os.write(master, b"o\n")
    _out, err = process.communicate(timeout=60)
    os.close(master)
    assert process.returncode == 0, err
    assert "champ inconnu « inconnu »" in err
    assert (tmp_path / "count").read_text().strip() == "2"
    assert (root / PATH).read_text(encoding="utf-8") == scenario("Corrigé")
    assert recovery(root) == []


def test_new_scenario_from_template(tmp_path):
    root = make_commons(tmp_path / "c")
    text = scenario("Mon nouveau scénario")
    done = run_traam("new", "scenario", cwd=root, env={"EDITOR": editor(tmp_path, text)})
    assert done.returncode == 0, done.stderr
    new_id = "scenarios/2026-2027/svt/lille/mon-nouveau-scenario"
    assert f"Créé : {new_id}" in done.stdout
    assert (root / f"{new_id}.toml").read_text(encoding="utf-8") == text
    assert git(root, "log", "-1", "--format=%s") == f"Créer {new_id}\n"


def test_new_template_untouched_is_refused_and_kept(tmp_path):
    root = make_commons(tmp_path / "c")
    done = run_traam("new", "equipe", "--id", "teams/2026-2027/svt/lille", cwd=root, env={"EDITOR": "true"})
    assert done.returncode == 1
    assert "teams/2026-2027/svt/lille.toml:" in done.stderr and "project_title" in done.stderr
    assert 'academie = "lille"' in recovery(root)[0].read_text(encoding="utf-8")


def test_new_existing_id_and_bad_kind(tmp_path):
    root = make_commons(tmp_path / "c")
    exists = run_traam("new", "scenario", "--id", SCENARIO_ID, cwd=root, env={"EDITOR": "true"})
    assert exists.returncode == 1 and "existe déjà" in exists.stderr
    assert run_traam("new", "bidule", cwd=root).returncode == 2
    wrong = run_traam("new", "campagne", "--id", SCENARIO_ID, cwd=root, env={"EDITOR": "true"})
    assert wrong.returncode == 2
