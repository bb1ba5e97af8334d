"""Provides the catch-up of an académie branch with ``main`` (new governance, other académies' validations).

When ``main`` already holds the whole académie branch, the branch simply
moves forward to ``main`` (no signature needed: that history is verified
national history). Otherwise an academic reviewer of that académie makes a
signed record-aware merge of ``main`` into it; what comes unchanged from
``main`` is outside the reviewer's scope check, and ``traam verify`` accepts
it on the same terms.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

from records import vocab
from records.text import printable
from store.errors import StoreError
from store.git import network, trees
from store.review import contrib, verify
from store.review import decide as review


class CatchUp(Enum):
    """What a catch-up did when it made no merge."""

    UP_TO_DATE = "up-to-date"
    """The académie branch already contains ``main``: nothing to do."""
    FAST_FORWARD = "fast-forward"
    """The académie branch moved forward to ``main`` (verified national history, no signature needed)."""


def catch_up(root: Path | str, academie: str, *, resolutions: dict[str, str] | None = None, key: Path | None = None,
             push: bool = True, now: dt.datetime | None = None) -> review.Approved | CatchUp:
    """Bring ``academie/<academie>`` up to date with ``main``.

    Returns:
        The signed merge (:class:`store.review.decide.Approved`), or
        :attr:`CatchUp.FAST_FORWARD`, or :attr:`CatchUp.UP_TO_DATE` when there was nothing to do.

    Raises:
        StoreError: unknown académie, missing branches, ``main`` not verified,
            conflicts (:class:`store.review.decide.UnresolvedConflicts`), or the reviewer's key not allowed.
    """
    if academie not in vocab.ACADEMIES:
        raise StoreError(f"académie inconnue « {printable(academie)} »")
    branch = f"academie/{academie}"
    target, main = trees.newest(root, branch), trees.newest(root, "main")
    if target is None or main is None:
        raise StoreError(f"« {branch} » ou « main » est introuvable")
    if trees.is_ancestor(root, main[1], target[1]):
        return CatchUp.UP_TO_DATE
    chain = verify.verified_main_chain(root, main[1], now)
    if main[1] not in chain:
        raise StoreError("« main » ne se vérifie pas : lancez « traam verify main » avant de suivre main")
    item = review.Candidate("main", main[0], main[1], branch, target[0], target[1], academie)
    if trees.is_ancestor(root, target[1], main[1]):
        review.move_branch(root, item, main[1])
        remote = contrib.default_remote(root)
        if push and remote:
            network.push(root, remote, f"refs/heads/{branch}:refs/heads/{branch}")
        return CatchUp.FAST_FORWARD
    return review.validate(root, item, resolutions=resolutions, key=key, push=push, now=now, main_chain=chain)
