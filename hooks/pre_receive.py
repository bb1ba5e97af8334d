"""Provides the ``pre-receive`` hook of a self-hosted bare commons: what a push may change.

For every updated ref: on ``main`` / ``academie/*``, no deletion, no rewrite
and only signed ``--no-ff`` merges by reviewers that the governance of the old
tip allows, governance changed only by national merges, no clock skew (all
checked by :func:`store.review.verify.verify_update`, the same verification as
``traam verify``); on every branch, each new commit may hold only regular
files at layout paths, under the size caps, that are valid records, and is
not dated in the future. Tags are never moved nor deleted; other refs than
branches, tags and review notes are refused. Reasons are French lines (git shows them as ``remote:``);
exit 1 refuses the whole push.

Git keeps the pushed objects in a quarantine until this hook accepts them:
nested git calls see them because :func:`store.git.environment` keeps the
quarantine variables (``GIT_QUARANTINE_PATH`` set).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from hooks import report
from hooks.checks import errors, file_problems, rule_problems, rule_scope
from store.git.plumbing import EMPTY_TREE, ZERO, commit_info, list_tree
from store.git import trees
from store.git import run
from store.review.governance import branch_scope
from store.review.verify import verify_update

MAX_FUTURE = 3600
"""Seconds a commit may be dated ahead of the server's clock."""


@dataclass(frozen=True, slots=True)
class Update:
    """One line of pre-receive's input."""

    old: str
    new: str
    ref: str

    @property
    def branch(self) -> str:
        return self.ref.removeprefix("refs/heads/")


def parse(stdin: bytes) -> list[Update]:
    """Parse ``<old> <new> <ref>`` lines."""
    updates = []
    for line in stdin.decode("utf-8", "surrogateescape").splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3:
            updates.append(Update(*parts))
    return updates


def new_commits(root: Path, update: Update) -> list[str]:
    """Return the commits this update brings that no ref of the repository holds yet (oldest first)."""
    done = run(root, "rev-list", "--reverse", "--topo-order", update.new, "--not", "--all")
    return done.stdout.decode().split()


def content_reasons(root: Path, commits: list[str], protected: bool, tip: str) -> list[str]:
    """Check every file each new commit changes; on protected branches also the rules at the tip."""
    reasons: list[str] = []
    checked: dict[str, tuple[str, str]] = {}
    now = time.time()
    for commit in commits:
        parents, stamp = commit_info(root, commit)
        if stamp > now + MAX_FUTURE:
            when = time.strftime("%Y-%m-%d %H:%M", time.gmtime(stamp))
            reasons.append(f"{commit[:10]} : daté dans le futur ({when} UTC), horloge refusée")
        for change in trees.changes(root, parents[0] if parents else EMPTY_TREE, commit):
            if change.new_blob is not None:
                checked.setdefault(change.path, (change.new_mode, change.new_blob))
    if not checked and not protected:
        return reasons
    problems, loaded = file_problems(root, checked, checked.keys())
    if protected:
        touched = set(checked)
        problems += rule_problems(root, list_tree(root, tip, *rule_scope(touched)), touched, loaded)
    reasons += [f"{p.path}:{p.line}:{p.column}: {p.message}" for p in errors(problems)]
    return reasons


def protected_reasons(root: Path, update: Update) -> list[str]:
    """Check an update of ``main`` / ``academie/*`` with :func:`store.review.verify.verify_update`.

    It refuses deletion, rewrites (force push), direct commits, and merges not
    signed by a reviewer that the governance of the parent allows for the
    branch and the records changed, or dated far from now.
    """
    if update.old == ZERO and update.branch == "main" and trees.rev(root, "refs/heads/main") is None:
        return []  # the very first push of a commons: its root becomes the trust root
    return verify_update(root, update.ref, update.old, update.new)


def check(root: Path, updates: list[Update]) -> list[str]:
    """Return every French reason to refuse the push (empty: accept)."""
    reasons = []
    for update in updates:
        where = f"« {update.ref} »"
        if update.ref.startswith("refs/heads/"):
            protected = branch_scope(update.branch) is not None
        elif update.ref.startswith("refs/tags/"):
            if update.old != ZERO:
                reasons.append(f"{where} : une étiquette ne se déplace ni ne se supprime")
                continue
            protected = False
        elif update.ref == "refs/notes/traam-review":
            continue  # review notes: comments keyed by commit, not records
        else:
            reasons.append(f"{where} : référence non permise dans un commun")
            continue
        if protected:
            reasons += [f"{where} : {r}" for r in protected_reasons(root, update)]
        if update.new != ZERO:
            commits = new_commits(root, update)
            reasons += [f"{where} : {r}" for r in content_reasons(root, commits, protected, update.new)]
    return reasons


def main(argv: list[str], stdin: bytes | None = None) -> int:
    """Run the hook on git's input; return 1 to refuse the push."""
    reasons = check(Path.cwd(), parse(stdin or b""))
    if reasons:
        report.line("traam : envoi refusé par le commun :")
        for reason in reasons:
            report.line(f"  {reason}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], sys.stdin.buffer.read()))
