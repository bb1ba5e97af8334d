"""Provides init_commons (create a new commons with its first commit) and id_of (where a record lives)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from records import codec, layout
from records.models import Governance, Manifest, Model
from store import forge, safefs
from store.errors import StoreError
from store.git import commit, refs, repo, signatures

if TYPE_CHECKING:
    from store.commons import Commons

GITATTRIBUTES = "*.toml merge=traam\n"

README = """# Commun TraAM

Ce dépôt est un commun des TraAM (Travaux académiques mutualisés) : chaque
campagne, thématique, équipe et scénario pédagogique y est un fichier TOML.
Git en garde l'historique ; une fusion vaut validation.

Pour le parcourir, le chercher, l'éditer et le valider : `traam` dans ce
dossier (`traam --help` pour les commandes).

Organisation :

- `traam.toml` : le manifeste du commun ;
- `campaigns/` : les campagnes (appels à projets) ;
- `themes/` : les thématiques, par campagne et discipline ;
- `teams/` : les équipes académiques, par campagne et thématique (`teams/<campagne>/<thématique>/<académie>.toml`) ;
- `scenarios/` : les scénarios pédagogiques ;
- `governance/reviewers.toml` : qui valide quoi.
"""


def id_of(record: Model) -> str:
    """Return the id a record gets when saved without one (see :func:`records.layout.default_id`).

    Raises:
        StoreError: unknown kind of record.
    """
    try:
        return layout.default_id(record)
    except layout.LayoutError as error:
        raise StoreError(str(error)) from error


FALLBACK_AUTHOR = ("traam", "traam@localhost")
"""Author of a commons' first commit when git knows nobody yet (a fresh machine)."""


def init_commons(path: str | os.PathLike[str], *, name: str, records: dict[str, Model] | None = None,
                 message: str = "Créer le commun", description: str = "", author: tuple[str, str] | None = None,
                 genesis: Any = None) -> Commons:
    """Create a commons at ``path``: git repository (branch main), manifest, .gitattributes, README, forge CI, records.

    Args:
        path: folder to create or fill (must not already hold a commons).
        name: name of the commons (manifest).
        records: records by id to write (the manifest may be given as ``"traam"``).
        message: message of the single commit.
        description: description in the manifest.
        author: ``(name, email)`` of the first commit; by default the user's
            git identity, or :data:`FALLBACK_AUTHOR` when git has none.
        genesis: the first national reviewer (:class:`store.review.genesis.Genesis`): their entry
            becomes ``governance/reviewers.toml``, the first commit is signed with their key and
            the commons is configured to sign with it.

    Returns:
        The opened :class:`store.commons.Commons`.

    Raises:
        StoreError: the folder already holds a commons, a record id is invalid, git failed.
    """
    from store.commons import Commons

    root = Path(path)
    if (root / layout.MANIFEST).exists() or (root / layout.MANIFEST).is_symlink():
        raise StoreError(f"« {root} » contient déjà un commun (traam.toml) : rien n'a été modifié")
    records = dict(records or {})
    if genesis is not None:
        records["governance/reviewers"] = Governance(reviewers=[genesis.reviewer])
    manifest = records.pop("traam", None) or Manifest(name=name, description=description)
    files: dict[str, bytes] = {layout.MANIFEST: codec.dump(manifest).encode("utf-8")}
    for record_id, record in records.items():
        file_path = layout.path_of(record_id)
        try:
            layout.locate(file_path)
        except layout.LayoutError as error:
            raise StoreError(str(error)) from error
        files[file_path] = codec.dump(record).encode("utf-8")
    root.mkdir(parents=True, exist_ok=True)
    root = root.resolve()
    if not (root / ".git").exists():
        repo.init(root)
    extras = ((".gitattributes", GITATTRIBUTES), ("README.md", README), (forge.GITLAB_CI_PATH, forge.gitlab_ci()))
    for extra, text in extras:
        if not (root / extra).exists():
            files[extra] = text.encode("utf-8")
    for file_path, data in files.items():
        safefs.write(root, file_path, data)
    tree = commit.write_tree_of_paths(root, list(files))
    parent = refs.head(root)
    if author is None and not repo.has_committer_identity(root):
        author = FALLBACK_AUTHOR
    identity = None
    if author is not None:
        identity = {"GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1],
                    "GIT_COMMITTER_NAME": author[0], "GIT_COMMITTER_EMAIL": author[1]}
    made = commit.commit_tree(root, tree, [parent] if parent else [], message,
                              sign_key=genesis.key if genesis is not None else None, env=identity)
    refs.update(root, refs.head_ref(root) or "HEAD", made, message=f"traam: {message}")
    if genesis is not None:
        signatures.configure_signing(root, genesis.key)
    from store.review import trust

    trust.record_first_contact(root)  # the creator's own root: first contact (docs/trust.md)
    return Commons.open(root)
