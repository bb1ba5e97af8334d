"""Provides the migration of a commons to the current layout: plan it from HEAD, apply it in one commit.

The plan is :func:`records.migration.plan` on the files of HEAD; applying it
goes through the store's save path (:meth:`store.saving.Saver.save_many`):
same lock, same compare-and-swap, one commit. A work tree with uncommitted
changes is refused, so the commit holds the migration and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from records import layout, migration
from store.errors import StoreError
from store.git import branches, listing, trees

if TYPE_CHECKING:
    from store.commons import Commons

MESSAGE = "Migrer le commun vers l'organisation {target} (équipes rangées par thématique)"


@dataclass(frozen=True)
class Migrated:
    """What :func:`apply` did."""

    plan: migration.Plan
    commit: str | None
    """The migration commit; None when there was nothing to do."""
    warning: str = ""


def plan(commons: Commons) -> migration.Plan:
    """Return the migration plan of the commons at HEAD.

    Raises:
        StoreError: no commit yet, or git failed.
    """
    if commons.head() is None:
        raise StoreError("ce dépôt n'a encore aucun commit : rien à migrer")
    blobs = trees.tree_blobs(commons.root, "HEAD", (layout.MANIFEST, "teams"))
    data = trees.read_blobs(commons.root, list(blobs.values()))
    return migration.plan({path: data[oid].decode("utf-8", "replace") for path, oid in blobs.items()})


def apply(commons: Commons, planned: migration.Plan) -> Migrated:
    """Apply ``planned`` (from :func:`plan`) in one commit; nothing to do gives no commit.

    Raises:
        StoreError: uncommitted changes, a plan with problems, or a file changed since the plan
            (:class:`store.saving.ConflictError`); nothing is written then.
    """
    if planned.problems:
        raise StoreError("la migration est impossible :\n" + "\n".join(planned.problems))
    if not planned.steps:
        return Migrated(planned, None)
    if branches.is_dirty(commons.root):
        raise StoreError("des modifications ne sont pas enregistrées dans git : enregistrez-les (commit) ou "
                         "annulez-les avant de migrer, pour que le commit de migration ne contienne qu'elle")
    fmt = commons.object_format
    expected: dict[str, str | None] = {}
    for step in planned.steps:
        expected[step.old_path] = listing.hash_blob(step.old_text.encode("utf-8"), fmt)
        expected.setdefault(step.new_path, None)
    commit, warning = commons.save_many(planned.writes(), expected=expected,
                                        message=MESSAGE.format(target=planned.target))
    return Migrated(planned, commit, warning)
