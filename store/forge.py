"""Provides the forge CI template that ``traam init`` writes as ``.gitlab-ci.yml``.

The forge's merge button ignores custom merge drivers and signs for nobody,
so the commons' CI re-checks every merge request and protected branch with
``traam validate`` and ``traam verify`` (see the README, "Forge et forks").
"""

from __future__ import annotations

from pathlib import Path

GITLAB_CI_PATH = ".gitlab-ci.yml"
_TEMPLATE = Path(__file__).with_name("templates") / "gitlab-ci.yml"


def gitlab_ci() -> str:
    """Return the text of the ``.gitlab-ci.yml`` template (UTF-8, trailing newline)."""
    return _TEMPLATE.read_text(encoding="utf-8")
