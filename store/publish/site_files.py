"""Provides the writing of the static site into its folder: files streamed one at a time, and the manifest.

The marker file ``.traam-site`` lists every file an export wrote; the next
export replaces those, removes the ones it no longer produces and keeps
whatever else is in the folder (feeds, ``robots.txt``, images added by hand).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import overload

from store.safefs import write_public

MARKER = ".traam-site"
"""File that marks a folder written by this export and lists the files it wrote (the manifest)."""
MANIFEST_PREFIX = "fichier: "


class SiteError(ValueError):
    """The site cannot be written there; the message is French."""


def written_before(out: Path) -> list[str]:
    """Return the files a previous export listed in its marker (never a path that leaves ``out``)."""
    try:
        text = (out / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    listed = []
    for line in text.splitlines():
        if not line.startswith(MANIFEST_PREFIX):
            continue
        relative = line[len(MANIFEST_PREFIX):]
        parts = relative.split("/")
        if relative and not relative.startswith("/") and all(part not in ("", ".", "..") for part in parts) \
                and "\\" not in relative and relative != MARKER:
            listed.append(relative)
    return listed


def marker_text(paths: list[str]) -> str:
    """Return the marker: a French note, then one ``fichier: <path>`` line per file traam wrote."""
    head = ("Site produit par « traam export --format site ». Au prochain export, traam ne remplace ou ne retire "
            "que les fichiers listés ici ; ce que vous avez ajouté (images, robots.txt…) reste.\n")
    return head + "".join(f"{MANIFEST_PREFIX}{path}\n" for path in paths)


def _remove(out: Path, relative: str) -> None:
    """Remove one file a previous export wrote, if it is still a plain file inside ``out``; then empty folders."""
    target = out / relative
    current = out
    for part in relative.split("/")[:-1]:
        current = current / part
        if current.is_symlink() or not current.is_dir():
            return  # a link planted in the way: never followed
    if target.is_symlink() or target.is_file():
        target.unlink()
    folder = target.parent
    while folder != out and folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def check(out: Path) -> None:
    """Refuse an output that is not a folder traam may write into.

    Raises:
        SiteError: ``out`` is a file or a link, or a non-empty folder that traam did not write.
    """
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SiteError(f"« {out} » n'est pas un dossier")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(f"le dossier « {out} » n'est pas vide et ne contient pas un site produit par traam")


def write(files: Mapping[str, str] | Iterable[tuple[str, str]], out: Path, *,
          progress: Callable[[int], None] | None = None) -> Written:
    """Write the site into ``out`` as its files come, then drop what the previous export wrote and this one did not.

    Args:
        files: ``{relative path: text}``, or ``(relative path, text)`` pairs produced one at a time
            (nothing but the list of paths is kept).
        progress: called with the number of files written so far, every 200 files and at the end.

    Raises:
        SiteError: see :func:`check`; a folder on the way is a symbolic link.
    """
    out = Path(out)
    check(out)
    previous = written_before(out) if out.exists() else []
    pairs = files.items() if isinstance(files, Mapping) else files
    listed: list[str] = []  # strings, not Paths, while the pages stream: a tenth of the memory
    for relative, text in pairs:
        if relative == MARKER:
            continue
        current = out
        for part in relative.split("/")[:-1]:
            current = current / part
            if current.is_symlink():
                raise SiteError(f"« {current} » est un lien symbolique : traam n'écrit pas au travers")
        write_public(out / relative, text, durable=False)  # thousands of pages: one fsync each would dominate
        listed.append(relative)
        if progress is not None and len(listed) % 200 == 0:
            progress(len(listed))
    kept = set(listed)
    for relative in previous:
        if relative not in kept:
            _remove(out, relative)
    del kept
    listed.append(MARKER)
    write_public(out / MARKER, marker_text(sorted(listed[:-1])))
    if progress is not None:
        progress(len(listed))
    return Written(out, listed)


class Written(Sequence[Path]):
    """The paths a site export wrote, made on demand: 100,000 ``Path`` objects would weigh 40 MB."""

    def __init__(self, out: Path, relative: list[str]):
        self.out = out
        self.relative = relative

    def __len__(self) -> int:
        return len(self.relative)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self.out / r for r in self.relative[index]]
        return self.out / self.relative[index]

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, Path):
            return False
        try:
            return str(path.relative_to(self.out)) in self.relative
        except ValueError:
            return False
