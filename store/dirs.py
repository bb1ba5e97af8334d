"""Provides traam's per-user folders (data, config) through platformdirs.

On Linux they are the XDG folders (``$XDG_DATA_HOME/traam``, else
``~/.local/share/traam``; ``$XDG_CONFIG_HOME/traam``, else
``~/.config/traam``), as before; on macOS and Windows, the places those
systems expect. One module instead of three hand-written copies.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """Return traam's data folder (demo commons, cache signing key); not created here."""
    return Path(platformdirs.user_data_dir("traam", appauthor=False))


def config_dir() -> Path:
    """Return traam's configuration folder (key bindings); not created here."""
    return Path(platformdirs.user_config_dir("traam", appauthor=False))
