"""Provides the ``pre-receive`` hook of a self-hosted bare commons: what a push may change.

For every updated ref: no deletion and no rewrite of ``main`` / ``academie/*``;
on those branches only signed ``--no-ff`` merges by reviewers that the
governance of the old tip allows (:func:`store.verify.verify_update` when the
review layer provides it; otherwise the structural checks below), governance
changed only by merges into ``main``, no clock skew. On every branch, each new
commit may hold only regular files at layout paths, under the size caps, that
are valid records. Reasons are French lines (git shows them as ``remote:``);
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
from hooks.checks import errors, file_problems, rule_problems
from hooks.gitread import ZERO, Changed, commit_info, diff_trees, list_tree
from hooks.pre_merge_commit import is_protected
from records.layout import GOVERNANCE
from store.git import run, text

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
        parents, stamp, _signed = commit_info(root, commit)
        if stamp > now + MAX_FUTURE:
            reasons.append(f"{commit[:10]} : daté dans le futur ({time.strftime('%Y-%m-%d %H:%M', time.gmtime(stamp))} UTC), horloge refusée")
        changes: list[Changed] = diff_trees(root, parents[0] if parents else None, commit)
        for change in changes:
            if change.status != "D":
                checked.setdefault(change.path, (change.mode, change.blob))
    if not checked and not protected:
        return reasons
    problems, loaded = file_problems(root, checked, checked.keys())
    if protected:
        touched = set(checked)
        problems += rule_problems(root, list_tree(root, tip), touched, loaded)
    reasons += [f"{p.path}:{p.line}:{p.column}: {p.message}" for p in errors(problems)]
    return reasons


def first_parent_chain(root: Path, update: Update) -> list[tuple[str, list[str]]]:
    """Return ``[(commit, parents)]`` on the first-parent chain from ``new`` down to ``old`` (newest first)."""
    span = update.new if update.old == ZERO else f"{update.old}..{update.new}"
    lines = text(root, "rev-list", "--first-parent", "--parents", span).splitlines()
    return [(words[0], words[1:]) for words in (line.split() for line in lines)]


def blob_at(root: Path, commit: str, path: str) -> str | None:
    """Return the blob id of ``path`` in ``commit`` (None when absent)."""
    done = run(root, "rev-parse", "-q", "--verify", f"{commit}:{path}", check=False)
    return done.stdout.decode().strip() or None


def protected_reasons(root: Path, update: Update, main_tip: str | None) -> list[str]:
    """Check an update of ``main`` / ``academie/*``: no deletion, no rewrite, only signed merges."""
    branch = update.branch
    if update.new == ZERO:
        return [f"suppression de la branche protégée « {branch} » refusée"]
    if update.old != ZERO:
        if run(root, "merge-base", "--is-ancestor", update.old, update.new, check=False).returncode != 0:
            return [f"réécriture de « {branch} » refusée (poussée forcée) : l'historique validé ne se réécrit pas, "
                    "annulez plutôt par un « git revert »"]
    elif branch == "main" and main_tip is None:
        return []  # the very first push of a commons: its root becomes the trust root
    elif main_tip is None or run(root, "merge-base", "--is-ancestor", update.new, main_tip, check=False).returncode:
        return [f"la branche « {branch} » doit être créée à partir de « main »"]
    else:
        return []
    verify = _review_verifier()
    if verify is not None:
        return verify(root, update.ref, update.old, update.new)
    reasons = []
    for commit, parents in first_parent_chain(root, update):
        short = commit[:10]
        if len(parents) < 2:
            reasons.append(f"{short} : commit direct sur « {branch} » refusé (seules les fusions --no-ff signées "
                           "par un relecteur sont permises : traam review approve)")
            continue
        if not commit_info(root, commit)[2]:
            reasons.append(f"{short} : fusion non signée sur « {branch} » refusée")
        else:
            # Never accept a signature that cannot be checked against the governance.
            reasons.append(f"{short} : vérification des signatures indisponible sur ce serveur (mettez traam à jour)")
        if blob_at(root, commit, GOVERNANCE) != blob_at(root, parents[0], GOVERNANCE):
            reasons.extend(_governance_reasons(root, branch, short, commit, parents, main_tip))
    return reasons


def _governance_reasons(root: Path, branch: str, short: str, commit: str, parents: list[str],
                        main_tip: str | None) -> list[str]:
    if branch == "main":
        return []
    # An académie branch may only catch up with the governance that main already holds.
    wanted = blob_at(root, commit, GOVERNANCE)
    for parent in parents[1:]:
        on_main = main_tip is not None and not run(root, "merge-base", "--is-ancestor", parent, main_tip,
                                                    check=False).returncode
        if on_main and blob_at(root, parent, GOVERNANCE) == wanted:
            return []
    return [f"{short} : la gouvernance ne change que par une fusion nationale dans « main »"]


def _review_verifier():
    """Return :func:`store.verify.verify_update` when the review layer provides it, else None."""
    try:
        from store.verify import verify_update
    except ImportError:
        return None
    return verify_update


def check(root: Path, updates: list[Update]) -> list[str]:
    """Return every French reason to refuse the push (empty: accept)."""
    reasons = []
    main_tip = next((u.new for u in updates if u.ref == "refs/heads/main" and u.new != ZERO), None)
    if main_tip is None:
        main_tip = run(root, "rev-parse", "-q", "--verify", "refs/heads/main", check=False).stdout.decode().strip() or None
    for update in updates:
        where = f"« {update.ref} »"
        if update.ref.startswith("refs/heads/"):
            protected = is_protected(update.branch)
        elif update.ref in ("refs/notes/traam-review",) or update.ref.startswith("refs/tags/"):
            if update.old != ZERO and update.new != ZERO and update.ref.startswith("refs/tags/"):
                reasons.append(f"{where} : une étiquette ne se déplace pas")
            continue
        else:
            reasons.append(f"{where} : référence non permise dans un commun")
            continue
        if protected:
            reasons += [f"{where} : {r}" for r in protected_reasons(root, update, main_tip)]
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
