"""Provides the rendering of a full record as French, markup-free Content for the detail pane.

Codes are shown with their French labels from :mod:`records.vocab`; links are
shown underlined but are never live (no ``link`` style, no ``@click``): the
user opens a https link on purpose with a key.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content

from records import present, vocab
from records.codec import to_table
from tui import strings
from tui.safe import content

VOCABULARY_OF: dict[str, dict[str, str]] = {**present.VALUE_VOCABULARIES, "kind": vocab.TOOL_KINDS}
"""Which vocabulary labels the codes of a field, by field name."""

URL_FIELDS = frozenset({"publication_url", "edubase_url", "url", "upstream"})
MULTILINE_FIELDS = frozenset({"summary", "description", "personal_data"})
LABEL_STYLE = "bold $accent"
LINK_STYLE = "underline $text-primary"


def format_value(key: str, value: Any) -> str:
    """Return a scalar value as French text: vocabulary label, date, yes/no (not yet sanitised)."""
    if isinstance(value, (list, dict)):
        return str(value)
    return present.value_text(key, value)


def _value(key: str, value: Any) -> Content:
    if key in URL_FIELDS:
        return content(value, LINK_STYLE)
    return content(format_value(key, value), multiline=key in MULTILINE_FIELDS)


def _lines(key: str, value: Any, indent: int) -> list[Content]:
    pad = "  " * indent
    label = strings.field_label(key)
    head = Content.assemble(pad, (f"{label} : ", LABEL_STYLE))
    if isinstance(value, dict):
        out = [head]
        for sub_key, sub_value in value.items():
            out.extend(_lines(sub_key, sub_value, indent + 1))
        return out
    if isinstance(value, list):
        if not value:
            return []
        if all(not isinstance(v, (dict, list)) for v in value):
            if key in ("levels", "crcn", "modalities", "disciplines", "academies", "objectives", "axes"):
                out = [head]
                out.extend(Content.assemble(pad, "  • ", _value(key, item)) for item in value)
                return out
            return [head + Content(", ").join(_value(key, item) for item in value)]
        out = [head]
        for item in value:
            if isinstance(item, dict):
                first = True
                for sub_key, sub_value in item.items():
                    for line in _lines(sub_key, sub_value, indent + 2):
                        if first:
                            line = Content.assemble(pad, "  • ", line[len(pad) + 4:])
                            first = False
                        out.append(line)
        return out
    if key in MULTILINE_FIELDS and "\n" in str(value):
        out = [head]
        out.extend(Content.assemble(pad, "  ", content(line)) for line in str(value).splitlines())
        return out
    return [head + _value(key, value)]


def render_record(record_id: str, record: Any, state: str | None) -> Content:
    """Return the detail view of a record: id, state, then every set field with its French label."""
    lines = [
        Content.assemble((f"{strings.field_label('id')} : ", LABEL_STYLE), content(record_id)),
        Content.assemble(
            (f"{strings.field_label('state')} : ", LABEL_STYLE),
            content(vocab.label(vocab.STATES, state) if state else strings.STATE_UNKNOWN),
        ),
        Content(""),
    ]
    for key, value in to_table(record).items():
        lines.extend(_lines(key, value, 0))
    return Content("\n").join(lines)


def render_problems(problems: list) -> Content:
    """Return the problems of an invalid record, one per line, sanitised."""
    return Content("\n").join(
        [Content.styled(strings.INVALID_RECORD, "bold $error"), *(content(str(p)) for p in problems)]
    )


def render_rule_problems(problems: list) -> Content:
    """Return what the rules across records find on a valid record (errors or warnings), one per line, sanitised."""
    errors = sum(1 for p in problems if p.severity == "error")
    head = strings.RECORD_RULE_ERRORS if errors else strings.RECORD_RULE_WARNINGS
    return Content("\n").join([Content.styled(head.format(count=len(problems)), "bold $warning"),
                                *(content(f"• {problem_line(p)}") for p in problems)])


def field_text(key: str) -> str:
    """Return a dotted key in French: ``teachers.2.name`` → ``Enseignants › n° 3 › Nom``."""
    if not key:
        return "—"
    return " › ".join(f"n° {int(part) + 1}" if part.isdigit() else present.field_label(part) for part in key.split("."))


def problem_line(problem) -> str:
    """Return a problem as one French line: field, severity in words, message and rule id."""
    kind = "" if problem.severity == "error" else strings.PROBLEM_WARNING + " : "
    field = f"{field_text(problem.key)} : " if problem.key else ""
    rule = f" ({problem.rule})" if problem.rule else ""
    return f"{field}{kind}{problem.message}{rule}"


def first_url(record: Any) -> str | None:
    """Return the publication URL of a record if it has one (scenarios), else None."""
    return getattr(record, "publication_url", None) or getattr(record, "edubase_url", None)

