"""Provides the TOML codec: the only place that reads or writes record files.

Reading checks the size, parses (rtoml, checked against TOML 1.0 with tomllib where they can disagree), validates
the model and the path, and turns every failure into :class:`Problem` objects
with ``path:line:col``. Writing is canonical: key order from the model,
defaults left out, multi-line strings kept readable, one trailing newline, so
that ``dump(load(text)) == text`` for every canonical file.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import rtoml
import tomli_w
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from records import layout
from records.models import MODELS, Model
from records.positions import KeyPath, Positions
from records.problems import Problem
from records.text import printable

MAX_BYTES = 256 * 1024

CONFLICT_MARKER = "# CONFLIT traam"
"""First words of the comment lines the merge driver writes on a field conflict; a file holding one is refused."""
"""Largest record file read; larger ones are refused before parsing."""


@dataclass(slots=True)
class Loaded:
    """What reading one record file gave: the record if valid, and every problem found."""

    path: str
    record: Model | None = None
    location: layout.Location | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.record is not None and not any(p.severity == "error" for p in self.problems)


# --- reading -----------------------------------------------------------------

_RTOML_POSITION = re.compile(r"\s*at line (\d+) column (\d+)\s*$")
_RTOML_MESSAGES = (
    ("duplicate key", "clé en double"),
    ("cannot recurse further", "imbrication trop profonde"),
    ("integer number overflowed", "nombre entier trop grand"),
    ("invalid number", "nombre invalide"),
    ("expected an equals", "signe « = » attendu après la clé"),
    ("invalid basic string", "chaîne de caractères invalide (caractère de contrôle ou échappement)"),
    ("invalid literal string", "chaîne de caractères invalide"),
    ("unterminated", "chaîne ou tableau non terminé"),
    ("invalid escape", "séquence d'échappement invalide"),
    ("invalid table header", "en-tête de table invalide"),
    ("expected newline", "fin de ligne attendue"),
    ("expected a right bracket", "« ] » attendu"),
    ("invalid unquoted key", "clé invalide"),
    ("redefinition of table", "table définie deux fois"),
    ("duplicate table", "table définie deux fois"),
    ("extra", "contenu inattendu après la valeur"),
    ("unclosed inline table", "table en ligne non fermée (« } » attendu)"),
    ("unclosed array", "tableau non fermé (« ] » attendu)"),
    ("unclosed table", "en-tête de table non fermé (« ] » attendu)"),
    ("string values must be quoted", "un texte doit être entre guillemets"),
    ("key with no value", "clé sans valeur (« = » attendu)"),
    ("invalid boolean", "booléen invalide (true ou false)"),
    ("missing escaped value", "séquence d'échappement invalide"),
    ("leading zero", "zéro initial interdit dans un nombre"),
    ("keys cannot be empty", "clé vide"),
    ("invalid date", "date invalide"),
    ("invalid time", "heure invalide"),
    ("invalid offset", "fuseau horaire invalide"),
    ("invalid key", "clé invalide"),
    ("invalid inline table", "table en ligne invalide"),
    ("invalid array", "tableau invalide"),
)


def _syntax_problem(path: str, error: Exception) -> Problem:
    message = str(error).strip()
    line = column = 0
    match = _RTOML_POSITION.search(message.splitlines()[0] if message else "")
    if match:
        line, column = int(match.group(1)), int(match.group(2))
    else:
        match = re.search(r"at line (\d+) column (\d+)", message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
    first = message.splitlines()[0] if message else type(error).__name__
    first = _RTOML_POSITION.sub("", first)
    french = next((fr for en, fr in _RTOML_MESSAGES if en in first.lower()), None)
    text = french or "syntaxe TOML invalide"
    return Problem(path, max(line, 1), max(column, 1), f"enregistrement invalide : {text}", rule="toml")


def parse_toml(path: str, data: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse TOML bytes into a dict, never raising.

    Args:
        path: the file path shown in problems.
        data: the raw file content.

    Returns:
        ``(table, [])`` on success, ``(None, [problem])`` otherwise (too large,
        not UTF-8, syntax error, too deep, number out of range, duplicate key).
    """
    if len(data) > MAX_BYTES:
        # Whole Kio, except just over the cap, where « 256 Kio, 256 Kio au plus » would read as allowed.
        size = f"{len(data) // 1024} Kio" if len(data) // 1024 > MAX_BYTES // 1024 else f"{len(data)} octets"
        message = f"enregistrement invalide : fichier trop gros ({size}, {MAX_BYTES // 1024} Kio au plus)"
        return None, [Problem(path, 1, 1, message, rule="size")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = "enregistrement invalide : le fichier n'est pas en UTF-8"
        return None, [Problem(path, line, column, message, rule="encoding")]
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_text(path, text)


def parse_text(path: str, text: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse TOML text into a dict, never raising (see :func:`parse_toml`).

    Windows line endings are read as plain newlines, so that a file saved by
    a Windows editor keeps its multi-line texts valid (a lone CR stays refused).
    Only TOML 1.0 is accepted (see :func:`toml10_problem`).
    """
    try:
        table = rtoml.loads(text.replace("\r\n", "\n"))
    except (rtoml.TomlParsingError, ValueError, RecursionError, OverflowError) as error:
        return None, [_syntax_problem(path, error)]
    problem = toml10_problem(path, text)
    return (table, []) if problem is None else (None, [problem])


_TOML11 = re.compile(r",\s*\}|\{[^\n]*\n|\\[xe]|(?<![:\d])\d\d:\d\d(?!:\d)|\ufeff")
"""What rtoml accepts beyond TOML 1.0 needs one of these: a ``{`` followed by a newline on its line (an inline
table on several lines, whatever its first line holds: ``}`` in a string, a nested table), a trailing comma, a ``\\x``
or ``\\e`` escape, a time without seconds, a BOM after the start (toml-test: the 9 files rtoml wrongly accepts)."""
_TOMLLIB_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml10_problem(path: str, text: str) -> Problem | None:
    """Return the problem of a text rtoml parsed but that is not TOML 1.0, or None.

    rtoml (fast, used for bulk reads) accepts some TOML 1.1 syntax that
    other TOML readers refuse; ``tomllib`` follows TOML 1.0 exactly but is
    about ten times slower. ``tomllib`` is asked only when the text holds one
    of the constructs where the two can disagree (a regular expression, a
    microsecond), so every read — bulk load, save, ``validate``, hooks —
    refuses the same files at rtoml's speed.
    """
    if _TOML11.search(text) is None:
        return None
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOMLLIB_POSITION.search(str(error))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        return Problem(path, line, column, "enregistrement invalide : syntaxe hors de TOML 1.0 (table en ligne sur "
                       "plusieurs lignes ou virgule finale, échappement \\x ou \\e, heure sans secondes ou "
                       "marque d'ordre d'octets au milieu du texte)", rule="toml")
    except (ValueError, RecursionError, OverflowError):
        return Problem(path, 1, 1, "enregistrement invalide : syntaxe TOML invalide", rule="toml")
    return None


def load(path: str, data: bytes | str) -> Loaded:
    """Read one record file: size, syntax, model, and agreement of content with path.

    Args:
        path: path relative to the commons root, forward slashes.
        data: the file content.

    Returns:
        A :class:`Loaded` whose ``record`` is set when the content is a valid
        model (path disagreements are reported but the record is kept, so that
        tools can still show it).
    """
    result = Loaded(path)
    try:
        result.location = layout.locate(path)
    except layout.LayoutError as error:
        result.problems.append(Problem(path, 0, 0, str(error), rule="layout"))
        return result
    text: str | None
    if isinstance(data, str):
        # Through bytes, so that the size cap and the UTF-8 check (lone surrogates) apply to text too.
        raw = data.encode("utf-8", "surrogatepass")
        table, problems = parse_toml(path, raw)
        text = data
    else:
        raw = data
        table, problems = parse_toml(path, data)
        text = None
    if table is None:
        result.problems.extend(problems)
        return result
    if text is None and CONFLICT_MARKER.encode() in raw:
        text = raw.decode("utf-8", "replace")
    if text is not None:
        result.problems.extend(conflict_problems(path, text))
    model = MODELS[result.location.kind]
    try:
        result.record = model.model_validate(table)
    except ValidationError as error:
        if text is None:
            text = raw.decode("utf-8", "replace")
        result.problems.extend(validation_problems(path, text, error))
        return result
    mismatches = layout.identity_mismatches(result.location, result.record)
    if mismatches:
        if text is None:
            text = raw.decode("utf-8", "replace")
        positions = Positions(text)
        for key, message in mismatches:
            line, column = positions.find((key,))
            result.problems.append(Problem(path, line, column, message, key=key, rule="path"))
    return result


def conflict_problems(path: str, text: str) -> list[Problem]:
    """Return one problem per unresolved merge (a line starting with :data:`CONFLICT_MARKER`).

    The merge driver keeps a valid record on a field conflict, so only these
    comment lines tell that nobody chose the values yet.
    """
    if CONFLICT_MARKER not in text:
        return []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(CONFLICT_MARKER):
            message = ("fusion non résolue : choisissez la valeur de chaque champ en conflit, "
                       "puis supprimez les commentaires « CONFLIT traam »")
            return [Problem(path, number, 1, message, rule="conflict")]
    return []


# --- pydantic errors in French --------------------------------------------

_TYPE_TAGS = frozenset({"str", "int", "bool", "none", "list", "dict", "date", "float", "datetime"})

_MESSAGES = {
    "missing": "champ obligatoire manquant",
    "string_type": "texte attendu",
    "int_type": "nombre entier attendu",
    "int_from_float": "nombre entier attendu",
    "bool_type": "booléen attendu (true ou false)",
    "date_type": "date attendue (AAAA-MM-JJ)",
    "date_from_datetime_inexact": "date sans heure attendue (AAAA-MM-JJ)",
    "list_type": "liste attendue",
    "model_type": "table attendue",
    "model_attributes_type": "table attendue",
    "dict_type": "table attendue",
    "finite_number": "nombre fini attendu (nan et inf ne sont pas permis)",
    "string_pattern_mismatch": "format invalide",
    "none_required": "valeur absente attendue",
}


def _plural(n: object) -> bool:
    """Tell whether French puts a count in the plural (2 and more; 0 and 1 take the singular)."""
    return isinstance(n, int) and n >= 2


def _elements(n: object) -> str:
    return "éléments" if _plural(n) else "élément"


def _s(n: object) -> str:
    return "s" if _plural(n) else ""


def _french(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    if isinstance(value, float) and not math.isfinite(value):
        return _MESSAGES["finite_number"]
    if kind == "extra_forbidden":
        return f"champ inconnu « {printable(str(error['loc'][-1]))} »"
    if kind == "value_error":
        return str(ctx.get("error", "valeur invalide"))
    if kind == "literal_error":
        return f"valeur non permise, attendu : {str(ctx.get('expected', '')).replace(' or ', ' ou ')}"
    if kind == "string_too_short":
        minimum = ctx.get("min_length", 1)
        return "ne doit pas être vide" if minimum == 1 else f"trop court ({minimum} caractères au moins)"
    if kind == "string_too_long":
        return f"trop long ({ctx.get('max_length')} caractères au plus)"
    if kind == "too_short":
        return f"au moins {ctx.get('min_length')} {_elements(ctx.get('min_length'))} attendu{_s(ctx.get('min_length'))}"
    if kind == "too_long":
        return f"au plus {ctx.get('max_length')} {_elements(ctx.get('max_length'))}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"doit valoir au moins {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"doit valoir au plus {ctx.get('le', ctx.get('lt'))}"
    return _MESSAGES.get(kind, f"valeur invalide ({kind})")


def _clean_loc(item: ErrorDetails) -> KeyPath:
    """Drop pydantic's union and type tags from a location; keep an unknown key as written."""
    loc = tuple(item["loc"])
    last = loc[-1:] if item["type"] == "extra_forbidden" else ()
    kept = tuple(
        part
        for part in loc[: len(loc) - len(last)]
        if isinstance(part, int) or (re.fullmatch(r"[a-z][a-z0-9_]*", part) and part not in _TYPE_TAGS)
    )
    return kept + last


def validation_problems(path: str, text: str, error: ValidationError) -> list[Problem]:
    """Translate a pydantic ``ValidationError`` into French problems with line and column.

    Union alternatives that merely say "not None" are dropped when a more
    telling error exists for the same key.
    """
    positions = Positions(text)
    by_key: dict[KeyPath, list[ErrorDetails]] = {}
    for item in error.errors(include_url=False):
        by_key.setdefault(_clean_loc(item), []).append(item)
    problems = []
    for loc, items in by_key.items():
        telling = [i for i in items if i["type"] != "none_required"] or items
        item = telling[0]
        line, column = positions.find(loc)
        key = ".".join(str(p) for p in loc)
        where = f"{key} : " if key else ""
        problems.append(Problem(path, line, column, f"{where}{_french(item)}", key=key, rule="schema"))
    return sorted(problems)


# --- writing -----------------------------------------------------------------


ALWAYS_WRITTEN = frozenset({"licence", "schema_version"})
"""Fields written even at their default: a licence must never change silently if the default does."""


def to_table(record: Model) -> dict[str, Any]:
    """Return the canonical table of a record: model key order, defaults and None left out.

    Fields of :data:`ALWAYS_WRITTEN` are kept even at their default value.
    """
    table = record.model_dump(mode="python", exclude_defaults=True)
    missing = ALWAYS_WRITTEN.intersection(type(record).model_fields).difference(table)
    if not missing:
        return table
    full = record.model_dump(mode="python")
    return {key: table[key] if key in table else full[key] for key in full
            if key in table or (key in missing and full[key] is not None)}


def dump(record: Model) -> str:
    """Return the canonical TOML text of a record (stable key order, trailing newline)."""
    text = tomli_w.dumps(to_table(record), multiline_strings=True)
    return text if text.endswith("\n") else text + "\n"


def is_canonical(text: str, record: Model) -> bool:
    """Tell whether ``text`` is exactly the canonical form of ``record``."""
    return dump(record) == text
