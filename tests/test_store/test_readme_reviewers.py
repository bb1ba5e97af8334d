"""The README's « Démarrer un commun et ses relecteurs » steps run word for word on fresh machines.

Each ``sh`` block of that section starts with ``# poste de X``: it runs with
``bash -e`` in X's own empty HOME (no key, no git identity but the one a
fresh install asks for), from the shared folder where ``commun.git`` lives.
"""

from __future__ import annotations

import os
import re
import subprocess

from tests.conftest import REPO_ROOT

SECTION = "### Démarrer un commun et ses relecteurs"


def blocks() -> list[tuple[str, str]]:
    """Return ``[(machine, script)]`` of the section's shell blocks, in order."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(SECTION, 1)[1].split("\n### ", 1)[0]
    found = []
    for script in re.findall(r"```sh\n(.*?)```", section, re.S):
        first, _, rest = script.partition("\n")
        machine = re.fullmatch(r"# poste de (\w+)", first.strip())
        assert machine, f"block without « # poste de … »: {script!r}"
        found.append((machine.group(1), rest))
    return found


def machine_env(tmp_path, traam_bin, name: str) -> dict[str, str]:
    home = tmp_path / f"home-{name}"
    if not home.exists():
        home.mkdir()
        (home / ".gitconfig").write_text(f"[user]\n\tname = {name}\n\temail = {name.lower()}@example.org\n"
                                         "[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "TRAAM_", "SSH_AUTH"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), GIT_CONFIG_NOSYSTEM="1",
               PATH=f"{traam_bin}{os.pathsep}{env.get('PATH', '')}")
    return env


def test_the_readme_reviewer_steps_work_word_for_word(tmp_path, traam_bin):
    found = blocks()
    assert [machine for machine, _ in found] == ["Nat", "Lou", "Nat", "Lou"]
    shared = tmp_path / "partage"
    shared.mkdir()
    for machine, script in found:
        done = subprocess.run(["bash", "-e", "-c", script], cwd=shared, env=machine_env(tmp_path, traam_bin, machine),
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
        assert done.returncode == 0, f"{machine}:\n{script}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr
    # Lou is now an academic reviewer in main's verified governance, and every machine verifies it.
    governance = (shared / "lille" / "governance" / "reviewers.toml").read_text(encoding="utf-8")
    assert 'principal = "lou@ac-lille.fr"' in governance and 'principal = "nat@education.gouv.fr"' in governance
    assert "tout est vérifié" in done.stdout
    first = subprocess.run(["git", "-C", str(shared / "commun"), "cat-file", "commit", "main~1"],
                           capture_output=True, text=True, check=True).stdout
    assert "BEGIN SSH SIGNATURE" in first  # the genesis commit is signed by the first national reviewer
