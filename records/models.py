"""Provides the pydantic models of the commons: campaigns, themes, teams, scenarios, governance.

Models are strict: unknown fields are refused, vocabularies are closed, text
may hold no control or bidi character. The record's path is not stored in
the file; the fields that repeat it (campaign, discipline, académie) must
agree with it (see :mod:`records.layout`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, ClassVar, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from records import vocab
from records.text import describe_char, forbidden_char, is_slug


def _not_blank(value: str) -> str:
    # « » or « \n » would show as an empty title: a value is empty or says something.
    if value and value.isspace():
        raise ValueError("texte fait seulement d'espaces : laissez le champ vide ou écrivez un texte")
    return value


def _line(value: str) -> str:
    _not_blank(value)
    if value.isprintable():  # no control, bidi or other format character: nothing to look for
        return value
    bad = forbidden_char(value, multiline=False)
    if bad is not None:
        raise ValueError(f"caractère interdit {describe_char(bad)} (contrôle ou bidirectionnel)")
    return value


def _text(value: str) -> str:
    _not_blank(value)
    if value.isprintable():
        return value
    bad = forbidden_char(value, multiline=True)
    if bad is not None:
        raise ValueError(f"caractère interdit {describe_char(bad)} (contrôle ou bidirectionnel)")
    return value


def _code(vocabulary: dict[str, str], what: str) -> AfterValidator:
    def check(value: str) -> str:
        if value not in vocabulary:
            raise ValueError(f"{what} inconnu(e) : « {_line_preview(value)} »")
        return value

    return AfterValidator(check)


def _line_preview(value: str) -> str:
    from records.text import printable

    return printable(value[:40])


_CAMPAIGN = re.compile(r"(\d{4})-(\d{4})")


def _campaign_code(value: str) -> str:
    match = _CAMPAIGN.fullmatch(value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValueError(f"code de campagne invalide « {_line_preview(value)} » (attendu AAAA-AAAA, années consécutives)")
    return value


def _slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(
            f"identifiant invalide « {_line_preview(value)} » (lettres minuscules sans accent, chiffres et tirets, 64 au plus)"
        )
    return value


_URL = re.compile(r"https?://[^\s<>\"]+")


def _url(value: str) -> str:
    _line(value)
    if not _URL.fullmatch(value) or len(value) > 2000:
        raise ValueError(f"adresse web invalide « {_line_preview(value)} » (attendu https://…)")
    return value


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")


def _email(value: str) -> str:
    _line(value)
    if not _EMAIL.fullmatch(value):
        raise ValueError(f"adresse électronique invalide « {_line_preview(value)} »")
    return value


_T = TypeVar("_T")


def _unique(values: list[_T]) -> list[_T]:
    if len(values) < 2:
        return values
    if isinstance(values[0], (str, int)) and len(set(values)) == len(values):
        return values  # codes and names, all distinct: the common case, at C speed
    seen: set[object] = set()
    for item in values:
        key: object = item if isinstance(item, (str, int)) else repr(item)
        if key in seen:
            raise ValueError(f"valeur en double : « {_line_preview(str(item))} »")
        seen.add(key)
    return values


Line = Annotated[str, Field(max_length=300), AfterValidator(_line)]
"""One line of text: a title, a name."""
OfficialLine = Annotated[str, Field(max_length=600), AfterValidator(_line)]
"""One line as an official text words it: a theme's title in the call, kept exactly (the histoire-géographie
title of 2026-2027 is 325 characters); lists show the short title."""
Text = Annotated[str, Field(max_length=20_000), AfterValidator(_text)]
"""Free text with newlines: a summary, a description."""
Url = Annotated[str, AfterValidator(_url)]
Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
Slug = Annotated[str, AfterValidator(_slug)]
CampaignCode = Annotated[str, AfterValidator(_campaign_code)]
Academie = Annotated[str, _code(vocab.ACADEMIES, "académie")]
Region = Annotated[str, _code(vocab.REGIONS, "région académique")]
Discipline = Annotated[str, _code(vocab.DISCIPLINES, "discipline")]
Crcn = Annotated[str, _code(vocab.CRCN, "compétence CRCN")]
Level = Annotated[str, _code(vocab.LEVELS, "niveau")]
Corps = Annotated[str, _code(vocab.CORPS, "corps d'inspection")]
Licence = Annotated[str, _code(vocab.LICENCES, "licence")]
ToolKind = Annotated[str, _code(vocab.TOOL_KINDS, "type d'outil")]
Modality = Annotated[str, _code(vocab.MODALITIES, "modalité")]
Degree = Annotated[str, _code(vocab.DEGREES, "degré")]
Track = Annotated[str, _code(vocab.TRACKS, "voie")]
Outcome = Annotated[str, _code(vocab.OUTCOMES, "résultat de sélection")]
Phase = Annotated[str, _code(vocab.PHASES, "phase")]
Role = Annotated[str, _code(vocab.ROLES, "rôle")]
Cahier = Annotated[str, _code(vocab.CAHIERS, "cahier des charges")]
QuotaScope = Annotated[str, _code(vocab.QUOTA_SCOPES, "portée du quota")]
SynthesisStage = Annotated[str, _code(vocab.SYNTHESIS_STAGES, "étape de la synthèse")]
DeliverableKind = Annotated[str, _code(vocab.DELIVERABLE_KINDS, "type de production")]


def _exact_int(value: object) -> object:
    # Literal[1, 2] alone accepts true and 1.0 (they compare equal to 1); a record must say 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("nombre entier attendu")
    return value


OneOrTwo = Annotated[Literal[1, 2], BeforeValidator(_exact_int)]
"""Year of a theme, duration of a team: the integer 1 or 2."""


UniqueList = Annotated[list[_T], AfterValidator(_unique)]
"""A list type whose items must be distinct: ``UniqueList[Line]``."""


class Model(BaseModel):
    """Base of every model: strict, closed, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)

    KIND: ClassVar[str]
    """Kind of record (``campaign``, ``scenario`` …): set by the record models of :data:`MODELS` only."""


# --- people ---------------------------------------------------------------


class Person(Model):
    """A member of a team, as the record names them."""

    name: Line = Field(min_length=1)
    """Full name."""
    email: Email | None = None
    """Professional email address."""
    school: Line = ""
    """School (établissement) where the person teaches."""


class Inspector(Model):
    """The inspector who pilots an académie team."""

    name: Line = Field(min_length=1)
    """Full name."""
    corps: Corps
    """Inspection corps: IA-IPR, IEN-ET, IEN-EG or IEN du premier degré."""
    email: Email | None = None
    """Professional email address."""


class Teacher(Model):
    """A teacher who runs sequences in class."""

    name: Line = Field(min_length=1)
    """Full name."""
    school: Line = ""
    """School (établissement)."""
    degree: Degree = "second-degre"
    """Premier or second degré."""
    track: Track | None = None
    """Track (voie) in the lycée, when relevant."""
    email: Email | None = None
    """Professional email address."""


class Author(Model):
    """An author of a scenario."""

    name: Line = Field(min_length=1)
    """Full name."""
    email: Email | None = None
    """Professional email address."""


# --- records ---------------------------------------------------------------


class Campaign(Model):
    """A yearly call for projects (appel à projets) and its calendar."""

    KIND: ClassVar[str] = "campaign"
    code: CampaignCode
    """School year of the work, ``AAAA-AAAA``; also the file name."""
    title: Line = Field(min_length=1)
    """Title of the call."""
    summary: Text = ""
    """What the call asks for, in our own words."""
    call_opens: dt.date
    """Date the call is published."""
    proposals_due: dt.date
    """Date académie proposals are due at the DNE."""
    selection: dt.date
    """Date of the national selection."""
    work_starts: dt.date
    """Date the selected teams start working."""
    work_ends: dt.date
    """Date the work must be finished."""
    teams_per_discipline: Annotated[int, Field(ge=1, le=50)] = 5
    """Most teams selected per discipline (or per theme, see ``quota_scope``)."""
    phase: Phase = "appel"
    """Phase the campaign is in."""
    cahier: Cahier = "2026"
    """Version of the cahier des charges the campaign follows: the rules apply by version."""
    quota_scope: QuotaScope = "discipline"
    """Whether the quota counts teams per discipline (2026: five) or per theme (2016: four to eight)."""
    teams_minimum: Annotated[int, Field(ge=0, le=50)] = 0
    """Fewest teams the selection aims at per discipline or theme (0: no minimum)."""
    inspector_general: Person | None = None
    """Member of the IGÉSR who co-pilots the campaign with the DNE."""
    themes: UniqueList[Slug] = []
    """File names of the campaign's themes in the order the call lists them (syntheses follow it)."""
    illustrative: Line = ""
    """What in this record is invented for a demonstration (empty: everything comes from a source)."""


class Theme(Model):
    """A thématique of a campaign for one discipline."""

    KIND: ClassVar[str] = "theme"
    campaign: CampaignCode
    """Campaign code; must match the folder."""
    discipline: Discipline
    """Discipline code; must match the file name."""
    title: OfficialLine = Field(min_length=1)
    """Official title of the theme, exactly as the call words it (up to 600 characters)."""
    short_title: Line = ""
    """Short title for lists (empty: the official title)."""
    summary: Text = ""
    """What the theme explores, in our own words."""
    axes: UniqueList[Line] = []
    """Lines of work suggested to the teams."""
    year: OneOrTwo = 1
    """Year of a two-year theme (1 or 2)."""
    duration: OneOrTwo = 1
    """Years the theme runs: 2 for a theme worked on over two years (its year 1 and its year 2)."""
    requires: UniqueList[Line] = []
    """Ids of the themes a team must have worked on before (``themes/2025-2026/svt``)."""
    experts: list[Person] = []
    """The one or two DNE experts who lead the theme's national group and write its synthesis."""
    inspector_general: Person | None = None
    """Member of the IGÉSR in the theme's national group."""
    lead_academie: Academie | None = None
    """The « chef de file » académie of the theme, when one leads the group."""
    illustrative: Line = ""
    """What in this record is invented for a demonstration (empty: everything comes from a source)."""


class Team(Model):
    """An académie team (groupe de travail académique) working on a theme."""

    KIND: ClassVar[str] = "team"
    campaign: CampaignCode
    """Campaign code; must match the folder."""
    discipline: Discipline
    """Discipline code; must match the folder."""
    academie: Academie
    """Académie code; must match the file name."""
    theme: Slug
    """File name of the theme in the same campaign (``svt-1``, ``nsi``)."""
    project_title: Line = Field(min_length=1)
    """Title of the team's project."""
    summary: Text = ""
    """What the team intends to do."""
    pilot: Inspector
    """Inspector piloting the team."""
    copilot: Inspector | None = None
    """Second inspector piloting with the first (« un IA-IPR et/ou un IEN-ET ou IEN-EG »)."""
    referent: Person
    """Referent teacher, the link with the national group."""
    teachers: list[Teacher] = []
    """Teachers running sequences in class (at least three)."""
    cardie: Person | None = None
    """Representative of the CARDIE."""
    dasen_agreement: bool | None = None
    """Agreement of the DASEN (required in the premier degré)."""
    duration: OneOrTwo = 1
    """Duration of the work in years."""
    outcome: Outcome = "candidat"
    """Step reached in the selection: académie candidacy, pre-selection, transmission, national outcome."""
    region: Region | None = None
    """Région académique whose DRAN transmitted the candidacy to the DNE (empty: the académie's DAN, or not yet)."""
    illustrative: Line = ""
    """What in this record is invented for a demonstration (empty: everything comes from a source)."""


class Tool(Model):
    """A digital tool used in a scenario."""

    name: Line = Field(min_length=1)
    """Name of the tool (Capytale, Éléa, H5P …)."""
    kind: ToolKind
    """Public commons, free software or private platform."""
    url: Url | None = None
    """Address of the tool."""


class AiUse(Model):
    """How a scenario uses artificial intelligence."""

    tools: UniqueList[Line] = []
    """AI tools used."""
    personal_data: Text = ""
    """How personal data are protected (RGPD)."""
    by_students: bool = False
    """True when students use the AI themselves, not only the teacher."""


class Step(Model):
    """One step (séance) of a scenario."""

    title: Line = Field(min_length=1)
    """Title of the step."""
    duration: Line = ""
    """Duration (``55 min``)."""
    description: Text = ""
    """What happens."""


class Scenario(Model):
    """A pedagogical scenario produced by a team."""

    KIND: ClassVar[str] = "scenario"
    campaign: CampaignCode
    """Campaign code; must match the folder."""
    disciplines: Annotated[UniqueList[Discipline], Field(min_length=1)]
    """Disciplines, the first one matching the folder."""
    academie: Academie
    """Académie code; must match the folder."""
    theme: Slug
    """File name of the theme in the same campaign."""
    title: Line = Field(min_length=1)
    """Title of the scenario."""
    summary: Text = ""
    """What students do and learn, in a few lines."""
    levels: UniqueList[Level] = []
    """Levels (cycles, lycée tracks, BTS)."""
    duration: Line = ""
    """Overall duration (``4 séances de 55 min``)."""
    modalities: UniqueList[Modality] = []
    """In class, hybrid, unplugged, remote."""
    objectives: list[Line] = []
    """Learning objectives."""
    steps: list[Step] = []
    """The steps of the sequence."""
    tools: list[Tool] = []
    """Digital tools used."""
    ai: AiUse | None = None
    """Use of artificial intelligence, if any."""
    crcn: UniqueList[Crcn] = []
    """CRCN competences worked on (codes 1.1 to 5.2)."""
    licence: Licence | None = None
    """Licence of the scenario (SPDX identifier), chosen by its authors: there is no default."""
    publication_url: Url | None = None
    """Where the scenario is published, on an open académie space."""
    edubase_url: Url | None = None
    """Its Édubase notice."""
    authors: list[Author] = []
    """Authors."""
    keywords: UniqueList[Line] = []
    """Keywords for indexing."""
    created: dt.date | None = None
    """Date of creation."""
    updated: dt.date | None = None
    """Date of the last substantial update."""
    emblematic: bool = False
    """Distinguished by the DNE among the emblematic scenarios of a year."""
    illustrative: Line = ""
    """What in this record is invented for a demonstration (empty: everything comes from a source)."""


class Deliverable(Model):
    """A training module (M@gistère, MOOC) or a communication support that spreads a theme's work."""

    kind: DeliverableKind
    """Module M@gistère, MOOC, infographie, carte heuristique or capsule vidéo."""
    title: Line = Field(min_length=1)
    """Title of the module or support."""
    url: Url | None = None
    """Where it can be followed or seen."""
    summary: Text = ""
    """What it offers, in a few lines."""
    scenarios: UniqueList[Line] = []
    """Ids of the scenarios it draws on (``scenarios/2024-2025/svt/lyon/defi-botanique``)."""


class Synthesis(Model):
    """The synthesis (bilan) of a theme by its DNE expert(s), with the modules and supports that spread it."""

    KIND: ClassVar[str] = "synthesis"
    campaign: CampaignCode
    """Campaign code; must match the folder."""
    theme: Slug
    """File name of the theme in the same campaign; must match the file name."""
    stage: SynthesisStage = "bilan"
    """Final bilan, or the intermediate synthesis of year 1 of a two-year theme."""
    title: Line = Field(min_length=1)
    """Title of the synthesis."""
    summary: Text = ""
    """What the teams explored and found, in our own words."""
    findings: list[Line] = []
    """Main lessons, one per line."""
    authors: list[Person] = []
    """The DNE expert or the pair of experts who wrote it."""
    scenarios: UniqueList[Line] = []
    """Ids of the scenarios the synthesis puts forward."""
    deliverables: list[Deliverable] = []
    """Training modules and communication supports."""
    url: Url | None = None
    """Where the synthesis is published (éduscol …)."""
    published: dt.date | None = None
    """Date of publication."""
    illustrative: Line = ""
    """What in this record is invented for a demonstration (empty: everything comes from a source)."""


class Reviewer(Model):
    """Somebody allowed to validate, with the key that signs their merges."""

    name: Line = Field(min_length=1)
    """Full name."""
    principal: Email
    """Exact principal of the SSH signature (an email address)."""
    role: Role
    """Academic or national validation."""
    academies: UniqueList[Academie] = []
    """Académies in scope (empty: all, for national reviewers)."""
    disciplines: UniqueList[Discipline] = []
    """Disciplines in scope (empty: all)."""
    public_key: Annotated[str, Field(min_length=20, max_length=2000), AfterValidator(_line)]
    """SSH public key (``ssh-ed25519 AAAA…``)."""
    valid_from: dt.date | None = None
    """First day the key may sign."""
    valid_until: dt.date | None = None
    """Last day the key may sign."""


class Governance(Model):
    """Who validates what: ``governance/reviewers.toml``."""

    KIND: ClassVar[str] = "governance"
    reviewers: list[Reviewer] = []
    """The reviewers."""


class Manifest(Model):
    """The manifest ``traam.toml`` at the root of a commons."""

    KIND: ClassVar[str] = "manifest"
    schema_version: Annotated[Literal[1, 2], BeforeValidator(_exact_int)] = 2
    """Version of the layout and schema (2: teams keyed by theme; 1: by discipline, see ``traam migrate``)."""
    name: Line = Field(min_length=1)
    """Name of the commons."""
    description: Text = ""
    """What this commons holds."""
    upstream: Url | None = None
    """The commons this one follows, for forks."""
    trust_root: Annotated[str, Field(pattern=r"^[0-9a-f]{40}$")] | None = None
    """Commit from which governance is trusted (pinned root)."""


Record = Campaign | Theme | Team | Scenario | Synthesis | Governance | Manifest
"""Any record the codec can load."""

MODELS: dict[str, type[Model]] = {
    "campaign": Campaign,
    "theme": Theme,
    "team": Team,
    "scenario": Scenario,
    "synthesis": Synthesis,
    "governance": Governance,
    "manifest": Manifest,
}
"""Model class by kind."""
