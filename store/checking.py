"""Provides the one validator of a record as it is being edited: its own file checks plus the rules across records.

``traam validate`` checks the whole commons with
:meth:`store.index.snapshot.Snapshot.validate`; a form checks one record
before it is saved. Both run the same rules (:func:`records.rules.check`),
so a record the command line rejects is never shown as « Aucun problème ».
"""

from __future__ import annotations

from dataclasses import dataclass, field

from records import rules
from records.models import Model
from records.problems import Problem
from store.index.snapshot import Snapshot


@dataclass
class RecordContext:
    """The records the rules read to judge one record of ``kind`` (read once, reused at every keystroke)."""

    kind: str
    records: dict[str, Model] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    """Ids of every record file of the commons, valid or not."""


def context_of(snapshot: Snapshot, kind: str, record_id: str | None = None) -> RecordContext:
    """Return the context of a record of ``kind`` in ``snapshot`` (blocking: parses the records it needs).

    Args:
        snapshot: the commons as loaded.
        kind: the record's kind (``scenario``, ``team`` …).
        record_id: the record's id when it exists already; its saved version is left out of the context.
    """
    kinds = rules.context_kinds(kind)
    records = snapshot.records_of_kinds(kinds, without=record_id or "") if kinds else {}
    return RecordContext(kind, records, set(snapshot.entries))


def check_record(context: RecordContext, record_id: str, record: Model, text: str) -> list[Problem]:
    """Return the problems the rules across records find on ``record`` saved as ``record_id``, sorted.

    Args:
        context: :func:`context_of` for the record's kind.
        record_id: the id the record would be saved under.
        record: the valid model (the file checks passed).
        text: its canonical TOML text, to point at lines.
    """
    records = dict(context.records)
    records[record_id] = record
    return rules.check(records, text_of=lambda rid: text if rid == record_id else None, only={record_id},
                       present=context.present | {record_id})
