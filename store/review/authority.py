"""Provides who may validate a contribution: the paths that only a national reviewer may bring.

An académie reviewer validates teams and scenarios of their académie into
``academie/<académie>``; governance, the manifest, campaigns, themes and any
other file go to ``main`` through a national reviewer
(:func:`store.review.governance.scope_problems` refuses them at approval).
The queue says so up front instead of letting the approval fail.
"""

from __future__ import annotations

from records import layout
from records.text import printable
from store.review.decide import Candidate

ACADEMIC_KINDS = ("team", "scenario")
"""Kinds of record an académie reviewer may validate."""


def national_paths(item: Candidate) -> list[str]:
    """Return the paths of ``item`` that need a national reviewer, sorted (empty for a national validation).

    Reads ``item.plan`` (:func:`store.review.decide.pending` with ``report``); an item without a plan has none.
    """
    if item.national or item.plan is None:
        return []
    out = []
    for path in item.plan.touched:
        try:
            kind = layout.locate(path).kind
        except layout.LayoutError:
            kind = ""
        if kind not in ACADEMIC_KINDS:
            out.append(path)
    return sorted(out)


def needs_national_message(item: Candidate) -> str:
    """Return the French notice shown in the queue and by ``traam review list/show``, '' when none is needed."""
    paths = national_paths(item)
    if not paths:
        return ""
    what = "la gouvernance" if paths == [layout.GOVERNANCE] else ", ".join(f"« {printable(p)} »" for p in paths[:3]) + (
        f" et {len(paths) - 3} {'autre' if len(paths) == 4 else 'autres'}" if len(paths) > 3 else "")
    return (f"validation nationale requise : cette contribution modifie {what}, réservé(e) aux relecteurs "
            f"nationaux ; un relecteur académique ne peut pas la valider. Un relecteur national la valide "
            f"avec « traam review approve {printable(item.name)} --into main ».")
