"""Provides the starting point of every new record: the form's blank table and the editor's TOML text.

Used by the TUI's form (:func:`table`, :func:`record_id_of`) and by
``traam new`` (:func:`text`, :data:`KINDS`). Codes the teacher must choose
(discipline, académie) start empty in the form rather than guessed, so the
form points at them; the campaign is the current one. No licence is
pre-filled: the authors choose the rights of use of what they publish.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from records import layout
from records.layout import scenario_slug

KINDS = {
    "campagne": "campaign", "campaign": "campaign",
    "thematique": "theme", "thématique": "theme", "theme": "theme",
    "equipe": "team", "équipe": "team", "team": "team",
    "scenario": "scenario", "scénario": "scenario",
    "synthese": "synthesis", "synthèse": "synthesis", "synthesis": "synthesis",
}
"""Kind names accepted on the command line (French first) → kind."""

_HEAD = ("# {what} : remplissez les champs, enregistrez et quittez l'éditeur.\n"
         "# Les lignes qui commencent par « # » sont ignorées ; le fichier est ensuite remis en forme.\n")

_BODY = {
    "campaign": """code = "{campaign}"
title = ""
summary = ""
call_opens = {year}-02-01
proposals_due = {year}-03-31
selection = {year}-06-15
work_starts = {year}-09-01
work_ends = {next}-05-31
""",
    "theme": """campaign = "{campaign}"
discipline = "{discipline}"
title = ""
summary = ""
axes = []
""",
    "team": """campaign = "{campaign}"
discipline = "{discipline}"
academie = "{academie}"
theme = "{theme}"
project_title = ""
summary = ""

[pilot]
name = ""
corps = "ia-ipr"

[referent]
name = ""

[[teachers]]
name = ""
""",
    "synthesis": """campaign = "{campaign}"
theme = "{theme}"
stage = "bilan"
title = ""
summary = \"\"\"
\"\"\"
findings = []
scenarios = []

[[authors]]
name = ""
""",
    "scenario": """campaign = "{campaign}"
disciplines = ["{discipline}"]
academie = "{academie}"
theme = "{discipline}"
title = ""
summary = \"\"\"
\"\"\"
levels = []
keywords = []
# Droits d'usage : choisissez la licence (par exemple "CC-BY-4.0" ou "CC-BY-SA-4.0") et retirez le « # ».
# licence = ""
""",
}

_WHAT = {"campaign": "Nouvelle campagne", "theme": "Nouvelle thématique", "team": "Nouvelle équipe",
         "scenario": "Nouveau scénario", "synthesis": "Nouvelle synthèse"}


def text(kind: str, record_id: str | None = None, campaign: str = "2026-2027") -> str:
    """Return the TOML text ``traam new`` opens for a record of ``kind``, pre-filled from ``record_id``.

    Raises:
        layout.LayoutError: ``record_id`` is not a valid id of that kind.
    """
    values = {"campaign": campaign, "discipline": "svt", "academie": "lille"}
    if record_id:
        location = layout.locate(layout.path_of(record_id))
        if location.kind != kind:
            raise layout.LayoutError(f"« {record_id} » n'est pas l'identifiant d'un(e) {_WHAT[kind].split()[-1]}")
        values.update({k: v for k, v in (("campaign", location.campaign), ("discipline", location.discipline),
                                         ("academie", location.academie), ("theme", location.theme)) if v})
    values.setdefault("theme", values["discipline"])
    year = values["campaign"][:4]
    values["year"], values["next"] = year, str(int(year) + 1)
    return _HEAD.format(what=_WHAT[kind]) + _BODY[kind].format(**values)


def table(kind: str, campaign: str = "", discipline: str = "", academie: str = "") -> dict[str, Any]:
    """Return the starting table of a new record of ``kind`` (what a teacher fills in in the form).

    Raises:
        ValueError: ``kind`` is not campaign, theme, team or scenario.
    """
    if kind == "scenario":
        return {"campaign": campaign, "disciplines": [discipline] if discipline else [], "academie": academie,
                "theme": "", "title": ""}
    if kind == "team":
        return {"campaign": campaign, "discipline": discipline, "academie": academie, "theme": "",
                "project_title": "", "pilot": {"name": "", "corps": "ia-ipr"}, "referent": {"name": ""}}
    if kind == "theme":
        return {"campaign": campaign, "discipline": discipline, "title": ""}
    if kind == "synthesis":
        return {"campaign": campaign, "theme": discipline, "stage": "bilan", "title": "", "authors": [{"name": ""}]}
    if kind == "campaign":
        year = int(campaign[:4]) if campaign[:4].isdigit() else dt.date.today().year
        return {"code": campaign, "title": "", "call_opens": dt.date(year, 2, 1), "proposals_due": dt.date(year, 3, 31),
                "selection": dt.date(year, 6, 15), "work_starts": dt.date(year, 9, 1),
                "work_ends": dt.date(year + 1, 5, 31)}
    raise ValueError(kind)


def record_id_of(kind: str, table: dict[str, Any], slug: str = "") -> str:
    """Return the id a new record will have, from its fields (scenarios also need a slug)."""
    if kind == "campaign":
        return f"campaigns/{table.get('code', '')}"
    if kind == "theme":
        return f"themes/{table.get('campaign', '')}/{table.get('discipline', '')}"
    if kind == "synthesis":
        return f"syntheses/{table.get('campaign', '')}/{table.get('theme', '')}"
    if kind == "team":
        # A team lives under its theme; before one is chosen, the theme named after the discipline.
        theme = str(table.get("theme") or table.get("discipline", ""))
        return layout.team_id(str(table.get("campaign", "")), theme, str(table.get("academie", "")))
    disciplines = table.get("disciplines") or [""]
    slug = slug or scenario_slug(str(table.get("title", "")))
    return f"scenarios/{table.get('campaign', '')}/{disciplines[0]}/{table.get('academie', '')}/{slug}"
