"""Provides French plurals for counts (« 1 scénario », « 1 514 scénarios »), in the spirit of gettext's ngettext.

French uses the singular for 0 and 1 (CLDR's rule ``n >= 2`` for the plural
of whole counts), never « scénario(s) ». Numbers get a narrow no-break space
between thousands, as French typography wants.
"""

from __future__ import annotations

THOUSANDS = "\u202f"
"""Narrow no-break space: « 18 000 » never breaks across lines."""


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return ``singular`` or ``plural`` for ``n`` with the French rule (singular for 0 and 1)."""
    return singular if abs(n) < 2 else plural


def number(n: int) -> str:
    """Return ``n`` with French thousands separators (« 18 000 »)."""
    return f"{n:,}".replace(",", THOUSANDS)


def count(n: int, singular: str, plural: str) -> str:
    """Return « n word » with the right form: ``count(3, "erreur", "erreurs")`` → « 3 erreurs »."""
    return f"{number(n)} {ngettext(singular, plural, n)}"
