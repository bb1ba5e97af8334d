"""Provides the store operations behind the review, contribution and sync screens (run from thread workers).

Nothing here runs git nor imports Textual: the queue lives in
:mod:`store.review.queue`, the author's view in :mod:`store.review.authoring`,
sync in :mod:`store.remotes`; this module adds the reviewer-facing wording of
signing failures. Errors are the store's French ``StoreError``.
"""

from __future__ import annotations

from pathlib import Path

from store.errors import StoreError
from store.remotes import abort_merge
from store.review import decide as review
from store.review import signing
from store.review.authoring import Contribution, author_notes, configured_academie, contribution
from store.review.queue import Queue, fetch, load_queue

__all__ = ["NoSigningKey", "SIGNING_FAILED", "SIGNING_HELP", "Contribution", "Queue", "abort_merge", "approve",
           "author_notes", "configured_academie", "contribution", "fetch", "load_queue"]

SIGNING_HELP = (
    "Aucune clé de signature n'est configurée pour ce commun : une validation est une fusion signée "
    "avec votre clé SSH.\n\n"
    "Dans un terminal, à la racine du commun, lancez :\n"
    "  traam reviewer setup          (votre clé ~/.ssh/id_ed25519)\n"
    "  traam reviewer setup --new    (une nouvelle clé)\n\n"
    "puis faites ajouter l'entrée affichée à governance/reviewers.toml par un relecteur national."
)
"""What to tell a reviewer who tries to validate without a signing key."""

SIGNING_FAILED = ("La signature a échoué. Vérifiez que la clé configurée (git config user.signingkey) est lisible "
                  "et, si elle a une phrase de passe, qu'elle est chargée dans ssh-agent (ssh-add).")


class NoSigningKey(StoreError):
    """No signing key is configured in this commons."""

    def __init__(self) -> None:
        super().__init__(SIGNING_HELP)


def approve(root: Path | str, name: str, resolutions: dict[str, str] | None = None, *,
            tip: str | None = None) -> review.Approved:
    """Validate ``name`` with a signed merge (see :func:`store.review.decide.approve`).

    ``tip`` is the tip the screen showed: the approval is refused if the branch moved since.

    Raises:
        NoSigningKey: no key configured (the message says which command to run).
        review.UnresolvedConflicts: fields still to choose.
        StoreError: anything else the store refuses, in French.
    """
    if signing.signing_key(root) is None:
        raise NoSigningKey()
    try:
        return review.approve(root, name, resolutions=resolutions, tip=tip)
    except review.UnresolvedConflicts:
        raise
    except StoreError as error:
        if "gpg.format" in error.message or "sign" in error.stderr.lower():
            raise StoreError(f"{SIGNING_FAILED}\n\n{error.message}", error.stderr) from error
        raise
