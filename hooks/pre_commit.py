"""Provides the ``pre-commit`` hook: the staged records, read from the index, must be valid.

Only the staged blobs are parsed (plus what the cross-record rules need, see
:mod:`hooks.checks`), so a commit stays fast on a 100,000-record commons. The
index checked is the one git is committing (``GIT_INDEX_FILE``: ``git commit
-a`` and ``git commit PATH`` use a temporary index).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hooks import report
from hooks.checks import errors, file_problems, rule_problems, rule_scope
from records.layout import MANIFEST
from store.git import diff, refs
from store.git.plumbing import list_index


def index_env() -> dict[str, str]:
    """Return the environment that points nested git calls at the index being committed."""
    index = os.environ.get("GIT_INDEX_FILE")
    return {"GIT_INDEX_FILE": str(Path(index).resolve())} if index else {}


def check_index(root: Path) -> list:
    """Return every problem of the staged changes of the repository at ``root`` (empty when not a commons).

    Git lists only what is needed: the staged changes, the index entries that
    could be case twins of them, and the records the rules look up.
    """
    env = index_env()
    if not list_index(root, MANIFEST, env=env):
        return []  # not a commons: nothing to say
    staged = diff.staged(root, refs.head(root), env=env)
    if not staged:
        return []
    changed = {c.path: (c.new_mode, c.new_blob or "") for c in staged if c.status != "D"}
    lookalikes = list_index(root, *(f":(icase,literal){path}" for path in changed), env=env) if changed else {}
    problems, loaded = file_problems(root, changed, lookalikes.keys() | changed.keys(), env=env)
    touched = {c.path for c in staged}
    tree = {**list_index(root, *rule_scope(touched), env=env), **changed}
    problems += rule_problems(root, tree, touched, loaded, env=env)
    return sorted(problems)


def main(argv: list[str], stdin: bytes | None = None) -> int:
    """Run the hook; return 1 (commit refused) when a staged record has an error."""
    root = Path.cwd()
    problems = check_index(root)
    report.problems(problems)
    if errors(problems):
        report.line("traam : commit refusé : corrigez les erreurs ci-dessus (traam validate), "
                    "puis « git add » et recommencez.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
