"""Provides the pre-receive check of ``refs/notes/traam-review``: append-only, notes-shaped, signed lines only.

Git notes are not authenticated (SECURITY.md, fact 13) and a notes commit
can carry any tree, so the notes ref is a way in for content that no branch
check saw (fact 14). A push of the notes ref is refused when it deletes or
rewrites the ref, when one of its new commits holds anything but regular
files named by commit ids, removes a line of an existing note, or adds a
line that is not a review signed by a reviewer of ``main``'s current
governance whose scope covers the annotated contribution
(:func:`store.review.notes.authenticate`).
"""

from __future__ import annotations

from pathlib import Path

from store.errors import StoreError
from store.git import notes_ref, trees
from store.git.objectformat import is_null
from store.git.plumbing import blob_sizes
from store.review import notes

MAX_NOTE = 1 << 20
"""A note blob bigger than this is refused unread."""


def _printable_ascii(data: bytes) -> bool:
    return all(32 <= byte < 127 or byte == 10 for byte in data)


def _lines(root: Path, blobs: dict[str, str]) -> tuple[dict[str, set[str]], list[str]]:
    """Return ``{annotated commit: set of lines}`` of a notes tree, and the French problems met reading it."""
    sizes = blob_sizes(root, list(set(blobs.values())))
    problems = [f"note de {name[:10]} trop grosse ({sizes.get(blob, 0) // 1024} Kio)"
                for name, blob in blobs.items() if sizes.get(blob, 0) > MAX_NOTE]
    small = [blob for blob in set(blobs.values()) if sizes.get(blob, 0) <= MAX_NOTE]
    contents = trees.read_blobs(root, small)
    found: dict[str, set[str]] = {}
    for name, blob in blobs.items():
        data = contents.get(blob)
        if data is None:
            continue
        if not _printable_ascii(data):
            problems.append(f"note de {name[:10]} : caractères de contrôle ou non ASCII refusés")
            continue
        found[name] = {line for line in data.decode("ascii").splitlines() if line.strip()}
    return found, problems


def _added_line_problem(root: Path, annotated: str, line: str, held: notes.Trust) -> str:
    review = notes.parse(line)
    if review is None:
        return "ligne qui n'est pas une note de relecture"
    try:
        return notes.authenticate(root, review, annotated, held)
    except StoreError:
        return "note sur un commit inconnu du commun"


def reasons(root: Path, old: str, new: str) -> list[str]:
    """Return every French reason to refuse moving the notes ref from ``old`` to ``new`` (empty: accept)."""
    if is_null(new):
        return ["suppression des notes de relecture refusée"]
    if not is_null(old) and not trees.is_ancestor(root, old, new):
        return ["réécriture des notes de relecture refusée (poussée forcée)"]
    found: list[str] = []
    held = notes.trust(root)
    seen: dict[str, dict[str, set[str]]] = {}

    def lines_of(commit: str) -> dict[str, set[str]]:
        if commit not in seen:
            tree, problems = notes_ref.note_tree(root, commit)
            seen[commit], more = _lines(root, tree)
            found.extend(f"{commit[:10]} : {p}" for p in problems + more)
        return seen[commit]

    for commit in notes_ref.new_commits(root, new):
        now = lines_of(commit)
        before: dict[str, set[str]] = {}
        for parent in notes_ref.parents(root, commit):
            for name, lines in lines_of(parent).items():
                before.setdefault(name, set()).update(lines)
                if not lines <= now.get(name, set()):
                    found.append(f"{commit[:10]} : note de {name[:10]} effacée ou réécrite (les notes ne font "
                                 "que s'ajouter)")
        for name, lines in sorted(now.items()):
            for line in sorted(lines - before.get(name, set())):
                problem = _added_line_problem(root, name, line, held)
                if problem:
                    found.append(f"{commit[:10]} : note de {name[:10]} non authentifiée : {problem}")
    return found
