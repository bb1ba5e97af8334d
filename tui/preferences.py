"""Provides the user's lasting choices (the colour theme) in ``preferences.toml`` of traam's config folder.

The file lives in ``platformdirs.user_config_dir("traam")`` beside ``touches.toml``,
never in a commons. It is written whole through a temporary file in the same
folder (:func:`store.safefs.write_atomic`), so a crash leaves the old or the new one.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from store.errors import StoreError
from store.safefs import write_atomic
from tui.keymap import config_dir


def path() -> Path:
    """Return the preferences file."""
    return config_dir() / "preferences.toml"


def load() -> dict[str, str]:
    """Return the saved preferences; a missing or broken file gives ``{}`` (defaults)."""
    try:
        data = tomllib.loads(path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and len(v) < 100}


def save(**values: str) -> bool:
    """Merge ``values`` into the saved preferences; return False when the folder cannot be written."""
    merged = {**load(), **values}
    text = "".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n"  # a JSON str is a TOML basic string
                   for key, value in sorted(merged.items()) if key.isidentifier())
    try:
        write_atomic(path(), text)
    except StoreError:
        return False
    return True
