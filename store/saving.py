"""Provides Saver: save and delete one record safely (atomic file, compare-and-swap, one-path commit).

A save holds an exclusive lock of the commons (``write.lock`` in its cache folder)
while it checks that the file still has the blob the caller loaded, writes
it atomically, and commits that path alone; so two traam processes saving
the same record never lose an update: the second gets a ConflictError.
"""

from __future__ import annotations

import fcntl
import os
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from records import codec, layout
from records.models import Model
from records.problems import Problem
from store import history, safefs
from store.errors import LockedError, StoreError
from store.git import indexentry, listing, loose, refs
from store.git.commit import RefMoved, commit_one
from store.git.fastimport import commit_path, commit_paths, identity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from records.codec import Loaded
    from records.entry import Entry
    from store.commons import Commons
    from store.git import Process

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another traam save of the same commons."""


@dataclass(frozen=True)
class Saved:
    """What a save or delete did."""

    record_id: str
    commit: str
    """The new commit (HEAD's when nothing changed)."""
    blob: str
    """The record's new blob ('' after a delete): the ``expected_blob`` of the next save."""
    warning: str = ""
    """A French note when the commit is made but a follow-up step failed (index locked)."""


class ConflictError(StoreError):
    """The record changed since it was loaded: nothing was written. Carries both texts."""

    def __init__(self, record_id: str, ours: str | None, theirs: str | None):
        self.record_id = record_id
        self.ours = ours
        self.theirs = theirs
        what = "supprimé" if theirs is None else "modifié"
        super().__init__(f"« {record_id} » a été {what} entre-temps (par une autre personne ou un autre programme) : "
                         "rien n'a été écrit. Comparez les deux versions avant de réessayer.")


class InvalidRecord(StoreError):
    """The content to save has errors: nothing was written. ``problems`` lists them."""

    def __init__(self, record_id: str, problems: list[Problem]):
        self.record_id = record_id
        self.problems = problems
        super().__init__(f"« {record_id} » n'est pas valide : rien n'a été écrit\n" + "\n".join(map(str, problems)))


class Saver:
    """Saves and deletes records of one commons."""

    def __init__(self, commons: Commons):
        self.commons = weakref.proxy(commons)  # no cycle: a dropped Commons is freed at once
        self._identity: tuple[str, str] | None = None

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        folder = self.commons.load_state.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder / "write.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError:
            # No writable cache folder (read-only home): git's own compare-and-swap of the branch still
            # refuses a lost update; only the wait for another traam save is lost.
            yield
            return
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise LockedError("un autre enregistrement traam est en cours sur ce commun ; réessayez") from None
                    time.sleep(0.02)
            yield
        finally:
            os.close(fd)

    def _check(self) -> None:
        git_dir = self.commons.git_dir
        if (git_dir / "index.lock").exists():
            raise LockedError(
                "le dépôt est verrouillé (.git/index.lock) : une autre commande git est en cours, ou s'est "
                "interrompue. Attendez qu'elle finisse ; si aucune ne tourne, supprimez ce fichier vous-même. "
                "Rien n'a été écrit."
            )
        head = (git_dir / "HEAD").read_text("utf-8", "replace").strip() if (git_dir / "HEAD").is_file() else ""
        ref_lock = (self.commons.common_dir / f"{head[5:]}.lock") if head.startswith("ref: refs/") else None
        for lock in (git_dir / "HEAD.lock", ref_lock):
            if lock is not None and lock.exists():
                raise LockedError(f"la branche est verrouillée ({lock.name}) : une autre commande git est en cours, "
                                  "ou s'est interrompue. Rien n'a été écrit.")
        for name, what in (("MERGE_HEAD", "une fusion"), ("rebase-merge", "un rebase"), ("rebase-apply", "un rebase"),
                           ("CHERRY_PICK_HEAD", "un cherry-pick"), ("REVERT_HEAD", "un revert")):
            if (git_dir / name).exists():
                raise StoreError(f"{what} est en cours dans ce dépôt : terminez-le (ou annulez-le) avant d'enregistrer")
        if self._identity is None:
            self._identity = identity(self.commons.root)

    def _current(self, path: str) -> tuple[bytes | None, str | None]:
        data = safefs.read(self.commons.root, path)
        return data, (None if data is None else listing.hash_blob(data, self.commons.object_format))

    def _commit(self, path: str, data: bytes | None, blob: str | None, message: str) -> str:
        commons = self.commons
        for attempt in range(5):
            try:
                head = refs.head_branch(commons.root)
                if head is None:
                    # Unborn or detached HEAD: the plumbing path (mktree, commit-tree, update-ref).
                    return commit_one(commons.root, commons.objects.reader, path, blob, message, width=commons.width)
                parent, ref = head
                found = commons.objects.reader.get(f"{parent}:{path}")
                current = listing.hash_blob(found[1], commons.object_format) if found else None
                if current == blob:
                    return parent  # HEAD already holds this content
                if self._identity is None:
                    self._identity = identity(commons.root)
                return commit_path(commons.root, ref, parent, path, data, message, *self._identity)
            except RefMoved:
                if attempt == 4:
                    raise
                time.sleep(0.01 * (attempt + 1))
        raise AssertionError("unreachable")

    def _write_object(self, data: bytes) -> None:
        try:
            loose.write_blob(self.commons.common_dir / "objects", data, self.commons.object_format)
        except OSError as error:
            raise StoreError(f"le fichier est écrit mais l'objet git n'a pas pu l'être ({error.strerror}) : "
                             "rien n'est enregistré dans l'historique") from error

    def _index(self, path: str, blob: str | None) -> Process:
        """Start updating the index entry of ``path`` alone (it runs while the commit is made)."""
        return indexentry.start(self.commons.root, path, blob)

    @staticmethod
    def _indexed(process: Process, path: str) -> str:
        return indexentry.finish(process, path)

    def _after(self) -> None:
        if history.has_graph(self.commons.common_dir):
            history.write_graph(self.commons.root, wait=False)

    def save(self, record: Model | None, *, record_id: str | None, expected_blob: str | None,
             message: str | None, text: str | None) -> Saved:
        """Write a record (``text``, or the canonical dump of ``record``) and commit it.

        Raises:
            InvalidRecord: the content has errors (nothing written).
            ConflictError: the file's blob is not ``expected_blob`` (nothing written).
            LockedError: ``index.lock`` present, or another traam save holds the lock.
            SymlinkRefused: the record or one of its folders is a symlink.
            StoreError: other git failures (no identity, merge in progress …).
        """
        from store.init import id_of

        if text is None:
            if record is None:
                raise StoreError("rien à enregistrer : ni enregistrement ni texte")
            text = codec.dump(record)
        if record_id is None:
            if record is None:
                raise StoreError("identifiant de l'enregistrement manquant")
            record_id = id_of(record)
        path = listing.record_path(record_id)
        data = text.encode("utf-8")
        loaded = codec.load(path, data)
        errors = [p for p in loaded.problems if p.severity == "error"]
        if errors or loaded.record is None:
            raise InvalidRecord(record_id, errors)
        blob = listing.hash_blob(data, self.commons.object_format)
        with self._exclusive():
            self._check()
            current, current_blob = self._current(path)
            if current_blob != expected_blob and current_blob != blob:
                theirs = None if current is None else current.decode("utf-8", "replace")
                raise ConflictError(record_id, text, theirs)
            message = message or (f"Créer {record_id}" if expected_blob is None else f"Modifier {record_id}")
            if current_blob != blob:
                safefs.write(self.commons.root, path, data)
            self._write_object(data)  # before the index names it: a kill never leaves a dangling entry
            indexing = self._index(path, blob)  # the index follows the file, whatever the commit does
            try:
                commit = self._commit(path, data, blob, message)
            finally:
                warning = self._indexed(indexing, path)
        with self.commons._lock:
            self.commons.load_state.blobs.put(blob, path, _entry(loaded, blob), loaded.problems)
        self._after()
        return Saved(record_id, commit, blob, warning)

    def delete(self, record_id: str, *, expected_blob: str | None, message: str | None) -> Saved:
        """Delete a record's file and commit the removal.

        Raises:
            ConflictError: the file's blob is not ``expected_blob`` (nothing deleted).
            LockedError, SymlinkRefused, StoreError: as for :meth:`save`.
        """
        path = listing.record_path(record_id)
        with self._exclusive():
            self._check()
            current, current_blob = self._current(path)
            if current_blob != expected_blob:
                theirs = None if current is None else current.decode("utf-8", "replace")
                raise ConflictError(record_id, None, theirs)
            safefs.unlink(self.commons.root, path)
            indexing = self._index(path, None)
            try:
                commit = self._commit(path, None, None, message or f"Supprimer {record_id}")
            finally:
                warning = self._indexed(indexing, path)
        self._after()
        return Saved(record_id, commit, "", warning)


    def save_many(self, changes: dict[str, str | None], *, expected: dict[str, str | None],
                  message: str) -> tuple[str, str]:
        """Write and delete several files (path → text, None: delete) and commit them all as one commit.

        For a change of layout (``traam migrate``), where records move together:
        the same lock, checks and compare-and-swap as :meth:`save`, path by path.
        Every text must be a record without errors at its new path.

        Returns:
            ``(new commit, French warning or "")``: the warning says the index could not follow.

        Raises:
            InvalidRecord, ConflictError, LockedError, SymlinkRefused, StoreError: as for :meth:`save`;
            StoreError also when HEAD is not a branch with a first commit.
        """
        data: dict[str, bytes | None] = {}
        for path, text in changes.items():
            listing.record_path(layout.id_of(path))  # refuses a path outside the layout before anything is written
            if text is None:
                data[path] = None
                continue
            loaded = codec.load(path, text.encode("utf-8"))
            errors = [p for p in loaded.problems if p.severity == "error"]
            if errors or loaded.record is None:
                raise InvalidRecord(loaded.location.id if loaded.location else path, errors)
            data[path] = text.encode("utf-8")
        fmt = self.commons.object_format
        with self._exclusive():
            self._check()
            head = refs.head_branch(self.commons.root)
            if head is None:
                raise StoreError("la branche courante n'a pas encore de commit : rien n'a été écrit")
            for path in data:
                current, current_blob = self._current(path)
                if current_blob != expected.get(path):
                    theirs = None if current is None else current.decode("utf-8", "replace")
                    raise ConflictError(path, None, theirs)
            for path, content in data.items():
                if content is None:
                    safefs.unlink(self.commons.root, path)
                else:
                    safefs.write(self.commons.root, path, content)
                    self._write_object(content)
            if self._identity is None:
                self._identity = identity(self.commons.root)
            parent, ref = head
            commit = commit_paths(self.commons.root, ref, parent, sorted(data.items()), message, *self._identity)
            entries = [(p, None if c is None else listing.hash_blob(c, fmt)) for p, c in sorted(data.items())]
            warning = indexentry.set_many(self.commons.root, entries, width=self.commons.width * 2)
        self._after()
        return commit, warning


def _entry(loaded: Loaded, blob: str) -> Entry:
    from records.entry import entry_of

    return entry_of(loaded, blob)
