"""Provides the ``pre-receive`` hook of a self-hosted bare commons: what a push may change.

For every updated ref: on ``main`` / ``academie/*``, no deletion, no rewrite
and only signed ``--no-ff`` merges by reviewers that the governance of the old
tip allows, governance changed only by national merges, no clock skew (all
checked by :func:`store.review.verify.verify_update`, the same verification as
``traam verify``); on every branch, each new commit may hold only regular
files at layout paths, under the size caps, that are valid records, and is
not dated in the future — every version of every path, not only the first
one a push brings (SECURITY.md, fact 14). Tags are never moved nor deleted;
the review notes ref only grows by signed review lines (:mod:`hooks.notes_push`);
other refs are refused. Reasons are French lines (git shows them as ``remote:``);
exit 1 refuses the whole push.

Git keeps the pushed objects in a quarantine until this hook accepts them:
nested git calls see them because :func:`store.git.environment` keeps the
quarantine variables (``GIT_QUARANTINE_PATH`` set).
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from hooks import notes_push, report
from hooks.checks import Tree, errors, file_problems, rule_problems, rule_scope
from records import layout
from records.problems import Problem
from store.git import notes_ref, trees
from store.git.objectformat import empty_tree, is_null, object_format
from store.git.plumbing import SYMLINK, blob_sizes, commit_info, list_tree
from store.review.governance import branch_scope
from store.review.verify import verify_update

MAX_FUTURE = 3600
"""Seconds a commit may be dated ahead of the server's clock."""
MAX_OTHER = 1 << 20
"""Bytes a README, licence or CI file may hold."""


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
    """Return the commits this update brings that no branch or tag of the repository holds yet (oldest first).

    Commits that only the notes ref (or any other non-branch ref) reaches are
    checked again: they never passed the checks of a branch.
    """
    return notes_ref.new_commits(root, update.new, ("--branches", "--tags"))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _other_file_problems(root: Path, changed: Tree) -> list[Problem]:
    """Refuse escape sequences and invisible controls in the commons' other text files (README, CI …)."""
    others = {path: blob for path, (mode, blob) in changed.items() if path in layout.OTHER_FILES and mode != SYMLINK}
    sizes = blob_sizes(root, list(set(others.values())))
    contents = trees.read_blobs(root, [b for b in set(others.values()) if sizes.get(b, 0) <= MAX_OTHER])
    problems = []
    for path, blob in sorted(others.items()):
        if blob not in contents:
            problems.append(Problem(path, 0, 0, "fichier trop gros", rule="size"))
            continue
        text = contents[blob].decode("utf-8", "replace")
        for number, line in enumerate(text.splitlines(), start=1):
            found = _CONTROL.search(line)
            if found:
                message = f"caractère de contrôle U+{ord(found.group()):04X} refusé (séquence d'échappement)"
                problems.append(Problem(path, number, found.start() + 1, message, rule="control"))
                break
    return problems


def _layers(root: Path, commits: list[str]) -> tuple[list[Tree], list[str]]:
    """Return every version each commit brings, as layers of ``{path: (mode, blob)}`` (one version per path
    and layer: the second commit's version of a path is checked too), and the clock problems."""
    layers: list[Tree] = []
    seen: set[tuple[str, str, str]] = set()
    reasons: list[str] = []
    now = time.time()
    for commit in commits:
        parents, stamp = commit_info(root, commit)
        if stamp > now + MAX_FUTURE:
            when = time.strftime("%Y-%m-%d %H:%M", time.gmtime(stamp))
            reasons.append(f"{commit[:10]} : daté dans le futur ({when} UTC), horloge refusée")
        for change in trees.changes(root, parents[0] if parents else empty_tree(object_format(root)), commit):
            version = (change.path, change.new_mode, change.new_blob)
            if change.new_blob is None or version in seen:
                continue
            seen.add(version)
            layer = next((layer for layer in layers if change.path not in layer), None)
            if layer is None:
                layer = {}
                layers.append(layer)
            layer[change.path] = (change.new_mode, change.new_blob)
    return layers, reasons


def content_reasons(root: Path, commits: list[str], protected: bool, tip: str) -> list[str]:
    """Check every version of every file the new commits bring; on protected branches also the rules at the
    tip and at each new commit of its first-parent chain."""
    layers, reasons = _layers(root, commits)
    if not layers and not protected:
        return reasons
    problems: list[Problem] = []
    everything = {path for layer in layers for path in layer}
    for layer in layers:
        found, loaded = file_problems(root, layer, everything)
        problems += found + _other_file_problems(root, layer)
    if protected:
        fresh = set(commits)
        for commit, _ in trees.first_parent_chain(root, tip):
            if commit not in fresh and commit != tip:
                break
            parents = commit_info(root, commit)[0]
            touched = {c.path for c in trees.changes(root, parents[0] if parents else empty_tree(object_format(root)), commit)}
            if touched:
                tree = list_tree(root, commit, *rule_scope(touched))
                changed = {p: tree[p] for p in touched if p in tree}
                _, loaded = file_problems(root, changed, changed)
                problems += rule_problems(root, tree, touched, loaded)
    unique = list(dict.fromkeys(f"{p.path}:{p.line}:{p.column}: {p.message}" for p in errors(problems)))
    return reasons + unique


def protected_reasons(root: Path, update: Update) -> list[str]:
    """Check an update of ``main`` / ``academie/*`` with :func:`store.review.verify.verify_update`.

    It refuses deletion, rewrites (force push), direct commits, and merges not
    signed by a reviewer that the governance of the parent allows for the
    branch and the records changed, or dated far from now.
    """
    if is_null(update.old) and update.branch == "main" and trees.rev(root, "refs/heads/main") is None:
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
            if not is_null(update.old):
                reasons.append(f"{where} : une étiquette ne se déplace ni ne se supprime")
                continue
            protected = False
        elif update.ref == notes_ref.NOTES_REF:
            reasons += [f"{where} : {r}" for r in notes_push.reasons(root, update.old, update.new)]
            continue
        else:
            reasons.append(f"{where} : référence non permise dans un commun")
            continue
        if protected:
            reasons += [f"{where} : {r}" for r in protected_reasons(root, update)]
        if not is_null(update.new):
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
