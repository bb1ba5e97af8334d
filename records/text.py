"""Provides the text policy: what characters records may hold, display sanitising, search folding.

Records come from contributors who may paste hostile text by accident
(terminal escape sequences, bidi overrides, invisible characters). The schema
refuses control and bidi characters; everything shown to a person still goes
through :func:`printable`, because text also comes from git (authors, commit
messages, branch names) where no schema applies.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls, DEL. Newline and tab are handled by the callers that allow them.
_CONTROL = "".join(chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)))
# Bidi embeddings, overrides and isolates, plus the implicit marks.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible characters: allowed in free text (some languages need them) but never in codes.
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"

_FORBIDDEN_IN_LINE = re.compile(f"[{re.escape(_CONTROL + _BIDI)}]")
_FORBIDDEN_IN_TEXT = re.compile(f"[{re.escape(_CONTROL.replace(chr(10), '').replace(chr(9), '') + _BIDI)}]")
_UNSAFE_FOR_DISPLAY = re.compile(f"[{re.escape(_CONTROL + _BIDI + _INVISIBLE)}]")
_UNSAFE_FOR_DISPLAY_MULTILINE = re.compile(
    f"[{re.escape(_CONTROL.replace(chr(10), '') + _BIDI + _INVISIBLE)}]"
)


def describe_char(char: str) -> str:
    """Return ``U+XXXX`` for a character, for messages and visible placeholders."""
    return f"U+{ord(char):04X}"


def forbidden_char(value: str, *, multiline: bool) -> str | None:
    """Return the first character a record may not hold in ``value``, or None.

    Args:
        value: the text to check.
        multiline: True for free text where newlines and tabs are allowed.
    """
    pattern = _FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN_IN_LINE
    match = pattern.search(value)
    return match.group() if match else None


def printable(value: str, *, multiline: bool = False) -> str:
    """Return ``value`` safe to show in a terminal: no escape byte, invisible characters made visible.

    Controls, bidi and zero-width characters become ``⟨U+XXXX⟩`` so that a
    reviewer sees them instead of being fooled by them. Tabs become spaces.
    """
    value = value.replace("\t", "    ")
    pattern = _UNSAFE_FOR_DISPLAY_MULTILINE if multiline else _UNSAFE_FOR_DISPLAY
    if not pattern.search(value):
        return value
    return pattern.sub(lambda m: f"⟨{describe_char(m.group())}⟩", value)


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on demand: each character's NFKD form without combining marks.

    Folding character by character gives the same result as normalising the
    whole string (NFKD decomposes per character and only reorders combining
    marks, which are dropped), about ten times faster on record texts.
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        value = "".join(c for c in decomposed if not unicodedata.combining(c))
        value = value.replace("œ", "oe").replace("æ", "ae")
        self[code] = value
        return value


_FOLD = _FoldTable()


_LATIN_MARKS = "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c)))
_NOT_LATIN = re.compile(f"[^\\x00-\\x7fœæ{_LATIN_MARKS}]")
"""Characters the fast path of :func:`fold` cannot handle (neither ASCII, nor œ æ, nor a Latin accent)."""


def fold(value: str) -> str:
    """Return the search form of ``value``: casefolded, accents stripped, spaces collapsed.

    French text decomposes into ASCII letters and Latin accents: those are
    folded by whole-string NFKD and an ASCII encoding (C speed); any other
    character goes through the per-character table, with the same result.
    """
    if value.isascii():
        return " ".join(value.lower().split())
    folded = value.casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    if _NOT_LATIN.search(decomposed) is not None:
        return " ".join(folded.translate(_FOLD).split())
    if "œ" in decomposed or "æ" in decomposed:
        decomposed = decomposed.replace("œ", "oe").replace("æ", "ae")
    return " ".join(decomposed.encode("ascii", "ignore").decode("ascii").split())


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify(value: str, max_length: int = 64) -> str:
    """Return a slug (``[a-z0-9-]``) made from free text, at most ``max_length`` characters."""
    words = re.findall(r"[a-z0-9]+", fold(value))
    slug = "-".join(words)[:max_length].strip("-")
    return slug or "sans-titre"


def is_slug(value: str, max_length: int = 64) -> bool:
    """Tell whether ``value`` is a valid slug: ``[a-z0-9-]``, no leading or double dash."""
    return 0 < len(value) <= max_length and _SLUG.fullmatch(value) is not None


def one_line(value: object, limit: int = 100) -> str:
    """Return a one-line, printable rendering of a field value, cut with « … » past ``limit`` characters."""
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = printable(" ".join(str(text).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"
