"""Provides the governance of a commons at a commit: who may validate what, and their SSH keys.

Trust always comes from a commit chosen by the verifier (the parent of a
merge on the protected branch), never from the working tree, so that a
change cannot authorise itself (SECURITY.md, fact 5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from records import codec, layout
from records.models import Governance, Reviewer
from records.text import printable
from store.git import trees

PROTECTED_PREFIX = "academie/"
"""Branches of academic validation; ``main`` is the national one."""


def governance_at(root: Path | str, commit: str) -> Governance:
    """Return the governance recorded in ``commit`` (empty when missing or invalid: nobody may validate)."""
    return parse_governance(trees.file_at(root, commit, layout.GOVERNANCE))


def governances_at(root: Path | str, commits: list[str]) -> dict[str, Governance]:
    """Return :func:`governance_at` of each commit, reading them all through one ``git cat-file``."""
    parsed: dict[bytes | None, Governance] = {}
    found = {}
    for commit, data in trees.files_at(root, commits, layout.GOVERNANCE).items():
        if data not in parsed:
            parsed[data] = parse_governance(data)
        found[commit] = parsed[data]
    return found


def parse_governance(data: bytes | None) -> Governance:
    """Return the governance in the bytes of its file (empty when missing or invalid: nobody may validate)."""
    if data is None:
        return Governance()
    loaded = codec.load(layout.GOVERNANCE, data)
    if not loaded.ok or not isinstance(loaded.record, Governance):
        return Governance()
    return loaded.record


def key_body(public_key: str) -> str:
    """Return ``type base64`` of an OpenSSH public key line, without its comment."""
    return " ".join(public_key.split()[:2])


def allowed_signers(governance: Governance) -> str:
    """Return the text of an ssh ``allowed_signers`` file built from ``governance``.

    Validity dates are not written in it: git would check them against the
    committer date, which the signer chooses; :func:`is_active` checks them
    against today instead.
    """
    lines = []
    for reviewer in governance.reviewers:
        principal = reviewer.principal.replace('"', "")
        lines.append(f'"{principal}" namespaces="git" {key_body(reviewer.public_key)}')
    return "\n".join(lines) + "\n"


def is_active(reviewer: Reviewer, today: dt.date) -> bool:
    """Tell whether the reviewer's key may sign on ``today`` (valid_from ≤ today ≤ valid_until)."""
    if reviewer.valid_from is not None and today < reviewer.valid_from:
        return False
    return reviewer.valid_until is None or today <= reviewer.valid_until


def by_principal(governance: Governance, principal: str) -> list[Reviewer]:
    """Return the reviewers whose principal is exactly ``principal``."""
    return [r for r in governance.reviewers if r.principal == principal]


def by_key(governance: Governance, public_key: str) -> Reviewer | None:
    """Return the reviewer holding ``public_key`` (compared without the comment), or None."""
    body = key_body(public_key)
    return next((r for r in governance.reviewers if key_body(r.public_key) == body), None)


def branch_scope(branch: str) -> tuple[str, str] | None:
    """Return ``(role, académie)`` needed to validate into ``branch``, or None if it is not protected."""
    if branch == "main":
        return ("national", "")
    if branch.startswith(PROTECTED_PREFIX):
        return ("academique", branch[len(PROTECTED_PREFIX):])
    return None


def scope_problems(reviewer: Reviewer, branch: str, paths: Iterable[str]) -> list[str]:
    """Return French reasons why ``reviewer`` may not validate changes to ``paths`` into ``branch``.

    Academic reviewers validate into ``academie/<a>`` for an académie of their
    scope, only teams and scenarios of that académie; national reviewers
    validate into ``main``, and are the only ones who may change governance,
    the manifest, campaigns, themes or any other file. Disciplines of the
    changed records must be in the reviewer's disciplines when those are listed.
    """
    scope = branch_scope(branch)
    who = f"{printable(reviewer.name)} <{printable(reviewer.principal)}>"
    if scope is None:
        return [f"« {printable(branch)} » n'est pas une branche de validation"]
    role, academie = scope
    if reviewer.role != role:
        wanted = "nationale" if role == "national" else "académique"
        return [f"{who} n'a pas le rôle de validation {wanted} requis pour « {printable(branch)} »"]
    if role == "academique" and academie not in reviewer.academies:
        return [f"{who} ne valide pas pour l'académie « {printable(academie)} »"]
    problems = []
    for path in sorted(set(paths)):
        try:
            location = layout.locate(path)
        except layout.LayoutError:
            location = None
        if role == "academique":
            if location is None or location.kind not in ("team", "scenario"):
                what = "la gouvernance" if path == layout.GOVERNANCE else f"« {printable(path)} »"
                problems.append(f"{who} (académique) ne peut pas modifier {what} : "
                                "réservé à la validation nationale")
                continue
            if location.academie != academie:
                problems.append(f"{who} ne peut pas valider « {printable(path)} », d'une autre académie")
                continue
        if reviewer.disciplines and location is not None and location.kind in ("theme", "team", "scenario"):
            if location.discipline not in reviewer.disciplines:
                problems.append(
                    f"{who} ne valide pas la discipline « {printable(location.discipline)} » "
                    f"(« {printable(path)} »)")
        elif reviewer.disciplines and (location is None or location.kind not in ("theme", "team", "scenario")):
            problems.append(f"{who} est limité à certaines disciplines et ne peut pas modifier "
                            f"« {printable(path)} »")
    return problems


def entry_toml(reviewer: Reviewer) -> str:
    """Return the ``[[reviewers]]`` TOML block of ``reviewer``, to paste into governance/reviewers.toml."""
    return codec.dump(Governance(reviewers=[reviewer]))
