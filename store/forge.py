"""Provides the forge CI template that ``traam init`` writes as ``.gitlab-ci.yml``.

The forge's merge button ignores custom merge drivers and signs for nobody,
so the commons' CI re-checks every merge request and protected branch with
``traam validate`` and ``traam verify`` (see the README, "Forge et forks").
The pipeline installs traam from the tool's own repository at the version
that wrote the file (``git+<repository>@v<version>``), never by a package
name from a public index, where whoever registers the name would run code in
every commons' CI.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

GITLAB_CI_PATH = ".gitlab-ci.yml"
_TEMPLATE = Path(__file__).with_name("templates") / "gitlab-ci.yml"

DEFAULT_REPOSITORY = "https://forge.apps.education.fr/traam/traam.git"
"""Where the tool's repository lives when the package metadata names no ``Source`` URL."""


def tool_version() -> str:
    """Return the installed version of traam (package metadata), ``0+inconnue`` when not installed."""
    try:
        return metadata.version("traam")
    except metadata.PackageNotFoundError:
        return "0+inconnue"


def tool_repository() -> str:
    """Return the git URL of the tool's repository: the package's ``Source`` project URL, else the default."""
    try:
        urls: list[str] = metadata.metadata("traam").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "source" and url.strip():
            url = url.strip()
            return url if url.endswith(".git") else url + ".git"
    return DEFAULT_REPOSITORY


def gitlab_ci(*, repository: str | None = None, version: str | None = None) -> str:
    """Return the text of the ``.gitlab-ci.yml`` template (UTF-8, trailing newline).

    Args:
        repository: git URL of the tool's repository (default: :func:`tool_repository`).
        version: version to pin (default: the installed one); the tag is ``v<version>``.
    """
    text = _TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("@TRAAM_REPOSITORY@", repository or tool_repository())
    return text.replace("@TRAAM_VERSION@", version or tool_version())
