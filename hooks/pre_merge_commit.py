"""Provides the ``pre-merge-commit`` hook: no plain merge into a protected branch.

A merge into ``main`` or ``academie/*`` is a validation: it must be the
signed, record-aware merge that ``traam review approve`` makes (which runs
git with hooks off, so this hook never blocks it).
"""

from __future__ import annotations

from pathlib import Path

from hooks import report
from store.git import refs
from store.review.governance import branch_scope


def main(argv: list[str], stdin: bytes | None = None) -> int:
    """Run the hook; return 1 to refuse a merge commit on a protected branch."""
    branch = refs.current_branch(Path.cwd()) or ""
    if branch_scope(branch) is None:
        return 0
    report.line(f"traam : fusion refusée : la branche « {branch} » est une branche de validation.")
    report.line(
        "Une fusion y vaut validation et doit être signée : utilisez « traam review approve REF » "
        "(ou faites la fusion sur une autre branche, puis proposez-la avec « traam submit »)."
    )
    return 1
