"""Provides what the review commands share: the commons root, printing diffs, conflicts and candidates, resolutions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from records.diff import Change
from records.text import one_line as value_text
from store.errors import StoreError
from store.publish.words import count
from tui.cli.output import say

if TYPE_CHECKING:
    from store.commons import Commons


def open_commons(path: str = ".") -> Commons:
    """Return the commons holding ``path``: the one discovery, with all its checks (see ``Commons.open``).

    Raises:
        NotACommons: not inside a commons.
    """
    from store.commons import Commons

    return Commons.open(path)


def change_lines(changes: list[Change]) -> list[str]:
    """Return the French lines telling the changes of one record (lists of tables item by item, labels in French)."""
    from records import diff_text

    return [diff_text.text(line) for line in diff_text.lines(changes)]


def change_json(change: Change) -> dict[str, Any]:
    """Return a JSON-ready dict of one field change."""
    return {"key": change.key, "kind": change.kind, "old": change.old, "new": change.new}


def print_plan(plan: Any, indent: str = "  ", preview: Any = None) -> None:
    """Print a merge plan: field diffs per record, conflicts, refused paths, rule report.

    ``preview`` is the same merge with every conflict settled for the contribution: with conflicts,
    its changes show every other field the contribution changes.
    """
    from records import diff_text

    if plan is None:
        return
    for reason in plan.refused:
        say(f"{indent}refusé : {reason}")
    for conflict in plan.conflicts:
        label = diff_text.label_of(Change(conflict.key, "changed")) if conflict.key != "*" else "tout le fichier"
        say(f"{indent}conflit sur {conflict.record_id} › {label} (--resolve {conflict.name}=ours|theirs) :")
        say(f"{indent}  cible        : {diff_text.value_of(conflict.key, conflict.ours)}")
        say(f"{indent}  contribution : {diff_text.value_of(conflict.key, conflict.theirs)}")
    shown = preview if plan.conflicts and preview is not None else plan
    if shown is not plan:
        say(f"{indent}modifications (si la contribution l'emporte sur les conflits) :")
    for record_id, changes in sorted(shown.changes.items()):
        say(f"{indent}{record_id}")
        for line in change_lines(changes):
            say(f"{indent}  {line}")
    if plan.problems:
        say(f"{indent}règles : {count(len(plan.problems), 'problème', 'problèmes')}")
        for problem in plan.problems:
            say(f"{indent}  {problem}")
    elif plan.tree is not None:
        say(f"{indent}règles : aucun problème")


def plan_json(plan: Any) -> dict[str, Any] | None:
    """Return a JSON-ready dict of a merge plan."""
    if plan is None:
        return None
    return {
        "mergeable": plan.tree is not None,
        "refused": plan.refused,
        "changes": {rid: [change_json(c) for c in changes] for rid, changes in sorted(plan.changes.items())},
        "conflicts": [{"name": c.name, "record": c.record_id, "key": c.key, "base": c.base, "ours": c.ours,
                       "theirs": c.theirs} for c in plan.conflicts],
        "problems": [p.to_json() for p in plan.problems],
    }


def store_error(error: StoreError) -> str:
    """Return the French text of a store error, with git's message when it helps."""
    return error.message + (f"\n{error.stderr.strip()}" if error.stderr.strip() else "")


def national_paths(item) -> list[str]:
    """Return the paths of ``item`` only a national reviewer may validate (see :mod:`store.review.authority`)."""
    from store.review.authority import national_paths as paths

    return paths(item)


def needs_national_message(item) -> str:
    from store.review.authority import needs_national_message as message

    return message(item)


def candidate_json(item) -> dict:
    """Return a JSON-ready dict of a review candidate and its merge plan."""
    return {"branch": item.name, "ref": item.ref, "tip": item.tip, "target": item.target, "academie": item.academie,
            "author": item.author, "email": item.email, "proposed": item.proposed, "updated": item.updated,
            "decision": item.decision.to_json() if item.decision else None, "merge": plan_json(item.plan),
            "needs_national": bool(national_paths(item)), "national_paths": national_paths(item)}


def print_candidate(item, preview: Any = None) -> None:
    """Print a review candidate: who, when, the decision if any, and its merge plan (see :func:`print_plan`)."""
    from store.review.notes import DECISIONS

    say(f"{item.name} → {item.target}   proposée par {item.author} <{item.email}> le {item.proposed[:10]}")
    say(f"  pointe : {item.tip}   (à valider avec --tip {item.tip[:12]})")
    national = needs_national_message(item)
    if national:
        say(f"  ⚠ {national}")
    if item.decision is not None:
        say(f"  décision : {DECISIONS.get(item.decision.decision, item.decision.decision)} "
            f"({item.decision.reviewer}, {item.decision.date[:10]}) : {item.decision.message}")
    for other in getattr(item, "unauthenticated", []):
        say(f"  note non authentifiée (ignorée) : {other.reviewer} : {other.message}")
    print_plan(item.plan, preview=preview)


def ask(conflicts) -> dict[str, str]:
    """Ask, for each conflict, which side to keep; return the resolutions."""
    choices = {}
    for conflict in conflicts:
        say(f"Conflit sur {conflict.record_id}, champ « {conflict.key} » :")
        say(f"  [c] cible        : {value_text(conflict.ours)}")
        say(f"  [p] contribution : {value_text(conflict.theirs)}")
        answer = ""
        while answer not in ("c", "p"):
            answer = input("Garder [c]ible ou [p]contribution ? ").strip().lower()[:1]
        choices[conflict.name] = "ours" if answer == "c" else "theirs"
    return choices


def resolutions(items: list[str]) -> dict[str, str] | None:
    """Parse ``KEY=ours|theirs`` items; None when one is malformed."""
    found = {}
    for item in items:
        name, sep, choice = item.rpartition("=")
        if not sep or choice not in ("ours", "theirs", "cible", "contribution"):
            return None
        found[name] = choice
    return found
