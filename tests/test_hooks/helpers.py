"""Provides a small valid commons for the hook tests, built from the models (canonical TOML)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from records import codec
from records.models import Campaign, Inspector, Manifest, Person, Scenario, Teacher, Team, Theme
from tests.conftest import git, make_repo

SCENARIO = "scenarios/2026-2027/nsi/lille/defi.toml"


def scenario(**changes) -> str:
    """Return the canonical text of the test scenario with ``changes`` applied."""
    fields = dict(
        campaign="2026-2027", disciplines=["nsi"], academie="lille", theme="nsi", title="Défi botanique",
        summary="Un résumé.", keywords=["plantes"],
    )
    fields.update(changes)
    return codec.dump(Scenario(**fields))


def files() -> dict[str, str]:
    """Return ``{path: text}`` of a small commons that validates without error."""
    team = Team(
        campaign="2026-2027", discipline="nsi", academie="lille", theme="nsi", project_title="Projet NSI",
        pilot=Inspector(name="Inspecteur Exemple", corps="ia-ipr"), referent=Person(name="Référent Exemple"),
        teachers=[Teacher(name=f"Enseignant {i}") for i in range(3)], cardie=Person(name="Cardie Exemple"),
    )
    campaign = Campaign(
        code="2026-2027", title="Campagne 2026-2027", call_opens=dt.date(2026, 2, 1),
        proposals_due=dt.date(2026, 3, 31), selection=dt.date(2026, 6, 15), work_starts=dt.date(2026, 9, 1),
        work_ends=dt.date(2027, 5, 31),
    )
    return {
        "traam.toml": codec.dump(Manifest(name="Commun de test")),
        ".gitattributes": "*.toml merge=traam\n",
        "campaigns/2026-2027.toml": codec.dump(campaign),
        "themes/2026-2027/nsi.toml": codec.dump(Theme(campaign="2026-2027", discipline="nsi", title="IA")),
        "teams/2026-2027/nsi/lille.toml": codec.dump(team),
        SCENARIO: scenario(),
    }


def make_commons(path: Path) -> Path:
    """Create a commons repository at ``path`` (branch main, one commit)."""
    return make_repo(path, files())


def write(repo: Path, relpath: str, text: str) -> None:
    """Write a file in a work tree."""
    target = repo / relpath
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str, *paths: str, verify: bool = True) -> None:
    """Stage ``paths`` (all when none) and commit (``verify=False``: skip the hooks)."""
    git(repo, "add", *(paths or ("-A",)))
    git(repo, "commit", "-q", "-m", message, *(() if verify else ("--no-verify",)))


def git_run(repo: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    """Run git in ``repo`` without checking; return the completed process (text)."""
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, input=input, check=False)
