"""Provides the status codes of the review as enums: record states and review decisions.

Both are :class:`enum.StrEnum`: a member *is* its code string, so JSON output,
note lines and cache files stay byte-identical to the plain codes they
replace, and comparisons with a code read from a file keep working. The
French labels live beside the data (:data:`records.vocab.STATES`,
:data:`store.review.notes.DECISIONS`).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Decision", "RecordState"]


class RecordState(StrEnum):
    """Validation state of a record, derived from git (codes of :data:`records.vocab.STATES`)."""

    DRAFT = "brouillon"
    """Only on a contribution branch that is not pushed (or changed since)."""
    PROPOSED = "propose"
    """The pushed contribution branch holds this version."""
    CHANGES_REQUESTED = "modifications"
    """The pushed tip carries an authenticated « modifications demandées » note."""
    REFUSED = "refuse"
    """The pushed tip carries an authenticated refusal."""
    ACADEMIC = "academique"
    """The version of the verified tip of ``academie/<its académie>``."""
    NATIONAL = "national"
    """The version of the verified tip of ``main``."""

    @property
    def validated(self) -> bool:
        """True for the academic and national validations."""
        return self in (RecordState.ACADEMIC, RecordState.NATIONAL)


class Decision(StrEnum):
    """Decision of a signed review note (the ``decision`` field of a note line)."""

    CHANGES = "modifications"
    """Changes requested: the contribution leaves the queue until its author pushes again."""
    REFUSE = "refus"
    """Refused: the branch stays, the contribution leaves the queue."""
    COMMENT = "commentaire"
    """A comment: changes no state."""

    @property
    def blocks(self) -> bool:
        """True for the decisions that take a contribution out of the queue (changes, refusal)."""
        return self is not Decision.COMMENT

    @classmethod
    def of(cls, code: str) -> Decision | str:
        """Return the member for ``code``, or ``code`` itself when a foreign note line carries another word."""
        try:
            return cls(code)
        except ValueError:
            return code
