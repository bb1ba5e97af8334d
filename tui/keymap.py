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
    defaults, which the help screen lists. :func:`check_keymap` says what is wrong.
    """
    return check_keymap(path)[0]


def check_keymap(path: Path | None = None, known_ids: set[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """Return the usable part of the user's key file and, in French, every problem found in it.

    Problems: broken TOML (with its line and column), a ``[touches]`` that is no
    table, an id no binding has (when ``known_ids`` is given), a key Textual cannot
    produce, a key given to two ids. Entries with a problem are left out; the rest
    applies.
    """
    path = path or config_dir() / "touches.toml"
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{shown} : fichier illisible ({type(error).__name__}) ; touches par défaut."]
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as error:
        where = _position(str(error))
        return {}, [f"{shown}{where} : TOML invalide ; touches par défaut."]
    table = data.get("touches", {})
    if not isinstance(table, dict):
        return {}, [f"{shown} : « touches » doit être une table ([touches]) ; touches par défaut."]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    owner_of: dict[str, str] = {}
    for binding_id, keys in table.items():
        binding_id = str(binding_id)
        if not isinstance(keys, str) or not keys.strip() or len(keys) >= 100:
            problems.append(f"{shown} : « {binding_id} » doit recevoir une touche entre guillemets (ex. \"ctrl+f\").")
            continue
        if known_ids is not None and binding_id not in known_ids:
            problems.append(f"{shown} : identifiant inconnu « {binding_id} » (la liste est dans l'aide, F1).")
            continue
        names = [k.strip() for k in keys.split(",")]
        wrong = [k for k in names if not valid_key(k)]
        if wrong:
            problems.append(f"{shown} : touche impossible « {wrong[0]} » pour « {binding_id} ».")
            continue
        taken = [k for k in names if k in owner_of]
        if taken:
            problems.append(f"{shown} : la touche « {taken[0]} » est donnée deux fois "
                            f"(« {owner_of[taken[0]]} » et « {binding_id} ») ; seule la première compte.")
            continue
        for key in names:
            owner_of[key] = binding_id
        keymap[binding_id] = ",".join(names)
    return keymap, problems


_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def valid_key(key: str) -> bool:
    """Tell whether Textual can produce ``key`` (``ctrl+f``, ``f2``, ``slash``, ``n``)."""
    from textual.keys import Keys, _character_to_key

    *modifiers, base = key.split("+")
    if not base or any(m not in _MODIFIERS for m in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable()
    names = {k.value for k in Keys} | {"enter", "tab", "space", "backspace"}
    if base in names or "+".join(modifiers + [base]) in names:
        return True
    return base in {_character_to_key(chr(c)) for c in range(32, 127)}


def _position(message: str) -> str:
    """Return ``:line:col`` from a tomllib message « … (at line 3, column 7) », or ``""``."""
    import re

    found = re.search(r"at line (\d+), column (\d+)", message)
    return f":{found[1]}:{found[2]}" if found else ""
