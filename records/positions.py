"""Provides Positions: where each key and array item of a TOML text stands, to point problems at ``line:col``.

A small scanner that follows TOML's structure (tables, arrays of tables,
dotted keys, inline tables, arrays over one or many lines, the four kinds of
strings, comments) without building values. It never raises: on text it does
not understand it stops and keeps what it found. Lines and columns are
computed only for the places it marks, so a record scans in well under a
millisecond.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BLANK = re.compile(r"[ \t\r]*(?:#[^\n]*)?")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_LITERAL = re.compile(r"'([^'\n]*)'")
_MULTI_BASIC = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""(?:"{1,2}(?!"))?', re.DOTALL)
_MULTI_LITERAL = re.compile(r"'''(?:[^']|'(?!''))*'''(?:'{1,2}(?!'))?", re.DOTALL)
_SCALAR = re.compile(r"[^,\]}\n#]+")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")

KeyPath = tuple[str | int, ...]
"""Where a value stands in a record: keys and array indexes, ``("teachers", 1, "name")``."""
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b", '"': '"', "\\": "\\"}


class _Stop(Exception):
    """Raised inside the scanner when the text is not TOML it understands."""


def _unescape(match: re.Match[str]) -> str:
    code: str = match.group(1)
    if code[0] in "uU" and len(code) > 1:
        value = int(code[1:], 16)
        return chr(value) if value <= 0x10FFFF else "\ufffd"
    return _ESCAPES.get(code, code)


class Positions:
    """Line and column (1-based) of every key, table header and array item of a TOML text.

    ``at`` maps a path such as ``("teachers", 1, "name")`` or ``("crcn", 2)``
    to ``(line, column)``; :meth:`find` falls back to the closest ancestor.
    """

    def __init__(self, text: str):
        self.at: dict[KeyPath, tuple[int, int]] = {}
        self._text = text
        self._i = 0
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._arrays: dict[KeyPath, int] = {}
        try:
            self._document()
        except (_Stop, IndexError, RecursionError):
            pass  # keep the positions found so far
        del self._text, self._starts

    def find(self, loc: KeyPath) -> tuple[int, int]:
        """Return ``(line, column)`` of ``loc`` or of its closest known ancestor; ``(1, 1)`` when none."""
        loc = tuple(loc)
        while loc:
            if loc in self.at:
                return self.at[loc]
            loc = loc[:-1]
        return (1, 1)

    # --- scanner ---------------------------------------------------------

    def _peek(self, n: int = 1) -> str:
        return self._text[self._i : self._i + n]

    def _here(self) -> tuple[int, int]:
        line = bisect_right(self._starts, self._i)
        return (line, self._i - self._starts[line - 1] + 1)

    def _mark_all(self, path: KeyPath, where: tuple[int, int], after: int = 0) -> None:
        """Mark ``path`` and its prefixes longer than ``after`` (implicit tables of headers and dotted keys)."""
        for end in range(after + 1, len(path) + 1):
            self.at.setdefault(path[:end], where)

    def _skip(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.match(self._text, self._i)
        if match:
            self._i = match.end()
        return match

    def _blank(self, newlines: bool) -> None:
        """Skip spaces and comments, and newlines too when ``newlines``."""
        self._skip(_BLANK_LINES if newlines else _BLANK)

    def _expect(self, token: str) -> None:
        self._blank(newlines=False)
        if self._peek(len(token)) != token:
            raise _Stop
        self._i += len(token)

    def _document(self) -> None:
        table: KeyPath = ()
        while True:
            self._blank(newlines=True)
            if self._i >= len(self._text):
                return
            if self._peek(2) == "[[":
                start = self._here()
                self._i += 2
                name = self._key()
                index = self._arrays.get(name, 0)
                self._arrays[name] = index + 1
                table = self._resolve(name[:-1]) + (name[-1], index)
                self._mark_all(table, start)
                self._expect("]]")
            elif self._peek() == "[":
                start = self._here()
                self._i += 1
                table = self._resolve(self._key())
                self._mark_all(table, start)
                self._expect("]")
            else:
                self._pair(table)
            self._blank(newlines=False)
            if self._i < len(self._text) and self._peek() != "\n":
                raise _Stop

    def _resolve(self, name: KeyPath) -> KeyPath:
        """Insert the current index after each prefix of ``name`` that is an array of tables."""
        out: KeyPath = ()
        for i, part in enumerate(name):
            out += (part,)
            count = self._arrays.get(name[: i + 1])
            if count:
                out += (count - 1,)
        return out

    def _pair(self, table: KeyPath) -> None:
        start = self._here()
        key = table + self._key()
        self._mark_all(key, start, after=len(table))
        self._expect("=")
        self._blank(newlines=False)
        self._value(key)

    def _key(self) -> KeyPath:
        parts: list[str] = []
        while True:
            self._blank(newlines=False)
            match = self._skip(_BARE) or self._skip(_LITERAL)
            if match:
                parts.append(match.group(1) if match.re is _LITERAL else match.group())
            elif match := self._skip(_BASIC):
                parts.append(_ESCAPE.sub(_unescape, match.group(1)))
            else:
                raise _Stop
            self._blank(newlines=False)
            if self._peek() != ".":
                return tuple(parts)
            self._i += 1

    def _value(self, path: KeyPath) -> None:
        char = self._peek()
        if char == "[":
            self._i += 1
            index = 0
            while True:
                self._blank(newlines=True)
                if self._peek() == "]":
                    self._i += 1
                    return
                self.at.setdefault(path + (index,), self._here())
                self._value(path + (index,))
                index += 1
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._i += 1
                elif self._peek() != "]":
                    raise _Stop
        elif char == "{":
            self._i += 1
            while True:
                self._blank(newlines=False)
                if self._peek() == "}":
                    self._i += 1
                    return
                self._pair(path)
                self._blank(newlines=False)
                if self._peek() == ",":
                    self._i += 1
                elif self._peek() != "}":
                    raise _Stop
        elif not (
            self._skip(_MULTI_BASIC) or self._skip(_MULTI_LITERAL) or self._skip(_BASIC) or self._skip(_LITERAL)
            or self._skip(_SCALAR)
        ):
            raise _Stop
