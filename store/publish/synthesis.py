"""Provides the end-of-year synthesis in Markdown, built from the theme syntheses (bilans) of the commons.

One section per campaign, one per theme in the order of the call: the bilan
of the DNE experts (or its intermediate version in year 1 of a two-year
theme) with its lessons, the scenarios it puts forward, its training modules
and communication supports, then the retained teams and every published
scenario with its summary and link, and the tools, CRCN and AI use seen.

Record text is made printable and its Markdown and HTML special characters
are backslash-escaped, so that a title cannot inject links, images or markup
into the rendered synthesis; a link target is a checked ``https?://`` address
whose parentheses are percent-encoded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from records import vocab
from records.models import Model, Scenario, Synthesis
from store.publish.catalogue import Catalogue, french_date
from store.publish.labels import clean
from store.publish.synthesis_facts import facts
from store.publish.words import count

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~&])")


def md(value: str) -> str:
    """Return record text safe inline in Markdown: one line, special characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(clean(value).split()))


def link(text: str, url: str | None) -> str:
    """Return ``[text](url)`` with both made safe, or the escaped text alone without a URL."""
    if not url:
        return md(text)
    target = "".join(c for c in clean(url) if not c.isspace()).replace("(", "%28").replace(")", "%29")
    target = target.replace("<", "%3C").replace(">", "%3E")
    return f"[{md(text)}]({target})" if target.startswith(("https://", "http://")) else md(text)


def paragraph(value: str) -> list[str]:
    """Return record text as Markdown lines (paragraphs kept, each line escaped)."""
    return [md(line) if line.strip() else "" for line in clean(value, multiline=True).strip().splitlines()]


def _scenario_line(cat: Catalogue, rid: str) -> str:
    s: Scenario = cat.scenarios[rid]
    levels = ", ".join(vocab.label(vocab.LEVELS, lv) for lv in s.levels)
    line = f"- {link(s.title, s.publication_url or s.edubase_url)} — {md(vocab.label(vocab.ACADEMIES, s.academie))}"
    line += f" ({md(levels)})" if levels else ""
    if s.emblematic:
        line += ", scénario emblématique"
    summary = md(" ".join(s.summary.split()))
    return line + (f" : {summary}" if summary else "")


def _bilan(cat: Catalogue, synthesis: Synthesis) -> list[str]:
    stage = "Synthèse intermédiaire" if synthesis.stage == "intermediaire" else "Bilan"
    by = ", ".join(md(a.name) for a in synthesis.authors)
    head = f"**{stage} : {link(synthesis.title, synthesis.url)}**"
    if by:
        head += f" — par {by}"
    if synthesis.published:
        head += f", {french_date(synthesis.published)}"
    lines = [head, ""]
    if synthesis.illustrative:
        lines += [f"*Exemple : {md(synthesis.illustrative)}*", ""]
    if synthesis.summary.strip():
        lines += [*paragraph(synthesis.summary), ""]
    if synthesis.findings:
        lines += ["Enseignements :", "", *(f"- {md(f)}" for f in synthesis.findings), ""]
    shown = [rid for rid in synthesis.scenarios if rid in cat.scenarios]
    if shown:
        lines += ["Scénarios mis en avant :", "", *(_scenario_line(cat, rid) for rid in shown), ""]
    if synthesis.deliverables:
        lines += ["Modules de formation et supports de communication :", ""]
        for d in synthesis.deliverables:
            line = f"- {md(vocab.label(vocab.DELIVERABLE_KINDS, d.kind))} : {link(d.title, d.url)}"
            summary = md(" ".join(d.summary.split()))
            line += f" — {summary}" if summary else ""
            uses = [cat.scenarios[rid].title for rid in d.scenarios if rid in cat.scenarios]
            if uses:
                line += " (d'après : " + ", ".join(md(t) for t in uses) + ")"
            lines.append(line)
        lines.append("")
    return lines


def _theme_section(cat: Catalogue, theme_rid: str, syntheses: dict[str, Synthesis]) -> list[str]:
    theme = cat.themes.get(theme_rid)
    slug = theme_rid.rsplit("/", 1)[-1]
    title = (theme.short_title or theme.title) if theme else f"Thématique {slug}"
    lines = [f"### {md(title)}", ""]
    if theme is not None:
        about = [md(vocab.label(vocab.DISCIPLINES, theme.discipline))]
        if theme.short_title and theme.short_title != theme.title:
            about.append(f"intitulé de l'appel : « {md(theme.title)} »")
        if theme.year == 2 or any(cat.themes.get(r) for r in theme.requires):
            about.append(f"année {theme.year}")
        lines += ["*" + " — ".join(about) + "*", ""]
    for synthesis_rid in sorted(syntheses):
        lines += _bilan(cat, syntheses[synthesis_rid])
    if not syntheses:
        lines += ["*Pas encore de synthèse des experts pour cette thématique.*", ""]
    # A public synthesis names the retained teams only: candidacies and refusals are not published.
    team_ids = [rid for rid in cat.teams_of_theme.get(theme_rid, []) if cat.teams[rid].outcome == "retenu"]
    lines += [f"**Équipes retenues ({len(team_ids)})**", ""]
    lines += [f"- {md(vocab.label(vocab.ACADEMIES, cat.teams[rid].academie))} : {md(cat.teams[rid].project_title)}"
              for rid in team_ids] or ["- aucune équipe retenue publiée"]
    scenario_ids = cat.scenarios_of_theme.get(theme_rid, [])
    lines += ["", f"**Scénarios ({len(scenario_ids)})**", ""]
    lines += [_scenario_line(cat, rid) for rid in scenario_ids] or ["- aucun scénario publié"]
    lines.append("")
    if scenario_ids:
        lines += facts([cat.scenarios[rid] for rid in scenario_ids], md)
    return lines


def render(records: Mapping[str, Model], states: Mapping[str, str] | None = None) -> str:
    """Return the Markdown synthesis of the selected records: one section per campaign, one per theme."""
    cat = Catalogue(records, states)
    syntheses: dict[str, dict[str, Synthesis]] = {}
    for rid, record in sorted(records.items()):
        if isinstance(record, Synthesis):
            syntheses.setdefault(f"themes/{record.campaign}/{record.theme}", {})[rid] = record
    lines = ["# Synthèse des TraAM", ""]
    retained_count = sum(1 for t in cat.teams.values() if t.outcome == "retenu")
    lines.append(f"{count(len(cat.scenarios), 'scénario', 'scénarios')}, "
                 f"{count(retained_count, 'équipe retenue', 'équipes retenues')}, "
                 f"{count(len(cat.themes), 'thématique', 'thématiques')}, "
                 f"{count(sum(len(v) for v in syntheses.values()), 'synthèse', 'synthèses')} d'experts.")
    lines.append("")
    for code in cat.campaign_codes():
        lines += [f"## {md(cat.campaign_title(code))}", ""]
        theme_ids = cat.themes_in_call_order(code)
        teams = [rid for rid in cat.of_campaign(cat.teams, code) if cat.teams[rid].outcome == "retenu"]
        scenarios = cat.of_campaign(cat.scenarios, code)
        lines += [f"{count(len(teams), 'équipe retenue', 'équipes retenues')}, "
                  f"{count(len(scenarios), 'scénario', 'scénarios')}, {count(len(theme_ids), 'thématique', 'thématiques')}.",
                  ""]
        idle = []
        # Teams, scenarios and syntheses whose theme is not in the export still belong in the synthesis.
        orphans = sorted({rid for rid in (*cat.teams_of_theme, *cat.scenarios_of_theme, *syntheses)
                          if rid.startswith(f"themes/{code}/") and rid not in cat.themes})
        for rid in [*theme_ids, *orphans]:
            theme = cat.themes.get(rid)
            retained = [t for t in cat.teams_of_theme.get(rid, []) if cat.teams[t].outcome == "retenu"]
            if theme is not None and not (retained or cat.scenarios_of_theme.get(rid) or syntheses.get(rid)):
                idle.append(f"- {md(theme.short_title or theme.title)} "
                            f"({md(vocab.label(vocab.DISCIPLINES, theme.discipline))})")
                continue
            lines += _theme_section(cat, rid, syntheses.get(rid, {}))
        if idle:
            lines += ["### Thématiques sans équipe ni scénario publiés", "", *idle, ""]
        if not theme_ids and not orphans:
            lines += ["Aucune thématique publiée.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
