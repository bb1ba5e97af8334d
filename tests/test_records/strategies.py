"""Provides hypothesis strategies that build valid records of every kind, and the path each one lives at."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from records import layout, vocab
from records.models import (
    AiUse,
    Author,
    Campaign,
    Governance,
    Inspector,
    Manifest,
    Model,
    Person,
    Reviewer,
    Scenario,
    Step,
    Teacher,
    Team,
    Theme,
    Tool,
)
from records.text import _BIDI

# Any character a record may hold in one line: no control (C0, C1, DEL), no bidi, no surrogate.
# Zero-width characters and U+2028 are allowed on purpose: they must survive the round trip.
_LINE_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=_BIDI)
_TEXT_CHARS = st.one_of(_LINE_CHARS, st.sampled_from("\n\t\"'\\ "))

# A text made only of spaces is refused (it would read as empty): the strategies never draw one.
line = st.text(_LINE_CHARS, min_size=1, max_size=24).filter(lambda s: not s.isspace())
opt_line = st.text(_LINE_CHARS, max_size=24).filter(lambda s: not s.isspace())
text = st.text(_TEXT_CHARS, max_size=60).filter(lambda s: not s.isspace())
email = st.from_regex(r"[a-z0-9._-]{1,8}@[a-z]{1,8}\.[a-z]{2,4}", fullmatch=True)
url = st.from_regex(r"https://[a-z]{1,10}\.[a-z]{2,4}(/[a-zA-Z0-9._~-]{0,10}){0,2}", fullmatch=True)
date = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
campaign_code = st.integers(2000, 2098).map(lambda y: f"{y}-{y + 1}")
slug = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}", fullmatch=True)


def code(vocabulary: dict[str, str]) -> st.SearchStrategy[str]:
    return st.sampled_from(list(vocabulary))


def codes(vocabulary: dict[str, str], max_size: int = 3) -> st.SearchStrategy[list[str]]:
    return st.lists(code(vocabulary), unique=True, max_size=max_size)


def model(cls: type[Model], required: dict, optional: dict | None = None) -> st.SearchStrategy:
    """Build ``cls`` from required fields and a random subset of the optional ones."""
    return st.fixed_dictionaries(required, optional=optional or {}).map(lambda kw: cls(**kw))


person = model(Person, {"name": line}, {"email": st.none() | email, "school": opt_line})
inspector = model(Inspector, {"name": line, "corps": code(vocab.CORPS)}, {"email": email})
teacher = model(
    Teacher, {"name": line},
    {"school": opt_line, "degree": code(vocab.DEGREES), "track": st.none() | code(vocab.TRACKS), "email": email},
)
author = model(Author, {"name": line}, {"email": email})
tool = model(Tool, {"name": line, "kind": code(vocab.TOOL_KINDS)}, {"url": st.none() | url})
ai_use = model(AiUse, {}, {"tools": st.lists(line, unique=True, max_size=3), "personal_data": text,
                           "by_students": st.booleans()})
step = model(Step, {"title": line}, {"duration": opt_line, "description": text})

campaigns = model(
    Campaign,
    {"code": campaign_code, "title": line, "call_opens": date, "proposals_due": date, "selection": date,
     "work_starts": date, "work_ends": date},
    {"summary": text, "teams_per_discipline": st.integers(1, 50), "phase": code(vocab.PHASES)},
)
themes = model(
    Theme,
    {"campaign": campaign_code, "discipline": code(vocab.DISCIPLINES), "title": line},
    {"summary": text, "axes": st.lists(line, unique=True, max_size=3), "year": st.sampled_from([1, 2]),
     "requires": st.lists(line, unique=True, max_size=2)},
)
teams = model(
    Team,
    {"campaign": campaign_code, "discipline": code(vocab.DISCIPLINES), "academie": code(vocab.ACADEMIES),
     "theme": slug, "project_title": line, "pilot": inspector, "referent": person},
    {"summary": text, "teachers": st.lists(teacher, max_size=4), "cardie": st.none() | person,
     "dasen_agreement": st.none() | st.booleans(), "duration": st.sampled_from([1, 2]),
     "outcome": code(vocab.OUTCOMES)},
).flatmap(
    # A team lives under its theme, whose file name starts with the team's discipline (``svt``, ``svt-2``).
    lambda team: st.sampled_from(["", "-1", "-2"]).map(
        lambda n: Team.model_validate({**team.model_dump(), "theme": f"{team.discipline}{n}"}))
)
scenarios = model(
    Scenario,
    {"campaign": campaign_code, "disciplines": codes(vocab.DISCIPLINES).filter(bool),
     "academie": code(vocab.ACADEMIES), "theme": slug, "title": line},
    {"summary": text, "levels": codes(vocab.LEVELS), "duration": opt_line, "modalities": codes(vocab.MODALITIES),
     "objectives": st.lists(line, max_size=3), "steps": st.lists(step, max_size=3),
     "tools": st.lists(tool, max_size=3), "ai": st.none() | ai_use, "crcn": codes(vocab.CRCN, 5),
     "licence": code(vocab.LICENCES), "publication_url": st.none() | url, "edubase_url": url,
     "authors": st.lists(author, max_size=3), "keywords": st.lists(line, unique=True, max_size=4),
     "created": st.none() | date, "updated": date},
)
_key = st.from_regex(r"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}( [a-z]{1,8}@example\.org)?",
                     fullmatch=True)
reviewer = model(
    Reviewer,
    {"name": line, "principal": email, "role": code(vocab.ROLES), "public_key": _key},
    {"academies": codes(vocab.ACADEMIES), "disciplines": codes(vocab.DISCIPLINES), "valid_from": date,
     "valid_until": st.none() | date},
)
governance = model(Governance, {}, {"reviewers": st.lists(reviewer, max_size=3)})
manifests = model(
    Manifest, {"name": line},
    {"description": text, "upstream": st.none() | url,
     "trust_root": st.none() | st.from_regex(r"[0-9a-f]{40}", fullmatch=True)},
)

RECORDS = {
    "campaign": campaigns, "theme": themes, "team": teams, "scenario": scenarios, "governance": governance,
    "manifest": manifests,
}
"""A strategy of valid records for each kind."""


def path_of(record: Model) -> str:
    """Return a path where ``record`` is at home (its content agrees with the path)."""
    return layout.path_of(layout.default_id(record))
