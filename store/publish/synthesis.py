"""Provides the end-of-year synthesis in Markdown: per campaign and theme, the teams, scenarios, tools, CRCN and AI use.

Record text is made printable and its Markdown and HTML special characters
are backslash-escaped, so that a title cannot inject links, images or markup
into the rendered synthesis.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from records import vocab
from records.models import Model
from store.publish.catalogue import Catalogue
from store.publish.labels import clean, uses_ai

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~&])")


def md(value: str) -> str:
    """Return record text safe inline in Markdown: one line, special characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(clean(value).split()))


def _theme_section(cat: Catalogue, theme_rid: str, title: str, discipline: str) -> list[str]:
    # A public synthesis names the retained teams only: candidacies and refusals are not published.
    team_ids = [rid for rid in cat.teams_of_theme.get(theme_rid, []) if cat.teams[rid].outcome == "retenu"]
    scenario_ids = cat.scenarios_of_theme.get(theme_rid, [])
    lines = [f"### {md(title)}", "", f"*{md(vocab.label(vocab.DISCIPLINES, discipline))}*", ""]
    lines.append(f"**Équipes ({len(team_ids)})**")
    lines.append("")
    for rid in team_ids:
        team = cat.teams[rid]
        lines.append(f"- {md(vocab.label(vocab.ACADEMIES, team.academie))} : {md(team.project_title)}")
    if not team_ids:
        lines.append("- aucune équipe publiée")
    lines += ["", f"**Scénarios ({len(scenario_ids)})**", ""]
    for rid in scenario_ids:
        s = cat.scenarios[rid]
        levels = ", ".join(vocab.label(vocab.LEVELS, lv) for lv in s.levels)
        lines.append(f"- {md(s.title)} — {md(vocab.label(vocab.ACADEMIES, s.academie))}" + (f" ({md(levels)})" if levels else ""))
    if not scenario_ids:
        return [*lines, "- aucun scénario publié", ""]
    scenarios = [cat.scenarios[rid] for rid in scenario_ids]
    tools: dict[tuple[str, str], int] = Counter((t.name, t.kind) for s in scenarios for t in s.tools)
    lines += ["", "**Outils utilisés**", ""]
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
        ai_tools = sorted({t for s in with_ai for t in s.ai.tools}, key=str.casefold)
        by_students = sum(1 for s in with_ai if s.ai.by_students)
        lines.append(f"- {len(with_ai)} scénario(s) sur {len(scenarios)} utilisent l'IA, "
                     f"dont {by_students} où les élèves l'utilisent eux-mêmes")
        if ai_tools:
            lines.append("- outils : " + ", ".join(md(t) for t in ai_tools))
        missing = sum(1 for s in with_ai if not s.ai.personal_data.strip())
        if missing:
            lines.append(f"- {missing} scénario(s) sans note sur les données personnelles")
    else:
        lines.append("- aucun usage déclaré")
    lines.append("")
    return lines


def render(records: Mapping[str, Model], states: Mapping[str, str] | None = None) -> str:
    """Return the Markdown synthesis of the selected records: one section per campaign, one per theme."""
    cat = Catalogue(records, states)
    lines = ["# Synthèse des TraAM", ""]
    retained = sum(1 for t in cat.teams.values() if t.outcome == "retenu")
    lines.append(f"{len(cat.scenarios)} scénario(s), {retained} équipe(s) retenue(s), {len(cat.themes)} thématique(s).")
    lines.append("")
    for code in cat.campaign_codes():
        lines += [f"## {md(cat.campaign_title(code))}", ""]
        theme_ids = cat.of_campaign(cat.themes, code)
        teams = [rid for rid in cat.of_campaign(cat.teams, code) if cat.teams[rid].outcome == "retenu"]
        scenarios = cat.of_campaign(cat.scenarios, code)
        lines += [f"{len(teams)} équipe(s) retenue(s), {len(scenarios)} scénario(s), {len(theme_ids)} thématique(s).", ""]
        idle = []
        for rid in theme_ids:
            theme = cat.themes[rid]
            if not cat.teams_of_theme.get(rid) and not cat.scenarios_of_theme.get(rid):
                idle.append(f"- {md(theme.title)} ({md(vocab.label(vocab.DISCIPLINES, theme.discipline))})")
                continue
            lines += _theme_section(cat, rid, theme.title, theme.discipline)
        # Teams and scenarios whose theme is not in the export still belong in the synthesis.
        orphans = sorted({rid for rid in (*cat.teams_of_theme, *cat.scenarios_of_theme)
                          if rid.startswith(f"themes/{code}/") and rid not in cat.themes})
        for rid in orphans:
            slug = rid.rsplit("/", 1)[-1]
            discipline = next((cat.teams[t].discipline for t in cat.teams_of_theme.get(rid, [])), None) or next(
                cat.scenarios[s].disciplines[0] for s in cat.scenarios_of_theme[rid])
            lines += _theme_section(cat, rid, f"Thématique {slug}", discipline)
        if idle:
            lines += ["### Thématiques sans équipe ni scénario publiés", "", *idle, ""]
        if not theme_ids and not orphans:
            lines += ["Aucune thématique publiée.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
