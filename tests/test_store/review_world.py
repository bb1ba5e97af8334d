"""Provides a small review world for tests: real SSH keys, a commons with governance, a bare remote, clones."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import git, make_repo

CAMPAIGN = """code = "2026-2027"
title = "Appel à projets TraAM 2026-2027"
call_opens = 2026-02-02
proposals_due = 2026-03-27
selection = 2026-06-15
work_starts = 2026-09-01
work_ends = 2027-05-31
"""

THEME = """campaign = "2026-2027"
discipline = "svt"
title = "Biodiversité et données"
"""

TEAM = """campaign = "2026-2027"
discipline = "svt"
academie = "{academie}"
theme = "svt"
project_title = "Observer la biodiversité du collège"

[pilot]
name = "Inès Pilote"
corps = "ia-ipr"

[referent]
name = "Rémi Référent"

[[teachers]]
name = "Ada Un"

[[teachers]]
name = "Bea Deux"

[[teachers]]
name = "Cyd Trois"

[cardie]
name = "Cléo Cardie"
"""


def scenario(title: str = "Défi botanique", summary: str = "Les élèves inventorient les plantes.",
             academie: str = "lille", duration: str = "") -> str:
    """Return the TOML of a valid SVT scenario of ``academie``."""
    text = (f'campaign = "2026-2027"\ndisciplines = ["svt"]\nacademie = "{academie}"\ntheme = "svt"\n'
            f'title = "{title}"\nsummary = "{summary}"\n')
    if duration:
        text += f'duration = "{duration}"\n'
    return text


@dataclass
class Key:
    """A reviewer's real SSH key pair made by ssh-keygen."""

    private: Path
    public: str


def make_key(folder: Path, name: str) -> Key:
    """Create an ed25519 key pair with ssh-keygen (no passphrase)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)], check=True)
    return Key(path, Path(f"{path}.pub").read_text(encoding="utf-8").strip())


def reviewer_toml(name: str, principal: str, role: str, key: Key, academies=(), disciplines=(),
                  valid_from: str | None = None, valid_until: str | None = None) -> str:
    """Return one ``[[reviewers]]`` block."""
    body = " ".join(key.public.split()[:2])
    text = f'[[reviewers]]\nname = "{name}"\nprincipal = "{principal}"\nrole = "{role}"\n'
    if academies:
        text += "academies = [" + ", ".join(f'"{a}"' for a in academies) + "]\n"
    if disciplines:
        text += "disciplines = [" + ", ".join(f'"{d}"' for d in disciplines) + "]\n"
    text += f'public_key = "{body}"\n'
    if valid_from:
        text += f"valid_from = {valid_from}\n"
    if valid_until:
        text += f"valid_until = {valid_until}\n"
    return text + "\n"


SCENARIO_ID = "scenarios/2026-2027/svt/lille/defi-botanique"
NEW_ID = "scenarios/2026-2027/svt/lille/herbier-numerique"


@dataclass
class World:
    """Keys, the bare shared remote and the seed commons."""

    tmp: Path
    keys: dict[str, Key]
    remote: Path
    governance: str

    def clone(self, name: str, *, signing: str | None = None) -> Path:
        """Clone the shared remote into ``tmp/name`` (optionally configured to sign with a key)."""
        path = self.tmp / name
        git(self.tmp, "clone", "-q", f"file://{self.remote}", str(path))
        if signing:
            git(path, "config", "gpg.format", "ssh")
            git(path, "config", "user.signingkey", str(self.keys[signing].private))
        return path


def make_world(tmp: Path, extra_reviewers: str = "", object_format: str = "sha1") -> World:
    """Build keys (lille academic, versailles academic, national, stranger), a seed commons and a bare remote.

    ``object_format``: ``sha1`` or ``sha256`` for every repository of the world.
    """
    keys = {name: make_key(tmp / "keys", name) for name in ("lille", "versailles", "nation", "stranger")}
    rules = (reviewer_toml("Lou Lille", "lou@ac-lille.fr", "academique", keys["lille"], academies=["lille"])
             + reviewer_toml("Val Versailles", "val@ac-versailles.fr", "academique", keys["versailles"],
                             academies=["versailles"])
             + reviewer_toml("Nat Nation", "nat@education.gouv.fr", "national", keys["nation"])
             + extra_reviewers)
    seed = make_repo(tmp / "seed", {
        "traam.toml": 'name = "Commun de test"\n',
        "governance/reviewers.toml": rules,
        "campaigns/2026-2027.toml": CAMPAIGN,
        "themes/2026-2027/svt.toml": THEME,
        "teams/2026-2027/svt/lille.toml": TEAM.format(academie="lille"),
        "teams/2026-2027/svt/versailles.toml": TEAM.format(academie="versailles"),
        f"{SCENARIO_ID}.toml": scenario(),
    }, message="Commun initial", object_format=object_format)
    remote = tmp / "shared.git"
    git(tmp, "init", "-q", "--bare", f"--object-format={object_format}", "-b", "main", str(remote))
    git(remote, "config", "receive.advertisePushOptions", "true")
    git(seed, "push", "-q", f"file://{remote}", "main:main")
    return World(tmp, keys, remote, rules)


def edit(repo: Path, branch: str, files: dict[str, str | None], message: str = "Modifier", base: str = "main") -> str:
    """Commit ``files`` (text, or None to delete) on ``branch`` (created from ``base`` if new); return the commit."""
    exists = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "-q", f"refs/heads/{branch}"],
                            capture_output=True, check=False).returncode == 0
    git(repo, "switch", "-q", *([branch] if exists else ["-c", branch, base]))
    for name, text in files.items():
        target = repo / name
        if text is None:
            git(repo, "rm", "-q", name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def merge(repo: Path, into: str, source: str, *, key: Key | None, date: str | None = None,
          base: str = "main") -> str:
    """Merge ``source`` into ``into`` with ``git merge --no-ff`` (SSH-signed with ``key``); return the commit."""
    import os

    exists = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "-q", f"refs/heads/{into}"],
                            capture_output=True, check=False).returncode == 0
    git(repo, "switch", "-q", *([into] if exists else ["-c", into, base]))
    env = dict(os.environ)
    if date:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = date
    config = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={key.private}"] if key else []
    sign = ["-S"] if key else ["--no-gpg-sign"]
    subprocess.run(["git", "-C", str(repo), *config, "merge", "-q", "--no-ff", *sign, "-m", f"Validation {source}",
                    source], check=True, env=env, capture_output=True)
    return git(repo, "rev-parse", "HEAD").strip()
