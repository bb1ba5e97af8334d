"""A copied commons can overwrite nothing: links planted at every name traam writes are never written through.

The attack (SECURITY.md, fact 9): a repository arrives with symlinks at the
temporary or cache names traam used to write (``.git/traam/.entries.bin.<pid>.tmp``,
``vocabulary.txt.<pid>.tmp``, ``.git/hooks/.pre-commit.traam-tmp`` …) pointing
at the victim's ``~/.ssh/authorized_keys``. Real ``traam`` processes run
over it; the victim's files must stay byte for byte the same.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from store import safefs
from store.index import cachedir
from tests import unprivileged
from tests.conftest import run_traam
from tests.test_store.samples import SCENARIO_ID, make_commons, scenario

VICTIM_TEXT = "ssh-ed25519 AAAA victime@poste\n"


def _victims(home: Path) -> list[Path]:
    ssh = home / ".ssh"
    ssh.mkdir(mode=0o700, exist_ok=True)
    victims = [ssh / "authorized_keys", home / ".bashrc"]
    for victim in victims:
        victim.write_text(VICTIM_TEXT, encoding="utf-8")
    return victims


def _plant(folder: Path, names: list[str], victims: list[Path]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    links = []
    for number, name in enumerate(names):
        link = folder / name
        if not link.is_symlink():
            os.symlink(victims[number % len(victims)], link)
        links.append(link)
    return links


def _editor(tmp_path: Path, text: str) -> str:
    (tmp_path / "edited.toml").write_text(text, encoding="utf-8")
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\ncp {tmp_path}/edited.toml \"$1\"\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_links_planted_at_every_name_traam_writes_are_never_followed(tmp_path, hermetic_git):
    victims = _victims(hermetic_git)
    root = make_commons(tmp_path / "c")
    pids = range(os.getpid() - 50, os.getpid() + 400)  # the pids the next traam processes will likely get
    old = [f".entries.bin.{p}.tmp" for p in pids] + [f".entries.delta.{p}.tmp" for p in pids] + [
        f"vocabulary.txt.{p}.tmp" for p in pids] + [f".tree.bin.{p}.tmp" for p in pids] + [
        "entries.bin", "entries.delta", "tree.bin", "vocabulary.txt", "write.lock", "review-verify.json"]
    planted = _plant(root / ".git" / "traam", old, victims)
    planted += _plant(root / ".git" / "traam" / "recovery", [f"{SCENARIO_ID.replace('/', '_')}.toml"], victims)
    planted += _plant(root / ".git" / "hooks", [f".{h}.traam-tmp" for h in ("pre-commit", "commit-msg",
                                                                             "pre-merge-commit")], victims)
    # Even in the user's own cache folder (which no repository can reach), a link is replaced, not followed.
    cache = cachedir.folder_of(root / ".git")
    planted += _plant(cache, ["entries.bin", "tree.bin", "vocabulary.txt", "entries.delta"], victims)
    out = tmp_path / "export"
    out.mkdir()
    planted += _plant(out, ["scenarios.csv"], victims)

    assert run_traam("validate", cwd=root).returncode in (0, 1)
    assert run_traam("search", "botanique", cwd=root).returncode in (0, 1)
    installed = run_traam("hooks", "install", cwd=root)
    assert installed.returncode == 0, installed.stderr
    edited = run_traam("edit", SCENARIO_ID, cwd=root, env={"EDITOR": _editor(tmp_path, scenario("Retouché"))})
    assert edited.returncode == 0, edited.stderr
    exported = run_traam("export", "-f", "edubase-csv", "-o", str(out / "scenarios.csv"), "--etat", "tous", cwd=root)
    assert exported.returncode == 0, exported.stderr

    for victim in victims:
        assert victim.read_text(encoding="utf-8") == VICTIM_TEXT, victim
    for link in planted:
        if link.is_symlink():  # left alone …
            assert Path(os.readlink(link)) in victims
        else:  # … or replaced by traam's own file, never written through
            assert link.parent in (cache, out)
    assert stat.S_IMODE((out / "scenarios.csv").stat().st_mode) == 0o666 & ~_umask()  # public: the umask
    assert stat.S_ISREG((root / ".git" / "hooks" / "pre-commit").lstat().st_mode)


def test_a_hook_name_that_is_a_link_is_moved_aside_not_written_through(tmp_path, hermetic_git):
    victims = _victims(hermetic_git)
    root = make_commons(tmp_path / "c")
    _plant(root / ".git" / "hooks", ["pre-commit"], victims)
    done = run_traam("hooks", "install", cwd=root)
    assert done.returncode == 0, done.stderr
    assert victims[0].read_text(encoding="utf-8") == VICTIM_TEXT
    assert (root / ".git" / "hooks" / "pre-commit.legacy").is_symlink()


def test_a_hooks_folder_that_is_a_link_is_refused_in_french(tmp_path, hermetic_git):
    _victims(hermetic_git)
    root = make_commons(tmp_path / "c")
    os.rename(root / ".git" / "hooks", tmp_path / "old-hooks")
    os.symlink(hermetic_git / ".ssh", root / ".git" / "hooks")
    done = run_traam("hooks", "install", cwd=root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "lien symbolique" in done.stderr
    assert sorted(p.name for p in (hermetic_git / ".ssh").iterdir()) == ["authorized_keys"]


def test_write_atomic_permissions_public_follow_the_umask_private_stay_private(tmp_path):
    previous = os.umask(0o022)
    try:
        public = safefs.write_public(tmp_path / "out" / "export.csv", "a;b\n")
        private = safefs.write_atomic(tmp_path / "cache" / "entries.bin", b"x", private=True)
        hook = safefs.write_atomic(tmp_path / "hooks" / "pre-commit", "#!/bin/sh\n", mode=0o755)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(public.stat().st_mode) == 0o644
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(hook.stat().st_mode) == 0o755
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["entries.bin", "export.csv", "pre-commit"]


def test_write_atomic_refuses_a_linked_folder_unless_the_user_named_it(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    os.symlink(real, tmp_path / "link")
    with pytest.raises(safefs.SymlinkRefused, match="lien symbolique"):
        safefs.write_atomic(tmp_path / "link" / "f", b"x")
    assert list(real.iterdir()) == []
    safefs.write_public(tmp_path / "link" / "f", "x")
    assert (real / "f").read_text() == "x"


_WRITE_IN_A_READ_ONLY_FOLDER = """
import sys
from store import safefs
from store.errors import StoreError
try:
    safefs.write_atomic(sys.argv[1], "nouveau")
except StoreError as error:
    print(error)
    sys.exit(3)
"""


def test_write_atomic_says_in_french_when_the_folder_is_read_only(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "f").write_text("ancien", encoding="utf-8")
    folder.chmod(0o555)
    try:
        # In a child process that permissions bind even as root (CI): the real refusal, never a skip.
        done = subprocess.run([*unprivileged.prefix(), sys.executable, "-c", _WRITE_IN_A_READ_ONLY_FOLDER,
                               str(folder / "f")], capture_output=True, text=True, check=False,
                              cwd=Path(__file__).parents[2])
    finally:
        folder.chmod(0o755)
    assert done.returncode == 3 and "permission refusée" in done.stdout, (done.stdout, done.stderr)
    assert (folder / "f").read_text(encoding="utf-8") == "ancien"
    assert [p.name for p in folder.iterdir()] == ["f"]


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
