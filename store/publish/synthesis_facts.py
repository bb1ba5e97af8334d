"""Provides the facts section of a theme in the Markdown synthesis: tools, CRCN competences and AI use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from records import vocab
from records.models import Scenario
from store.publish.labels import uses_ai


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
    with_ai = [s for s in scenarios if uses_ai(s)]
    lines += ["", "**Usage de l'intelligence artificielle**", ""]
    if with_ai:
        ai_tools = sorted({t for s in with_ai for t in s.ai.tools}, key=str.casefold)  # type: ignore[union-attr]
        by_students = sum(1 for s in with_ai if s.ai.by_students)  # type: ignore[union-attr]
        lines.append(f"- {len(with_ai)} scénario(s) sur {len(scenarios)} utilisent l'IA, "
                     f"dont {by_students} où les élèves l'utilisent eux-mêmes")
        if ai_tools:
            lines.append("- outils : " + ", ".join(md(t) for t in ai_tools))
        missing = sum(1 for s in with_ai if not s.ai.personal_data.strip())  # type: ignore[union-attr]
        if missing:
            lines.append(f"- {missing} scénario(s) sans note sur les données personnelles")
    else:
        lines.append("- aucun usage déclaré")
    lines.append("")
    return lines
