"""Provides Positions: where each key and array item of a TOML text stands, to point problems at ``line:col``.

A small scanner that follows TOML's structure (tables, arrays of tables,
dotted keys, inline tables, arrays over one or many lines, the four kinds of
strings, comments) without building values. It never raises: on text it does
not understand it stops and keeps what it found.
"""

from __future__ import annotations

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _Stop(Exception):
    """Raised inside the scanner when the text is not TOML it understands."""


class Positions:
    """Line and column (1-based) of every key, table header and array item of a TOML text.

    ``at`` maps a path such as ``("teachers", 1, "name")`` or ``("crcn", 2)``
    to ``(line, column)``; :meth:`find` falls back to the closest ancestor.
    """

    def __init__(self, text: str):
        self.at: dict[tuple, tuple[int, int]] = {}
        self._text = text
        self._i = 0
        self._line = 1
        self._line_start = 0
        self._arrays: dict[tuple, int] = {}
        try:
            self._document()
        except (_Stop, IndexError, RecursionError):
            pass  # keep the positions found so far
        del self._text

    def find(self, loc: tuple) -> tuple[int, int]:
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

    def _advance(self, n: int = 1) -> None:
        for _ in range(n):
            if self._text[self._i] == "\n":
                self._line += 1
                self._line_start = self._i + 1
            self._i += 1

    def _here(self) -> tuple[int, int]:
        return (self._line, self._i - self._line_start + 1)

    def _mark(self, path: tuple) -> None:
        self.at.setdefault(path, self._here())

    def _mark_all(self, path: tuple, where: tuple[int, int], after: int = 0) -> None:
        """Mark ``path`` and its prefixes longer than ``after`` (implicit tables of headers and dotted keys)."""
        for end in range(after + 1, len(path) + 1):
            self.at.setdefault(path[:end], where)

    def _blank(self, newlines: bool) -> None:
        """Skip spaces and comments, and newlines too when ``newlines``."""
        while self._i < len(self._text):
            char = self._text[self._i]
            if char in " \t\r" or (newlines and char == "\n"):
                self._advance()
            elif char == "#":
                while self._i < len(self._text) and self._text[self._i] != "\n":
                    self._i += 1
            else:
                return

    def _document(self) -> None:
        table: tuple = ()
        while True:
            self._blank(newlines=True)
            if self._i >= len(self._text):
                return
            if self._peek(2) == "[[":
                start = self._here()
                self._advance(2)
                name = self._key()
                index = self._arrays.get(name, 0)
                self._arrays[name] = index + 1
                table = self._resolve(name[:-1]) + (name[-1], index)
                self._mark_all(table, start)
                self._expect("]]")
            elif self._peek() == "[":
                start = self._here()
                self._advance()
                table = self._resolve(self._key())
                self._mark_all(table, start)
                self._expect("]")
            else:
                self._pair(table)
            self._blank(newlines=False)
            if self._i < len(self._text) and self._peek() != "\n":
                raise _Stop

    def _resolve(self, name: tuple) -> tuple:
        """Insert the current index after each prefix of ``name`` that is an array of tables."""
        out: tuple = ()
        for i, part in enumerate(name):
            out += (part,)
            count = self._arrays.get(name[: i + 1])
            if count:
                out += (count - 1,)
        return out

    def _expect(self, token: str) -> None:
        self._blank(newlines=False)
        if self._peek(len(token)) != token:
            raise _Stop
        self._advance(len(token))

    def _pair(self, table: tuple) -> None:
        start = self._here()
        key = table + self._key()
        self._mark_all(key, start, after=len(table))
        self._expect("=")
        self._blank(newlines=False)
        self._value(key)

    def _key(self) -> tuple:
        parts: list[str] = []
        while True:
            self._blank(newlines=False)
            char = self._peek()
            if char == '"':
                parts.append(self._basic_string())
            elif char == "'":
                parts.append(self._literal_string())
            elif char in _BARE and char:
                begin = self._i
                while self._i < len(self._text) and self._text[self._i] in _BARE:
                    self._i += 1
                parts.append(self._text[begin : self._i])
            else:
                raise _Stop
            self._blank(newlines=False)
            if self._peek() != ".":
                return tuple(parts)
            self._advance()

    def _value(self, path: tuple) -> None:
        three, char = self._peek(3), self._peek()
        if three in ('"""', "'''"):
            self._advance(3)
            end = self._text.find(three, self._i)
            while three == '"""' and end > 0 and self._escaped(end):
                end = self._text.find(three, end + 1)
            if end < 0:
                raise _Stop
            extra = 0
            while extra < 2 and self._text[end + 3 : end + 4] == three[0]:  # quotes just before the closing
                end += 1
                extra += 1
            self._advance(end - self._i + 3)
        elif char == '"':
            self._basic_string()
        elif char == "'":
            self._literal_string()
        elif char == "[":
            self._advance()
            index = 0
            while True:
                self._blank(newlines=True)
                if self._peek() == "]":
                    self._advance()
                    return
                self._mark(path + (index,))
                self._value(path + (index,))
                index += 1
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._advance()
                elif self._peek() != "]":
                    raise _Stop
        elif char == "{":
            self._advance()
            while True:
                self._blank(newlines=False)
                if self._peek() == "}":
                    self._advance()
                    return
                self._pair(path)
                self._blank(newlines=False)
                if self._peek() == ",":
                    self._advance()
                elif self._peek() != "}":
                    raise _Stop
        else:
            begin = self._i
            while self._i < len(self._text) and self._text[self._i] not in ",]}\n#":
                self._i += 1
            if self._i == begin:
                raise _Stop

    def _escaped(self, index: int) -> bool:
        backslashes = 0
        while index - backslashes - 1 >= 0 and self._text[index - backslashes - 1] == "\\":
            backslashes += 1
        return backslashes % 2 == 1

    def _basic_string(self) -> str:
        self._advance()
        out = []
        while True:
            char = self._text[self._i]
            if char == "\n":
                raise _Stop
            self._i += 1
            if char == '"':
                return "".join(out)
            if char == "\\":
                code = self._text[self._i]
                self._i += 1
                if code in "uU":
                    width = 4 if code == "u" else 8
                    try:
                        out.append(chr(int(self._text[self._i : self._i + width], 16)))
                    except ValueError:
                        raise _Stop from None
                    self._i += width
                else:
                    out.append(_ESCAPES.get(code, code))
            else:
                out.append(char)

    def _literal_string(self) -> str:
        self._advance()
        end = self._text.find("'", self._i)
        newline = self._text.find("\n", self._i)
        if end < 0 or 0 <= newline < end:
            raise _Stop
        value = self._text[self._i : end]
        self._i = end + 1
        return value
