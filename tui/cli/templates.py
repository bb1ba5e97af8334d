"""Provides the TOML templates ``traam new`` opens in the editor, one per kind, with French guidance."""

from __future__ import annotations

from records import layout

KINDS = {
    "campagne": "campaign", "campaign": "campaign",
    "thematique": "theme", "thématique": "theme", "theme": "theme",
    "equipe": "team", "équipe": "team", "team": "team",
    "scenario": "scenario", "scénario": "scenario",
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
theme = "{discipline}"
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
    "scenario": """campaign = "{campaign}"
disciplines = ["{discipline}"]
academie = "{academie}"
theme = "{discipline}"
title = ""
summary = \"\"\"
\"\"\"
levels = []
keywords = []
""",
}

_WHAT = {"campaign": "Nouvelle campagne", "theme": "Nouvelle thématique", "team": "Nouvelle équipe",
         "scenario": "Nouveau scénario"}


def template(kind: str, record_id: str | None = None, campaign: str = "2026-2027") -> str:
    """Return the template text of a new record of ``kind``, pre-filled from ``record_id`` when given.

    Raises:
        layout.LayoutError: ``record_id`` is not a valid id of that kind.
    """
    values = {"campaign": campaign, "discipline": "svt", "academie": "lille"}
    if record_id:
        location = layout.locate(layout.path_of(record_id))
        if location.kind != kind:
            raise layout.LayoutError(f"« {record_id} » n'est pas l'identifiant d'un(e) {_WHAT[kind].split()[-1]}")
        values.update({k: v for k, v in (("campaign", location.campaign), ("discipline", location.discipline),
                                         ("academie", location.academie)) if v})
    year = values["campaign"][:4]
    values["year"], values["next"] = year, str(int(year) + 1)
    return _HEAD.format(what=_WHAT[kind]) + _BODY[kind].format(**values)
