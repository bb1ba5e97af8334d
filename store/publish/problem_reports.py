"""Provides the machine reports of ``traam validate`` that forges show: JUnit XML and GitLab Code Quality JSON.

GitLab shows a JUnit report's failures in the merge request's test widget
and a Code Quality report's issues beside the changed lines; both carry the
record's path and line, the message stays the French one of the terminal.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from records.problems import Problem
from records.text import printable

FORMATS = ("texte", "json", "junit", "gitlab")


def _line(problem: Problem) -> str:
    return f"{problem.path}:{max(problem.line, 1)}:{max(problem.column, 1)}: {printable(problem.message, multiline=False)}"


def junit_xml(problems: Iterable[Problem], checked: int) -> str:
    """Return a JUnit report: one test case per file with problems (failures for errors), or one that passes.

    Args:
        problems: every problem found.
        checked: how many records were checked (the passing case says it).

    Returns:
        The XML document, UTF-8 declared, trailing newline.
    """
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    failures = sum(1 for found in by_path.values() if any(p.severity == "error" for p in found))
    suite = ET.Element("testsuite", name="traam validate", tests=str(max(len(by_path), 1)),
                       failures=str(failures), errors="0", skipped="0")
    if not by_path:
        ET.SubElement(suite, "testcase", classname="traam", name=f"{checked} enregistrements sans erreur")
    for path, found in sorted(by_path.items()):
        case = ET.SubElement(suite, "testcase", classname=path, name=path, file=path,
                             line=str(max(min(p.line for p in found), 1)))
        errors = [p for p in found if p.severity == "error"]
        text = "\n".join(_line(p) for p in found)
        if errors:
            failure = ET.SubElement(case, "failure", message=_line(errors[0]), type=errors[0].rule or "traam")
            failure.text = text
        else:
            ET.SubElement(case, "system-out").text = text
    root = ET.Element("testsuites", name="traam")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def code_quality_json(problems: Iterable[Problem]) -> str:
    """Return a GitLab Code Quality report: one issue per problem with path, line and a stable fingerprint."""
    issues = []
    for problem in problems:
        message = printable(problem.message, multiline=False)
        seed = f"{problem.path}\0{problem.line}\0{problem.column}\0{problem.rule}\0{message}"
        issues.append({
            "description": message,
            "check_name": f"traam/{problem.rule or 'probleme'}",
            "fingerprint": hashlib.sha256(seed.encode("utf-8")).hexdigest(),
            "severity": "major" if problem.severity == "error" else "minor",
            "location": {"path": problem.path, "lines": {"begin": max(problem.line, 1)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
