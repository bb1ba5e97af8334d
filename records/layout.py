"""Provides the layout of a commons: which path holds which kind of record, and path ⇄ id checks.

A record's id is its path without ``.toml``. Every path part is a closed code
or a slug, so ids are plain lowercase ASCII: ``../x``, ``NUL``, ``É``,
uppercase twins and over-long names are refused before any file is touched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from records import vocab
from records.models import Campaign, Governance, Manifest, Scenario, Synthesis, Team, Theme
from records.text import describe_char, is_slug, printable, slugify

MANIFEST = "traam.toml"
GOVERNANCE = "governance/reviewers.toml"
ROOTS = ("campaigns", "themes", "teams", "scenarios", "syntheses")
"""Top folders holding records, in the order of the hierarchy."""

OTHER_FILES = frozenset(
    {
        MANIFEST,
        "README.md",
        "LICENSE",
        "LICENCE",
        ".gitattributes",
        ".gitignore",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
    }
)
"""Files a commons may hold at its root besides records."""

MAX_PATH = 255

LAYOUT_VERSION = 2
"""Version of the layout this code reads and writes: the ``schema_version`` of a current manifest.

1. teams under ``teams/<campaign>/<discipline>/<academie>.toml`` (one team per
   discipline and académie: NSI's two themes could not both be worked on);
2. teams under ``teams/<campaign>/<theme>/<academie>.toml`` (one team per theme
   and académie); ``traam migrate`` moves a commons from 1 to 2.
"""

_CAMPAIGN = re.compile(r"(\d{4})-(\d{4})")
_THEME = re.compile(r"(?P<discipline>[a-z0-9]+(?:-[a-z0-9]+)*?)(?:-(?P<n>[1-9]))?")
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a record lives and what its path says about it."""

    kind: str
    """campaign, theme, team, scenario, governance or manifest."""
    id: str
    """Path without ``.toml``."""
    path: str
    campaign: str = ""
    discipline: str = ""
    academie: str = ""
    slug: str = ""
    """File name of themes and scenarios (``svt-1``, ``defi-botanique``)."""
    theme: str = ""
    """File name of the theme a team's folder names (``nsi-2``)."""


class LayoutError(ValueError):
    """A path that is not a record path of the commons; the message is French."""


_PLAIN_PART = re.compile(r"[a-z0-9.\-]+")
"""A part made only of allowed characters (the loop below then finds nothing to refuse)."""


_FOLDERS_SEEN: set[str] = set()
"""Folder names already found plain: a commons repeats a few hundred of them across 100,000 paths."""


def _check_part(part: str, path: str) -> None:
    if part in _FOLDERS_SEEN:
        return
    if _PLAIN_PART.fullmatch(part) is not None and part != "." and part != "..":  # the common case, at C speed
        if _WINDOWS_RESERVED.fullmatch(part.split(".")[0]):
            raise LayoutError(f"chemin invalide « {printable(path)} » : nom réservé « {part} »")
        if not part.endswith(".toml") and len(_FOLDERS_SEEN) < 10_000:
            _FOLDERS_SEEN.add(part)
        return
    if part in ("", ".", ".."):
        raise LayoutError(f"chemin invalide « {printable(path)} » (partie vide ou remontée « .. »)")
    for char in part:
        if not ("a" <= char <= "z" or "0" <= char <= "9" or char in "-."):
            shown = char if char.isprintable() and not unicodedata.combining(char) else describe_char(char)
            raise LayoutError(
                f"chemin invalide « {printable(path)} » : caractère « {shown} » ({describe_char(char)}) interdit, "
                "seuls les minuscules sans accent, chiffres et tirets sont permis"
            )
    if _WINDOWS_RESERVED.fullmatch(part.split(".")[0]):
        raise LayoutError(f"chemin invalide « {printable(path)} » : nom réservé « {part} »")


def _check_code(value: str, vocabulary: dict[str, str], what: str, path: str) -> None:
    if value not in vocabulary:
        raise LayoutError(f"chemin invalide « {printable(path)} » : {what} inconnu(e) « {printable(value)} »")


def _check_campaign(value: str, path: str) -> None:
    match = _CAMPAIGN.fullmatch(value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise LayoutError(f"chemin invalide « {printable(path)} » : campagne « {printable(value)} » (attendu AAAA-AAAA)")


def locate(path: str) -> Location:
    """Return the location of the record at ``path`` (relative, forward slashes).

    Raises:
        LayoutError: the path is not a record path (bad characters, unknown
            code, wrong depth, not ``.toml``); the message is French.
    """
    if len(path) > MAX_PATH:
        raise LayoutError(f"chemin trop long ({len(path)} caractères, {MAX_PATH} au plus)")
    if "\\" in path or path.startswith("/") or "\x00" in path:
        raise LayoutError(f"chemin invalide « {printable(path)} »")
    if path == MANIFEST:
        return Location("manifest", "traam", path)
    if path == GOVERNANCE:
        return Location("governance", "governance/reviewers", path)
    parts = path.split("/")
    for part in parts:
        _check_part(part, path)
    if not path.endswith(".toml"):
        raise LayoutError(f"chemin invalide « {printable(path)} » : un enregistrement est un fichier .toml")
    stem = id_of(parts[-1])
    if "." in stem:
        raise LayoutError(f"chemin invalide « {printable(path)} » : point interdit dans le nom")
    record_id = id_of(path)
    root, depth = parts[0], len(parts)
    if root == "campaigns" and depth == 2:
        _check_campaign(stem, path)
        return Location("campaign", record_id, path, campaign=stem)
    if root == "themes" and depth == 3:
        _check_campaign(parts[1], path)
        match = _THEME.fullmatch(stem)
        discipline = match.group("discipline") if match else stem
        _check_code(discipline, vocab.DISCIPLINES, "discipline", path)
        return Location("theme", record_id, path, campaign=parts[1], discipline=discipline, slug=stem)
    if root == "teams" and depth == 4:
        _check_campaign(parts[1], path)
        match = _THEME.fullmatch(parts[2])
        discipline = match.group("discipline") if match else parts[2]
        _check_code(discipline, vocab.DISCIPLINES, "discipline de la thématique", path)
        _check_code(stem, vocab.ACADEMIES, "académie", path)
        return Location("team", record_id, path, campaign=parts[1], discipline=discipline, academie=stem,
                        theme=parts[2])
    if root == "syntheses" and depth == 3:
        _check_campaign(parts[1], path)
        match = _THEME.fullmatch(stem)
        discipline = match.group("discipline") if match else stem
        _check_code(discipline, vocab.DISCIPLINES, "discipline de la thématique", path)
        return Location("synthesis", record_id, path, campaign=parts[1], discipline=discipline, slug=stem, theme=stem)
    if root == "scenarios" and depth == 5:
        _check_campaign(parts[1], path)
        _check_code(parts[2], vocab.DISCIPLINES, "discipline", path)
        _check_code(parts[3], vocab.ACADEMIES, "académie", path)
        if not is_slug(stem):
            raise LayoutError(f"chemin invalide « {printable(path)} » : nom de scénario (slug de 64 caractères au plus)")
        return Location(
            "scenario", record_id, path, campaign=parts[1], discipline=parts[2], academie=parts[3], slug=stem
        )
    raise LayoutError(f"chemin hors de l'organisation du commun : « {printable(path)} »")


def is_record_path(path: str) -> bool:
    """Tell whether ``path`` is meant to hold a record (under a record folder, or a known file)."""
    return path in (MANIFEST, GOVERNANCE) or path.split("/", 1)[0] in ROOTS or path.endswith(".toml")


def is_allowed_path(path: str) -> bool:
    """Tell whether a commons may hold a file at ``path`` at all."""
    if path in OTHER_FILES:
        return True
    try:
        locate(path)
    except LayoutError:
        return False
    return True


def path_of(record_id: str) -> str:
    """Return the file path of a record id (``traam`` for the manifest); the inverse of :func:`id_of`."""
    return MANIFEST if record_id == "traam" else f"{record_id}.toml"


def id_of(path: str) -> str:
    """Return the record id of a file path: the path without ``.toml`` (``traam`` for the manifest).

    The one path → id function; it checks nothing (see :func:`locate` for that).
    """
    return path[:-5] if path.endswith(".toml") else path


def twins(paths: list[str]) -> list[tuple[str, str]]:
    """Return pairs of paths that differ only by case or Unicode normalisation.

    Such twins collide on case-insensitive file systems (macOS, Windows) and
    would let two records pass for one.
    """
    seen: dict[str, str] = {}
    pairs = []
    for path in sorted(paths):
        key = unicodedata.normalize("NFC", path).casefold()
        if key in seen:
            pairs.append((seen[key], path))
        else:
            seen[key] = path
    return pairs


def identity_mismatches(location: Location, record: object) -> list[tuple[str, str]]:
    """Return ``(key, French message)`` for each field that disagrees with the record's path."""
    out: list[tuple[str, str]] = []

    def expect(field: str, wanted: str) -> None:
        value = getattr(record, field, None)
        if value is not None and value != wanted:
            out.append(
                (field, f"« {field} = {printable(str(value))} » ne correspond pas au chemin, qui indique « {wanted} »")
            )

    if location.kind == "campaign":
        expect("code", location.campaign)
    elif location.kind == "theme":
        expect("campaign", location.campaign)
        expect("discipline", location.discipline)
    elif location.kind == "team":
        expect("campaign", location.campaign)
        if location.discipline != "interdisciplinaire":  # a transversal theme gathers teams of any discipline
            expect("discipline", location.discipline)
        expect("academie", location.academie)
        theme = getattr(record, "theme", None)
        if theme is not None and theme != location.theme:
            out.append(("theme", f"« theme = {printable(str(theme))} » ne correspond pas au chemin, qui indique "
                                 f"« {location.theme} » (une équipe est rangée sous sa thématique : "
                                 f"teams/<campagne>/<thématique>/<académie>.toml ; « traam migrate » range "
                                 "un commun de l'ancienne organisation)"))
    elif location.kind == "synthesis":
        expect("campaign", location.campaign)
        expect("theme", location.theme)
    elif location.kind == "scenario":
        expect("campaign", location.campaign)
        expect("academie", location.academie)
        disciplines = getattr(record, "disciplines", [])
        if disciplines and disciplines[0] != location.discipline:
            out.append(
                (
                    "disciplines",
                    f"la première discipline « {printable(disciplines[0])} » ne correspond pas au chemin, "
                    f"qui indique « {location.discipline} »",
                )
            )
    return out


def team_id(campaign: str, theme: str, academie: str) -> str:
    """Return the id of the team of ``academie`` on the theme whose file name is ``theme``."""
    return f"teams/{campaign}/{theme}/{academie}"


def legacy_team_id(campaign: str, discipline: str, academie: str) -> str:
    """Return the id a team had in layout 1 (keyed by discipline); only ``traam migrate`` needs it."""
    return f"teams/{campaign}/{discipline}/{academie}"


def scenario_slug(title: str) -> str:
    """Return the file name (without ``.toml``) a scenario titled ``title`` gets.

    A title whose slug is a name Windows reserves (« Aux », « Con », « LPT1 »)
    gets ``-scenario`` appended: the path would be refused otherwise.
    """
    slug = slugify(title)
    return f"{slug[:55]}-scenario" if _WINDOWS_RESERVED.fullmatch(slug) else slug


def default_id(record: object) -> str:
    """Return the id a record gets when saved without one (the path its content points at).

    Themes go to ``themes/<campagne>/<discipline>`` (``-2`` variants need an
    explicit id); teams under their theme; scenarios take the slug of their title.

    Raises:
        LayoutError: the object is not a record of a known kind.
    """
    if isinstance(record, Campaign):
        return f"campaigns/{record.code}"
    if isinstance(record, Theme):
        return f"themes/{record.campaign}/{record.discipline}"
    if isinstance(record, Team):
        return team_id(record.campaign, record.theme, record.academie)
    if isinstance(record, Synthesis):
        return f"syntheses/{record.campaign}/{record.theme}"
    if isinstance(record, Scenario):
        return f"scenarios/{record.campaign}/{record.disciplines[0]}/{record.academie}/{scenario_slug(record.title)}"
    if isinstance(record, Governance):
        return "governance/reviewers"
    if isinstance(record, Manifest):
        return "traam"
    raise LayoutError(f"type d'enregistrement inconnu : {type(record).__name__}")
