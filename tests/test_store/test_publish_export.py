"""Tests of the file exports: selection by state, Édubase CSV, JSON / JSON Lines and their schema, Markdown, Atom."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from records.models import MODELS
from store.publish import atom, csv_edubase, jsonx, synthesis
from store.publish.run import export_records
from store.publish.selection import SelectionError, select
from tests.test_store.publish_fixtures import HOSTILE, escaped_scenario, sample_records, sample_states

ATOM = "{http://www.w3.org/2005/Atom}"


def test_default_selection_keeps_validated_teams_and_scenarios_and_every_campaign_and_theme():
    chosen = select(sample_records(), sample_states())
    assert "scenarios/2026-2027/nsi/versailles/brouillon" not in chosen
    assert "teams/2026-2027/nsi/versailles" not in chosen  # proposé only
    assert "scenarios/2026-2027/svt/nantes/compter-les-oiseaux" in chosen  # validé académique
    assert {"campaigns/2026-2027", "themes/2026-2027/nsi", "themes/2026-2027/svt-1"} <= set(chosen)
    national = select(sample_records(), sample_states(), etat="national")
    assert "scenarios/2026-2027/svt/nantes/compter-les-oiseaux" not in national
    assert len(select(sample_records(), None, etat="tous")) == len(sample_records())
    # Without states, nothing but the frame is "validated".
    assert not [rid for rid in select(sample_records(), None) if rid.startswith(("teams", "scenarios"))]


def test_selection_refuses_unknown_state_or_campaign():
    with pytest.raises(SelectionError, match="état inconnu"):
        select(sample_records(), sample_states(), etat="publie")
    with pytest.raises(SelectionError, match="campagne inconnue « 1999-2000 »"):
        select(sample_records(), sample_states(), campagnes=["1999-2000"])


def test_edubase_csv_has_bom_documented_columns_crlf_and_one_row_per_scenario():
    records = select(sample_records(), sample_states())
    text = csv_edubase.render(records, sample_states())
    assert text.startswith("\ufeff")
    data = text.encode("utf-8")
    assert b"\r\n" in data and data.count(b"\r\n") >= 4
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert tuple(rows[0].keys()) == csv_edubase.COLUMNS
    assert [r["identifiant"] for r in rows] == [
        "scenarios/2026-2027/nsi/versailles/hostile",
        "scenarios/2026-2027/svt/lille/defi-botanique",
        "scenarios/2026-2027/svt/nantes/compter-les-oiseaux",
    ]
    botany = rows[1]
    assert botany["titre"] == "Défi botanique"
    assert botany["résumé"] == "Les élèves photographient des plantes\net comparent leurs relevés."
    assert botany["disciplines"] == "Sciences de la vie et de la Terre (SVT)"
    assert botany["niveaux"] == "Cycle 4 (5e-3e)"
    assert botany["académie"] == "Lille"
    assert botany["outils"] == "Éléa (Commun numérique public) | PlantNet (Plateforme privée)"
    assert botany["crcn_codes"] == "1.1 | 3.2"
    assert botany["crcn_libellés"].startswith("1.1 Mener une recherche")
    assert botany["licence"] == "Creative Commons BY 4.0" and botany["licence_spdx"] == "CC-BY-4.0"
    assert botany["url_publication"] == "https://svt.ac-lille.fr/defi-botanique"
    assert botany["thématique"] == "Biodiversité et données"
    assert botany["état"] == "Validé national"
    assert rows[2]["disciplines"] == "Sciences de la vie et de la Terre (SVT) | Mathématiques"
    assert rows[2]["auteurs"] == "Bo Exemple | Cy Exemple"


def test_edubase_csv_defuses_formulas():
    text = csv_edubase.render(select(sample_records(), sample_states()), sample_states())
    rows = {r["identifiant"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";")}
    assert rows["scenarios/2026-2027/svt/nantes/compter-les-oiseaux"]["résumé"] == "'- une liste qui commence par un tiret"
    # A keyword in the middle of a cell is harmless; a cell that starts with = is prefixed.
    assert csv_edubase.safe_cell("=SOMME(A1)") == "'=SOMME(A1)"
    assert csv_edubase.safe_cell("@cmd") == "'@cmd" and csv_edubase.safe_cell("+1") == "'+1"
    assert csv_edubase.safe_cell("Défi") == "Défi"


def test_edubase_csv_neutralises_escape_sequences():
    records = {"scenarios/2026-2027/nsi/versailles/hostile": escaped_scenario()}
    text = csv_edubase.render(records)
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "⟨U+001B⟩" in text


def test_json_export_reads_back_to_the_same_records():
    records = select(sample_records(), sample_states(), etat="tous")
    text = jsonx.render_json(records, sample_states(), with_emails=True)
    document = json.loads(text)
    assert document["format"] == "traam-export" and document["version"] == 1
    first = document["records"][0]
    assert set(first) == {"id", "kind", "state", "record"}
    assert first["id"] == "campaigns/2026-2027" and first["kind"] == "campaign" and first["state"] == "national"
    assert jsonx.read(text) == records
    for item in document["records"]:  # plain model_validate of each table gives the same model
        assert MODELS[item["kind"]].model_validate_json(json.dumps(item["record"])) == records[item["id"]]


def test_jsonl_export_reads_back_one_item_per_line():
    records = select(sample_records(), sample_states(), etat="tous")
    text = jsonx.render_jsonl(records, sample_states(), with_emails=True)
    lines = text.splitlines()
    assert len(lines) == len(records)
    assert json.loads(lines[-1])["id"] == sorted(records)[-1]
    assert jsonx.read(text) == records


def test_json_read_refuses_a_tampered_record():
    text = jsonx.render_jsonl({"themes/2026-2027/nsi": sample_records()["themes/2026-2027/nsi"]})
    tampered = text.replace('"discipline": "nsi"', '"discipline": "astrologie"')
    with pytest.raises(jsonx.ExportReadError, match="themes/2026-2027/nsi : enregistrement invalide"):
        jsonx.read(tampered)


def test_json_schema_describes_every_exported_kind_and_matches_the_items():
    schema = jsonx.json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"Campaign", "Theme", "Team", "Scenario", "Item"} <= set(schema["$defs"])
    scenario = schema["$defs"]["Scenario"]
    assert scenario["additionalProperties"] is False
    assert set(scenario["required"]) >= {"campaign", "disciplines", "academie", "theme", "title"}
    kinds = [alt["properties"]["kind"]["const"] for alt in schema["$defs"]["Item"]["oneOf"]]
    assert kinds == ["campaign", "theme", "team", "scenario"]
    # Every exported table only uses keys the schema declares.
    document = json.loads(jsonx.render_json(sample_records(), sample_states()))
    for item in document["records"]:
        definition = schema["$defs"][type(sample_records()[item["id"]]).__name__]
        assert set(item["record"]) <= set(definition["properties"])


def test_export_records_writes_the_schema_beside_json(tmp_path):
    result, text = export_records("json", sample_records(), sample_states(), tmp_path / "commun.json")
    assert text is None
    assert [p.name for p in result.paths] == ["commun.json", "commun.schema.json"]
    assert json.loads((tmp_path / "commun.schema.json").read_text(encoding="utf-8"))["title"].startswith("Export")
    assert result.counts == {"campaign": 1, "theme": 2, "team": 2, "scenario": 3}


def test_export_without_states_asks_for_etat_tous(tmp_path):
    with pytest.raises(SelectionError, match="--etat tous"):
        export_records("json", sample_records(), None, tmp_path / "x.json")
    result, _ = export_records("jsonl", sample_records(), None, tmp_path / "x.jsonl", etat="tous")
    assert result.counts["scenario"] == 4


def test_markdown_synthesis_per_theme_with_tools_crcn_and_ai():
    text = synthesis.render(select(sample_records(), sample_states()), sample_states())
    assert text.startswith("# Synthèse des TraAM\n")
    assert "## TraAM 2026-2027" in text
    svt = text[text.index("### Biodiversité et données"):]
    assert "- Lille : Inventaires au collège\n" in svt  # retained teams only, so no outcome to show
    assert ("- [Défi botanique](https://svt.ac-lille.fr/defi-botanique) — Lille (Cycle 4 (5e-3e)) : "
            "Les élèves photographient des plantes et comparent leurs relevés.") in svt  # a link and a summary
    assert "- Commun numérique public : Capytale (1), Éléa (1)" in svt
    assert "- Plateforme privée : PlantNet (1)" in svt
    assert "- 3.2 Développer des documents multimédia (1)" in svt
    assert "- 1 scénario sur 2 utilise l'IA, dont 1 où les élèves l'utilisent eux-mêmes" in svt
    assert "- outils : PlantNet" in svt
    # Hostile text cannot open a tag, a link or an emphasis in the rendered Markdown.
    assert not re.search(r"(?<!\\)<script>", text) and not re.search(r"(?<!\\)\[@click", text)
    assert r"\<script\>" in text and r"\[@click=app.quit\]" in text


def test_atom_feeds_are_valid_atom_per_discipline_newest_first():
    records = select(sample_records(), sample_states())
    feeds = atom.feeds(records, base_url="https://traam.example.org/catalogue/")
    assert sorted(feeds) == ["atom/mathematiques.xml", "atom/nsi.xml", "atom/svt.xml"]
    root = ET.fromstring(feeds["atom/svt.xml"].encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Défi botanique", "Compter les oiseaux"]
    assert entries[0].find(f"{ATOM}updated").text == "2026-11-02T00:00:00Z"
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == "https://traam.example.org/catalogue/scenarios/2026-2027/svt/lille/defi-botanique.html"
    selfs = [x.get("href") for x in root.findall(f"{ATOM}link") if x.get("rel") == "self"]
    assert selfs == ["https://traam.example.org/catalogue/atom/svt.xml"]
    assert root.find(f"{ATOM}id").text == "tag:traam.example.org,2016:catalogue/flux/svt"
    assert entries[0].find(f"{ATOM}id").text == \
        "tag:traam.example.org,2026:catalogue/scenarios/2026-2027/svt/lille/defi-botanique"
    fork = ET.fromstring(atom.feeds(records, base_url="https://fork.example.net/")["atom/svt.xml"].encode("utf-8"))
    assert fork.find(f"{ATOM}entry").find(f"{ATOM}id").text != entries[0].find(f"{ATOM}id").text  # forks differ
    hostile = ET.fromstring(feeds["atom/nsi.xml"].encode("utf-8")).find(f"{ATOM}entry")
    assert hostile.find(f"{ATOM}title").text == HOSTILE  # escaped in XML, the same text once parsed
    assert "<script>" not in feeds["atom/nsi.xml"]


def test_atom_strips_escape_sequences():
    feed = atom.feed("nsi", {"scenarios/2026-2027/nsi/versailles/hostile": escaped_scenario()})
    assert "\x1b" not in feed and "\x07" not in feed
    ET.fromstring(feed.encode("utf-8"))


def test_markdown_lists_themes_without_production_once():
    from records.models import Theme

    records = select(sample_records(), sample_states())
    records["themes/2026-2027/eps"] = Theme(campaign="2026-2027", discipline="eps", title="Corps et capteurs")
    text = synthesis.render(records, sample_states())
    assert "2 équipes retenues, 3 scénarios, 3 thématiques." in text
    idle = text[text.index("### Thématiques sans équipe ni scénario publiés"):]
    assert "- Corps et capteurs (Éducation physique et sportive (EPS))" in idle
    assert "### Corps et capteurs" not in text


def test_csv_columns_are_documented_in_the_module_and_the_readme():
    from tests.conftest import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for column in csv_edubase.COLUMNS:
        assert f"``{column}``" in csv_edubase.__doc__, column
        assert f"`{column}`" in readme, column


def test_markdown_synthesis_names_retained_teams_only():
    """Candidacies and refusals are not public: the synthesis shows retained teams only."""
    from records.models import Team

    records = select(sample_records(), sample_states())
    lille = records["teams/2026-2027/svt-1/lille"]
    records["teams/2026-2027/svt-1/creteil"] = Team.model_validate(
        {**lille.model_dump(), "academie": "creteil", "outcome": "non-retenu", "project_title": "Écarté"})
    records["teams/2026-2027/svt-1/nice"] = Team.model_validate(
        {**lille.model_dump(), "academie": "nice", "outcome": "transmis", "project_title": "En attente"})
    text = synthesis.render(records, sample_states())
    assert "Lille : Inventaires au collège" in text
    assert "Écarté" not in text and "En attente" not in text and "Créteil" not in text


def test_markdown_synthesis_is_built_from_the_theme_syntheses_in_the_call_order():
    """The demo's bilans and intermediate synthesis, their lessons, linked scenarios, modules and supports."""
    from records.demo import demo_records

    records = demo_records()
    text = synthesis.render(records)
    svt = text[text.index("### L'intelligence artificielle dans les apprentissages en SVT"):]
    svt = svt[:svt.index("\n### ")]
    assert "**Bilan : Entraîner une IA pour mieux observer le vivant** — par Expert·e DNE SVT A (exemple)" in svt
    assert "*Exemple : synthèse, auteurs" in svt  # what is invented says so
    assert "- Une erreur de l'IA se discute mieux qu'une bonne réponse" in svt
    assert "- Module de formation M@gistère : Faire entraîner une IA par les élèves en SVT" in svt
    assert "Scénarios mis en avant :\n\n- Défi botanique" in svt
    assert "**Équipes retenues (1)**\n\n- Lyon : Classer le vivant avec une IA prédictive" in svt
    assert "**Synthèse intermédiaire : Bases de données et SIG" in text
    # Themes follow the call: premier degré first, technologie last, whatever their file names.
    call = text[text.index("## TraAM 2026-2027"):]
    # (file names sort lettres < mathematiques < premier-degre; the call lists premier degré first)
    assert call.index("STIAM") < call.index("### L'intelligence artificielle en lettres") < call.index(
        "### Différencier en mathématiques")


def test_edubase_csv_gives_modalities_duration_and_ai_use():
    records = select(sample_records(), sample_states())
    text = csv_edubase.render(records, sample_states())
    rows = {r["identifiant"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""),
                                                          delimiter=";")}
    botany = rows["scenarios/2026-2027/svt/lille/defi-botanique"]
    assert botany["modalités"] == "En classe"
    assert botany["usage_ia"] == "oui, par les élèves : PlantNet"
    birds = rows["scenarios/2026-2027/svt/nantes/compter-les-oiseaux"]
    assert birds["usage_ia"] == "non"
    for row in rows.values():
        assert row["durée"] == records[row["identifiant"]].duration
