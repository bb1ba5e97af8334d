"""Provides the choices a form offers from the commons itself: its campaigns, the themes of a campaign.

A campaign or a theme is named by a code (``2026-2027``, ``premier-degre``)
that nobody should have to type: the form offers the records that exist,
labelled with their titles. A code the commons does not hold stays in the
field as it is (the validator names it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from records.entry import Entry
from tui.form import FieldSpec


@dataclass(frozen=True, slots=True)
class Choices:
    """The campaigns of the commons and the themes of each campaign, as ``(label, code)`` options."""

    campaigns: tuple[tuple[str, str], ...] = ()
    themes: dict[str, tuple[tuple[str, str], ...]] | None = None

    def themes_of(self, campaign: str) -> tuple[tuple[str, str], ...]:
        """Return the themes of ``campaign`` (none when the campaign is unknown or not chosen)."""
        return (self.themes or {}).get(campaign, ())


def choices_of(entries: list[Entry]) -> Choices:
    """Return the campaigns (newest first) and the themes by campaign found among ``entries``."""
    campaigns = sorted((e for e in entries if e.kind == "campaign"), key=lambda e: e.id, reverse=True)
    themes: dict[str, list[tuple[str, str]]] = {}
    for entry in sorted((e for e in entries if e.kind == "theme"), key=lambda e: e.id):
        slug = entry.id.rsplit("/", 1)[-1]
        label = f"{entry.title} ({slug})" if entry.title else slug
        themes.setdefault(entry.campaign, []).append((label, slug))
    options = []
    for entry in campaigns:
        code = entry.id.rsplit("/", 1)[-1]
        options.append((f"{code} — {entry.title}" if entry.title else code, code))
    return Choices(tuple(options), {campaign: tuple(found) for campaign, found in themes.items()})


def with_choices(specs: list[FieldSpec], choices: Choices, campaign: str) -> list[FieldSpec]:
    """Return ``specs`` where the campaign and theme fields are selects of what the commons holds."""
    out = []
    for spec in specs:
        if spec.key == "campaign" and spec.control == "input":
            spec = replace(spec, control="select", options=choices.campaigns, from_commons=True)
        elif spec.key == "theme" and spec.control == "input":
            spec = replace(spec, control="select", options=choices.themes_of(campaign), from_commons=True)
        out.append(spec)
    return out


__all__ = ["Choices", "choices_of", "with_choices"]
