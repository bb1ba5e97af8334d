"""Provides the snapshot cache: every entry, path and problem of one tree in one cache file, keyed by tree id.

A warm open of an unchanged tree (a ref, or a clean work tree) is then one
``marshal.loads`` and a few loops that run in C: entries are rebuilt as named
tuples from columns, and the :class:`~store.git.listing.File` of a record is made
only when asked for. The files are ``snap-<tree>.bin`` in the commons' cache
folder (:mod:`store.index.cachedir`, outside the repository). They
are content-addressed: a tree always gives the same entries, so a snapshot
file is never stale; the newest :data:`KEEP` are kept.
"""

from __future__ import annotations

import marshal
import operator
import threading
from collections.abc import Callable, Iterator, Mapping
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from records import layout
from records.entry import Entry
from records.problems import Problem
from store.git.listing import GITLINK, SYMLINK, File, is_record_path, symlink_message
from store.index.cache import problem_row
from store.index.cachedir import paused_gc, read, write
from store.search.engine import Prepared, prepare

if TYPE_CHECKING:
    from store.git.catfile import CatFile
    from store.index.state import CleanTree

FORMAT = "traam-snapshot-5 " + " ".join(Entry._fields)
"""Changes when the entry's fields change: older files are then ignored."""
KEEP = 2
"""Snapshot files kept (the current tree and the previous one: a branch switch back is warm too)."""
_CODES = frozenset({"kind", "campaign", "academie", "theme", "disciplines", "levels", "tool_kinds", "crcn", "tools"})


class Files(Mapping[str, File]):
    """Record id → :class:`File` of a cached snapshot, each made when first asked for.

    A record's path is its id plus ``.toml``, except the few kept in ``odd_paths``.
    """

    def __init__(self, entries: dict[str, Entry], odd_paths: dict[str, str], modes: dict[str, str]):
        self._entries, self._odd, self._modes = entries, odd_paths, modes
        self._made: dict[str, File] = {}

    def __getitem__(self, record_id: str) -> File:
        file = self._made.get(record_id)
        if file is None:
            entry = self._entries[record_id]
            path = self._odd.get(record_id) or layout.path_of(record_id)
            mode = self._modes.get(path, "100644")
            refused = symlink_message(path) if mode in (SYMLINK, GITLINK) else ""
            file = self._made[record_id] = File(path, mode, entry.blob, refused=refused)
        return file

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._entries


def _path(folder: Path, tree: str) -> Path:
    return folder / f"snap-{tree}.bin"


def load(folder: Path, tree: str) -> tuple[dict[str, Entry], Files, list[Problem], Prepared] | None:
    """Return the entries, files, problems and search index saved for ``tree``, or None (absent, unreadable,
    untrusted). The search index is :func:`store.search.engine.prepare` of the entries, saved with them.

    Args:
        folder: the commons' cache folder.
        tree: the tree id.
    """
    body = read(_path(folder, tree))
    if body is None:
        return None
    with paused_gc():
        try:
            form, saved_tree, odd_paths, columns, modes, problems, prepared = marshal.loads(body)
            if form != FORMAT or saved_tree != tree or len(columns) != len(Entry._fields):
                return None
            entries = dict(zip(columns[0], map(tuple.__new__, repeat(Entry), zip(*columns))))
            files = Files(entries, odd_paths, modes)
            return entries, files, [Problem(*p) for p in problems], prepared
        except (ValueError, EOFError, TypeError, IndexError):
            return None


def save(folder: Path, tree: str, entries: dict[str, Entry], files: Mapping[str, File],
         problems: list[Problem]) -> None:
    """Save a snapshot of ``tree`` (its files all read from git's objects); errors are ignored.

    Older snapshot files beyond :data:`KEEP` are removed.
    """
    ids = list(entries)
    paths = list(map(str.__add__, ids, repeat(".toml")))
    if not all(map(operator.le, paths, paths[1:])):  # in path order, so that the Searcher need not sort them
        ids.sort(key=lambda record_id: layout.path_of(record_id))
    values = list(map(entries.__getitem__, ids))
    if not values:
        return
    columns = [list(column) for column in zip(*values)]
    for index, name in enumerate(Entry._fields):
        if name in _CODES:  # one object per distinct code, written once by marshal
            shared: dict[object, object] = {}
            columns[index] = list(map(shared.setdefault, columns[index], columns[index]))
    listed = [files[rid] for rid in ids]
    odd_paths = {rid: f.path for rid, f in zip(ids, listed) if f.path != layout.path_of(rid)}  # traam.toml, invalid
    modes = {f.path: f.mode for f in listed if f.mode != "100644"}
    body = marshal.dumps((FORMAT, tree, odd_paths, columns, modes, [problem_row(p) for p in problems],
                          prepare(values)))
    if not write(_path(folder, tree), body):
        return
    try:
        old = sorted(folder.glob("snap-*.bin"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink()
    except OSError:
        pass


def save_later(folder: Path, tree: str, entries: dict[str, Entry], files: Mapping[str, File],
               problems: list[Problem]) -> threading.Thread:
    """Start :func:`save` in a thread (a second or so at 100,000 records) and return the thread.

    The snapshot is shown meanwhile; its entries, files and problems are not
    changed after it is built. The thread is not a daemon: a process that
    ends right after a load still writes the file.
    """
    thread = threading.Thread(target=save, args=(folder, tree, entries, files, problems),
                              name=f"traam-snapshot-save-{tree}")
    thread.start()
    return thread


DERIVE_UP_TO = 200
"""Changed files up to which a snapshot is derived from the previous one instead of rebuilt."""


class Overlay(Mapping[str, File]):
    """Files of a snapshot derived from another: the changed files over the previous mapping (same ids)."""

    def __init__(self, base: Mapping[str, File], changed: dict[str, File], keys: dict[str, Entry]):
        depth = getattr(base, "depth", 0) + 1
        if depth > 16:  # many saves in one session: flatten now and then
            base, depth = dict(base.items()), 0
        self._base, self._changed, self._keys, self.depth = base, changed, keys, depth

    def __getitem__(self, record_id: str) -> File:
        file = self._changed.get(record_id)
        if file is not None:
            return file
        if record_id not in self._keys:
            raise KeyError(record_id)
        return self._base[record_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._keys


def derive(root: Path, reader: CatFile, previous: CleanTree, tree: str,
           parsed: Callable[[], None]) -> tuple[dict[str, Entry], Overlay, list[Problem]] | None:
    """Return the entries, files and problems of ``tree`` from those of a previous tree and their diff.

    Only contents changed in place are handled (a save, an edit committed
    elsewhere): when files were added, removed, renamed or changed type, or
    many changed, None is returned and the snapshot is built in full.

    Args:
        root: the work tree.
        reader: the commons' persistent ``cat-file`` (:class:`store.git.catfile.CatFile`).
        previous: the last clean snapshot.
        tree: the tree wanted.
        parsed: called once per file parsed.
    """
    from records import codec
    from records.entry import entry_of
    from store.git import diff

    old_tree, old_entries, old_files, old_problems = previous.tree, previous.entries, previous.files, previous.problems
    changes = diff.between(root, old_tree, tree, keep=is_record_path)
    if changes is None:
        return None
    if len(changes) > DERIVE_UP_TO or any(c.status != "M" or c.new_mode not in ("100644", "100755") for c in changes):
        return None
    entries = dict(old_entries)
    changed: dict[str, File] = {}
    paths: set[str] = set()
    found: list[Problem] = []
    for change in changes:
        mode, blob, path = change.new_mode, change.new_blob or "", change.path
        record_id = layout.id_of(path)
        if record_id not in old_files or old_files[record_id].path != path:
            return None
        data = reader.blob(blob)
        if data is None:
            return None
        loaded = codec.load(path, data)
        entry = entry_of(loaded, blob)
        if entry.id != record_id:
            return None
        parsed()
        entries[record_id] = entry
        changed[record_id] = File(path, mode, blob)
        paths.add(path)
        found.extend(loaded.problems)
    problems = sorted([p for p in old_problems if p.path not in paths or p.rule == "twins"] + found)
    return entries, Overlay(old_files, changed, entries), problems
