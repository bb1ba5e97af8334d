"""Provides the snapshot cache: every entry, path and problem of one tree in one signed file, keyed by tree id.

A warm open of an unchanged tree (a ref, or a clean work tree) is then one
``marshal.loads`` and a few loops that run in C: entries are rebuilt as named
tuples from columns, and the :class:`~store.listing.File` of a record is made
only when asked for. The files are ``<gitdir>/traam/snap-<tree>.bin``, signed
like the blob cache (a copy brought in with a repository is ignored). They
are content-addressed: a tree always gives the same entries, so a snapshot
file is never stale; the newest :data:`KEEP` are kept.
"""

from __future__ import annotations

import gc
import marshal
import threading
from collections.abc import Iterator, Mapping
from itertools import repeat
from pathlib import Path

from records.entry import Entry
from records.problems import Problem

from store.cache import _problem_tuple, read_signed, write_signed
from store.listing import GITLINK, SYMLINK, File, symlink_message

FORMAT = "traam-snapshot-2 " + " ".join(Entry._fields)
"""Changes when the entry's fields change: older files are then ignored."""
KEEP = 2
"""Snapshot files kept (the current tree and the previous one: a branch switch back is warm too)."""
_CODES = frozenset({"kind", "campaign", "academie", "theme", "disciplines", "levels", "tool_kinds", "crcn", "tools"})


class Files(Mapping):
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
            path = self._odd.get(record_id) or record_id + ".toml"
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


def load(folder: Path, tree: str) -> tuple[dict[str, Entry], Files, list[Problem]] | None:
    """Return the entries, files and problems saved for ``tree``, or None (absent, unreadable, untrusted).

    Args:
        folder: the cache folder (``<gitdir>/traam``).
        tree: the tree id.
    """
    body = read_signed(_path(folder, tree))
    if body is None:
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        form, saved_tree, odd_paths, columns, modes, problems = marshal.loads(body)
        if form != FORMAT or saved_tree != tree or len(columns) != len(Entry._fields):
            return None
        entries = dict(zip(columns[0], map(tuple.__new__, repeat(Entry), zip(*columns))))
        files = Files(entries, odd_paths, modes)
        return entries, files, [Problem(*p) for p in problems]
    except (ValueError, EOFError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()


def save(folder: Path, tree: str, entries: dict[str, Entry], files: Mapping[str, File],
         problems: list[Problem]) -> None:
    """Save a snapshot of ``tree`` (its files all read from git's objects); errors are ignored.

    Older snapshot files beyond :data:`KEEP` are removed.
    """
    values = list(entries.values())
    if not values:
        return
    columns = [list(column) for column in zip(*values)]
    for index, name in enumerate(Entry._fields):
        if name in _CODES:  # one object per distinct code, written once by marshal
            shared: dict = {}
            columns[index] = list(map(shared.setdefault, columns[index], columns[index]))
    listed = [files[rid] for rid in entries]
    odd_paths = {rid: f.path for rid, f in zip(entries, listed) if f.path != rid + ".toml"}  # traam.toml, invalid
    modes = {f.path: f.mode for f in listed if f.mode != "100644"}
    body = marshal.dumps((FORMAT, tree, odd_paths, columns, modes, [_problem_tuple(p) for p in problems]))
    if not write_signed(_path(folder, tree), body):
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
    thread = threading.Thread(target=save, args=(folder, tree, entries, files, problems), name="traam-snapshot-save")
    thread.start()
    return thread
