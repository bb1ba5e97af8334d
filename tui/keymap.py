"""Provides the user's key remapping: ``touches.toml`` in traam's config folder maps binding ids to keys.

Example (``~/.config/traam/touches.toml``)::

    [touches]
    "app.search" = "ctrl+f"
    "edit.save" = "ctrl+s,f2"
"""

from __future__ import annotations

import tomllib
from pathlib import Path


def config_dir() -> Path:
    """Return traam's config folder ($XDG_CONFIG_HOME/traam, else ~/.config/traam on Linux; see store.dirs)."""
    from store.dirs import config_dir as user_config_dir

    return user_config_dir()


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Return ``{binding id: keys}`` from the user's file; an absent or broken file gives ``{}``.

    A broken file is ignored rather than fatal: the keys then keep their
    defaults, which the help screen lists.
    """
    path = path or config_dir() / "touches.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return {}
    table = data.get("touches", {})
    if not isinstance(table, dict):
        return {}
    return {str(k): v for k, v in table.items() if isinstance(v, str) and len(v) < 100}
