"""Provides the ``commit-msg`` hook: a commit message says something and holds no hidden character.

Commit messages are shown in the history of every record; control and bidi
characters in them could fool a reader (they are neutralised on display, but
refused here at the source).
"""

from __future__ import annotations

from pathlib import Path

from hooks import report
from records.text import describe_char, forbidden_char

MAX_SUBJECT = 200


def problems_of(message: str, comment_char: str = "#") -> list[str]:
    """Return French reasons to refuse ``message`` (empty when it is fine)."""
    kept = [line for line in message.splitlines() if not line.startswith(comment_char)]
    text = "\n".join(kept).strip()
    if not text:
        return ["le message de commit est vide : dites en une ligne ce que change ce commit"]
    reasons = []
    bad = forbidden_char(text, multiline=True)
    if bad is not None:
        reasons.append(f"caractère interdit {describe_char(bad)} (contrôle ou bidirectionnel) dans le message")
    subject = text.splitlines()[0]
    if len(subject) > MAX_SUBJECT:
        reasons.append(f"première ligne trop longue ({len(subject)} caractères, {MAX_SUBJECT} au plus)")
    return reasons


def main(argv: list[str], stdin: bytes | None = None) -> int:
    """Run the hook on the message file git passes; return 1 to refuse the commit."""
    if not argv:
        report.line("traam : commit-msg : fichier du message manquant")
        return 1
    message = Path(argv[0]).read_bytes().decode("utf-8", "replace")
    reasons = problems_of(message)
    for reason in reasons:
        report.line(f"traam : commit refusé : {reason}")
    return 1 if reasons else 0
