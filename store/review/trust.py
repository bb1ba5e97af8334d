"""Provides what a verifier holds outside any repository: its trust root and the newest tips it verified.

The trust root of a commons is, in this order: ``$TRAAM_TRUST_ROOT``, the
user's **global** git config ``traam.trustRoot``, else the root recorded on
first contact (``traam clone``, ``traam init``, ``traam demo``, or the first
verification of a commons). Nothing read from the repository — neither
``traam.toml`` nor its ``.git/config`` — ever chooses the root (SECURITY.md,
fact 11).

The record lives in the user's data folder
(``platformdirs.user_data_dir("traam")/trust/<identity>.json``), one file
per commons. A commons' identity is the oldest commit of the first-parent
chain of its local ``main``: it never changes as ``main`` grows. The record
also keeps, per trust root, the newest verified tip of ``main`` and of each
``academie/*``: a branch that no longer contains it is a rollback (the idea
of TUF's snapshot and gittuf's reference state log, kept simple), and what
it contains stays validated even if its signer is revoked later.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from records.text import printable
from store import safefs
from store.errors import StoreError
from store.git import log as git_log
from store.git import refs, repo

ENV_PIN = "TRAAM_TRUST_ROOT"
CONFIG_PIN = "traam.trustRoot"
_OID = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_MAX_RECORD = 1 << 20
"""A trust record is a few hundred bytes; anything bigger is not ours."""


@dataclass
class Anchor:
    """What this verifier holds for one commons."""

    identity: str
    """Oldest commit of ``main``'s first-parent chain (the name of the record file)."""
    root: str
    """The trust root in force: the pin, else the first-contact root."""
    source: str
    """Where ``root`` comes from, in French: « TRAAM_TRUST_ROOT », « traam.trustRoot (global) », « premier contact »."""
    tips: dict[str, str] = field(default_factory=dict)
    """Newest verified tip of each validation branch, remembered under ``root``."""


def data_folder() -> Path:
    """Return the folder of the trust records (``$XDG_DATA_HOME/traam/trust`` on Linux)."""
    return Path(platformdirs.user_data_dir("traam", appauthor=False)) / "trust"


def pinned_root(root: Path | str) -> tuple[str, str]:
    """Return ``(commit, source)`` pinned by the verifier (``("", "")`` when nothing is pinned).

    Raises:
        StoreError: a pin that is not a full commit id.
    """
    for value, source in ((os.environ.get(ENV_PIN, ""), ENV_PIN),
                          (None, f"{CONFIG_PIN} (configuration git globale)")):
        pinned = (value if value is not None else repo.global_config(root, CONFIG_PIN)).strip().lower()
        if pinned:
            if not _OID.match(pinned):
                raise StoreError(f"racine de confiance invalide dans {source} : « {printable(pinned)[:80]} » "
                                 "(attendu : l'identifiant complet d'un commit)")
            return pinned, source
    return "", ""


def identity(root: Path | str, tip: str | None = None) -> str | None:
    """Return the identity of the commons at ``root``: the oldest first-parent commit of its local ``main``.

    Args:
        tip: used only when the repository has no ``main`` yet (a server receiving its first push).
    """
    main = refs.main_tip(root) or tip
    return git_log.first_root(root, main) if main else None


def _path(name: str) -> Path:
    if not _OID.match(name):
        raise StoreError(f"identité de commun invalide : « {printable(name)[:80]} »")
    return data_folder() / f"{name}.json"


def _read(name: str) -> dict[str, Any] | None:
    """Return the record of commons ``name`` (None when there is none yet).

    Raises:
        StoreError: the record exists but is unreadable (never silently replaced: it holds trust).
    """
    path = _path(name)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"registre de confiance illisible : {path} ({error.strerror})") from error
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(_MAX_RECORD + 1)
    try:
        value = json.loads(data)
        if not isinstance(value, dict) or not _OID.match(str(value.get("root", ""))):
            raise ValueError("root")
        tips = value.get("tips", {})
        if not isinstance(tips, dict) or not all(
                isinstance(branches, dict) and all(isinstance(c, str) and _OID.match(c) for c in branches.values())
                for branches in tips.values()):
            raise ValueError("tips")
    except (ValueError, RecursionError) as error:
        raise StoreError(f"registre de confiance illisible : {path} ; vérifiez-le, ou supprimez-le pour "
                         "repartir du premier contact") from error
    return value


def _write(name: str, value: dict[str, Any]) -> bool:
    """Write the record of commons ``name`` atomically (O_EXCL|O_NOFOLLOW temp file, fsync, rename).

    Returns False when the disk refused (the verification still holds, nothing is remembered).
    """
    try:
        safefs.write_atomic(_path(name), json.dumps(value, sort_keys=True, indent=1).encode() + b"\n", private=True)
    except StoreError:
        return False
    return True


def record_first_contact(root: Path | str, tip: str | None = None) -> str | None:
    """Record this commons on first contact (its first commit becomes the root); return the recorded root.

    Idempotent: an existing record is never changed. Returns None for an empty repository.
    """
    name = identity(root, tip)
    if name is None:
        return None
    found = _read(name)
    if found is not None:
        return str(found["root"])
    _write(name, {"version": 1, "root": name, "tips": {}})
    return name


def anchor(root: Path | str, tip: str | None = None) -> Anchor | None:
    """Return the verifier's :class:`Anchor` for the commons at ``root`` (recording first contact if needed).

    Args:
        tip: the ``main`` being verified, used only when the repository has no ``main`` yet.
    """
    pinned, source = pinned_root(root)
    name = identity(root, tip)
    if name is None:
        return Anchor("", pinned, source) if pinned else None
    recorded = record_first_contact(root, tip) or name
    trusted = pinned or recorded
    found = _read(name) or {}
    tips = dict(found.get("tips", {}).get(trusted, {}))
    return Anchor(name, trusted, source or "premier contact", tips)


def remember(root: Path | str, held: Anchor, branch: str, commit: str) -> bool:
    """Remember ``commit`` as the newest verified tip of ``branch`` under ``held.root``.

    The caller checked that ``commit`` contains the tip remembered before.
    """
    if not held.identity or held.tips.get(branch) == commit:
        return True
    found = _read(held.identity) or {"version": 1, "root": held.identity, "tips": {}}
    found.setdefault("tips", {}).setdefault(held.root, {})[branch] = commit
    held.tips[branch] = commit
    return _write(held.identity, found)


def forget_tips(root: Path | str) -> int:
    """Forget the tips remembered for this commons under the root in force; return how many were forgotten.

    This is the explicit reset a user runs (``traam verify --oublier-les-sommets``) after a
    history was rewritten on purpose; the root recorded on first contact is kept.
    """
    held = anchor(root)
    if held is None or not held.identity:
        return 0
    found = _read(held.identity) or {}
    count = len(found.get("tips", {}).pop(held.root, {}) or {})
    if count:
        _write(held.identity, found)
    return count


def fingerprint(held: Anchor | None) -> str:
    """Return a short text that changes whenever the root or a remembered tip changes (for cache keys)."""
    if held is None:
        return "-"
    return held.root + ";" + ",".join(f"{b}={c}" for b, c in sorted(held.tips.items()))
