"""Provides small valid record texts and a builder of real commons repositories for the store tests."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_repo

MANIFEST = 'name = "Commun d\'essai"\n'

CAMPAIGN = """code = "2026-2027"
title = "Appel à projets TraAM 2026-2027"
call_opens = 2026-02-01
proposals_due = 2026-03-31
selection = 2026-06-15
work_starts = 2026-09-01
work_ends = 2027-05-31
"""

THEME = """campaign = "2026-2027"
discipline = "svt"
title = "Biodiversité et numérique"
"""

SCENARIO = """campaign = "2026-2027"
disciplines = [
    "svt",
]
academie = "lille"
theme = "svt"
title = "{title}"
summary = "Les élèves observent la biodiversité du jardin."
levels = [
    "cycle-4",
]
licence = "CC-BY-SA-4.0"
keywords = [
    "jardin",
]
"""

SCENARIO_ID = "scenarios/2026-2027/svt/lille/defi-botanique"


def scenario(title: str = "Défi botanique", **extra: str) -> str:
    """Return a valid scenario text with this title (extra lines appended as ``key = value``)."""
    text = SCENARIO.format(title=title)
    return text + "".join(f"{key} = {value}\n" for key, value in extra.items())


def commons_files(more: dict[str, str] | None = None) -> dict[str, str]:
    """Return the files of a small valid commons (plus ``more``: path -> text)."""
    files = {
        "traam.toml": MANIFEST,
        "campaigns/2026-2027.toml": CAMPAIGN,
        "themes/2026-2027/svt.toml": THEME,
        f"{SCENARIO_ID}.toml": scenario(),
    }
    files.update(more or {})
    return files


def make_commons(path: Path, more: dict[str, str] | None = None) -> Path:
    """Create a real commons repository at ``path`` with one commit."""
    return make_repo(path, commons_files(more))
