"""Provides SaveChecks, what the form does around a save: dates stamped, a refusal said in French.

``created`` and ``updated`` are never typed: a new record is created today, a
saved one is updated today. A save refused because of problems says how many
and which field comes first, and puts the focus there.
"""

from __future__ import annotations

import datetime as dt

from records.models import MODELS
from tui import form, strings
from tui.widgets.record_form import RecordForm


class SaveChecks:
    """Mixin of EditScreen (which has ``kind``, ``record``, ``record_id``, ``problems``, ``specs``)."""

    @property
    def today(self) -> dt.date:
        """The date written into ``created`` and ``updated`` (the app's, fixed in tests)."""
        return getattr(self.app, "today", None) or dt.date.today()

    def _has_field(self, key: str) -> bool:
        return key in MODELS[self.kind].model_fields

    def refuse_save(self) -> None:
        """Say in French why nothing is saved, and put the focus on the first faulty field."""
        self.app.bell()
        if self.pending_text is not None:
            self.notify(strings.EDITOR_PENDING, severity="error")
            return
        errors = [p for p in self.problems if p.severity == "error"] or self.problems
        first = next((p for p in errors if p.key), None)
        spec = form.spec_for_problem(self.specs, first) if first else None
        where = spec.label if spec else (errors[0].message if errors else strings.FORM_NONE)
        self.notify(strings.FORM_SAVE_REFUSED.format(count=len(errors), field=where), severity="error")
        if first:
            self.query_one(RecordForm).focus_problem(first)

    def stamp_dates(self) -> None:
        """Set ``updated`` (and a new record's missing ``created``) to today, in the form and the record."""
        record_form = self.query_one(RecordForm)
        stamps = {"updated": self.today}
        if not self.record_id:
            stamps["created"] = getattr(self.record, "created", None) or self.today
        changed = False
        for key, day in stamps.items():
            if self._has_field(key) and key in record_form.rows and getattr(self.record, key, None) != day:
                record_form.rows[key].set_raw_value(day.isoformat())
                changed = True
        if changed:
            self.record = self.record.model_copy(update={k: d for k, d in stamps.items() if self._has_field(k)})

