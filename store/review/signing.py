"""Provides SSH signing for reviewers: the configured key, reviewer setup, and signed merge commits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from records.models import Governance, Reviewer
from store.errors import StoreError
from store.git import repo, signatures, trees
from store.review import governance


@dataclass(frozen=True, slots=True)
class SigningSetup:
    """The signing configuration written by :func:`setup`."""

    private_key: Path
    public_key: str
    """OpenSSH public key line."""
    created: bool


def signing_key(root: Path | str) -> Path | None:
    """Return the private key configured for signing in this commons (``user.signingkey``), or None."""
    value = repo.config_value(root, "user.signingkey")
    if not value or value.startswith(("ssh-", "key::")):
        return None
    return Path(value).expanduser()


def public_key_of(private_key: Path) -> str:
    """Return the OpenSSH public key line of ``private_key`` (see :func:`store.git.signatures.public_key`).

    Raises:
        StoreError: the key cannot be read.
    """
    return signatures.public_key(private_key)


def setup(root: Path | str, *, key: Path | None = None, new: bool = False, comment: str = "") -> SigningSetup:
    """Configure SSH signing for this commons (local git config) with an existing or a new ed25519 key.

    Args:
        key: the private key to use; default ``~/.ssh/id_ed25519`` (or, with
            ``new``, ``~/.ssh/traam_ed25519``).
        new: create the key with ``ssh-keygen -t ed25519`` (refused if the file exists).

    Raises:
        StoreError: the key is missing, exists already when ``new``, or ssh-keygen fails.
    """
    created = False
    if key is None:
        key = Path("~/.ssh/traam_ed25519" if new else "~/.ssh/id_ed25519").expanduser()
    key = key.expanduser().absolute()
    if new:
        if key.exists():
            raise StoreError(f"la clé « {key} » existe déjà : utilisez --cle sans --nouvelle")
        signatures.create_key(key, comment=comment, passphrase="")
        created = True
    elif not key.is_file():
        raise StoreError(f"clé introuvable : « {key} » (utilisez --cle CHEMIN ou --nouvelle)")
    public = public_key_of(key)
    repo.set_local_config(root, "gpg.format", "ssh")
    repo.set_local_config(root, "user.signingkey", str(key))
    return SigningSetup(key, public, created)


def reviewer_entry(public_key: str, *, name: str, principal: str, role: str, academies: list[str],
                   disciplines: list[str]) -> str:
    """Return the governance TOML block for a reviewer (validated by the model)."""
    reviewer = Reviewer(name=name, principal=principal, role=role, academies=academies, disciplines=disciplines,
                        public_key=governance.key_body(public_key))
    return governance.entry_toml(reviewer)


def whoami(root: Path | str, rules: Governance) -> Reviewer | None:
    """Return the reviewer of ``rules`` whose key is this commons' signing key, or None."""
    key = signing_key(root)
    if key is None:
        return None
    try:
        return governance.by_key(rules, public_key_of(key))
    except StoreError:
        return None


def commit_signed(root: Path | str, tree: str, parents: list[str], message: str, key: Path) -> str:
    """Create a commit of ``tree`` with ``parents``, SSH-signed with ``key``; return its id.

    Raises:
        StoreError: signing failed (key unreadable, passphrase needed without an agent …).
    """
    return signatures.commit_tree(root, tree, parents, message, key)


def reviewer_label(root: Path | str) -> str:
    """Return ``Name <principal>`` of this commons' reviewer (from governance on main), else the git identity."""
    main = trees.rev(root, "refs/heads/main")
    me = whoami(root, governance.governance_at(root, main or "HEAD"))
    if me is not None:
        return f"{me.name} <{me.principal}>"
    name, email = repo.config_value(root, "user.name"), repo.config_value(root, "user.email")
    return f"{name} <{email}>"
