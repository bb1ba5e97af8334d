"""Provides the only way the application shows text from records or git: sanitised, never markup.

Facts 1 and 2 of SECURITY.md: a string handed to a widget as markup can run
actions (``[@click=app.quit]``), and ``Content``/``Text`` keep terminal
escape sequences. Everything from a record or from git goes through
:func:`records.text.printable` and becomes plain ``Content``.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from records.text import printable


def plain(value: object, *, multiline: bool = False) -> str:
    """Return ``value`` as a string safe for a terminal (escape bytes and invisibles made visible)."""
    return printable("" if value is None else str(value), multiline=multiline)


def formatted(template: str, **values: object) -> str:
    """Return one of our French templates with data filled in, each value sanitised (:func:`plain`).

    ``str.format`` would put a branch name's raw C1 control (U+009B is a
    CSI) or bidi override straight into the text shown.
    """
    return template.format(**{name: plain(value) for name, value in values.items()})


def content(value: object, style: str = "", *, multiline: bool = False) -> Content:
    """Return sanitised, markup-free ``Content`` for ``value``, optionally with a (constant) style."""
    text = plain(value, multiline=multiline)
    return Content.styled(text, style) if style else Content(text)


def rich_text(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """Return sanitised, markup-free Rich ``Text`` (for widgets that take Rich renderables)."""
    return Text(plain(value, multiline=multiline), style=style)


def labelled(label: str, value: object, *, multiline: bool = False, label_style: str = "bold") -> Content:
    """Return ``label : value`` where ``label`` is one of our strings and ``value`` is data shown literally."""
    return Content.assemble((f"{label} : ", label_style), content(value, multiline=multiline))


def highlighted(value: str, spans: object, style: str = "bold reverse") -> Content:
    """Return sanitised ``value`` with the ``(start, end)`` character spans styled.

    Spans that fall outside the sanitised text are clipped; sanitising only
    ever lengthens the text after a replaced character, so spans over a text
    that needed no sanitising stay exact.
    """
    text = plain(value)
    result = Content(text)
    exact = text == value
    for span in spans or ():
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        if not exact:
            continue
        start, end = max(0, start), min(len(text), end)
        if start < end:
            result = result.stylize(style, start, end)
    return result
