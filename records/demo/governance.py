"""Provides the placeholder reviewers of the demo commons (public keys only; no private key exists here)."""

from __future__ import annotations

import datetime as dt

from records.models import Governance, Reviewer

GOVERNANCE = Governance(
    reviewers=[
        Reviewer(
            name="Experte nationale (exemple)",
            principal="experte.nationale@example.org",
            role="national",
            public_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOTgQouLGvNCB5xWquWxtYJWNaavcdiT8gZnBLvqpNas "
            "national@example.org",
            valid_from=dt.date(2026, 1, 1),
        ),
        Reviewer(
            name="Inspecteur académique de Lille (exemple)",
            principal="relecteur.lille@example.org",
            role="academique",
            academies=["lille"],
            public_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICl1d8PxXWU2apZl3mKo9IBpkbGkJDbn9k7HPBOot73L "
            "a1@example.org",
            valid_from=dt.date(2026, 1, 1),
        ),
        Reviewer(
            name="Inspectrice académique de Rennes (exemple)",
            principal="relectrice.rennes@example.org",
            role="academique",
            academies=["rennes"],
            disciplines=["nsi", "mathematiques"],
            public_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAw2x0zDEp9DqhB8LeUgTm2YG9G37ec8+cPF0cpIeRI9 "
            "a2@example.org",
            valid_from=dt.date(2026, 1, 1),
        ),
    ]
)
"""The demo's governance/reviewers.toml."""
