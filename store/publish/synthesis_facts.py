"""Provides the facts section of a theme in the Markdown synthesis: tools, CRCN competences and AI use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from records import vocab
from records.models import Scenario
from store.publish.labels import uses_ai
from store.publish.words import count, ngettext, number


def facts(scenarios: list[Scenario], md: Callable[[str], str]) -> list[str]:
    """Return the Markdown lines on the tools, CRCN competences and AI use of ``scenarios`` (``md`` escapes text)."""
    tools: Counter[tuple[str, str]] = Counter((t.name, t.kind) for s in scenarios for t in s.tools)
    lines = ["**Outils utilisés**", ""]
    for kind, kind_label in vocab.TOOL_KINDS.items():
        names = sorted({name for (name, k) in tools if k == kind}, key=str.casefold)
        if names:
            lines.append(f"- {kind_label} : " + ", ".join(f"{md(n)} ({tools[(n, kind)]})" for n in names))
    if not tools:
        lines.append("- aucun outil déclaré")
    covered = Counter(code for s in scenarios for code in s.crcn)
    lines += ["", "**Compétences du CRCN couvertes**", ""]
    for code in vocab.CRCN:
        if covered[code]:
            lines.append(f"- {code} {vocab.CRCN[code]} ({covered[code]})")
    if not covered:
        lines.append("- aucune compétence déclarée")
    with_ai = [s.ai for s in scenarios if uses_ai(s) and s.ai is not None]
    lines += ["", "**Usage de l'intelligence artificielle**", ""]
    if with_ai:
        ai_tools = sorted({t for ai in with_ai for t in ai.tools}, key=str.casefold)
        by_students = sum(1 for ai in with_ai if ai.by_students)
        lines.append(f"- {count(len(with_ai), 'scénario', 'scénarios')} sur {number(len(scenarios))} "
                     f"{ngettext('utilise', 'utilisent', len(with_ai))} l'IA, "
                     f"dont {number(by_students)} où les élèves l'utilisent eux-mêmes")
        if ai_tools:
            lines.append("- outils : " + ", ".join(md(t) for t in ai_tools))
        missing = sum(1 for ai in with_ai if not ai.personal_data.strip())
        if missing:
            lines.append(f"- {count(missing, 'scénario', 'scénarios')} sans note sur les données personnelles")
    else:
        lines.append("- aucun usage déclaré")
    lines.append("")
    return lines
