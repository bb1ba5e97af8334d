"""Provides the JSON and JSON Lines exports, their JSON Schema, and reading an export back into models.

Schema (version 1), stable across releases of traam:

- ``json``: one object ``{"format": "traam-export", "version": 1, "records": [ITEM, …]}``;
- ``jsonl``: one ITEM per line, nothing else;
- ITEM: ``{"id": "scenarios/…", "kind": "scenario", "state": "national" | null, "record": TABLE}``,
  items sorted by id; ``kind`` is campaign, theme, team or scenario; ``state``
  is the validation state code (``records.vocab.STATES``) or null when unknown;
  TABLE is the record's canonical table (the TOML file's keys and values,
  defaults left out, dates as ``AAAA-MM-JJ``).

:func:`json_schema` gives the JSON Schema (draft 2020-12) generated from the
pydantic models; ``traam export --format json-schema`` prints it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from pydantic.json_schema import models_json_schema

from records.models import MODELS, Campaign, Model, Scenario, Team, Theme
from store.publish.words import count

FORMAT = "traam-export"
VERSION = 1
EXPORTED: dict[str, type[Model]] = {"campaign": Campaign, "theme": Theme, "team": Team, "scenario": Scenario}
"""Kinds an export holds, and their model."""


class ExportReadError(ValueError):
    """An export that cannot be read back; the message is French."""


def without_emails(value: Any) -> Any:
    """Return a dumped table with every ``email`` key left out (personal data stays out of public exports)."""
    if isinstance(value, dict):
        return {key: without_emails(item) for key, item in value.items() if key != "email"}
    if isinstance(value, list):
        return [without_emails(item) for item in value]
    return value


def item_of(record_id: str, record: Model, state: str | None, *, with_emails: bool = False) -> dict[str, Any]:
    """Return the export item of one record (e-mail addresses left out unless ``with_emails``)."""
    table = record.model_dump(mode="json", exclude_defaults=True)
    return {
        "id": record_id,
        "kind": record.KIND,
        "state": state,
        "record": table if with_emails else without_emails(table),
    }


def items(records: Mapping[str, Model], states: Mapping[str, str] | None = None, *,
          with_emails: bool = False) -> list[dict[str, Any]]:
    """Return the items of every exported record, sorted by id."""
    states = states or {}
    return [
        item_of(rid, records[rid], states.get(rid), with_emails=with_emails)
        for rid in sorted(records)
        if records[rid].KIND in EXPORTED
    ]


def render_json(records: Mapping[str, Model], states: Mapping[str, str] | None = None, *,
                with_emails: bool = False) -> str:
    """Return the ``json`` export text (UTF-8, indented, trailing newline); no e-mail unless ``with_emails``."""
    document = {"format": FORMAT, "version": VERSION, "records": items(records, states, with_emails=with_emails)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(records: Mapping[str, Model], states: Mapping[str, str] | None = None, *,
                 with_emails: bool = False) -> str:
    """Return the ``jsonl`` export text: one item per line; no e-mail unless ``with_emails``."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n"
                   for item in items(records, states, with_emails=with_emails))


def read_item(item: Any) -> tuple[str, Model, str | None]:
    """Validate one export item and return ``(id, model, state)``.

    Raises:
        ExportReadError: not an item, unknown kind, or a record the model refuses.
    """
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or item.get("kind") not in EXPORTED:
        raise ExportReadError("élément d'export invalide (id, kind et record attendus)")
    try:
        model = MODELS[item["kind"]].model_validate_json(json.dumps(item.get("record")))
    except ValidationError as error:
        raise ExportReadError(f"{item['id']} : enregistrement invalide ({count(error.error_count(), 'erreur', 'erreurs')})") from error
    return item["id"], model, item.get("state")


def read(text: str) -> dict[str, Model]:
    """Read a ``json`` or ``jsonl`` export back into ``{id: model}`` (strict validation).

    Raises:
        ExportReadError: malformed JSON, wrong format or version, invalid record.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        document = None
    if isinstance(document, dict) and "format" in document:
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ExportReadError("ce fichier n'est pas un export traam de version 1")
        raw = document.get("records")
        if not isinstance(raw, list):
            raise ExportReadError("export invalide : la clé « records » doit être une liste")
    else:
        raw = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ExportReadError(f"JSON invalide ligne {number}, colonne {error.colno}") from error
    out: dict[str, Model] = {}
    for item in raw:
        record_id, model, _state = read_item(item)
        out[record_id] = model
    return out


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the ``json`` export, generated from the models.

    The ``jsonl`` lines follow ``$defs/Item``.
    """
    _, top = models_json_schema([(model, "validation") for model in EXPORTED.values()], ref_template="#/$defs/{model}")
    defs = dict(top.get("$defs", {}))
    defs["Item"] = {
        "title": "Élément d'export",
        "description": "Un enregistrement du commun : identifiant, type, état de validation et table canonique.",
        "oneOf": [
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "kind", "state", "record"],
                "properties": {
                    "id": {"type": "string", "pattern": f"^{_ID_ROOTS[kind]}/[a-z0-9/-]+$"},
                    "kind": {"const": kind},
                    "state": {"type": ["string", "null"]},
                    "record": {"$ref": f"#/$defs/{model.__name__}"},
                },
            }
            for kind, model in EXPORTED.items()
        ],
    }
    from store.publish.schema_fr import enrich

    return enrich({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Export du commun des TraAM (version 1)",
        "description": "Campagnes, thématiques, équipes et scénarios du commun, avec leur état de validation.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "records"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "records": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
        },
        "$defs": defs,
    })


_ID_ROOTS = {"campaign": "campaigns", "theme": "themes", "team": "teams", "scenario": "scenarios"}


def render_schema() -> str:
    """Return the JSON Schema as text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
