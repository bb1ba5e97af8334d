"""Provides the rules of the cahier des charges, checked across records.

Each rule has an id, a severity and a French title; it yields the records
and keys it finds at fault. Rules only read models: they never touch disk.

Each rule declares the kinds it reports on (``about``) and the kinds it
reads besides the record it reports on (``reads``). While no rule reads
scenarios as context (:func:`scenarios_stand_alone`), a finding on a
scenario depends on that scenario and on records of other kinds only: a
large commons is then validated in two processes, each holding half of the
scenarios (``store.index.splitcheck``), and a review parses only the
scenarios it changes. A rule comparing scenarios must say so in ``reads``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from records import vocab
from records.layout import LAYOUT_VERSION, path_of, team_id
from records.models import Campaign, Governance, Manifest, Model, Scenario, Team, Theme
from records.positions import Positions
from records.problems import Problem, Severity
from records.text import printable

Finding = tuple[str, str, str]
"""``(record id, dotted key, French message)``."""

Check = Callable[["Corpus"], Iterator[Finding]]
"""A rule's generator: the findings of one rule over a corpus."""

_M = TypeVar("_M", bound=Model)


class Corpus:
    """The records a rule looks at, indexed by kind; built once per check."""

    def __init__(self, records: Mapping[str, Model], present: set[str] | None = None,
                 today: dt.date | None = None):
        self.records = records
        self.today = today or dt.date.today()
        """The day of the check: a candidacy still undecided after the selection date is late."""
        self.present = present if present is not None else set(records)
        """Ids of every record file, valid or not: a reference to an invalid file is not "missing"."""

    def of(self, kind: type[_M]) -> dict[str, _M]:
        return {rid: r for rid, r in self.records.items() if isinstance(r, kind)}

    @cached_property
    def campaigns(self) -> dict[str, Campaign]:
        return self.of(Campaign)

    @cached_property
    def themes(self) -> dict[str, Theme]:
        return self.of(Theme)

    @cached_property
    def teams(self) -> dict[str, Team]:
        return self.of(Team)

    @cached_property
    def scenarios(self) -> dict[str, Scenario]:
        return self.of(Scenario)

    def cahier(self, campaign: str) -> str | None:
        """Return the cahier des charges version of ``campaign`` (None when the campaign is absent)."""
        record = self.campaigns.get(f"campaigns/{campaign}")
        return None if record is None else record.cahier


@dataclass(frozen=True)
class Rule:
    """One rule of the cahier des charges."""

    id: str
    severity: Severity
    title: str
    """What the rule asks, in French, for help screens and reports."""
    check: Check
    about: frozenset[str] = frozenset()
    """Kinds of the records it reports on."""
    reads: frozenset[str] = frozenset()
    """Kinds it reads besides the record it reports on (its context)."""
    cahiers: frozenset[str] = frozenset()
    """Versions of the cahier des charges the rule belongs to (empty: every version)."""

    def applies(self, cahier: str | None) -> bool:
        """Tell whether the rule holds for a campaign following ``cahier`` (None: unknown campaign, it holds)."""
        return not self.cahiers or cahier is None or cahier in self.cahiers


RULES: list[Rule] = []


def rule(
    id: str, severity: Severity, title: str, *, about: str, reads: str = "", cahiers: str = ""
) -> Callable[[Check], Check]:
    """Register the decorated generator as a rule.

    Args:
        about: space-separated kinds the rule reports on (``"team scenario"``).
        reads: space-separated kinds it reads as context, besides the record
            it reports on; a rule comparing two records of one kind lists it.
        cahiers: space-separated versions of the cahier des charges it
            belongs to (empty: all); the rule's generator checks
            :meth:`Rule.applies` through :func:`_in_force`.
    """

    def register(check: Check) -> Check:
        RULES.append(Rule(id, severity, title, check, frozenset(about.split()), frozenset(reads.split()),
                          frozenset(cahiers.split())))
        return check

    return register


def context_kinds(kind: str) -> frozenset[str]:
    """Return the kinds the rules read to judge a record of ``kind`` (besides the record itself)."""
    return frozenset[str]().union(*(r.reads for r in RULES if kind in r.about))


def scenarios_stand_alone() -> bool:
    """Tell whether no rule reads scenarios as context: then each scenario can be judged without the others.

    ``store.index.splitcheck`` and the review ask this before checking only a
    part of the scenarios.
    """
    return not any("scenario" in r.reads for r in RULES)


def _in_force(rule_id: str, corpus: Corpus, campaign: str) -> bool:
    """Tell whether the rule ``rule_id`` holds in ``campaign`` (by the campaign's cahier des charges)."""
    found = next(r for r in RULES if r.id == rule_id)
    return found.applies(corpus.cahier(campaign))


def _theme_id(campaign: str, slug: str) -> str:
    return f"themes/{campaign}/{slug}"


def _team_of(scenario: Scenario) -> str:
    """Return the id of the team that produced ``scenario``: its académie's team on its theme."""
    return team_id(scenario.campaign, scenario.theme, scenario.academie)


# --- manifest ------------------------------------------------------------------


@rule("commun-organisation", "error", "Le manifeste dit l'organisation du commun ; une ancienne organisation se migre.",
      about="manifest")
def _manifest_layout(corpus: Corpus) -> Iterator[Finding]:
    for rid, manifest in corpus.of(Manifest).items():
        if manifest.schema_version < LAYOUT_VERSION:
            yield rid, "schema_version", (
                f"ce commun suit l'organisation {manifest.schema_version} (équipes rangées par discipline) ; "
                f"traam lit l'organisation {LAYOUT_VERSION} (équipes rangées par thématique) : lancez « traam migrate »")


# --- campaigns -----------------------------------------------------------------


@rule("campagne-calendrier", "error", "Les dates d'une campagne se suivent dans l'ordre du calendrier.",
      about="campaign")
def _campaign_calendar(corpus: Corpus) -> Iterator[Finding]:
    order = ("call_opens", "proposals_due", "selection", "work_starts", "work_ends")
    labels = ("l'appel", "la date limite des propositions", "la sélection", "le début des travaux", "la fin des travaux")
    for rid, campaign in corpus.campaigns.items():
        dates = [getattr(campaign, name) for name in order]
        for i in range(1, len(dates)):
            if dates[i] < dates[i - 1]:
                yield rid, order[i], f"{labels[i]} ({dates[i]}) précède {labels[i - 1]} ({dates[i - 1]})"


@rule("campagne-existe", "error", "Thématiques, équipes et scénarios appartiennent à une campagne qui existe.",
      about="theme team scenario", reads="campaign")
def _campaign_exists(corpus: Corpus) -> Iterator[Finding]:
    for group in (corpus.themes, corpus.teams, corpus.scenarios):
        for rid, record in group.items():
            if f"campaigns/{record.campaign}" not in corpus.present:
                yield rid, "campaign", f"la campagne « {record.campaign} » n'existe pas (campaigns/{record.campaign}.toml)"


# --- themes --------------------------------------------------------------------


@rule("theme-prerequis", "warning", "Les prérequis d'une thématique désignent des thématiques du commun.",
      about="theme", reads="theme")
def _theme_requires(corpus: Corpus) -> Iterator[Finding]:
    for rid, theme in corpus.themes.items():
        for i, required in enumerate(theme.requires):
            if required not in corpus.present:
                yield rid, f"requires.{i}", f"la thématique prérequise « {printable(required)} » est absente du commun"


# --- teams ---------------------------------------------------------------------

_SECOND_DEGREE_CORPS = {"ia-ipr", "ien-et", "ien-eg"}


@rule("equipe-pilote", "error", "Une équipe est pilotée par un IA-IPR, un IEN-ET ou un IEN-EG (un IEN au premier degré).",
      about="team")
def _team_pilot(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        corps = team.pilot.corps
        if team.discipline == "premier-degre":
            if corps not in {"ien-1d", *_SECOND_DEGREE_CORPS}:
                yield rid, "pilot.corps", f"corps « {vocab.label(vocab.CORPS, corps)} » non permis au premier degré"
        elif corps not in _SECOND_DEGREE_CORPS:
            yield rid, "pilot.corps", (
                f"au second degré, le pilote est IA-IPR, IEN-ET ou IEN-EG, pas « {vocab.label(vocab.CORPS, corps)} »"
            )


@rule("equipe-enseignants", "error", "Une équipe compte au moins trois enseignants qui mènent des séquences en classe.",
      about="team")
def _team_teachers(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        if len(team.teachers) < 3:
            yield rid, "teachers", f"{len(team.teachers)} {'enseignant' if len(team.teachers) < 2 else 'enseignants'} seulement, au moins 3 attendus"


@rule("equipe-referent", "error", "Le professeur référent est nommé et n'est pas le pilote.", about="team")
def _team_referent(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        if team.referent.name.strip().casefold() == team.pilot.name.strip().casefold():
            yield rid, "referent", "le professeur référent ne peut pas être l'inspecteur pilote"


@rule("equipe-cardie", "error", "Une équipe compte une personne représentant la CARDIE.", about="team",
      reads="campaign", cahiers="2019 2026")
def _team_cardie(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        if team.cardie is None and _in_force("equipe-cardie", corpus, team.campaign):
            yield rid, "cardie", "il manque la personne représentant la CARDIE"


@rule("equipe-dasen", "error", "Une équipe qui compte des enseignants du premier degré a l'accord du DASEN.",
      about="team")
def _team_dasen(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        first = team.discipline == "premier-degre" or any(t.degree == "premier-degre" for t in team.teachers)
        if first and team.dasen_agreement is not True:
            yield rid, "dasen_agreement", (
                "l'équipe compte des enseignants du premier degré : l'accord du DASEN est nécessaire "
                "(dasen_agreement = true)")


@rule("equipe-enseignant-unique", "error", "Un enseignant n'est compté qu'une fois dans une équipe.", about="team")
def _team_teacher_once(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        seen: set[str] = set()
        for i, teacher in enumerate(team.teachers):
            key = " ".join(teacher.name.split()).casefold()
            if key in seen:
                yield rid, f"teachers.{i}.name", f"« {printable(teacher.name)} » est déjà compté(e) dans l'équipe"
            seen.add(key)


@rule("equipe-selection-en-attente", "warning",
      "Une candidature n'est plus en attente après la date de la sélection nationale.",
      about="team", reads="campaign")
def _team_undecided(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        campaign = corpus.campaigns.get(f"campaigns/{team.campaign}")
        if campaign is not None and team.outcome in vocab.UNDECIDED_OUTCOMES and campaign.selection < corpus.today:
            yield rid, "outcome", (
                f"« {vocab.label(vocab.OUTCOMES, team.outcome)} » alors que la sélection nationale a eu lieu le "
                f"{campaign.selection} : indiquer « retenu » ou « non-retenu »")


@rule("equipe-theme", "error", "Une équipe travaille sur une thématique de sa campagne et de sa discipline.",
      about="team", reads="theme")
def _team_theme(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        theme = corpus.themes.get(_theme_id(team.campaign, team.theme))
        if theme is None and _theme_id(team.campaign, team.theme) in corpus.present:
            continue  # the theme file is invalid: reported on its own
        if theme is None:
            yield rid, "theme", f"la thématique « {team.theme} » n'existe pas dans la campagne {team.campaign}"
        elif theme.discipline not in (team.discipline, "interdisciplinaire"):
            yield rid, "theme", f"la thématique « {team.theme} » relève d'une autre discipline ({theme.discipline})"


@rule("equipe-quota", "error", "Pas plus d'équipes retenues que le quota de la campagne (par discipline ou thématique).",
      about="team", reads="team campaign")
def _team_quota(corpus: Corpus) -> Iterator[Finding]:
    selected: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rid, team in corpus.teams.items():
        campaign = corpus.campaigns.get(f"campaigns/{team.campaign}")
        if team.outcome == "retenu" and campaign is not None:
            group = team.theme if campaign.quota_scope == "theme" else team.discipline
            selected[(team.campaign, group)].append(rid)
    for (code, group), ids in selected.items():
        campaign = corpus.campaigns[f"campaigns/{code}"]
        quota = campaign.teams_per_discipline
        if len(ids) > quota:
            where = (f"sur la thématique « {group} »" if campaign.quota_scope == "theme"
                     else f"en {vocab.label(vocab.DISCIPLINES, group)}")
            for rid in sorted(ids)[quota:]:
                yield rid, "outcome", f"{len(ids)} équipes retenues {where} pour {code}, quota de {quota}"


@rule("equipe-annee-2", "error", "Une équipe en année 2 d'une thématique suit une équipe retenue en année 1.",
      about="team", reads="theme team")
def _team_second_year(corpus: Corpus) -> Iterator[Finding]:
    for rid, team in corpus.teams.items():
        theme = corpus.themes.get(_theme_id(team.campaign, team.theme))
        if theme is None or theme.year != 2:
            continue
        for required in theme.requires:
            if required not in corpus.themes:
                continue  # reported by theme-prerequis
            year_one = corpus.themes[required]
            earlier = [
                t for t in corpus.teams.values()
                if t.academie == team.academie and _theme_id(t.campaign, t.theme) == required
            ]
            if not earlier:
                yield rid, "theme", (
                    f"l'académie n'a pas d'équipe sur la thématique d'année 1 « {printable(year_one.title)} » ({required})"
                )
            elif not any(t.outcome == "retenu" for t in earlier):
                yield rid, "theme", (
                    f"l'équipe de l'académie sur la thématique d'année 1 « {printable(year_one.title)} » ({required}) "
                    "n'a pas été retenue : seule une équipe retenue en année 1 poursuit en année 2")


# --- scenarios -----------------------------------------------------------------


def _other_teams(corpus: Corpus, scenario: Scenario) -> list[Team]:
    """Return the teams of the scenario's académie in its campaign and discipline, on other themes."""
    return [t for rid, t in corpus.teams.items() if t.campaign == scenario.campaign and t.academie == scenario.academie
            and t.discipline == scenario.disciplines[0] and t.theme != scenario.theme]


@rule("scenario-equipe", "error", "Un scénario est produit par une équipe existante de sa campagne.",
      about="scenario", reads="team")
def _scenario_team(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        wanted = _team_of(scenario)
        if wanted not in corpus.present and not _other_teams(corpus, scenario):
            yield rid, "academie", f"aucune équipe ne correspond ({wanted}.toml)"


@rule("scenario-equipe-retenue", "error", "Un scénario n'est pas produit par une équipe que la sélection a écartée.",
      about="scenario", reads="team")
def _scenario_team_retained(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        team = corpus.teams.get(_team_of(scenario))
        if team is not None and team.outcome == "non-retenu":
            yield rid, "academie", "l'équipe de l'académie n'a pas été retenue : seule une équipe retenue produit des scénarios"


@rule("scenario-equipe-en-attente", "warning", "Un scénario attend que son équipe soit retenue pour être publié.",
      about="scenario", reads="team")
def _scenario_team_waiting(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        team = corpus.teams.get(_team_of(scenario))
        if team is not None and team.outcome in vocab.UNDECIDED_OUTCOMES:
            yield rid, "academie", (
                f"l'équipe de l'académie n'est pas encore retenue ({vocab.label(vocab.OUTCOMES, team.outcome)}) : "
                "le scénario ne sera publié qu'une fois l'équipe retenue")


@rule("scenario-droits", "warning", "Un scénario dit ses droits d'usage : une licence choisie par ses auteurs.",
      about="scenario")
def _scenario_rights(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        if scenario.licence is None:
            yield rid, "licence", "aucune licence : les auteurs choisissent les droits d'usage du scénario"


@rule("scenario-crcn", "warning", "Un scénario désigne au moins une compétence du CRCN.", about="scenario",
      reads="campaign", cahiers="2026")
def _scenario_crcn(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        if not scenario.crcn and _in_force("scenario-crcn", corpus, scenario.campaign):
            yield rid, "crcn", "aucune compétence du CRCN : l'appel demande de les prendre en compte"


@rule("scenario-theme", "error", "Un scénario relève d'une thématique de sa campagne.", about="scenario", reads="theme")
def _scenario_theme(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        if _theme_id(scenario.campaign, scenario.theme) not in corpus.present:
            yield rid, "theme", f"la thématique « {scenario.theme} » n'existe pas dans la campagne {scenario.campaign}"


@rule("scenario-theme-equipe", "error", "Un scénario relève de la thématique d'une équipe de son académie.",
      about="scenario", reads="team")
def _scenario_team_theme(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        others = _other_teams(corpus, scenario)
        if _team_of(scenario) not in corpus.present and others:
            themes = ", ".join(f"« {t.theme} »" for t in others)
            yield rid, "theme", (f"l'équipe de l'académie travaille sur {themes}, le scénario indique "
                                 f"« {printable(scenario.theme)} » ({_team_of(scenario)}.toml absent)")


@rule("scenario-ia-donnees", "warning", "Un scénario qui utilise l'IA dit comment les données personnelles sont protégées.",
      about="scenario")
def _scenario_ai_data(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        if scenario.ai is not None and scenario.ai.tools and not scenario.ai.personal_data.strip():
            yield rid, "ai.personal_data", "l'usage de l'IA ne précise pas la protection des données personnelles"


@rule("scenario-publication", "warning", "Un scénario est publié sur un espace ouvert, en https.", about="scenario")
def _scenario_publication(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        url = scenario.publication_url
        if url is not None and not url.startswith("https://"):
            yield rid, "publication_url", "l'adresse de publication devrait être en https"


# --- governance ----------------------------------------------------------------


@rule("gouvernance-principal", "error", "Chaque relecteur a un principal et une clé qui lui sont propres.",
      about="governance")
def _governance_unique(corpus: Corpus) -> Iterator[Finding]:
    for rid, gov in corpus.of(Governance).items():
        principals: set[str] = set()
        keys: set[str] = set()
        for i, reviewer in enumerate(gov.reviewers):
            key = " ".join(reviewer.public_key.split()[:2])
            if reviewer.principal in principals:
                yield rid, f"reviewers.{i}.principal", f"principal « {printable(reviewer.principal)} » en double"
            if key in keys:
                yield rid, f"reviewers.{i}.public_key", "clé publique déjà attribuée à un autre relecteur"
            if reviewer.role == "academique" and not reviewer.academies:
                yield rid, f"reviewers.{i}.academies", "un relecteur académique a au moins une académie"
            principals.add(reviewer.principal)
            keys.add(key)


def check(
    records: Mapping[str, Model],
    text_of: Callable[[str], str | None] | None = None,
    only: set[str] | None = None,
    present: set[str] | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Check every rule across ``records`` and return the problems, sorted.

    Args:
        records: valid records by id.
        text_of: returns a record's TOML text (to point at the faulty line),
            or None; without it, problems point at line 1.
        only: when given, report only findings on these record ids (rules
            still see every record).
        present: ids of every record file, valid or not (default: the ids of
            ``records``); references to a present but invalid file are not
            reported again, its own problems say what is wrong.
        today: the day of the check (default: today), for rules on late steps.
    """
    corpus = Corpus(records, present, today)
    problems: list[Problem] = []
    positions: dict[str, Positions] = {}
    for item in RULES:
        for rid, key, message in item.check(corpus):
            if only is not None and rid not in only:
                continue
            line = column = 1
            if text_of is not None:
                if rid not in positions:
                    positions[rid] = Positions(text_of(rid) or "")
                line, column = positions[rid].find(tuple(int(p) if p.isdigit() else p for p in key.split(".")))
            problems.append(
                Problem(path_of(rid), line, column, message, key=key, severity=item.severity, rule=item.id)
            )
    return sorted(problems)


from records import rules_cycle, rules_publication, rules_synthesis  # noqa: E402,F401 - register their rules
