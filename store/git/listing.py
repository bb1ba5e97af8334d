"""Provides the list of files of a commons at a ref (``git ls-tree``) or in the work tree (``git ls-files``).

The work-tree listing is one ``git ls-files`` call: the index gives every
tracked file with its blob id; files modified, removed or untracked in the
work tree are flagged, and only those are read from disk (never through a
symlink) and hashed here, like git would without filters.
"""

from __future__ import annotations

import hashlib
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from records import layout
from store import git, safefs
from store.errors import StoreError
from store.git import diff

SYMLINK, GITLINK = "120000", "160000"

_ROOT_PREFIXES = tuple(f"{root}/" for root in layout.ROOTS)
_KNOWN = frozenset({layout.MANIFEST, layout.GOVERNANCE})


def is_record_path(path: str) -> bool:
    """Same as :func:`records.layout.is_record_path`, inlined for listings of 100,000 paths."""
    return path.startswith(_ROOT_PREFIXES) or path.endswith(".toml") or path in _KNOWN or path in layout.ROOTS


def twins(paths: list[str]) -> list[tuple[str, str]]:
    """Same as :func:`records.layout.twins`, skipping the common case of plain lowercase ASCII paths."""
    odd = [p for p in paths if not (p.isascii() and p == p.lower())]
    if not odd:
        return []
    plain = set(paths).difference(odd)
    suspects = set(odd)
    for path in odd:
        key = unicodedata.normalize("NFC", path).casefold()
        if key in plain:
            suspects.add(key)
    return layout.twins(sorted(suspects))


@dataclass(slots=True)
class File:
    """One file of a listing."""

    path: str
    mode: str
    blob: str
    data: bytes | None = None
    """Content read from the work tree (None: read it from git's objects by ``blob``)."""
    refused: str = ""
    """Why the file may not be read (a symlink), in French; empty when fine."""
    on_disk: bool = False
    """Read from the work tree (its blob may not be in git's objects)."""

    @property
    def in_objects(self) -> bool:
        """True when the content is read from git's objects by ``blob`` (not held, not in the work tree)."""
        return self.data is None and not self.on_disk


def record_path(record_id: str) -> str:
    """Return the path of a record id, checked against the layout.

    Raises:
        StoreError: the id is not a record id (``../x``, ``NUL``, ``É`` …).
    """
    path = layout.path_of(record_id)
    try:
        layout.locate(path)
    except layout.LayoutError as error:
        raise StoreError(str(error)) from error
    return path


def hash_blob(data: bytes, object_format: str = "sha1") -> str:
    """Return git's blob id of ``data`` (no filters), for a sha1 or sha256 repository."""
    digest = hashlib.new(object_format)
    digest.update(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def symlink_message(path: str) -> str:
    """Return the French problem for a record that is, or sits under, a symlink."""
    return f"« {path} » est un lien symbolique (ou se trouve sous un dossier lien) : refusé, jamais lu ni écrit"


def apply(files: dict[str, File], changes: list[diff.TreeChange]) -> set[str]:
    """Apply tree changes to a listing ``{path: File}`` in place; return the paths left unmerged (status U)."""
    unmerged = set()
    for change in changes:
        path = change.path
        if change.status == "D":
            files.pop(path, None)
        elif change.status == "U":
            unmerged.add(path)
        else:
            mode, blob = change.new_mode, change.new_blob or ""
            refused = symlink_message(path) if mode in (SYMLINK, GITLINK) else ""
            files[path] = File(path, mode, blob, refused=refused)
    return unmerged


def at_ref(root: Path, commit: str) -> list[File]:
    """List the record files of ``commit``'s tree (ls-tree), without reading them."""
    from store.git.plumbing import ls_tree

    return [File(path, mode, oid, refused=symlink_message(path)) if mode in (SYMLINK, GITLINK)
            else File(path, mode, oid) for mode, _kind, oid, path in ls_tree(root, commit, keep=is_record_path)]


@dataclass(slots=True)
class Scan:
    """What git says of the work tree and the index against HEAD (see :func:`start_scan`)."""

    staged: list[diff.TreeChange] | None
    """Index changes against HEAD (record paths only), None without HEAD (the index is read whole)."""
    changed: set[str]
    removed: set[str]
    untracked: list[str]
    temps: list[str]
    """Our temporary files found (for sweeping)."""

    @property
    def clean(self) -> bool:
        """True when the work tree and the index hold exactly HEAD's record files."""
        return self.staged == [] and not (self.changed or self.removed or self.untracked)


def start_scan(root: Path, has_head: bool) -> Callable[[], Scan]:
    """Start asking git how the index and the work tree differ from HEAD; return the call that waits for it.

    Three git commands run side by side (stat every tracked file, walk for
    untracked ones, compare the index with HEAD) while the caller works.

    Raises:
        StoreError: git failed (raised by the returned call).
    """
    commands: list[tuple[str, ...]] = [("ls-files", "-z", "-t", "-m", "-d"), ("ls-files", "-z", "-t", "-o", "--exclude-standard")]
    if has_head:
        commands.append(("diff-index", "--cached", "-z", "--raw", "--no-renames", "--no-abbrev", "HEAD"))
    processes = [git.spawn(root, *command, nice=10, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE) for command in commands]

    def wait() -> Scan:
        outputs = []
        for command, process in zip(commands, processes):
            out, errors = process.communicate()
            if process.returncode != 0:
                raise StoreError(f"la commande « git {command[0]} » a échoué", errors.decode("utf-8", "replace"))
            outputs.append(out)
        result = Scan(diff.parse_raw(outputs[2], is_record_path) if has_head else None, set(), set(), [], [])
        for item in b"\0".join(outputs[:2]).decode("utf-8", "surrogateescape").split("\0"):
            tag, path = item[:1], item[2:]
            if tag == "?":
                if safefs.is_temp(path):
                    result.temps.append(path)
                elif is_record_path(path):
                    result.untracked.append(path)
            elif tag == "R":
                result.removed.add(path)
            elif tag == "C":
                result.changed.add(path)
        return result

    return wait


@dataclass(slots=True)
class EarlyScan:
    """A scan of a work tree started before its commons is opened (see :func:`scan_early`)."""

    root: Path
    head: str | None
    """HEAD's commit when the scan started: a load whose HEAD differs does not use it."""
    wait: Callable[[], Scan]


def scan_early(folder: str | Path) -> EarlyScan | None:
    """Start git's scan of the work tree holding ``folder`` now, before the heavier imports of a first load.

    The application starts it first thing, so that git stats the files on
    the other core while Python imports; :meth:`store.commons.Commons.adopt_scan`
    hands it to the next load. None when ``folder`` is in no work tree, or in
    one that is no commons (nothing is scanned there).
    """
    done = git.run(folder, "rev-parse", "--show-toplevel", check=False)
    top = done.stdout.decode("utf-8", "surrogateescape").strip()
    if done.returncode != 0 or not top:
        return None
    root = Path(top).resolve()
    manifest = root / layout.MANIFEST
    if manifest.is_symlink() or not manifest.is_file():
        return None
    done = git.run(root, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
    head = done.stdout.decode("ascii", "replace").strip() or None if done.returncode == 0 else None
    return EarlyScan(root, head, start_scan(root, head is not None))


def work_tree(root: Path, object_format: str, head: dict[str, File] | None,
              scanned: Scan | None = None) -> tuple[list[File], list[str], int]:
    """List the record files as the user sees them: the index, plus modified, removed and untracked files.

    Args:
        root: the work tree.
        object_format: sha1 or sha256.
        head: the files of HEAD's tree (a fresh dict, modified here), or None
            in a repository without commits; the index is derived from it
            with ``git diff-index --cached``.
        scanned: the :func:`start_scan` result already waited for (made here when None).

    Returns:
        ``(files, temp_files, stale)``: the files; our temporary files found
        (for sweeping); how many files were only stat-dirty (same content as
        the index), a hint that the index wants a refresh.
    """
    if scanned is None or (scanned.staged is None) != (head is None):
        scanned = start_scan(root, head is not None)()
    if head is None:
        index, conflicted = _index(root)
    else:
        index = head
        assert scanned.staged is not None  # a scan with HEAD (rescanned above otherwise)
        conflicted = apply(index, scanned.staged)
    changed, removed, untracked = scanned.changed, scanned.removed, scanned.untracked
    files = []
    stale = 0
    for path in conflicted:
        if path not in index:
            index[path] = File(path, "100644", "")
    for path, file in index.items():
        if path in removed and path not in conflicted:
            continue
        if file.refused:
            files.append(file)
        elif path in changed or path in conflicted:
            found = _from_disk(root, path, object_format)
            if found is not None:
                stale += found.blob == file.blob and path not in conflicted
                files.append(found)
        else:
            files.append(file)
    for path in untracked:
        found = _from_disk(root, path, object_format)
        if found is not None:
            files.append(found)
    return files, scanned.temps, stale


def _index(root: Path) -> tuple[dict[str, File], set[str]]:
    """Read the whole index (``ls-files -s``): record files by path, and the unmerged paths."""
    listed = git.run(root, "ls-files", "-z", "-s").stdout.decode("utf-8", "surrogateescape")
    index: dict[str, File] = {}
    conflicted: set[str] = set()
    for item in listed.split("\0"):
        if not item:
            continue
        meta, path = item.split("\t", 1)
        if not is_record_path(path):
            continue
        mode, blob, stage = meta.split(" ")
        if stage != "0":
            conflicted.add(path)
        if path not in index:
            refused = symlink_message(path) if mode in (SYMLINK, GITLINK) else ""
            index[path] = File(path, mode, blob, refused=refused)
    return index, conflicted


def _from_disk(root: Path, path: str, object_format: str) -> File | None:
    try:
        data = safefs.read(root, path)
    except safefs.SymlinkRefused:
        return File(path, SYMLINK, "", refused=symlink_message(path))
    except OSError:
        return None
    if data is None:
        return None
    return File(path, "100644", hash_blob(data, object_format), data=data, on_disk=True)
