"""Provides revocation and rollback rules: what ``main``'s current governance still allows, what came before.

A key that the governance of ``main``'s latest verified tip no longer
allows signs no new validation on any branch; a validation counts as
"before" the revocation only by its position in verified history (an
ancestor of a verified tip), never by the date its signer chose
(SECURITY.md, facts 6 and 12). A branch that no longer contains the newest
tip this verifier remembers is a rollback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from records.models import Governance
from records.text import printable
from store.git import trees
from store.review import governance


def changed_paths(root: Path | str, branch: str, commit: str, parents: list[str], main_chain: frozenset[str]) -> set[str]:
    """Return the paths a merge brings; on an académie branch, not what comes unchanged from ``main``."""
    changed = {c.path for c in trees.changes(root, parents[0], commit)}
    if branch != "main":
        for parent in parents[1:]:
            if parent in main_chain:
                changed &= {c.path for c in trees.changes(root, parent, commit)}
    return changed


@dataclass(frozen=True)
class Current:
    """``main``'s current (latest verified) governance, and what was verified before it."""

    rules: Governance
    anchors: tuple[str, ...] = ()
    """Commits already verified (main's verified tip, remembered tips): their ancestors stay valid."""

    def grandfathered(self, root: Path | str, commit: str) -> bool:
        """Tell whether ``commit`` was validated before: an ancestor of a verified tip, not a signer-chosen date."""
        return any(trees.is_ancestor(root, commit, anchor) for anchor in self.anchors)


def revocation_problems(root: Path | str, branch: str, commit: str, parents: list[str], key: str, *,
                        today: dt.date, current: Current, main_chain: frozenset[str] = frozenset()) -> list[str]:
    """Return a French problem when ``main``'s current governance no longer allows the signer of ``commit``.

    A validation that is an ancestor of a verified tip (``current.anchors``)
    was accepted before the revocation and stays valid; anything else signed
    by a revoked key is refused, whatever date it claims.
    """
    now_rules = governance.by_key(current.rules, key)
    reason = ""
    if now_rules is None:
        reason = "sa clé a été retirée de la gouvernance actuelle de main"
    elif not governance.is_active(now_rules, today):
        reason = "sa clé n'est plus valide selon la gouvernance actuelle de main"
    elif governance.by_key(governance.governance_at(root, parents[0]), key) != now_rules and governance.scope_problems(
            now_rules, branch, changed_paths(root, branch, commit, parents, main_chain)):
        reason = "la gouvernance actuelle de main ne lui permet plus cette validation"
    if not reason or current.grandfathered(root, commit):
        return []
    return [f"{commit[:10]} : validation révoquée ({reason}) ; seules ses validations antérieures à la "
            "révocation restent valides"]


def rollback_problem(branch: str, remembered: str) -> str:
    """Return the French refusal of a branch that no longer contains the tip this verifier verified."""
    return (f"retour en arrière refusé : « {printable(branch)} » ne contient plus {remembered[:10]}, la "
            "dernière pointe déjà vérifiée sur ce poste (historique réécrit ou ancienne copie) ; si cette "
            "réécriture est voulue, lancez « traam verify --oublier-les-sommets »")
