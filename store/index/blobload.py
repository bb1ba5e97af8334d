"""Provides load_blob: parse a record read from git, where a missing or unreadable blob is a problem.

An index or tree entry can name a blob that is not in the object store (a
process killed before the object was written, a damaged clone). Parsing it as
an empty file used to report a record with every field missing; the real
fault is the repository's, and it says so, in French, at the file's path.
"""

from __future__ import annotations

from records import codec
from records.problems import Problem

UNREADABLE = ("l'objet git de ce fichier est introuvable ou illisible : le dépôt est endommagé "
              "(« git fsck » en dit plus) ; rien n'a été lu")


def load_blob(path: str, data: bytes | None) -> codec.Loaded:
    """Return :func:`records.codec.load` of ``data``, or a one-problem result when ``data`` is None.

    Args:
        path: the record's path relative to the commons root.
        data: the blob's content, None when git could not give it.
    """
    if data is None:
        return codec.Loaded(path, problems=[Problem(path, 0, 0, UNREADABLE, rule="git")])
    return codec.load(path, data)
