"""Provides the starting point of a new record in the form: a blank table per kind, and the id it will get.

Codes the teacher must choose (discipline, académie) start empty rather than
guessed, so the form points at them; the campaign is the current one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from records.layout import scenario_slug


def template(kind: str, campaign: str = "", discipline: str = "", academie: str = "") -> dict[str, Any]:
    """Return the starting table of a new record of ``kind`` (what a teacher fills in)."""
    if kind == "scenario":
        return {"campaign": campaign, "disciplines": [discipline] if discipline else [], "academie": academie,
                "theme": "", "title": "", "licence": "CC-BY-SA-4.0"}
    if kind == "team":
        return {"campaign": campaign, "discipline": discipline, "academie": academie, "theme": "",
                "project_title": "", "pilot": {"name": "", "corps": "ia-ipr"}, "referent": {"name": ""}}
    if kind == "theme":
        return {"campaign": campaign, "discipline": discipline, "title": ""}
    if kind == "campaign":
        year = int(campaign[:4]) if campaign[:4].isdigit() else dt.date.today().year
        return {"code": campaign, "title": "", "call_opens": dt.date(year, 2, 1), "proposals_due": dt.date(year, 3, 31),
                "selection": dt.date(year, 6, 15), "work_starts": dt.date(year, 9, 1),
                "work_ends": dt.date(year + 1, 5, 31)}
    raise ValueError(kind)


def record_id_of(kind: str, table: dict, slug: str = "") -> str:
    """Return the id a new record will have, from its fields (scenarios also need a slug)."""
    if kind == "campaign":
        return f"campaigns/{table.get('code', '')}"
    if kind == "theme":
        return f"themes/{table.get('campaign', '')}/{table.get('discipline', '')}"
    if kind == "team":
        return f"teams/{table.get('campaign', '')}/{table.get('discipline', '')}/{table.get('academie', '')}"
    disciplines = table.get("disciplines") or [""]
    slug = slug or scenario_slug(str(table.get("title", "")))
    return f"scenarios/{table.get('campaign', '')}/{disciplines[0]}/{table.get('academie', '')}/{slug}"
