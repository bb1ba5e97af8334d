"""Provides the small HTML toolkit of the static catalogue: escaping, relative links, the page layout.

Every string that comes from a record goes through :func:`esc`: escape
sequences and invisible characters are made visible (records.text.printable),
then ``& < > " '`` are escaped (``html.escape(quote=True)``). Markup is only
ever built from our own constant strings.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from string import Template

from records.text import printable


def esc(value: object) -> str:
    """Return record text safe inside HTML text or a quoted attribute."""
    return html.escape(printable(str(value)), quote=True)


def esc_text(value: str) -> str:
    """Return multi-line record text as escaped paragraphs (``<p>``), line breaks kept as ``<br>``."""
    blocks = [b.strip("\n") for b in printable(value, multiline=True).replace("\r", "").split("\n\n")]
    return "\n".join(
        "<p>" + "<br>\n".join(html.escape(line, quote=True) for line in block.split("\n")) + "</p>"
        for block in blocks
        if block.strip()
    )


def href(from_page: str, to_page: str) -> str:
    """Return the relative link from one page of the site to another (paths relative to the site root)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def root_of(page: str) -> str:
    """Return the relative prefix that leads from ``page`` back to the site root (``""``, ``../`` …)."""
    return "../" * page.count("/")


def link(from_page: str, to_page: str, text: str) -> str:
    """Return ``<a href=…>text</a>`` with ``text`` escaped."""
    return f'<a href="{esc(href(from_page, to_page))}">{esc(text)}</a>'


def external(url: str | None, text: str) -> str:
    """Return a link to an outside page (https or http only), or an empty string."""
    if not url or not url.startswith(("https://", "http://")):
        return ""
    return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text)}</a>'


def items(values: Iterable[str], *, css: str = "") -> str:
    """Return a ``<ul>`` of already-escaped HTML items (empty string when no item)."""
    listed = list(values)
    if not listed:
        return ""
    klass = f' class="{css}"' if css else ""
    return f"<ul{klass}>\n" + "\n".join(f"<li>{v}</li>" for v in listed) + "\n</ul>"


def fiche(rows: Iterable[tuple[str, str]]) -> str:
    """Return a description list of ``(term, escaped HTML value)`` rows, skipping empty values."""
    body = "\n".join(f"<dt>{esc(term)}</dt><dd>{value}</dd>" for term, value in rows if value)
    return f'<dl class="fiche">\n{body}\n</dl>' if body else ""


def section(title: str, content: str, *, level: int = 2) -> str:
    """Return a titled ``<section>`` (empty string when there is no content)."""
    if not content:
        return ""
    return f"<section>\n<h{level}>{esc(title)}</h{level}>\n{content}\n</section>"


@lru_cache(maxsize=1)
def _template() -> Template:
    text = resources.files("store.publish").joinpath("templates/page.html").read_text(encoding="utf-8")
    return Template(text)


def page(path: str, title: str, body: str, *, crumbs: Sequence[tuple[str, str | None]] = (),
         scripts: Sequence[str] = (), feeds: Sequence[tuple[str, str]] = ()) -> str:
    """Return a whole page of the site.

    Args:
        path: the page's path relative to the site root (for relative links).
        title: plain title (escaped here).
        body: escaped HTML of the main content.
        crumbs: breadcrumb trail ``(text, target page or None for the current one)``.
        scripts: paths (relative to the site root) of scripts to load at the end.
        feeds: Atom feeds the page announces, ``(title, path relative to the site root)``.
    """
    root = root_of(path)
    trail = ""
    if crumbs:
        parts = []
        for text, target in crumbs:
            if target is None:
                parts.append(f'<li aria-current="page">{esc(text)}</li>')
            else:
                parts.append(f"<li>{link(path, target, text)}</li>")
        trail = '<nav class="ariane" aria-label="Fil d\'Ariane">\n<ol>\n' + "\n".join(parts) + "\n</ol>\n</nav>\n"
    tags = "".join(f'<script src="{esc(root + s)}"></script>\n' for s in scripts)
    alternates = "".join(f'<link rel="alternate" type="application/atom+xml" title="{esc(name)}" href="{esc(root + href)}">\n'
                         for name, href in feeds)
    return _template().substitute(title=esc(title), root=root, breadcrumbs=trail, body=body, scripts=tags,
                                  feeds=alternates)
