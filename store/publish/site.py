"""Provides the static HTML catalogue: home, campaign, discipline, theme, team and scenario pages, and search.

The site needs no server and loads nothing from outside: open ``index.html``
from disk, an académie web space or GitLab Pages. Links are relative; the
search page reads a JSON index embedded in ``static/index.js``. Page bodies
are in :mod:`store.publish.site_pages`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path

from records import vocab
from records.models import Model
from records.text import fold
from store.publish import atom, site_pages
from store.publish.catalogue import Catalogue
from store.publish.htmlkit import page
from store.publish.site_pages import page_of
from store.safefs import write_public

MARKER = ".traam-site"
"""File that marks a folder written by this export and lists the files it wrote (the manifest)."""
MANIFEST_PREFIX = "fichier: "
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


def feed_links(catalogue: Catalogue, codes: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Return the Atom feeds each page announces: all on the home page, a discipline's on its pages."""
    def named(code: str) -> tuple[str, str]:
        return (f"Nouveaux scénarios validés — {vocab.label(vocab.DISCIPLINES, code)}", atom.feed_path(code))

    links = {"index.html": [named(code) for code in vocab.DISCIPLINES if code in codes]}
    for code in codes:
        links[site_pages.discipline_page(code)] = [named(code)]
    for rid, scenario in catalogue.scenarios.items():
        links[page_of(rid)] = [named(code) for code in scenario.disciplines if code in codes]
    return links


def build(records: Mapping[str, Model], states: Mapping[str, str] | None = None, *, base_url: str = "",
          dates: Mapping | None = None) -> dict[str, str]:
    """Return every file of the site as ``{relative path: text}``, its Atom feeds included (``atom/``).

    Args:
        records: the selected records (see :func:`store.publish.selection.select`).
        states: validation state by id (shown on scenario pages).
        base_url: URL of the published site, for the feeds' absolute links and ``tag:`` ids.
        dates: validation date by scenario id, for the feeds.
    """
    catalogue = Catalogue(records, states or {})
    files: dict[str, str] = dict(atom.feeds(records, base_url=base_url, dates=dates))
    codes = {path.removeprefix("atom/").removesuffix(".xml") for path in files}
    links = feed_links(catalogue, codes)
    for path, (title, body, crumbs) in site_pages.pages(catalogue).items():
        files[path] = page(path, title, body, crumbs=crumbs, feeds=links.get(path, ()))
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
    return files


def written_before(out: Path) -> list[str]:
    """Return the files a previous export listed in its marker (never a path that leaves ``out``)."""
    try:
        text = (out / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    listed = []
    for line in text.splitlines():
        if not line.startswith(MANIFEST_PREFIX):
            continue
        relative = line[len(MANIFEST_PREFIX):]
        parts = relative.split("/")
        if relative and not relative.startswith("/") and all(part not in ("", ".", "..") for part in parts) \
                and "\\" not in relative and relative != MARKER:
            listed.append(relative)
    return listed


def marker_text(paths: list[str]) -> str:
    """Return the marker: a French note, then one ``fichier: <path>`` line per file traam wrote."""
    head = ("Site produit par « traam export --format site ». Au prochain export, traam ne remplace ou ne retire "
            "que les fichiers listés ici ; ce que vous avez ajouté (images, robots.txt…) reste.\n")
    return head + "".join(f"{MANIFEST_PREFIX}{path}\n" for path in paths)


def _remove(out: Path, relative: str) -> None:
    """Remove one file a previous export wrote, if it is still a plain file inside ``out``; then empty folders."""
    target = out / relative
    current = out
    for part in relative.split("/")[:-1]:
        current = current / part
        if current.is_symlink() or not current.is_dir():
            return  # a link planted in the way: never followed
    if target.is_symlink() or target.is_file():
        target.unlink()
    folder = target.parent
    while folder != out and folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write(files: Mapping[str, str], out: Path, *, progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write the site into ``out``, replacing the files a previous export wrote there and nothing else.

    The marker file lists every file written; the next export removes the
    listed files it no longer produces and keeps whatever else is in the
    folder (feeds, ``robots.txt``, images added by hand).

    Args:
        progress: called as ``progress(written, total)`` every 200 files and at the end.

    Raises:
        SiteError: ``out`` is a file, or a non-empty folder that traam did not write.
    """

    out = Path(out)
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SiteError(f"« {out} » n'est pas un dossier")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(f"le dossier « {out} » n'est pas vide et ne contient pas un site produit par traam")
    previous = written_before(out) if out.exists() else []
    for relative in previous:
        if relative not in files:
            _remove(out, relative)
    written = []
    for relative, text in sorted(files.items()):
        if relative == MARKER:
            continue
        target = out / relative
        current = out
        for part in relative.split("/")[:-1]:
            current = current / part
            if current.is_symlink():
                raise SiteError(f"« {current} » est un lien symbolique : traam n'écrit pas au travers")
        write_public(target, text)
        written.append(target)
        if progress is not None and len(written) % 200 == 0:
            progress(len(written), len(files))
    listed = sorted(relative for relative in files if relative != MARKER)
    write_public(out / MARKER, marker_text(listed))
    written.append(out / MARKER)
    if progress is not None:
        progress(len(written), len(written))
    return written
