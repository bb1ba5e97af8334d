"""Provides StoreError, the one error base of the store layer, with a French message."""

from __future__ import annotations

IDENTITY_MISSING = (
    "identité git manquante : indiquez votre nom et votre adresse avec "
    "« git config --global user.name … » et « git config --global user.email … »"
)
"""What to tell a person whose git does not know who they are (commits need an author)."""


class StoreError(Exception):
    """Something about the commons or git went wrong; ``str()`` is a French message for a person."""

    def __init__(self, message: str, stderr: str = ""):
        self.message = message
        self.stderr = stderr
        super().__init__(message if not stderr else f"{message}\n{stderr.strip()}")


class NotACommons(StoreError):
    """The folder is not a commons (no git work tree with traam.toml at its root)."""


class LockedError(StoreError):
    """Git's index is locked (another git process, or a stale ``index.lock``)."""
