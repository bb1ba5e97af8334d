"""Provides the roles a user plays in the demo: who they are, their académie and signing key, in the demo only.

Playing a role writes the demo repository's **local** git config
(``user.name``, ``user.email``, ``traam.academie``, ``gpg.format`` and
``user.signingkey`` for reviewers; a teacher signs nothing), never the
user's global config. The roles were written by :func:`store.demo.build.build`
in the demo's key folder (``roles.json``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from store.demo.plan import NATIONAL, Contribution, academic
from store.errors import StoreError
from store.git import demo_history, repo

ROLES = {
    "enseignant": "enseignant·e : propose des scénarios, lit les demandes de modification",
    "relecteur-academique": "relecteur·rice académique : valide les contributions de son académie",
    "relecteur-national": "relecteur·rice national·e : valide au niveau national, gère la gouvernance",
}
"""The roles, by code, with a French line that says what each does."""
ROLE_KEY = "traam.demoRole"
"""Local config key that remembers the role played."""


def load(keys_folder: Path) -> dict[str, dict[str, str]]:
    """Return the demo's roles (``{role: {name, email, academie, key, branch}}``).

    Raises:
        StoreError: the file is missing or unreadable (a demo made by an older traam: ``--reset``).
    """
    try:
        found = json.loads((keys_folder / "roles.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError("ce commun de démonstration n'a pas de rôles (créé par une version précédente) : "
                         "recréez-le avec « traam demo --reset »") from error
    if not isinstance(found, dict) or not all(isinstance(v, dict) for v in found.values()):
        raise StoreError("rôles de démonstration illisibles : recréez le commun avec « traam demo --reset »")
    return {str(k): {str(a): str(b) for a, b in v.items()} for k, v in found.items()}


def play(root: Path | str, role: str, roles: dict[str, dict[str, str]]) -> dict[str, str]:
    """Configure the demo repository at ``root`` for ``role``; return that role's entry.

    Raises:
        StoreError: unknown role, or a reviewer's key is missing.
    """
    entry = roles.get(role)
    if entry is None:
        raise StoreError(f"rôle inconnu « {role[:40]} » (possibles : {', '.join(ROLES)})")
    repo.set_local_config(root, "user.name", entry["name"])
    repo.set_local_config(root, "user.email", entry["email"])
    if entry.get("academie"):
        repo.set_local_config(root, "traam.academie", entry["academie"])
    else:
        demo_history.unset_local_config(root, "traam.academie")
    if entry.get("key"):
        if not Path(entry["key"]).is_file():
            raise StoreError(f"clé de démonstration introuvable : « {entry['key']} » (traam demo --reset)")
        repo.set_local_config(root, "gpg.format", "ssh")
        repo.set_local_config(root, "user.signingkey", entry["key"])
    else:
        demo_history.unset_local_config(root, "user.signingkey")
    repo.set_local_config(root, ROLE_KEY, role)
    return entry


def current(root: Path | str) -> str:
    """Return the role played in the demo at ``root`` ('' when none)."""
    return repo.config_value(root, ROLE_KEY)


def teacher_of(latest: list[Contribution]) -> tuple[str, str]:
    """Return who the teacher role is: the author of the first contribution with changes requested."""
    asked = next((c for c in latest if c.state == "modifications"), latest[0] if latest else None)
    return asked.author if asked else ("Enseignant·e (exemple)", "enseignant@example.org")


def define(keys: dict[str, Path], latest: list[Contribution]) -> dict[str, dict[str, str]]:
    """Return the demo's roles: the teacher, the academic reviewer of the académie with a scenario to review,
    the national reviewer (``{role: {name, email, academie, key, branch}}``)."""
    teacher = teacher_of(latest)
    asked = next((c for c in latest if c.author == teacher), None)
    proposed = [c.academie for c in latest if c.state == "propose"]
    scenario = next((c.academie for c in latest if c.state == "propose" and c.kind == "scenario"), "")
    academie = scenario or (max(sorted(set(proposed)), key=proposed.count) if proposed else "")
    roles = {"enseignant": {"name": teacher[0], "email": teacher[1],
                            "academie": asked.academie if asked else "", "key": "",
                            "branch": asked.branch if asked else ""}}
    if academie:
        name, email = academic(academie)
        roles["relecteur-academique"] = {"name": name, "email": email, "academie": academie,
                                         "key": os.fspath(keys[academie]), "branch": ""}
    roles["relecteur-national"] = {"name": NATIONAL[0], "email": NATIONAL[1], "academie": "",
                                   "key": os.fspath(keys[""]), "branch": ""}
    return roles
