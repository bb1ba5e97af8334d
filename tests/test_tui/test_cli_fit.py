"""Tests of the command line as shells and scripts meet it: pipes, French argparse, flags, version, completion."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata

from tests.conftest import REPO_ROOT, run_traam, traam_env
from tests.test_hooks.helpers import make_commons


def test_reader_gone_ends_quietly(tmp_path):
    """Output into a pipe nobody reads (``traam … | head``): no traceback, the exit code of SIGPIPE."""
    reader, writer = os.pipe()
    os.close(reader)  # every write now fails with EPIPE
    done = subprocess.run([sys.executable, "-m", "tui", "completion", "bash"], stdout=writer, stderr=subprocess.PIPE,
                          env=traam_env(), text=True, check=False)
    os.close(writer)
    assert done.returncode == 141
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr


def test_head_reads_the_first_lines_only(tmp_path):
    """The shell case itself: ``traam completion zsh | head -n 2`` prints two lines and no error."""
    done = subprocess.run(f"{sys.executable} -m tui completion zsh | head -n 2", shell=True, capture_output=True,
                          text=True, env=traam_env(), check=False)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 2
    assert done.stderr == ""


def test_argparse_speaks_french_through_its_catalogue():
    """« usage : », « (choisir parmi …) », French headings with French spacing; no English left."""
    done = run_traam("export", "--format", "nope")
    assert done.returncode == 2
    assert done.stderr.startswith("usage : traam export")
    assert "traam export : erreur : argument -f/--format : choix invalide : 'nope' (choisir parmi 'edubase-csv'" \
        in done.stderr
    text = run_traam("search", "--help").stdout
    assert "\narguments :\n" in text and "\noptions :\n" in text and "afficher cette aide et quitter" in text
    for english in ("usage:", "choose from", "show this help", "positional arguments", "error:"):
        assert english not in done.stderr + text


def test_unknown_option_prints_the_usage_of_its_command(tmp_path):
    """``traam show ID --bogus`` prints show's usage, not the top-level one."""
    done = run_traam("show", "x", "--bogus", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("usage : traam show ")
    assert "traam show : erreur : arguments inconnus : --bogus" in done.stderr
    done = run_traam("hooks", "install", "--bogus", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("usage : traam hooks install ")


def test_version_comes_from_the_package_metadata():
    done = run_traam("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"traam {metadata.version('traam')}"


def test_flags_have_a_french_name_and_keep_english_aliases(tmp_path):
    """Help shows the French name first; the English spelling and the old names still work."""
    repo = make_commons(tmp_path / "commun")
    french = run_traam("search", "--limite", "1", "défi", cwd=repo)
    english = run_traam("search", "--limit", "1", "défi", cwd=repo)
    assert french.returncode == english.returncode == 0 and french.stdout == english.stdout
    assert run_traam("log", "--limit", "1", "scenarios/2026-2027/nsi/lille/defi", cwd=repo).returncode == 0
    assert "--sans-fetch, --no-fetch" in run_traam("review", "list", "--help").stdout
    assert "--tout, --all" in run_traam("review", "list", "--help").stdout
    assert "--appliquer, --apply" in run_traam("import", "--help").stdout
    init = run_traam("init", "--help").stdout  # one meaning per name: --nom is the reviewer, as in traam reviewer
    assert "--nom-du-commun NOM, --commons-name NOM" in init and "--nom NOM" in init and "--name" not in init


def test_completion_scripts_complete_commands_and_french_flags(tmp_path):
    """shtab's bash script completes ``traam sea`` to ``search`` and ``--li`` to both spellings; zsh's parses."""
    script = tmp_path / "traam.bash"
    script.write_text(run_traam("completion", "bash").stdout, encoding="utf-8")
    probe = (f"source {script}; COMP_WORDS=(traam sea); COMP_CWORD=1; _shtab_traam; echo \"${{COMPREPLY[@]}}\"; "
             "COMP_WORDS=(traam search --li); COMP_CWORD=2; _shtab_traam; echo \"${COMPREPLY[@]}\"")
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=False)
    assert done.stdout.splitlines() == ["search", "--limite --limit"], done.stderr
    zsh = run_traam("completion", "zsh")
    assert zsh.returncode == 0 and zsh.stdout.startswith("#compdef traam")
    assert "traam completion" in (REPO_ROOT / "README.md").read_text(encoding="utf-8")
