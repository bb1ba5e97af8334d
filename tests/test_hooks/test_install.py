"""Tests of ``traam hooks install/uninstall``: idempotent shims, the legacy chain, the driver config."""

from __future__ import annotations

import os
import subprocess

from tests.conftest import git, run_traam
from tests.test_hooks.helpers import SCENARIO, git_run, make_commons, scenario, write


def test_install_is_idempotent_and_registers_the_driver(tmp_path):
    """Installing twice gives the same shims; the merge driver is in the repository's config."""
    repo = make_commons(tmp_path / "c")
    first = run_traam("hooks", "install", cwd=repo)
    assert first.returncode == 0 and "pre-commit : installé" in first.stdout
    shim = (repo / ".git/hooks/pre-commit").read_text(encoding="utf-8")
    second = run_traam("hooks", "install", cwd=repo)
    assert "pre-commit : mis à jour" in second.stdout
    assert (repo / ".git/hooks/pre-commit").read_text(encoding="utf-8") == shim
    assert shim.splitlines()[1].startswith("# traam-hook") and len(shim.splitlines()) <= 20
    assert not (repo / ".git/hooks/pre-commit.legacy").exists()
    driver = git(repo, "config", "merge.traam.driver").strip()
    assert " -I -c " in driver and driver.endswith("merge-driver %O %A %B %P")


def test_foreign_hook_is_kept_and_chained(tmp_path):
    """A foreign hook becomes ``.legacy``, runs first, and its failure refuses the commit."""
    repo = make_commons(tmp_path / "c")
    hook = repo / ".git/hooks/pre-commit"
    trace = tmp_path / "trace"
    hook.write_text(f"#!/bin/sh\necho legacy >> {trace}\nexit ${{LEGACY_EXIT:-0}}\n", encoding="utf-8")
    hook.chmod(0o755)
    assert "pre-commit : chaîné" in run_traam("hooks", "install", cwd=repo).stdout
    assert "pre-commit : mis à jour" in run_traam("hooks", "install", cwd=repo).stdout  # legacy not overwritten
    assert (repo / ".git/hooks/pre-commit.legacy").read_text(encoding="utf-8").startswith("#!/bin/sh\necho legacy")
    git(repo, "switch", "-q", "-c", "travail")
    write(repo, SCENARIO, scenario(title="Un"))
    git(repo, "add", SCENARIO)
    done = git_run(repo, "commit", "-m", "un")
    assert done.returncode == 0, done.stderr
    assert trace.read_text() == "legacy\n"
    write(repo, SCENARIO, scenario(title="Deux"))
    git(repo, "add", SCENARIO)
    env = dict(os.environ, LEGACY_EXIT="3")
    done = subprocess.run(["git", "-C", str(repo), "commit", "-m", "deux"], capture_output=True, text=True, env=env)
    assert done.returncode != 0
    assert "le hook précédent « pre-commit.legacy » a échoué (code 3)" in done.stderr
    removed = run_traam("hooks", "uninstall", cwd=repo)
    assert "ancien hook rétabli" in removed.stdout
    assert hook.read_text(encoding="utf-8").startswith("#!/bin/sh\necho legacy")
    assert git_run(repo, "config", "merge.traam.driver").returncode == 1


def test_install_refuses_a_foreign_hooks_path(tmp_path):
    """With core.hooksPath set elsewhere git would not run our shims: say so instead of pretending."""
    repo = make_commons(tmp_path / "c")
    git(repo, "config", "core.hooksPath", "autres-hooks")
    done = run_traam("hooks", "install", cwd=repo)
    assert done.returncode == 1 and "core.hooksPath" in done.stderr


def test_server_install_in_a_bare_repository(tmp_path):
    """``--server`` installs pre-receive in a bare repository (and no client hook)."""
    bare = tmp_path / "commun.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    done = run_traam("hooks", "install", "--server", cwd=bare)
    assert done.returncode == 0, done.stderr
    assert (bare / "hooks/pre-receive").read_text(encoding="utf-8").count("# traam-hook") == 1
    assert not (bare / "hooks/pre-commit").exists()


def test_shim_never_imports_code_from_the_commons(tmp_path):
    """A commons holding ``hooks/run.py`` or ``pydantic.py`` (a hostile clone) runs none of it (isolated mode)."""
    repo = make_commons(tmp_path / "c")
    assert run_traam("hooks", "install", cwd=repo).returncode == 0
    mark = tmp_path / "pwned"
    write(repo, "hooks/run.py", f"open({str(mark)!r}, 'w').close()\ndef main():\n    return 0\n")
    write(repo, "hooks/__init__.py", "")
    write(repo, "pydantic.py", f"open({str(mark)!r}, 'w').close()\n")
    git(repo, "switch", "-q", "-c", "travail")
    write(repo, SCENARIO, scenario(title="Sans surprise"))
    git(repo, "add", SCENARIO)
    done = git_run(repo, "commit", "-m", "titre")
    assert done.returncode == 0, done.stderr
    assert not mark.exists()


def test_shim_says_what_to_do_when_traam_is_gone(tmp_path):
    """If the interpreter recorded at install time disappears, the hook refuses in French with the remedy."""
    repo = make_commons(tmp_path / "c")
    assert run_traam("hooks", "install", cwd=repo).returncode == 0
    hook = repo / ".git/hooks/pre-commit"
    text = hook.read_text(encoding="utf-8")
    hook.write_text(text.replace("PYTHON=", "PYTHON=/introuvable", 1), encoding="utf-8")
    git(repo, "switch", "-q", "-c", "travail")
    write(repo, SCENARIO, scenario(title="Autre"))
    git(repo, "add", SCENARIO)
    done = git_run(repo, "commit", "-m", "titre")
    assert done.returncode == 1 and "relancez « traam hooks install »" in done.stderr


def test_install_names_the_driver_for_a_commons_without_gitattributes(tmp_path):
    """A commons with no ``.gitattributes`` still merges records field by field once hooks are installed.

    The line goes to ``.git/info/attributes`` (the user's own file, never brought by a clone), after the
    user's lines; installing twice adds it once; uninstalling removes only it.
    """
    repo = make_commons(tmp_path / "c")
    git(repo, "rm", "-q", ".gitattributes")
    git(repo, "commit", "-q", "--no-verify", "-m", "sans attributs")
    (repo / ".git/info").mkdir(exist_ok=True)
    (repo / ".git/info/attributes").write_text("*.png binary", encoding="utf-8")  # no final newline
    done = run_traam("hooks", "install", cwd=repo)
    assert done.returncode == 0 and "pilote de fusion pour *.toml (.git/info/attributes) : ajouté" in done.stdout
    assert "déjà présent" in run_traam("hooks", "install", cwd=repo).stdout
    lines = (repo / ".git/info/attributes").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "*.png binary" and lines.count("*.toml merge=traam") == 1
    git(repo, "switch", "-q", "-c", "eux")
    write(repo, SCENARIO, scenario(summary="Résumé d'eux."))
    git(repo, "commit", "-q", "-am", "eux")
    git(repo, "switch", "-q", "-c", "travail", "main")
    write(repo, SCENARIO, scenario(title="Titre de nous"))
    git(repo, "commit", "-q", "-am", "nous")
    merged = git_run(repo, "merge", "--no-edit", "eux")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert (repo / SCENARIO).read_text(encoding="utf-8") == scenario(title="Titre de nous", summary="Résumé d'eux.")
    removed = run_traam("hooks", "uninstall", cwd=repo)
    assert "(.git/info/attributes) : retiré" in removed.stdout
    assert (repo / ".git/info/attributes").read_text(encoding="utf-8") == "*.png binary\n"


def test_install_refuses_a_symlinked_info_attributes(tmp_path):
    """``.git/info/attributes`` planted as a link is never followed: French refusal, the target untouched."""
    repo = make_commons(tmp_path / "c")
    target = tmp_path / "ailleurs.txt"
    target.write_text("à garder\n", encoding="utf-8")
    (repo / ".git/info").mkdir(exist_ok=True)
    (repo / ".git/info/attributes").symlink_to(target)
    done = run_traam("hooks", "install", cwd=repo)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "lien" in done.stderr or "symbolique" in done.stderr, done.stderr
    assert target.read_text(encoding="utf-8") == "à garder\n"
