"""Tests of the static catalogue: strict HTML, links inside the site, escaping, accessibility basics, Chromium."""

from __future__ import annotations

import itertools
import posixpath
import re
import shutil
import subprocess
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from store.publish import site
from store.publish.selection import select
from tests.test_store.publish_fixtures import HOSTILE, escaped_scenario, sample_records, sample_states

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class StrictPage(HTMLParser):
    """Parses a page and fails on any unbalanced tag; collects links, ids, scripts and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src", "action"):
            if name in attributes:
                self.links.append((tag, name, attributes[name]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"closing void </{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(text: str) -> StrictPage:
    parser = StrictPage()
    parser.feed(text)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return site.build(select(sample_records(), sample_states()), sample_states())


def pages(files):
    return {path: text for path, text in files.items() if path.endswith(".html")}


def test_the_site_has_every_kind_of_page(files):
    assert {"index.html", "recherche.html", "campagnes/2026-2027.html", "disciplines/svt.html",
            "disciplines/mathematiques.html", "thematiques/2026-2027/svt-1.html", "equipes/2026-2027/svt-1/lille.html",
            "scenarios/2026-2027/svt/lille/defi-botanique.html", "static/style.css", "static/search.js",
            "static/recherche/meta.js", "static/recherche/t/0.js", "static/recherche/d/0.js",
            "static/recherche/f/d-svt.js", "static/recherche/f/a-lille.js"} <= set(files)
    assert "scenarios/2026-2027/nsi/versailles/brouillon.html" not in files  # a draft is not published
    assert "equipes/2026-2027/nsi/versailles.html" not in files


def test_every_page_parses_strictly_and_is_accessible(files):
    for path, text in pages(files).items():
        page = parse(text)
        assert text.startswith("<!DOCTYPE html>\n<html lang=\"fr\">"), path
        tags = [t for t, _ in page.tags]
        assert tags.count("h1") == 1, path
        assert "main" in tags and "contenu" in page.ids, path
        first_link = next(a for t, a in page.tags if t == "a")
        assert first_link["href"] == "#contenu" and first_link.get("class") == "evitement", path
        for tag, attributes in page.tags:
            if tag in ("input", "select"):
                assert any(t == "label" and a.get("for") == attributes["id"] for t, a in page.tags), (path, attributes)


def test_every_link_resolves_inside_the_site_and_nothing_is_loaded_from_outside(files):
    for path, text in pages(files).items():
        page = parse(text)
        for tag, _attribute, url in page.links:
            parts = urlsplit(url)
            if parts.scheme:
                assert tag == "a" and parts.scheme in ("https", "http"), (path, url)
                continue
            assert not url.startswith("/"), (path, url)  # relative links only
            if parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path))
                assert target in files, (path, url)
            else:
                target = path
            if parts.fragment:
                assert parts.fragment in parse(files[target]).ids, (path, url)
    for css_or_js in ("static/style.css", "static/search.js"):
        assert not re.search(r"https?://|@import|url\(", files[css_or_js]), css_or_js


def test_hostile_record_text_comes_out_escaped(files):
    page_path = "scenarios/2026-2027/nsi/versailles/hostile.html"
    text = files[page_path]
    page = parse(text)
    assert "<script>alert" not in text and 'href="javascript:' not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;" in text
    scripts = [a for t, a in page.tags if t == "script"]
    assert scripts == []  # only the search page loads scripts
    assert HOSTILE in "".join(page.text)  # the text reads exactly as written
    assert "invisible⟨U+200B⟩ici" in text  # invisible characters shown
    for path, other in pages(files).items():
        assert "<script>alert" not in other, path
        assert all(a.get("src", "").endswith("static/search.js") for t, a in parse(other).tags if t == "script"), path
    cards = "".join(text for path, text in files.items() if path.startswith("static/recherche/d/"))
    assert "<" not in cards and "\\u003cscript\\u003e" in cards


def test_escape_sequences_are_removed_from_every_page():
    records = select(sample_records(), sample_states())
    records["scenarios/2026-2027/nsi/versailles/hostile"] = escaped_scenario()
    for path, text in site.build(records, sample_states()).items():
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), path
    page = site.build(records, sample_states())["scenarios/2026-2027/nsi/versailles/hostile.html"]
    assert "Titre ⟨U+001B⟩]52;c;ZWNobw==⟨U+0007⟩⟨U+001B⟩[31mrouge⟨U+009B⟩" in page


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_contrast_at_least_4_5_to_1(files):
    css = files["static/style.css"]
    colours = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6});", css))
    pairs = [("texte", "fond"), ("lien", "fond"), ("discret", "fond"), ("texte", "carte"), ("lien", "carte"),
             ("discret", "carte")]
    for fore, back in pairs:
        assert contrast(colours[fore], colours[back]) >= 4.5, (fore, back)
    assert contrast("#ffffff", colours["bandeau"]) >= 4.5
    assert ":focus-visible" in css and "outline" in css


def test_write_replaces_what_it_wrote_before_and_keeps_the_rest(tmp_path, files):
    """A re-export removes only the files its manifest lists: a dropped page goes, robots.txt and images stay."""
    out = tmp_path / "site"
    old = dict(files, **{"scenarios/ancienne-page.html": "<p>ancienne</p>"})
    site.write(old, out)
    assert "fichier: scenarios/ancienne-page.html" in (out / site.MARKER).read_text(encoding="utf-8")
    (out / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (out / "images").mkdir()
    (out / "images" / "logo.png").write_bytes(b"\x89PNG")
    site.write(files, out)
    assert not (out / "scenarios/ancienne-page.html").exists() and (out / "index.html").is_file()
    assert (out / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\n"
    assert (out / "images" / "logo.png").read_bytes() == b"\x89PNG"
    listed = site.written_before(out)
    assert "index.html" in listed and "robots.txt" not in listed and "scenarios/ancienne-page.html" not in listed


def test_manifest_never_reaches_outside_the_folder(tmp_path, files):
    """A marker listing ``../x`` or an absolute path (planted or edited) removes nothing outside."""
    victim = tmp_path / "a-garder.txt"
    victim.write_text("précieux", encoding="utf-8")
    out = tmp_path / "site"
    site.write(files, out)
    marker = out / site.MARKER
    marker.write_text(marker.read_text(encoding="utf-8") + f"fichier: ../a-garder.txt\nfichier: {victim}\n",
                      encoding="utf-8")
    site.write(files, out)
    assert victim.read_text(encoding="utf-8") == "précieux"


def test_write_refuses_a_foreign_folder(tmp_path, files):
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "important.txt").write_text("ne pas effacer", encoding="utf-8")
    with pytest.raises(site.SiteError, match="ne contient pas un site produit par traam"):
        site.write(files, foreign)
    assert (foreign / "important.txt").read_text(encoding="utf-8") == "ne pas effacer"


def test_pages_announce_their_feeds_and_feeds_point_to_themselves(files):
    """Home and discipline pages carry ``<link rel="alternate" type="application/atom+xml">`` to files that exist;
    each feed has ``rel="self"`` and ``tag:`` ids."""
    home = files["index.html"]
    hrefs = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', home)
    assert hrefs and all(href in files for href in hrefs)
    discipline = next(path for path in files if path.startswith("disciplines/"))
    code = discipline.removeprefix("disciplines/").removesuffix(".html")
    assert f'href="../atom/{code}.xml"' in files[discipline]
    feed = files[f"atom/{code}.xml"]
    assert f'<link rel="self" type="application/atom+xml" href="{code}.xml"/>' in feed
    assert "urn:traam" not in feed and "<id>tag:traam.invalid,2016:flux/" in feed


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,900"]


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profil-chromium"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=90, check=False)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (paquet Debian « chromium ») : rendu du site non vérifié")
def test_chromium_renders_the_index_and_a_scenario_page(tmp_path, files):
    out = tmp_path / "site"
    site.write(files, out)
    for name, page in (("accueil", "index.html"), ("scenario", "scenarios/2026-2027/svt/lille/defi-botanique.html")):
        shot = tmp_path / f"{name}.png"
        done = chromium(tmp_path, f"--screenshot={shot}", (out / page).as_uri())
        assert shot.is_file(), done.stderr[-2000:]
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a blank 1200x900 page is a few kB


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (paquet Debian « chromium ») : recherche non vérifiée")
def test_chromium_runs_the_offline_search(tmp_path, files):
    out = tmp_path / "site"
    site.write(files, out)
    url = (out / "recherche.html").as_uri() + "?q=oiseaux"
    done = chromium(tmp_path, "--dump-dom", url)
    assert "1 scénario trouvé." in done.stdout, done.stderr[-2000:]
    results = done.stdout[done.stdout.index('id="resultats"'):]
    assert "Compter les oiseaux" in results and "Défi botanique" not in results
    # The hostile title is found as text, never run.
    done = chromium(tmp_path, "--dump-dom", (out / "recherche.html").as_uri() + "?q=quotes")
    assert "1 scénario trouvé." in done.stdout
    assert "&lt;script&gt;alert" in done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (paquet Debian « chromium ») : titres non vérifiés")
def test_chromium_search_page_headings_never_skip_a_level(tmp_path, files):
    """Accessibility smoke check (axe-core's heading-order): in the rendered search page, h1 then h2, no jump."""
    out = tmp_path / "site"
    site.write(files, out)
    done = chromium(tmp_path, "--dump-dom", (out / "recherche.html").as_uri() + "?q=oiseaux")
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", done.stdout)]
    assert levels and levels[0] == 1 and len(levels) > 1, done.stderr[-2000:]
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), levels


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (paquet Debian « chromium ») : recherche non vérifiée")
def test_chromium_search_tolerates_a_typo(tmp_path, files):
    """« oisaux » (one letter missing) finds « Compter les oiseaux », like the CLI's search; « xyzw » finds nothing."""
    out = tmp_path / "site"
    site.write(files, out)
    done = chromium(tmp_path, "--dump-dom", (out / "recherche.html").as_uri() + "?q=oisaux")
    assert "1 scénario trouvé." in done.stdout, done.stderr[-2000:]
    assert "Compter les oiseaux" in done.stdout[done.stdout.index('id="resultats"'):]
    done = chromium(tmp_path, "--dump-dom", (out / "recherche.html").as_uri() + "?q=xyzw")
    assert "Aucun scénario ne correspond." in done.stdout
