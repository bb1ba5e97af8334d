"""Tests the layering: records imports no git and no Textual, store no Textual, and records is ours (STYLE.md 1, 13)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import records
from tests.conftest import REPO_ROOT

_PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module({package!r})
names = [package.__name__]
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
    names.append(info.name)
print(json.dumps({{"imported": names, "loaded": sorted(sys.modules), "file": package.__file__}}))
"""


def _import_everything(package: str) -> dict:
    """Import ``package`` and all its submodules in a fresh interpreter; return what got loaded."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(package=package)],
        cwd=REPO_ROOT, env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=False, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _top_level(modules: list[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_records_loads_no_git_and_no_textual() -> None:
    report = _import_everything("records")
    assert "records.codec" in report["imported"] and "records.demo" in report["imported"]
    loaded = _top_level(report["loaded"])
    assert not loaded & {"git", "textual", "store", "hooks", "tui"}, sorted(loaded)


def test_store_loads_no_textual() -> None:
    report = _import_everything("store")
    assert "store.git" in report["imported"]
    loaded = _top_level(report["loaded"])
    assert not loaded & {"textual", "tui"}, sorted(loaded)


@pytest.mark.parametrize("package", ["records", "store"])
def test_package_resolves_inside_this_repository(package: str) -> None:
    """``records`` and ``store`` are also unrelated PyPI projects: ours must be the one imported."""
    report = _import_everything(package)
    assert Path(report["file"]).resolve().is_relative_to(REPO_ROOT)


def test_records_in_this_process_is_ours() -> None:
    assert Path(records.__file__).resolve().is_relative_to(REPO_ROOT)
