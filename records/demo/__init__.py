"""Provides the demo commons: real facts of the TraAM source texts, placeholder people.

``demo_records()`` maps each record id to its model; ``DEMO_MANIFEST`` is the
``traam.toml`` of the demo. Pure data: no git, no disk.
"""

from __future__ import annotations

from records.demo.campaigns import CAMPAIGNS, THEMES_2016, THEMES_2024, THEMES_2025
from records.demo.current import SCENARIOS_2026, TEAMS_2025, TEAMS_2026
from records.demo.governance import GOVERNANCE
from records.demo.scenarios_2024 import SCENARIOS_2024, TEAMS_2024
from records.demo.syntheses import SYNTHESES
from records.demo.themes_2026 import THEMES_2026
from records.models import Manifest, Model

DEMO_MANIFEST = Manifest(
    name="Commun TraAM — démonstration",
    description=(
        "Commun de démonstration de traam : les campagnes 2016-2017, 2019-2020, 2024-2025 et 2026-2027 des "
        "Travaux académiques mutualisés, d'après les textes publics du programme. Les personnes sont des "
        "exemples ; les adresses sont en example.org.\n"
    ),
)
"""The manifest (``traam.toml``) of the demo commons."""


def demo_records() -> dict[str, Model]:
    """Return every record of the demo commons by id (path without ``.toml``), manifest excluded."""
    out: dict[str, Model] = {f"campaigns/{code}": campaign for code, campaign in CAMPAIGNS.items()}
    for campaign, themes in (("2016-2017", THEMES_2016), ("2024-2025", THEMES_2024), ("2025-2026", THEMES_2025),
                             ("2026-2027", THEMES_2026)):
        out.update({f"themes/{campaign}/{slug}": theme for slug, theme in themes.items()})
    for campaign, teams in (("2024-2025", TEAMS_2024), ("2025-2026", TEAMS_2025), ("2026-2027", TEAMS_2026)):
        out.update({f"teams/{campaign}/{key}": item for key, item in teams.items()})
    for campaign, scenarios in (("2024-2025", SCENARIOS_2024), ("2026-2027", SCENARIOS_2026)):
        out.update({f"scenarios/{campaign}/{key}": item for key, item in scenarios.items()})
    out.update({f"syntheses/{key}": item for key, item in SYNTHESES.items()})
    for code, themes in (("2016-2017", THEMES_2016), ("2026-2027", THEMES_2026)):  # the order of each call's list
        out[f"campaigns/{code}"] = CAMPAIGNS[code].model_copy(update={"themes": list(themes)})
    out["governance/reviewers"] = GOVERNANCE
    return out
