"""Provides the one choice of which ref counts for each validation branch, shared by verify, status and the TUI.

A branch may exist locally and on several remotes (the shared commons, a
fetched fork). Each candidate is verified from the **same** trust root
(:mod:`store.review.trust`); the retained one is the candidate whose
verified part goes furthest, the local branch winning when they diverge.
A fork's branch therefore counts only when it verifies from our root and
contains what we already verified; "newest" alone never wins. After a
verification, the newest verified tips are remembered (rollback guard).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from records.text import printable
from store.git import network, refs, repo, trees
from store.review import governance, trust, verify


def verified_repository(path: Path | str = ".") -> Path:
    """Return the repository ``traam verify`` checks: the work tree holding ``path``, or ``path`` itself in a
    bare repository (a forge's server side has no work tree, hence no :class:`store.commons.Commons`)."""
    return repo.toplevel_or_bare(path)


def branch_named(root: Path | str, ref: str) -> str:
    """Return the branch a user named: ``main``, ``refs/heads/main`` or ``origin/main`` are the same branch."""
    ref = ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")
    first, _, rest = ref.partition("/")
    return rest if rest and first in network.remotes(root) else ref


def _short(ref: str) -> str:
    return ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")


def select(root: Path | str, branch: str, *, now: dt.datetime | None = None,
           main: str | None = None) -> verify.BranchReport:
    """Verify every candidate ref of ``branch`` and return the report of the one retained.

    Args:
        main: for an académie branch, the tip of the retained ``main`` (default: chosen here too).

    Returns:
        The retained candidate's :class:`~store.review.verify.BranchReport` (its ``ref`` set,
        ``ignored`` telling why other candidates were left out); ``tip`` is None when the
        branch exists nowhere.
    """
    if branch != "main" and main is None:
        main = select(root, "main", now=now).tip
    reports = []
    for ref, oid in refs.candidates(root, branch):
        report = verify.verify_branch(root, branch, tip=oid, main=main, now=now)
        report.ref = ref
        reports.append(report)
    best: verify.BranchReport | None = None
    for report in reports:
        if report.verified is None:
            continue
        if best is None or (report.verified != best.verified and best.verified is not None
                            and trees.is_ancestor(root, best.verified, report.verified)):
            best = report
    chosen = best or (reports[0] if reports else verify.BranchReport(branch, None))
    chosen.ignored = [f"{printable(_short(r.ref))} non retenue : {r.problems[0]}"
                      for r in reports if r is not chosen and r.problems]
    return chosen


def main_tip(root: Path | str, now: dt.datetime | None = None) -> str | None:
    """Return the tip of the ``main`` this verifier retains (see :func:`select`)."""
    return select(root, "main", now=now).tip


def branch_names(root: Path | str) -> list[str]:
    """Return ``main`` and the ``academie/*`` branches, local or remote-tracking, ``main`` first."""
    names = set()
    for ref in trees.refs(root, "refs/heads/main", "refs/heads/academie/", "refs/remotes/"):
        short = ref.removeprefix("refs/heads/") if ref.startswith("refs/heads/") else ref.split("/", 3)[-1]
        if governance.branch_scope(short) is not None:
            names.add(short)
    return sorted(names, key=lambda n: (n != "main", n))


def verify_commons(root: Path | str, branches: list[str] | None = None, *, now: dt.datetime | None = None,
                   remember: bool = True) -> list[verify.BranchReport]:
    """Verify ``branches`` (default: all validation branches) as ``traam verify``, ``status`` and the TUI do.

    Args:
        remember: record the newest verified tips in the user's data folder (rollback guard).
    """
    names = branches or branch_names(root)
    main = select(root, "main", now=now)
    if remember:
        _remember(root, [main])
    reports = [main] if "main" in names else []
    for name in names:
        if name != "main":
            reports.append(select(root, name, now=now, main=main.tip))
    if remember:
        _remember(root, reports)
    return reports


def _remember(root: Path | str, reports: list[verify.BranchReport]) -> None:
    """Remember each report's verified tip when it contains the one remembered before (never go back)."""
    held = None
    for report in reports:
        if report.verified is None or report.tip is None:
            continue
        held = held or trust.anchor(root, report.tip if report.branch == "main" else None)
        if held is None:
            return
        before = held.tips.get(report.branch)
        if before is None or before == report.verified or trees.is_ancestor(root, before, report.verified):
            trust.remember(root, held, report.branch, report.verified)
