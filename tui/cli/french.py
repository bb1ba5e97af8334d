"""Provides argparse in French: a gettext catalogue (``locale/argparse.fr.po``) plugged into argparse's hooks.

argparse translates every message it prints through the module globals
``argparse._`` and ``argparse.ngettext`` (``gettext.gettext`` and
``gettext.ngettext`` by default). :func:`install` points them at a French
catalogue, so « usage : », « (choisir parmi …) » and every error come out
in French whatever the user's locale, without rewriting argparse's output.
"""

from __future__ import annotations

import argparse
import ast
import gettext
from pathlib import Path

CATALOGUE = Path(__file__).with_name("locale") / "argparse.fr.po"


class PoTranslations(gettext.NullTranslations):
    """Translations read from a ``.po`` file (small catalogues: parsed at start, no compiled ``.mo``)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.messages: dict[str, str] = {}
        self.plurals: dict[tuple[str, int], str] = {}
        entry: dict[str, str] = {}
        field = ""
        for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            line = raw.strip()
            if not line:
                self._keep(entry)
                entry, field = {}, ""
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[field] += ast.literal_eval(line)
            else:
                field, _, value = line.partition(" ")
                entry[field] = ast.literal_eval(value)

    def _keep(self, entry: dict[str, str]) -> None:
        msgid = entry.get("msgid")
        if not msgid:
            return
        if "msgid_plural" in entry:
            self.plurals[(msgid, 0)] = entry["msgstr[0]"]
            self.plurals[(msgid, 1)] = entry["msgstr[1]"]
        elif entry.get("msgstr"):
            self.messages[msgid] = entry["msgstr"]

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        # French: singular for 0 and 1 (Plural-Forms: plural=(n > 1)).
        form = 1 if n > 1 else 0
        return self.plurals.get((singular, form), singular if form == 0 else plural)


_installed: PoTranslations | None = None


def install() -> PoTranslations:
    """Make argparse speak French (idempotent); return the catalogue."""
    global _installed
    if _installed is None:
        _installed = PoTranslations(CATALOGUE)
    argparse._ = _installed.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _installed.ngettext  # type: ignore[attr-defined]
    return _installed
