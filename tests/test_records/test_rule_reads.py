"""Tests that every rule declares the kinds it reads, so callers may ask the rules instead of assuming."""

from __future__ import annotations

import pytest

from records import rules
from tests.test_records.test_rules import base

_KINDS = {"campaigns": "campaign", "themes": "theme", "teams": "team", "scenarios": "scenario"}


class _Spy(rules.Corpus):
    """A corpus that remembers which kinds a rule asked for."""

    def __init__(self, records):
        super().__init__(records)
        self.asked: set[str] = set()

    def __getattribute__(self, name):
        kinds = object.__getattribute__(self, "__dict__").get("asked")
        if kinds is not None and name in _KINDS:
            kinds.add(_KINDS[name])
        return super().__getattribute__(name)

    def of(self, kind):
        self.asked.add(kind.KIND)
        return super().of(kind)


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.id)
def test_a_rule_reads_only_the_kinds_it_declares(rule):
    corpus = _Spy(base())
    list(rule.check(corpus))
    assert rule.about, "a rule says which kinds it reports on"
    assert corpus.asked <= rule.about | rule.reads


def test_scenarios_stand_alone_follows_the_declarations(monkeypatch):
    assert rules.scenarios_stand_alone()
    assert "team" in rules.context_kinds("scenario")
    extra = rules.Rule("x", "warning", "x", lambda corpus: iter(()), frozenset({"scenario"}), frozenset({"scenario"}))
    monkeypatch.setattr(rules, "RULES", [*rules.RULES, extra])
    assert not rules.scenarios_stand_alone()
