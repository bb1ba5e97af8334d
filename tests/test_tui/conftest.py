"""Provides the fixtures of the application tests: small real commons made with plain git."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_tui.world import TODAY, make_commons


@pytest.fixture
def commons_path(tmp_path: Path) -> Path:
    """A small commons (campaign, themes, teams, three scenarios) in a real git repository."""
    return make_commons(tmp_path / "commun")


@pytest.fixture
def hostile_path(tmp_path: Path) -> Path:
    """The small commons plus a record, a broken file, an author and a commit message carrying markup and escapes."""
    return make_commons(tmp_path / "commun", hostile=True)


@pytest.fixture
def make_app():
    """Build the application on a commons with the tests' fixed date."""
    from tui.app import TraamApp

    def build(path: Path) -> TraamApp:
        return TraamApp(path, today=TODAY)

    return build
