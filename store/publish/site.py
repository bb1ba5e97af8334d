"""Provides the static HTML catalogue: home, campaign, discipline, theme, team and scenario pages, and search.

The site needs no server and loads nothing from outside: open ``index.html``
from disk, an académie web space or GitLab Pages. Links are relative; the
search page reads a JSON index embedded in ``static/index.js``. Page bodies
are in :mod:`store.publish.site_pages`.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from records import vocab
from records.models import Model
from records.text import fold
from store.publish import site_pages
from store.publish.catalogue import Catalogue
from store.publish.htmlkit import page
from store.publish.site_pages import page_of
from store.safefs import write_public

MARKER = ".traam-site"
"""File that marks a folder written by this export, so that a new export may replace it."""
STATIC = ("style.css", "search.js")


class SiteError(ValueError):
    """The site cannot be written there; the message is French."""


def search_index(catalogue: Catalogue) -> dict:
    """Return the search index: one small entry per scenario, plus the discipline and académie choices."""
    entries = []
    for rid, scenario in catalogue.scenarios.items():
        words = [scenario.title, scenario.summary, *scenario.keywords, *(t.name for t in scenario.tools)]
        words += [vocab.label(vocab.ACADEMIES, scenario.academie), *catalogue.discipline_names(scenario)]
        entries.append(
            {
                "t": scenario.title,
                "u": page_of(rid),
                "ac": scenario.academie,
                "a": vocab.label(vocab.ACADEMIES, scenario.academie),
                "d": list(scenario.disciplines),
                "dl": catalogue.discipline_names(scenario),
                "c": scenario.campaign,
                "tk": fold(scenario.title),
                "k": fold(" ".join(words)),
            }
        )
    disciplines = sorted({d for s in catalogue.scenarios.values() for d in s.disciplines}, key=list(vocab.DISCIPLINES).index)
    academies = sorted({s.academie for s in catalogue.scenarios.values()}, key=list(vocab.ACADEMIES).index)
    return {
        "scenarios": entries,
        "disciplines": [[code, vocab.DISCIPLINES[code]] for code in disciplines],
        "academies": [[code, vocab.ACADEMIES[code]] for code in academies],
    }


def index_script(index: dict) -> str:
    """Return ``static/index.js``: the index as a JavaScript literal that no record text can break out of."""
    data = json.dumps(index, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.TRAAM_INDEX = {data};\n"


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
        "<noscript><p>La recherche a besoin de JavaScript ; parcourez le catalogue depuis "
        '<a href="index.html">l\'accueil</a>.</p></noscript>',
    ])


def build(records: Mapping[str, Model], states: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return every file of the site as ``{relative path: text}``.

    Args:
        records: the selected records (see :func:`store.publish.selection.select`).
        states: validation state by id (shown on scenario pages).
    """
    catalogue = Catalogue(records, states or {})
    files: dict[str, str] = {}
    for path, (title, body, crumbs) in site_pages.pages(catalogue).items():
        files[path] = page(path, title, body, crumbs=crumbs)
    files["recherche.html"] = page(
        "recherche.html",
        "Rechercher un scénario",
        search_body(),
        crumbs=[("Accueil", "index.html"), ("Rechercher", None)],
        scripts=["static/index.js", "static/search.js"],
    )
    files["static/index.js"] = index_script(search_index(catalogue))
    package = resources.files("store.publish").joinpath("static")
    for name in STATIC:
        files[f"static/{name}"] = package.joinpath(name).read_text(encoding="utf-8")
    files[MARKER] = "Site produit par « traam export --format site » ; ce dossier est remplacé à chaque export.\n"
    return files


def write(files: Mapping[str, str], out: Path) -> list[Path]:
    """Write the site into ``out``, replacing a previous export there.

    Raises:
        SiteError: ``out`` is a file, or a non-empty folder that traam did not write.
    """
    out = Path(out)
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SiteError(f"« {out} » n'est pas un dossier")
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise SiteError(f"le dossier « {out} » n'est pas vide et ne contient pas un site produit par traam")
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    written = []
    for relative, text in sorted(files.items()):
        target = out / relative
        write_public(target, text)
        written.append(target)
    return written
