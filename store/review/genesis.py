"""Provides the genesis of a commons and the addition of reviewers: how trust starts and how it grows.

A new commons (``traam init``) is born with its first national reviewer:
an existing SSH key or a new one, their ``[[reviewers]]`` entry in
``governance/reviewers.toml`` of the first commit, that commit signed with
the key, the commons configured to sign with it, and the first commit
recorded as this user's trust root (first contact). Every later change of
governance, adding a reviewer included, is a contribution
(:func:`propose_reviewer`) that a national reviewer validates into ``main``
with a signed merge; nothing else can change who validates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from records import codec, layout
from records.models import Governance, Reviewer
from records.text import printable, slugify
from store.errors import StoreError
from store.git import commit, signatures, trees
from store.review import contrib, governance

DEFAULT_KEY = "~/.ssh/traam_ed25519"
"""Where ``traam init`` creates the first reviewer's key when none is chosen."""


@dataclass(frozen=True)
class Genesis:
    """The first national reviewer of a new commons."""

    key: Path
    reviewer: Reviewer
    created: bool
    """The key was made now (else an existing key was chosen)."""


def first_reviewer(*, name: str, principal: str, key: Path | None = None,
                   passphrase: str | None = "") -> Genesis:
    """Return the first national reviewer, creating their ed25519 key when ``key`` is None.

    Args:
        key: an existing private key; None: :data:`DEFAULT_KEY`, created when missing.
        passphrase: for a new key ('' for none; None: ssh-keygen asks it on the terminal).

    Raises:
        StoreError: the chosen key is missing or unreadable, ssh-keygen failed, or the entry is invalid.
    """
    created = False
    if key is None:
        key = Path(DEFAULT_KEY).expanduser()
        if not key.is_file():
            signatures.create_key(key, comment=principal or "traam", passphrase=passphrase)
            created = True
    key = key.expanduser().absolute()
    if not key.is_file():
        raise StoreError(f"clé introuvable : « {printable(str(key))} » (--cle CHEMIN d'une clé privée)")
    public = signatures.public_key(key)
    try:
        reviewer = Reviewer(name=name, principal=principal, role="national",
                            public_key=governance.key_body(public))
    except ValueError as error:
        raise StoreError(f"relecteur invalide : {printable(str(error).splitlines()[-1])[:200]}") from error
    return Genesis(key, reviewer, created)


def governance_text(reviewers: list[Reviewer]) -> str:
    """Return the canonical TOML of a governance holding ``reviewers``."""
    return codec.dump(Governance(reviewers=reviewers))


def propose_reviewer(root: Path | str, reviewer: Reviewer, *, academie: str) -> str:
    """Prepare the contribution that adds ``reviewer`` to governance; return its branch name.

    A branch ``contrib/<academie>/relecteur-<name>`` is created from ``main``
    (governance only changes by a national validation into ``main``) with
    one commit adding the entry to ``governance/reviewers.toml``, and checked out.

    Raises:
        StoreError: no ``main``, the key or principal is already in governance, the branch exists,
            or git failed.
    """
    main = trees.newest(root, "main")
    if main is None:
        raise StoreError("la branche main est introuvable")
    current = governance.governance_at(root, main[1])
    if governance.by_key(current, reviewer.public_key) is not None:
        raise StoreError("cette clé est déjà dans la gouvernance de main")
    if governance.by_principal(current, reviewer.principal):
        raise StoreError(f"« {printable(reviewer.principal)} » est déjà dans la gouvernance de main "
                         "(pour remplacer sa clé, modifiez son entrée)")
    branch = f"contrib/{academie}/relecteur-{slugify(reviewer.name, 40)}"
    if contrib.parse_branch(branch) is None:
        raise StoreError(f"académie inconnue « {printable(academie)} »")
    if trees.rev(root, f"refs/heads/{branch}"):
        raise StoreError(f"la contribution « {branch} » existe déjà")
    text = governance_text([*current.reviewers, reviewer])
    commit.commit_file_on_new_branch(root, branch, main[1], layout.GOVERNANCE, text.encode("utf-8"),
                                        f"Ajouter le relecteur {reviewer.name} <{reviewer.principal}>")
    return branch
