"""Provides the recovery files: text being edited that must survive a refusal, kept outside any repository.

A recovery file lives in the user's state folder (``~/.local/state/traam/recuperation/``),
never inside the commons, so a copied repository cannot plant a link there; it is
written private (``0o600``) through :mod:`store.safefs`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def recovery_folder() -> Path:
    """Return the folder of recovery files (in the user's state folder, outside any repository)."""
    from store.index.cachedir import user_state_root

    return user_state_root() / "recuperation"


def recovery_file(folder: Path, label: str, text: str) -> Path:
    """Write ``text`` to a new private recovery file named after ``label`` and return its path.

    Args:
        folder: where recovery files are kept (see :func:`recovery_folder`).
        label: names the file (a record id, or a kind for a new record).
        text: the text to keep.

    Raises:
        StoreError: the file cannot be written (full disk, read-only folder), French message.
    """
    from store.safefs import write_atomic

    name = "".join(c if c.isalnum() or c in "-." else "_" for c in label)[:80] or "enregistrement"
    path = folder / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.toml"
    return write_atomic(path, text, private=True)


def keep(label: str, text: str) -> Path:
    """Write ``text`` to a new recovery file of the user's recovery folder and return its path.

    Raises:
        StoreError: the file cannot be written, French message.
    """
    return recovery_file(recovery_folder(), label, text)


__all__ = ["keep", "recovery_file", "recovery_folder"]
