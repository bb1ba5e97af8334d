"""Provides the bodies of the catalogue's pages, built from a Catalogue with escaped record text only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from records import vocab
from records.models import Scenario, Team
from store.publish.catalogue import Catalogue, french_date
from store.publish.htmlkit import esc, esc_text, external, fiche, items, link, section
from store.publish.labels import crcn_labels, uses_ai
from store.publish.words import count

FOLDERS = {"campaigns": "campagnes", "themes": "thematiques", "teams": "equipes", "scenarios": "scenarios"}
Crumbs = list[tuple[str, str | None]]


def page_of(record_id: str) -> str:
    """Return the page path of a record (``scenarios/2026-2027/svt/lille/defi.html``)."""
    root, rest = record_id.split("/", 1)
    return f"{FOLDERS[root]}/{rest}.html"


def discipline_page(code: str) -> str:
    """Return the page path of a discipline."""
    return f"disciplines/{code}.html"


def _ref(here: str, record_id: str, exported: bool, text: str) -> str:
    return link(here, page_of(record_id), text) if exported else esc(text)


def _labels(vocabulary: dict[str, str], codes: Iterable[str]) -> str:
    return esc(", ".join(vocab.label(vocabulary, c) for c in codes))


def _cards(cat: Catalogue, here: str, ids: list[str], empty: str = "Aucun scénario publié pour l'instant.") -> str:
    if not ids:
        return f'<p class="discret">{esc(empty)}</p>'
    cards = []
    for rid in ids:
        s = cat.scenarios[rid]
        meta = " · ".join(x for x in (vocab.label(vocab.ACADEMIES, s.academie), ", ".join(cat.discipline_names(s)),
                                      ", ".join(vocab.label(vocab.LEVELS, lv) for lv in s.levels)) if x)
        cards.append(f"<article>\n<h3>{link(here, page_of(rid), s.title)}</h3>\n<p>{esc(meta)}</p>\n</article>")
    return items(cards, css="cartes")


def _team_rows(cat: Catalogue, here: str, ids: list[str]) -> str:
    if not ids:
        return ""
    rows = "\n".join(
        f"<tr><td>{esc(vocab.label(vocab.DISCIPLINES, t.discipline))}</td>"
        f"<td>{esc(vocab.label(vocab.ACADEMIES, t.academie))}</td>"
        f"<td>{link(here, page_of(rid), t.project_title)}</td>"
        f"<td>{esc(vocab.label(vocab.OUTCOMES, t.outcome))}</td></tr>"
        for rid in ids
        for t in [cat.teams[rid]]
    )
    head = '<tr><th scope="col">Discipline</th><th scope="col">Académie</th><th scope="col">Projet</th><th scope="col">Sélection</th></tr>'
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def home(cat: Catalogue) -> tuple[str, str, Crumbs]:
    """Return the home page: campaigns, disciplines, latest scenarios, a search form."""
    here = "index.html"
    campaigns = []
    for code in cat.campaign_codes():
        n = len(cat.of_campaign(cat.scenarios, code))
        campaigns.append(f"<article>\n<h3>{link(here, f'campagnes/{code}.html', cat.campaign_title(code))}</h3>\n"
                         f"<p>{esc(count(n, 'scénario', 'scénarios'))}</p>\n</article>")
    disciplines = [f"{link(here, discipline_page(d), vocab.DISCIPLINES[d])} "
                   f"<span class=\"discret\">({len(cat.scenarios_of_discipline(d))})</span>" for d in cat.disciplines()]
    form = ('<form class="recherche" role="search" action="recherche.html" method="get">\n'
            '<div><label for="q-accueil">Rechercher un scénario</label>\n'
            '<input type="search" id="q-accueil" name="q"></div>\n<button type="submit">Rechercher</button>\n</form>')
    body = "\n".join([
        "<h1>Catalogue des TraAM</h1>",
        f'<p class="chapeau">{esc(count(len(cat.scenarios), "scénario pédagogique", "scénarios pédagogiques") + " et " + count(len(cat.teams), "équipe académique", "équipes académiques") + " des Travaux académiques mutualisés.")}</p>',
        form,
        section("Campagnes", items(campaigns, css="cartes") or '<p class="discret">Aucune campagne.</p>'),
        section("Disciplines", items(disciplines)),
        section("Derniers scénarios", _cards(cat, here, cat.recent())),
    ])
    return "Accueil", body, []


def campaign(cat: Catalogue, code: str) -> tuple[str, str, Crumbs]:
    """Return the page of a campaign: calendar, themes, teams, scenarios."""
    here = f"campagnes/{code}.html"
    record = cat.campaigns.get(f"campaigns/{code}")
    title = cat.campaign_title(code)
    parts = [f"<h1>{esc(title)}</h1>"]
    if record:
        parts.append(esc_text(record.summary))
        parts.append(fiche([
            ("Phase", esc(vocab.label(vocab.PHASES, record.phase))),
            ("Ouverture de l'appel", esc(french_date(record.call_opens))),
            ("Remontée des candidatures", esc(french_date(record.proposals_due))),
            ("Sélection nationale", esc(french_date(record.selection))),
            ("Début des travaux", esc(french_date(record.work_starts))),
            ("Fin des travaux", esc(french_date(record.work_ends))),
            ("Équipes retenues par discipline", esc(record.teams_per_discipline)),
        ]))
    themes = [f"{link(here, page_of(rid), cat.themes[rid].title)} <span class=\"discret\">"
              f"({esc(vocab.label(vocab.DISCIPLINES, cat.themes[rid].discipline))})</span>"
              for rid in cat.of_campaign(cat.themes, code)]
    parts.append(section("Thématiques", items(themes)))
    parts.append(section("Équipes", _team_rows(cat, here, cat.of_campaign(cat.teams, code))))
    parts.append(section("Scénarios", _cards(cat, here, cat.of_campaign(cat.scenarios, code))))
    return title, "\n".join(p for p in parts if p), [("Accueil", "index.html"), (title, None)]


def discipline(cat: Catalogue, code: str) -> tuple[str, str, Crumbs]:
    """Return the page of a discipline: its themes and scenarios across campaigns."""
    here = discipline_page(code)
    title = vocab.label(vocab.DISCIPLINES, code)
    themes = [f"{link(here, page_of(rid), t.title)} <span class=\"discret\">({esc(t.campaign)})</span>"
              for rid, t in cat.themes.items() if t.discipline == code]
    body = "\n".join(p for p in [
        f"<h1>{esc(title)}</h1>",
        section("Thématiques", items(themes)),
        section("Scénarios", _cards(cat, here, cat.scenarios_of_discipline(code))),
    ] if p)
    return title, body, [("Accueil", "index.html"), (title, None)]


def theme(cat: Catalogue, rid: str) -> tuple[str, str, Crumbs]:
    """Return the page of a theme: summary, axes, teams, scenarios."""
    here, t = page_of(rid), cat.themes[rid]
    body = "\n".join(p for p in [
        f"<h1>{esc(t.title)}</h1>",
        fiche([
            ("Campagne", link(here, f"campagnes/{t.campaign}.html", cat.campaign_title(t.campaign))),
            ("Discipline", link(here, discipline_page(t.discipline), vocab.label(vocab.DISCIPLINES, t.discipline))),
            ("Année", esc(f"{t.year}")),
        ]),
        esc_text(t.summary),
        section("Axes de travail", items(esc(a) for a in t.axes)),
        section("Équipes", _team_rows(cat, here, cat.teams_of_theme.get(rid, []))),
        section("Scénarios", _cards(cat, here, cat.scenarios_of_theme.get(rid, []))),
    ] if p)
    crumbs = [("Accueil", "index.html"), (cat.campaign_title(t.campaign), f"campagnes/{t.campaign}.html"), (t.title, None)]
    return t.title, body, crumbs


def team(cat: Catalogue, rid: str, record: Team | None = None) -> tuple[str, str, Crumbs]:
    """Return the page of a team: project, pilot, referent, teachers, scenarios (no email address)."""
    here, t = page_of(rid), record or cat.teams[rid]
    theme_rid, theme_record = cat.theme_of(t.campaign, t.theme)
    teachers = [esc(x.name) + (f' <span class="discret">— {esc(x.school)}</span>' if x.school else "") for x in t.teachers]
    body = "\n".join(p for p in [
        f"<h1>{esc(t.project_title)}</h1>",
        fiche([
            ("Campagne", link(here, f"campagnes/{t.campaign}.html", cat.campaign_title(t.campaign))),
            ("Discipline", link(here, discipline_page(t.discipline), vocab.label(vocab.DISCIPLINES, t.discipline))),
            ("Académie", esc(vocab.label(vocab.ACADEMIES, t.academie))),
            ("Thématique", _ref(here, theme_rid, theme_record is not None, theme_record.title if theme_record else t.theme)),
            ("Durée", esc(count(t.duration, "an", "ans"))),
            ("Sélection", esc(vocab.label(vocab.OUTCOMES, t.outcome))),
            ("Pilotage", esc(f"{t.pilot.name} ({vocab.label(vocab.CORPS, t.pilot.corps)})")),
            ("Professeur référent", esc(t.referent.name)),
            ("CARDIE", esc(t.cardie.name) if t.cardie else ""),
        ]),
        esc_text(t.summary),
        section("Enseignants", items(teachers)),
        section("Scénarios", _cards(cat, here, cat.scenarios_of_team.get(rid, []))),
    ] if p)
    crumbs = [("Accueil", "index.html"), (cat.campaign_title(t.campaign), f"campagnes/{t.campaign}.html"), (t.project_title, None)]
    return t.project_title, body, crumbs


def scenario(cat: Catalogue, rid: str, record: Scenario | None = None) -> tuple[str, str, Crumbs]:
    """Return the page of a scenario: the whole sheet, in French (``record``: the model, else the catalogue's)."""
    here, s = page_of(rid), record or cat.scenarios[rid]
    theme_rid, theme_record = cat.theme_of(s.campaign, s.theme)
    team_rid, team_record = cat.team_of(s)
    state = cat.states.get(rid)
    body = "\n".join(p for p in [
        f"<h1>{esc(s.title)}</h1>",
        fiche([
            ("Campagne", link(here, f"campagnes/{s.campaign}.html", cat.campaign_title(s.campaign))),
            ("Disciplines", ", ".join(link(here, discipline_page(d), vocab.label(vocab.DISCIPLINES, d)) for d in s.disciplines)),
            ("Académie", esc(vocab.label(vocab.ACADEMIES, s.academie))),
            ("Thématique", _ref(here, theme_rid, theme_record is not None, theme_record.title if theme_record else s.theme)),
            ("Équipe", link(here, page_of(team_rid), team_record.project_title) if team_record else ""),
            ("Niveaux", _labels(vocab.LEVELS, s.levels)),
            ("Durée", esc(s.duration)),
            ("Modalités", _labels(vocab.MODALITIES, s.modalities)),
            ("Licence", esc(vocab.label(vocab.LICENCES, s.licence))),
            ("Validation", esc(vocab.label(vocab.STATES, state)) if state else ""),
            ("Publication", external(s.publication_url, s.publication_url or "")),
            ("Notice Édubase", external(s.edubase_url, s.edubase_url or "")),
        ]),
        section("Résumé", esc_text(s.summary)),
        section("Objectifs", items(esc(o) for o in s.objectives)),
        section("Déroulé", _steps(s)),
        section("Outils numériques", _tools(s)),
        section("Intelligence artificielle", _ai(s)),
        section("Compétences du CRCN", items(esc(c) for c in crcn_labels(s.crcn))),
        section("Mots-clés", items((esc(k) for k in s.keywords), css="etiquettes")),
        section("Auteurs", items(esc(a.name) for a in s.authors)),
    ] if p)
    crumbs = [("Accueil", "index.html"), (cat.campaign_title(s.campaign), f"campagnes/{s.campaign}.html"), (s.title, None)]
    return s.title, body, crumbs


def _steps(s: Scenario) -> str:
    steps = [f"<h3>{esc(step.title)}</h3>" + (f' <p class="discret">{esc(step.duration)}</p>' if step.duration else "")
             + esc_text(step.description) for step in s.steps]
    return "<ol>\n" + "\n".join(f"<li>{x}</li>" for x in steps) + "\n</ol>" if steps else ""


def _tools(s: Scenario) -> str:
    if not s.tools:
        return ""
    rows = "\n".join(f"<tr><td>{external(t.url, t.name) or esc(t.name)}</td><td>{esc(vocab.label(vocab.TOOL_KINDS, t.kind))}</td></tr>"
                     for t in s.tools)
    return f'<table>\n<thead><tr><th scope="col">Outil</th><th scope="col">Type</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'


def _ai(s: Scenario) -> str:
    ai = s.ai
    if ai is None or not uses_ai(s):
        return ""
    return fiche([
        ("Outils d'IA", esc(", ".join(ai.tools))),
        ("Utilisée par les élèves", esc("oui" if ai.by_students else "non")),
        ("Données personnelles", esc_text(ai.personal_data)),
    ])


def pages(cat: Catalogue, *, scenarios: bool = True, teams: bool = True) -> Iterator[tuple[str, tuple[str, str, Crumbs]]]:
    """Yield every page but search as ``(path, (title, body, breadcrumbs))``; team and scenario pages when asked."""
    yield "index.html", home(cat)
    for code in cat.campaign_codes():
        yield f"campagnes/{code}.html", campaign(cat, code)
    for code in cat.disciplines():
        yield discipline_page(code), discipline(cat, code)
    for rid in cat.themes:
        yield page_of(rid), theme(cat, rid)
    if teams:
        for rid in cat.teams:
            yield page_of(rid), team(cat, rid)
    if scenarios:
        for rid in cat.scenarios:
            yield page_of(rid), scenario(cat, rid)
