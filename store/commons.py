"""Provides Commons, the one door into a TraAM commons: open, load at any ref, read, save, history, and more.

Beyond what this module defines, a commons offers the review
(``commons.review``), the author's contributions (``commons.contribution``),
the remotes and sync (``commons.remotes``), the branches
(``commons.branches``), ``verify()``, ``states()`` and ``config()``
(:mod:`store.operations`). Callers (the TUI, the command line) go through
here and never name a root nor a git module: import-linter contracts in
``pyproject.toml`` keep it so (README, « une seule porte »).

Every git call goes through a named query of
:mod:`store.git`; records are read through one persistent ``cat-file``;
parsed entries are cached by blob in the user's cache folder (:mod:`store.index.cachedir`).

Beyond the contract (stable too):

- ``Snapshot.blob(id)`` is the ``expected_blob`` to give ``save``/``delete``;
  ``Snapshot.text(id)``, ``.data(id)``, ``.path(id)``, ``.loaded(id)`` (record
  and its problems) read what that snapshot saw.
- ``Commons.resolve(ref)`` (commit id or French StoreError), ``.parsed`` (files
  parsed for the index by this object: 0 on a warm load), ``.refresh_graph()``
  (call after a fetch), ``.close()`` / context manager.
- ``history(id, limit, *, ref="HEAD", first_parent=False)``; ``HistoryItem``
  also has ``old_blob``, ``new_blob`` (None: created / deleted), ``parents``,
  ``summary`` (first line).
- ``Saved.warning``: a French note when the commit is made but the index
  could not be updated. ``InvalidRecord(StoreError)`` (``.problems``) when the
  text to save has errors; ``store.safefs.SymlinkRefused`` for symlinks;
  ``LockedError`` for ``index.lock``, a branch lock, or another traam save.
- ``id_of(record)``: the id a record gets when saved without one.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from records import layout
from records.codec import Loaded
from records.models import Model
from store import history as _history
from store import safefs
from store.errors import NotACommons, StoreError
from store.git import branches, listing, refs, repo
from store.git import log as git_log
from store.git.listing import EarlyScan, File
from store.git.listing import record_path as _path
from store.git.log import RecentCommit
from store.git.network import TransferProgress
from store.history import HistoryItem
from store.index import cachedir
from store.index.loading import load
from store.index.objects import Objects
from store.index.snapshot import Snapshot
from store.index.state import LoadState
from store.operations import Operations
from store.saving import ConflictError, InvalidRecord, Saved, Saver

__all__ = [
    "Commons", "Snapshot", "Saved", "HistoryItem", "ConflictError", "InvalidRecord", "init_commons", "id_of",
    "RecentCommit", "Tracking", "EarlyScan",
]
Tracking = branches.Tracking


class Commons(Operations):
    """A commons: a git work tree whose root holds ``traam.toml``. Thread-safe for reads.

    The one door: besides opening, loading, reading, saving and history (here), it offers the review, the
    contributions, the remotes, the branches, verification and states (:class:`store.operations.Operations`).
    """

    def __init__(self, root: Path, git_dir: Path, common_dir: Path, object_format: str):
        self.root = root
        self.git_dir = git_dir
        self.common_dir = common_dir
        self.object_format = object_format
        self.width = 20 if object_format == "sha1" else 32
        self.cache_dir = cachedir.folder_of(common_dir)
        """This commons' cache folder, outside the repository (created when first written)."""
        self.objects = Objects(root, object_format)
        self.load_state = LoadState.create(root, self.cache_dir)
        """Caches and the last clean tree, read and changed by :mod:`store.index.loading` only."""
        self._lock = threading.RLock()
        self._saver = Saver(self)

    # --- opening --------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] = ".") -> Commons:
        """Open the commons holding ``path`` (its git top-level must hold ``traam.toml``).

        Raises:
            NotACommons: not in a git work tree, no ``traam.toml`` at its root,
                ``traam.toml`` is a symlink, or the work tree lies elsewhere
                than the folder given (``core.worktree`` trap). French message.
        """
        start = Path(path).resolve()
        if not start.is_dir():
            raise NotACommons(f"« {start} » n'est pas un dossier")
        where = repo.locate(start)
        if where is None:
            raise NotACommons(f"« {start} » n'est pas dans un dépôt git avec une copie de travail : ce n'est pas un "
                              "commun TraAM (créez-en un avec « traam init DOSSIER »)")
        root = where.toplevel
        if start != root and root not in start.parents:
            raise NotACommons(f"le dépôt git de « {start} » désigne une copie de travail ailleurs (« {root} ») : "
                              "refusé par sécurité")
        manifest = root / layout.MANIFEST
        if manifest.is_symlink():
            raise NotACommons(f"« {manifest} » est un lien symbolique : refusé par sécurité")
        if not manifest.is_file():
            raise NotACommons(f"« {root} » n'a pas de fichier traam.toml à sa racine : ce n'est pas un commun TraAM "
                              "(créez-en un avec « traam init DOSSIER »)")
        return cls(root, where.git_dir, where.common_dir, where.object_format)

    @classmethod
    def clone(cls, url: str, directory: Path | None = None, *, progress: Callable[[int, int], None] | None = None,
              transfer: TransferProgress | None = None) -> Commons:
        """Clone a commons safely (trust root recorded, ``upstream`` added, cache built) and open it.

        See :func:`store.remotes.clone`; the caller installs the hooks before anyone commits.

        Raises:
            StoreError: git failed, or the clone is not a commons (French message).
        """
        from store.remotes import clone

        return cls.open(clone(url, directory, progress=progress, transfer=transfer))

    def close(self) -> None:
        """Stop the persistent git process (it restarts when needed); finish writing the snapshot cache."""
        self.load_state.finish()
        self.objects.close()

    def __enter__(self) -> Commons:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Commons({str(self.root)!r})"

    # --- git ------------------------------------------------------------------

    def recent(self, limit: int = 8) -> list[RecentCommit]:
        """Return the latest commits of HEAD with the paths they touched (empty in a repository without commits)."""
        return git_log.recent(self.root, limit)

    def adopt_scan(self, early: EarlyScan | None) -> None:
        """Let the next load of the work tree use a scan started before opening (see
        :func:`store.git.listing.scan_early`); ignored if it is another work tree's."""
        if early is not None and early.root == self.root:
            self.load_state.early_scan = early

    def head(self) -> str | None:
        """Return the commit id of HEAD, None in an empty repository."""
        return refs.head(self.root)

    def branch(self) -> str | None:
        """Return the current branch name, None when HEAD is detached."""
        return refs.current_branch(self.root)

    def tracking(self) -> branches.Tracking:
        """Return the current branch and how it stands against its remote-tracking branch."""
        return branches.tracking(self.root)

    def resolve(self, ref: str) -> str:
        """Return the commit id of ``ref`` (branch, tag, commit id).

        Raises:
            StoreError: unknown ref (French message).
        """
        if not ref or ref.startswith("-") or "\n" in ref:
            raise StoreError(f"référence invalide « {ref} »")
        commit = refs.commit_of(self.root, ref)
        if commit is None:
            raise StoreError(f"référence inconnue « {ref} » (ni branche, ni étiquette, ni commit)")
        return commit

    # --- loading --------------------------------------------------------------

    @property
    def parsed(self) -> int:
        """How many record files this commons object has parsed for its index (tests: a warm load adds 0)."""
        return self.load_state.blobs.parsed

    def load(self, ref: str | None = None, progress: Callable[[int, int], None] | None = None, *,
             search: bool = True) -> Snapshot:
        """Return every record at ``ref`` (None: the work tree as the user sees it, uncommitted edits included).

        Args:
            ref: a branch, tag or commit id; read without checkout.
            progress: called with ``(done, total)`` while parsing blobs the cache has never seen.
            search: prepare the snapshot's search index while git scans the work tree (an
                application that paints first and searches later passes False).

        Raises:
            StoreError: unknown ref, git failure.
        """
        with self._lock:
            return load(self, ref, progress, search=search)

    def read(self, record_id: str, ref: str | None = None) -> Loaded:
        """Return the full parse of a record (``Loaded``: record or None, problems).

        Raises:
            StoreError: no such record at that ref, or it is a symlink.
        """
        path = _path(record_id)
        data = self._bytes(path, ref)
        if data is None:
            raise StoreError(f"enregistrement introuvable : « {record_id} »")
        blob = listing.hash_blob(data, self.object_format)
        loaded = self.objects.parse(File(path, "100644", blob, data=data), lambda: data)
        assert loaded is not None  # parse gives None only when the bytes are missing
        return loaded

    def text(self, record_id: str, ref: str | None = None) -> str | None:
        """Return the raw TOML text of a record at ``ref`` (None: the work tree), None if absent.

        Raises:
            StoreError: the record is a symlink, or the ref is unknown.
        """
        data = self._bytes(_path(record_id), ref)
        return None if data is None else data.decode("utf-8", "replace")

    def _bytes(self, path: str, ref: str | None) -> bytes | None:
        if ref is None:
            return safefs.read(self.root, path)
        return self.objects.at(self.resolve(ref), path)

    # --- writing --------------------------------------------------------------

    def save(self, record: Model | None, *, record_id: str | None = None, expected_blob: str | None = None,
             message: str | None = None, text: str | None = None) -> Saved:
        """Write a record atomically and commit that one path (see :class:`store.saving.Saver`)."""
        return self._saver.save(record, record_id=record_id, expected_blob=expected_blob, message=message, text=text)

    def save_many(self, changes: dict[str, str | None], *, expected: dict[str, str | None],
                  message: str) -> tuple[str, str]:
        """Write and delete several files in one commit (see :meth:`store.saving.Saver.save_many`)."""
        return self._saver.save_many(changes, expected=expected, message=message)

    def delete(self, record_id: str, *, expected_blob: str | None, message: str | None = None) -> Saved:
        """Delete a record and commit (see :class:`store.saving.Saver`)."""
        return self._saver.delete(record_id, expected_blob=expected_blob, message=message)

    # --- history --------------------------------------------------------------

    def history(self, record_id: str, limit: int | None = None, *, ref: str = "HEAD",
                first_parent: bool = False) -> list[HistoryItem]:
        """Return the commits that touched a record, newest first, with field-level changes.

        Args:
            record_id: the record.
            limit: at most this many commits.
            ref: whose history (default HEAD).
            first_parent: follow only the first parent of merges (the branch's own line).
        """
        path = _path(record_id)
        if not _history.has_graph(self.common_dir) and self.head():
            _history.write_graph(self.root)
        rows = _history.log(self.root, path, rev=ref, limit=limit, first_parent=first_parent)
        objects = self.objects
        return _history.items(rows, path, lambda blob: objects.table(path, blob), lambda c: objects.blob_at(c, path))

    def refresh_graph(self, *, wait: bool = False) -> None:
        """Extend the commit-graph after commits or fetches (in the background unless ``wait``)."""
        _history.write_graph(self.root, wait=wait)


from store.init import id_of, init_commons  # noqa: E402  (init uses Commons)
