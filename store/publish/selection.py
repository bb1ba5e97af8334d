"""Provides the choice of records to publish: validation states, campaign, and sorted views by kind.

Exports publish validated records only by default. Campaigns and themes are
the frame of the catalogue, published by the DNE: they are kept whatever their
state, filtered by campaign only. Teams and scenarios are kept when their
state is wanted. Governance and the manifest are never published.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from records import layout, vocab
from records.models import Campaign, Model, Scenario, Synthesis, Team, Theme
from store.publish.choices import ETAT_CHOICES, VALIDATED

_M = TypeVar("_M", bound=Model)

PUBLISHED_KINDS = (Campaign, Theme, Synthesis, Team, Scenario)


class SelectionError(ValueError):
    """A selection that cannot be made (unknown state or campaign); the message is French."""


def wanted_states(etat: str | Iterable[str] | None) -> frozenset[str] | None:
    """Return the set of state codes asked for, or None for every record whatever its state.

    Args:
        etat: ``"valide"`` (default when None), ``"tous"``, a state code, or several codes.

    Raises:
        SelectionError: an unknown state.
    """
    if etat is None or etat == "valide":
        return frozenset(VALIDATED)
    if etat == "tous":
        return None
    codes = [etat] if isinstance(etat, str) else list(etat)
    out: set[str] = set()
    for code in codes:
        if code == "valide":
            out.update(VALIDATED)
        elif code == "tous":
            return None
        elif code in vocab.STATES:
            out.add(code)
        else:
            raise SelectionError(f"état inconnu « {code} » (attendu : {', '.join(ETAT_CHOICES)})")
    return frozenset(out)


def keeper(states: Mapping[str, str] | None, *, etat: str | Iterable[str] | None = None,
           campagnes: Iterable[str] | None = None, known: Iterable[str] = ()) -> Callable[[str, Model], bool]:
    """Return the test :func:`select` applies to each record, for exports that stream records one at a time.

    Args:
        known: the campaign codes of the commons (a campaign asked for must be one of them).

    Raises:
        SelectionError: unknown state or campaign.
    """
    wanted = wanted_states(etat)
    codes = set(campagnes or ())
    known = set(known)
    for code in sorted(codes - known):
        raise SelectionError(f"campagne inconnue « {code} » (connues : {', '.join(sorted(known)) or 'aucune'})")
    states = states or {}

    def keep(record_id: str, record: Model) -> bool:
        if not isinstance(record, PUBLISHED_KINDS):
            return False
        campaign = record.code if isinstance(record, Campaign) else record.campaign
        if codes and campaign not in codes:
            return False
        return not (isinstance(record, (Team, Scenario)) and wanted is not None and states.get(record_id) not in wanted)

    return keep


def select(
    records: Mapping[str, Model],
    states: Mapping[str, str] | None,
    *,
    etat: str | Iterable[str] | None = None,
    campagnes: Iterable[str] | None = None,
) -> dict[str, Model]:
    """Return the records to publish, sorted by id.

    Args:
        records: every valid record of the commons, by id.
        states: validation state of each record, by id (None: unknown; then
            only ``etat="tous"`` selects teams and scenarios).
        etat: see :func:`wanted_states`.
        campagnes: campaign codes to keep (None or empty: all).

    Raises:
        SelectionError: unknown state or campaign.
    """
    keep = keeper(states, etat=etat, campagnes=campagnes,
                  known=(r.code for r in records.values() if isinstance(r, Campaign)))
    return {rid: records[rid] for rid in sorted(records) if keep(rid, records[rid])}


def of_kind(records: Mapping[str, Model], kind: type[_M]) -> dict[str, _M]:
    """Return the records of one model class, in id order."""
    return {rid: record for rid in sorted(records) if isinstance(record := records[rid], kind)}


def theme_id(campaign: str, slug: str) -> str:
    """Return the id of a theme from its campaign and file name."""
    return f"themes/{campaign}/{slug}"


def team_id(campaign: str, theme: str, academie: str) -> str:
    """Return the id of a team: the team of ``academie`` on the theme whose file name is ``theme``."""
    return layout.team_id(campaign, theme, academie)


def campaign_id(code: str) -> str:
    """Return the id of a campaign."""
    return f"campaigns/{code}"
