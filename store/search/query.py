"""Provides the search query language: free words plus facets typed in the query (``discipline:svt``).

A facet is ``name:value``; names and values are folded (case and accents do
not matter). A value matches a code when it is a prefix of the code, of the
code without dashes, or of a word of its French label: ``niveau:lycee``
selects the three lycée levels, ``academie:reunion`` selects La Réunion,
``type:equipe`` selects teams. Several values of one facet (``discipline:svt,nsi``
or the facet repeated) are alternatives; different facets must all hold.
A token whose name is not a facet stays a free word and is reported in
:attr:`Query.unknown`, so that the interface can say so in French.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from records import vocab
from records.text import fold

FACETS: dict[str, str] = {
    "discipline": "discipline",
    "disc": "discipline",
    "academie": "academie",
    "acad": "academie",
    "campagne": "campagne",
    "annee": "campagne",
    "niveau": "niveau",
    "niv": "niveau",
    "type": "type",
    "etat": "etat",
    "outil": "outil",
    "crcn": "crcn",
}
"""Facet names and their aliases (folded) → canonical facet name."""

FACET_LABELS: dict[str, str] = {
    "discipline": "discipline",
    "academie": "académie",
    "campagne": "campagne",
    "niveau": "niveau",
    "type": "type",
    "etat": "état",
    "outil": "outil",
    "crcn": "crcn",
}
"""French name of each facet, for messages and help."""

# Facets whose values are closed vocabularies; campagne and outil are open (matched on the entries).
_VOCABULARIES: dict[str, dict[str, str]] = {
    "discipline": vocab.DISCIPLINES,
    "academie": vocab.ACADEMIES,
    "niveau": vocab.LEVELS,
    "type": {**vocab.KINDS, "manifest": "Manifeste"},
    "etat": vocab.STATES,
    "crcn": vocab.CRCN,
}

# Usual short names teachers type that are no prefix of the code or label.
_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "discipline": {
        "maths": ("mathematiques",),
        "hg": ("histoire-geographie",),
        "pc": ("physique-chimie",),
        "eco": ("economie-gestion", "ses"),
        "info": ("nsi",),
        "musique": ("education-musicale",),
        "anglais": ("lve",),
        "langues": ("lve",),
        "1d": ("premier-degre",),
    },
    "niveau": {
        "college": ("cycle-3", "cycle-4"),
        "lycee": ("lycee-general", "lycee-technologique", "lycee-professionnel"),
        "lp": ("lycee-professionnel",),
        "maternelle": ("cycle-1",),
        "ecole": ("cycle-1", "cycle-2", "cycle-3"),
    },
    "type": {"scenarios": ("scenario",), "equipes": ("team",), "groupe": ("team",), "campagnes": ("campaign",)},
}

_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_FREE_WORD = re.compile(r"\w+")

STOP_WORDS = frozenset(
    "a au aux c d de des du en et l la le les n ou par pour qu s sur un une".split()
)
"""French words too common to filter on; ignored unless last in the query (maybe a word being typed)."""


@dataclass(frozen=True)
class Facet:
    """One facet of a query: its canonical name, the values typed, the codes they select."""

    name: str
    values: tuple[str, ...]
    """Folded values as typed."""
    codes: frozenset[str] | None
    """Codes selected (closed vocabularies), or None for open facets (campagne, outil)."""


@dataclass(frozen=True)
class Query:
    """A parsed query: folded free words, facets, and what could not be understood."""

    words: tuple[str, ...] = ()
    facets: tuple[Facet, ...] = ()
    unknown: tuple[str, ...] = ()
    """Facet names typed that do not exist (their values are searched as free words)."""
    empty_facets: tuple[str, ...] = ()
    """``name:value`` for each typed value that selects no code."""

    @property
    def messages(self) -> list[str]:
        """French messages about the query, for the interface (empty when all is understood)."""
        out = []
        known = ", ".join(f"{label}:" for label in FACET_LABELS.values())
        for name in self.unknown:
            out.append(f"filtre inconnu « {name}: » (filtres possibles : {known})")
        for token in self.empty_facets:
            name, _, value = token.partition(":")
            near = nearest_value(name, value)
            if near:
                hint = f" ; vouliez-vous dire « {name}:{near} » ?"
            else:
                codes = list(_VOCABULARIES.get(_canonical(name) or "", {}))
                hint = f" (valeurs possibles : {', '.join(codes[:6])}{', …' if len(codes) > 6 else ''})" if codes else ""
            out.append(f"aucune valeur ne correspond à « {token} »{hint}")
        return out

    def facet(self, name: str) -> Facet | None:
        """Return the facet of that canonical name, or None."""
        return next((f for f in self.facets if f.name == name), None)


@lru_cache(maxsize=64)
def _label_words(label: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(label)))


def value_matches(value: str, code: str, label: str) -> bool:
    """Tell whether a folded facet value designates ``code`` (prefix of code or of a label word)."""
    if not value:
        return False
    if code.startswith(value) or code.replace("-", "").startswith(value.replace("-", "")):
        return True
    folded_label = fold(label)
    if folded_label.startswith(value):
        return True
    return any(word.startswith(value) for word in _label_words(label))


def resolve(name: str, value: str) -> frozenset[str]:
    """Return the codes of a closed-vocabulary facet selected by one folded value."""
    codes = set(_ALIASES.get(name, {}).get(value, ()))
    for code, label in _VOCABULARIES[name].items():
        if value_matches(value, fold(code), label):
            codes.add(code)
    return frozenset(codes)


def nearest_value(label: str, value: str) -> str | None:
    """Return the code of the facet named ``label`` (French, as in :data:`FACET_LABELS`) nearest to ``value``.

    Codes and the words of their labels are compared (``mathmatiques`` → ``mathematiques``,
    ``lile`` → ``lille``); None when nothing is close or for an open facet.
    """
    from rapidfuzz import fuzz, process

    name = _canonical(label)
    if name not in _VOCABULARIES or not value:
        return None
    codes = {fold(code): code for code in _VOCABULARIES[name]}
    best = process.extractOne(value, list(codes), scorer=fuzz.ratio, score_cutoff=70)
    if best:
        return codes[best[0]]
    words: dict[str, str] = {}
    for code, code_label in _VOCABULARIES[name].items():
        for word in _label_words(code_label):
            words.setdefault(word, code)
    best = process.extractOne(value, list(words), scorer=fuzz.ratio, score_cutoff=80)
    return words[best[0]] if best else None


def _canonical(label: str) -> str | None:
    return next((name for name, shown in FACET_LABELS.items() if shown == label), None)


def parse_query(text: str) -> Query:
    """Parse what the user typed into free words and facets.

    Args:
        text: the raw query, e.g. ``"biodivrsté discipline:svt niveau:lycee"``.

    Returns:
        A :class:`Query`; free words are folded (lowercase, no accents) and
        keep their order; facets are merged by name.
    """
    words: list[str] = []
    values: dict[str, list[str]] = {}
    unknown: list[str] = []
    for token in text.split():
        name, sep, value = token.partition(":")
        folded_name = fold(name)
        if sep and folded_name in FACETS:
            canonical = FACETS[folded_name]
            for part in fold(value).split(","):
                if part:
                    values.setdefault(canonical, []).append(part)
                else:
                    values.setdefault(canonical, [])
            continue
        if sep and name and folded_name.isalpha():
            unknown.append(folded_name)  # the value is still searched as free words
            token = value
        words.extend(_FREE_WORD.findall(fold(token)))
    if any(w not in STOP_WORDS for w in words):
        words = [w for w in words[:-1] if w not in STOP_WORDS] + words[-1:]
    facets = []
    empty: list[str] = []
    for name, typed in values.items():
        if not typed:
            continue  # "discipline:" alone, still being typed: no filter yet
        codes = None
        if name in _VOCABULARIES:
            selected = {v: resolve(name, v) for v in typed}
            codes = frozenset().union(*selected.values())
            empty.extend(f"{FACET_LABELS[name]}:{v}" for v, found in selected.items() if not found)
        facets.append(Facet(name, tuple(typed), codes))
    return Query(tuple(words), tuple(facets), tuple(unknown), tuple(empty))
