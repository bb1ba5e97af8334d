"""Tests of the JSON export's schema (check-jsonschema on the demo export) and of e-mails left out by default."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store.publish import jsonx
from tests.conftest import run_traam

TOOL = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory):
    """The demo commons exported as JSON (every state), with and without e-mails, and the schema."""
    folder = tmp_path_factory.mktemp("demo")
    assert run_traam("init", "--demo", str(folder / "commun")).returncode == 0
    out = {}
    for name, extra in (("public", ()), ("courriels", ("--avec-courriels",))):
        target = folder / f"{name}.json"
        done = run_traam("-C", str(folder / "commun"), "export", "-f", "json", "--etat", "tous", "-o", str(target),
                         *extra)
        assert done.returncode == 0, done.stderr
        out[name] = target
    out["schema"] = folder / "public.schema.json"
    return out


def test_schema_has_an_id_french_titles_enums_and_formats():
    schema = jsonx.json_schema()
    assert schema["$id"] == "urn:traam:schemas:export:1"
    scenario = schema["$defs"]["Scenario"]
    assert scenario["title"] == "Scénario"
    assert scenario["properties"]["academie"]["title"] == "Académie"
    assert "lille" in scenario["properties"]["academie"]["enum"]
    assert "3.4" in json.dumps(scenario["properties"]["crcn"])
    assert '"format": "uri"' in json.dumps(scenario["properties"]["publication_url"])


def test_public_export_leaves_e_mails_out_unless_asked(demo_export):
    public = demo_export["public"].read_text(encoding="utf-8")
    full = demo_export["courriels"].read_text(encoding="utf-8")
    assert '"email"' not in public
    assert '"email"' in full  # the demo has e-mail addresses: the option keeps them


@pytest.mark.skipif(TOOL is None, reason="check-jsonschema n'est pas installé dans cet environnement")
def test_check_jsonschema_accepts_the_demo_export_and_refuses_what_traam_refuses(demo_export, tmp_path):
    """The real tool validates the demo export against the schema written beside it, and refuses a bad code."""
    schema = demo_export["schema"]
    for name in ("public", "courriels"):
        done = subprocess.run([TOOL, "--schemafile", str(schema), str(demo_export[name])], capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    document = json.loads(demo_export["public"].read_text(encoding="utf-8"))
    scenario = next(item for item in document["records"] if item["kind"] == "scenario")
    for field, bad in (("academie", "atlantide"), ("licence", "tous-droits-libres"), ("crcn", ["9.9"]),
                       ("publication_url", "pas une adresse")):
        broken = json.loads(json.dumps(document))
        target = next(item for item in broken["records"] if item["id"] == scenario["id"])
        target["record"][field] = bad
        path = tmp_path / f"{field}.json"
        path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([TOOL, "--schemafile", str(schema), str(path)], capture_output=True, text=True,
                              check=False)
        assert done.returncode == 1, field
