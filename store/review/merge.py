"""Provides the record-aware merge of two commits into a tree, without checkout, with per-field conflicts.

Paths changed on one side only take that side (``git merge-tree
--write-tree`` when the two sides touch different paths); a record changed
on both sides is merged field by field with :func:`records.diff.merge`, and
each conflicting field is resolved by the reviewer through
:func:`records.merge.merge_record` (``ours``: the target
branch, ``theirs``: the contribution). The result is a tree id, ready for a
signed merge commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from records import codec, diff, layout, rules
from records import merge as record_merge
from records.merge import CHOICES, FieldConflict
from records.problems import Problem
from records.text import printable
from store.errors import StoreError
from store.git import commit, merging, trees
from store.git.objectformat import object_format

__all__ = ["CHOICES", "FieldConflict", "MergePlan", "plan_merge"]
"""``CHOICES`` and ``FieldConflict`` live in :mod:`records.merge`; re-exported for the callers of the review."""


@dataclass(frozen=True)
class MergePlan:
    """The record-aware merge of ``theirs`` (a contribution) into ``ours`` (the target)."""

    ours: str
    theirs: str
    base: str
    tree: str | None = None
    """Merged tree; None while conflicts are unresolved or paths are refused."""
    conflicts: tuple[FieldConflict, ...] = ()
    """Unresolved conflicts."""
    resolved: tuple[FieldConflict, ...] = ()
    refused: tuple[str, ...] = ()
    """French reasons for paths the contribution may not bring (symlinks, paths outside the layout)."""
    touched: tuple[str, ...] = ()
    """Paths the contribution changed since the base."""
    changes: Mapping[str, tuple[diff.Change, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Field-level changes of each record between the target and the merged result (read-only)."""
    problems: tuple[Problem, ...] = ()
    """Problems of the merged result on the records it changes (schema and rules)."""

    @property
    def ready(self) -> bool:
        return self.tree is not None


@dataclass
class _Draft:
    """The plan while :func:`plan_merge` builds it (mutable, never handed out)."""

    ours: str
    theirs: str
    base: str
    tree: str | None = None
    conflicts: list[FieldConflict] = field(default_factory=list)
    resolved: list[FieldConflict] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)
    changes: dict[str, tuple[diff.Change, ...]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def freeze(self) -> MergePlan:
        return MergePlan(self.ours, self.theirs, self.base, self.tree, tuple(self.conflicts), tuple(self.resolved),
                         tuple(self.refused), tuple(self.touched), MappingProxyType(dict(self.changes)),
                         tuple(self.problems))


def _table(data: bytes | None, path: str) -> dict[str, Any] | None:
    return record_merge.table_of(path, data)


def _merge_record(root: Path | str, path: str, blobs: tuple[str | None, str | None, str | None],
                  contents: dict[str, bytes], resolutions: dict[str, str], plan: _Draft) -> str | None:
    """Return the blob id of the merged record at ``path`` ('' for deleted), or None when unresolved."""
    base, ours, theirs = blobs
    try:
        base_table, ours_table, theirs_table = (_table(contents.get(b) if b else None, path) for b in blobs)
    except ValueError:  # a side is not a valid record: choose a whole file
        conflict = FieldConflict(layout.id_of(path), record_merge.WHOLE, base, ours, theirs)
        choice = record_merge.choice_in(resolutions)(conflict)
        if choice is None:
            plan.conflicts.append(conflict)
            return None
        plan.resolved.append(conflict)
        return (ours if choice == "ours" else theirs) or ""
    merged = record_merge.merge_record(path, base_table, ours_table, theirs_table, resolutions)
    plan.conflicts.extend(merged.conflicts)
    plan.resolved.extend(merged.resolved)
    if plan.conflicts:
        return None
    if merged.problems:
        plan.problems.extend(merged.problems)
        return None
    if merged.record is None:
        return ""
    return commit.write_blob(root, codec.dump(merged.record))


def plan_merge(root: Path | str, ours: str, theirs: str, resolutions: dict[str, str] | None = None,
               *, report: bool = True) -> MergePlan:
    """Plan the merge of commit ``theirs`` into commit ``ours`` (nothing is checked out or committed).

    Args:
        resolutions: ``{"<id>:<key>" or "<key>" or "<path>": "ours"|"theirs"}``.
        report: also diff each record and check the rules on the merged result.

    Raises:
        StoreError: the two commits share no history.
    """
    resolutions = resolutions or {}
    base = merging.merge_base(root, ours, theirs)
    if not base:
        raise StoreError("les deux branches n'ont pas d'historique commun")
    plan = _Draft(ours, theirs, base)
    theirs_changes = {c.path: c for c in trees.changes(root, base, theirs)}
    ours_changes = {c.path: c for c in trees.changes(root, base, ours)}
    plan.touched = sorted(theirs_changes)
    for change in theirs_changes.values():
        if change.new_blob and change.new_mode != "100644":
            plan.refused.append(f"« {printable(change.path)} » : lien symbolique, sous-module ou exécutable refusé")
        elif change.new_blob and not layout.is_allowed_path(change.path):
            plan.refused.append(f"« {printable(change.path)} » : chemin hors de l'organisation du commun")
    both = [p for p in theirs_changes if p in ours_changes and theirs_changes[p].new_blob != ours_changes[p].new_blob]
    if plan.refused:
        return plan.freeze()
    if not both:
        plan.tree = merging.merge_tree(root, ours, theirs)
    if plan.tree is None:
        blobs = {p: (theirs_changes[p].old_blob, ours_changes[p].new_blob, theirs_changes[p].new_blob) for p in both}
        contents = trees.read_blobs(root, [b for triple in blobs.values() for b in triple if b])
        updates = {p: c.new_blob or "" for p, c in theirs_changes.items() if p not in ours_changes}
        for path in both:
            merged = _merge_record(root, path, blobs[path], contents, resolutions, plan)
            if merged is not None:
                updates[path] = merged
        if plan.conflicts or plan.problems:
            return plan.freeze()
        plan.tree = commit.tree_with(root, ours, updates, object_format(root))
    if report:
        _report(root, plan)
    return plan.freeze()


def _report(root: Path | str, plan: _Draft) -> None:
    """Fill ``plan.changes`` and ``plan.problems`` for the records the merge changes on the target."""
    tree = plan.tree
    assert tree is not None  # reported once the merged tree is made
    changed = [c for c in trees.changes(root, plan.ours, tree)]
    contents = trees.read_blobs(root, [b for c in changed for b in (c.old_blob, c.new_blob) if b])
    ids = set()
    for change in changed:
        if not layout.is_record_path(change.path):
            continue
        try:
            record_id = layout.locate(change.path).id
            old = _table(contents.get(change.old_blob) if change.old_blob else None, change.path)
            new = _table(contents.get(change.new_blob) if change.new_blob else None, change.path)
        except (layout.LayoutError, ValueError):
            continue
        plan.changes[record_id] = tuple(diff.diff(old, new))
        ids.add(record_id)
    paths = {c.path for c in changed}
    # While the rules judge a scenario without the other scenarios, those need not be parsed,
    # which keeps a review fast on a 100,000-record commons.
    alone = rules.scenarios_stand_alone()
    records, texts, file_problems = trees.load_tree(
        root, tree, keep=lambda path: path in paths or not (alone and path.startswith("scenarios/")))
    plan.problems = sorted([p for p in file_problems if p.path in paths]
                           + rules.check(records, texts.get, only=ids))
