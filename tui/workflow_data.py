"""Provides the reviewer-facing wording of signing failures around ``commons.review.approve`` (run from workers).

Nothing here runs git nor imports Textual: the review, the author's view and
sync are operations of the commons (``commons.review``,
``commons.contribution``, ``commons.remotes``); this module only adds what a
reviewer reads when signing fails. Errors are the store's French ``StoreError``.
"""

from __future__ import annotations

from store.commons import Commons
from store.errors import StoreError
from store.review.reviews import Approved, Contribution, Queue, UnresolvedConflicts

__all__ = ["NoSigningKey", "SIGNING_FAILED", "SIGNING_HELP", "Contribution", "Queue", "approve"]

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


def approve(commons: Commons, name: str, resolutions: dict[str, str] | None = None, *,
            tip: str | None = None) -> Approved:
    """Validate ``name`` with a signed merge (see :meth:`store.review.reviews.Reviews.approve`).

    ``tip`` is the tip the screen showed: the approval is refused if the branch moved since.

    Raises:
        NoSigningKey: no key configured (the message says which command to run).
        UnresolvedConflicts: fields still to choose.
        StoreError: anything else the store refuses, in French.
    """
    if commons.review.signing_key() is None:
        raise NoSigningKey()
    try:
        return commons.review.approve(name, resolutions=resolutions, tip=tip)
    except UnresolvedConflicts:
        raise
    except StoreError as error:
        if "gpg.format" in error.message or "sign" in error.stderr.lower():
            raise StoreError(f"{SIGNING_FAILED}\n\n{error.message}", error.stderr) from error
        raise
