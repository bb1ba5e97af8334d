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
from collections.abc import Iterator, Mapping
from itertools import repeat
from pathlib import Path

from records.entry import Entry
from records.problems import Problem

from store.cache import _problem_tuple, _share, read_signed, write_signed
from store.listing import GITLINK, SYMLINK, File, symlink_message

FORMAT = "traam-snapshot-1 " + " ".join(Entry._fields)
"""Changes when the entry's fields change: older files are then ignored."""
KEEP = 2
"""Snapshot files kept (the current tree and the previous one: a branch switch back is warm too)."""
_CODES = frozenset({"kind", "campaign", "academie", "theme", "disciplines", "levels", "tool_kinds", "crcn", "tools"})


class Files(Mapping):
    """Record id → :class:`File` of a cached snapshot, each made when first asked for."""

    def __init__(self, paths: dict[str, str], entries: dict[str, Entry], modes: dict[str, str]):
        self._paths, self._entries, self._modes = paths, entries, modes
        self._made: dict[str, File] = {}

    def __getitem__(self, record_id: str) -> File:
        file = self._made.get(record_id)
        if file is None:
            path = self._paths[record_id]
            mode = self._modes.get(path, "100644")
            refused = symlink_message(path) if mode in (SYMLINK, GITLINK) else ""
            file = self._made[record_id] = File(path, mode, self._entries[record_id].blob, refused=refused)
        return file

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._paths


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
        form, saved_tree, paths, columns, modes, problems = marshal.loads(body)
        if form != FORMAT or saved_tree != tree or len(columns) != len(Entry._fields):
            return None
        ids = columns[0]
        entries = dict(zip(ids, map(tuple.__new__, repeat(Entry), zip(*columns))))
        files = Files(dict(zip(ids, paths)), entries, modes)
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
        if name in _CODES:
            columns[index] = list(map(_share, columns[index]))
    listed = [files[rid] for rid in entries]
    paths = [f.path for f in listed]
    modes = {f.path: f.mode for f in listed if f.mode != "100644"}
    body = marshal.dumps((FORMAT, tree, paths, columns, modes, [_problem_tuple(p) for p in problems]))
    if not write_signed(_path(folder, tree), body):
        return
    try:
        old = sorted(folder.glob("snap-*.bin"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink()
    except OSError:
        pass
