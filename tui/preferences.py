"""Provides the user's lasting choices (the colour theme) in ``preferences.toml`` of traam's config folder.

The file lives in ``platformdirs.user_config_dir("traam")`` beside ``touches.toml``,
never in a commons. It is written whole through a temporary file in the same
folder (``mkstemp``, then ``os.replace``), so a crash leaves the old or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from pathlib import Path

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
    folder = path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".preferences-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                # json.dumps of a str is a valid TOML basic string (escapes included).
                out.write("".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n"
                                  for key, value in sorted(merged.items()) if key.isidentifier()))
            os.replace(temporary, path())
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
