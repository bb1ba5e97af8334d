"""Provides the static HTML catalogue: home, campaign, discipline, theme, team and scenario pages, and search.

The site needs no server and loads nothing from outside: open ``index.html``
from disk, an académie web space or GitLab Pages. Links are relative; the
search page loads a sharded index (:mod:`store.publish.site_index`). Page
bodies are in :mod:`store.publish.site_pages`, the writing of the folder in
:mod:`store.publish.site_files`.

:func:`generate` yields the files one at a time and keeps of each scenario
only a card and its words, so that an export of 100,000 records never holds
them all: scenario pages are written as the scenarios stream in, the pages
that list them afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from typing import cast

from records import vocab
from records.models import Model, Scenario, Team
from store.publish import atom, site_index, site_pages
from store.publish.catalogue import Card, Catalogue, TeamCard
from store.publish.htmlkit import page
from store.publish.site_files import MARKER, SiteError, check, write, written_before
from store.publish.site_pages import page_of

__all__ = ["MARKER", "SiteError", "build", "check", "generate", "write", "written_before"]

STATIC = ("style.css", "search.js")


def search_body() -> str:
    """Return the body of the search page (labelled controls, results announced politely)."""
    return "\n".join([
        "<h1>Rechercher un scénario</h1>",
        '<form class="recherche" id="recherche" role="search" action="recherche.html" method="get">',
        '<div><label for="q">Mots recherchés</label>\n<input type="search" id="q" name="q" autocomplete="off"></div>',
        '<div><label for="discipline">Discipline</label>\n<select id="discipline" name="discipline"><option value="">Toutes</option></select></div>',
        '<div><label for="academie">Académie</label>\n<select id="academie" name="academie"><option value="">Toutes</option></select></div>',
        '<button type="submit">Rechercher</button>',
        "</form>",
        '<p id="statut" role="status" aria-live="polite"></p>',
        '<ul class="cartes" id="resultats"></ul>',
        '<p><button type="button" id="plus" hidden>Afficher les résultats suivants</button></p>',
        "<noscript><p>La recherche a besoin de JavaScript ; parcourez le catalogue depuis "
        '<a href="index.html">l\'accueil</a>.</p></noscript>',
    ])


def _feed(code: str) -> tuple[str, str]:
    return (f"Nouveaux scénarios validés — {vocab.label(vocab.DISCIPLINES, code)}", atom.feed_path(code))


def feed_links(catalogue: Catalogue, codes: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Return the Atom feeds the home and discipline pages announce (a scenario page announces its disciplines')."""
    links = {"index.html": [_feed(code) for code in vocab.DISCIPLINES if code in codes]}
    for code in codes:
        links[site_pages.discipline_page(code)] = [_feed(code)]
    return links


def generate(frame: Mapping[str, Model], scenarios: Iterable[tuple[str, Scenario]],
             states: Mapping[str, str] | None = None, *, base_url: str = "", dates: Mapping[str, dt.datetime] | None = None,
             teams: Mapping[str, TeamCard] | None = None,
             team_pages: Callable[[], Iterable[tuple[str, Team]]] | None = None) -> Iterator[tuple[str, str]]:
    """Yield every file of the site as ``(relative path, text)``, its Atom feeds included (``atom/``).

    Args:
        frame: the selected campaigns, themes and (unless ``teams``) teams (see :func:`store.publish.selection.select`).
        scenarios: the selected scenarios, in any order, each read once.
        teams: cards of the selected teams, when ``frame`` holds none; then ``team_pages`` yields
            their models again, one at a time, for their own pages.
        states: validation state by id (shown on scenario pages).
        base_url: URL of the published site, for the feeds' absolute links and ``tag:`` ids.
        dates: validation date by scenario id, for the feeds.
    """
    team_cards = cast("dict[str, Team] | None", teams)  # pages that list teams read only a card's fields
    catalogue = Catalogue(frame, states, scenarios={}, teams=team_cards)
    cards: dict[str, Card] = {}
    index = site_index.Builder()
    newest = atom.Newest(frame, dates)
    for rid, scenario in scenarios:
        cards[rid] = Card.of(scenario)
        index.add(rid, scenario)
        newest.add(rid, scenario)
        path = page_of(rid)
        title, body, crumbs = site_pages.scenario(catalogue, rid, scenario)
        yield path, page(path, title, body, crumbs=crumbs, feeds=[_feed(code) for code in scenario.disciplines])
    # List pages read only a card's fields (title, campaign, theme, académie, disciplines, levels, dates).
    catalogue = Catalogue(frame, states, scenarios=cast("dict[str, Scenario]", cards), teams=team_cards)
    feeds = atom.feeds({**frame, **newest.records()}, base_url=base_url, dates=dates)
    del newest
    yield from feeds.items()
    links = feed_links(catalogue, {path.removeprefix("atom/").removesuffix(".xml") for path in feeds})
    for path, (title, body, crumbs) in site_pages.pages(catalogue, scenarios=False, teams=team_pages is None):
        yield path, page(path, title, body, crumbs=crumbs, feeds=links.get(path, ()))
    for rid, team in team_pages() if team_pages is not None else ():
        path = page_of(rid)
        title, body, crumbs = site_pages.team(catalogue, rid, team)
        yield path, page(path, title, body, crumbs=crumbs)
    yield "recherche.html", page("recherche.html", "Rechercher un scénario", search_body(),
                                 crumbs=[("Accueil", "index.html"), ("Rechercher", None)], scripts=["static/search.js"])
    yield from index.files(catalogue)
    package = resources.files("store.publish").joinpath("static")
    for name in STATIC:
        yield f"static/{name}", package.joinpath(name).read_text(encoding="utf-8")


def split_records(records: Mapping[str, Model]) -> tuple[dict[str, Model], Iterator[tuple[str, Scenario]]]:
    """Return ``(frame, scenarios)`` of already selected records, what :func:`generate` takes."""
    frame = {rid: r for rid, r in records.items() if not isinstance(r, Scenario)}
    return frame, ((rid, r) for rid, r in records.items() if isinstance(r, Scenario))


def build(records: Mapping[str, Model], states: Mapping[str, str] | None = None, *, base_url: str = "",
          dates: Mapping[str, dt.datetime] | None = None) -> dict[str, str]:
    """Return every file of the site as ``{relative path: text}`` (small sites and tests; exports stream)."""
    frame, scenarios = split_records(records)
    return dict(generate(frame, scenarios, states, base_url=base_url, dates=dates))
