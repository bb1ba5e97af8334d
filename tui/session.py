"""Provides Session: what the screens share about the open commons (snapshot, search, states, tree index).

A session is built in a thread worker (git and disk work) and handed to the
screens; screens never call git on the UI thread. It holds no widgets.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from records.entry import Entry

if TYPE_CHECKING:
    from store.commons import Commons, RecentCommit, Tracking
    from store.index.snapshot import Snapshot

Progress = Callable[[int, int], None]

RECORD_KINDS = ("campaign", "theme", "team", "scenario", "synthesis")
"""Kinds shown in lists; the manifest and governance are reached through their own screens."""

_SEARCHER_LOCK = threading.Lock()


@dataclass(repr=False)
class Session:
    """The open commons as the screens see it."""

    commons: Commons
    """The open commons: every store operation starts from it."""
    snapshot: Snapshot
    """The records of the work tree, as loaded."""
    states: dict[str, str] | None = None
    """Validation state code by record id, None when the review layer is not available."""
    today: dt.date = field(default_factory=dt.date.today)
    """The date the dashboard reasons about (injected by tests for stable snapshots)."""
    recent: list[RecentCommit] = field(default_factory=list)
    """The latest commits of the current branch, newest first."""
    notes: dict[str, str] = field(default_factory=dict)
    """Reviewers' comments on records of the current contribution, by record id (for its author)."""
    tracking: Tracking | None = None
    """The store's ``Tracking``: current branch and ahead/behind its remote, read with the snapshot."""
    problems: list | None = None
    """Every problem ``traam validate`` finds (files and rules across records), None until checked in a worker."""
    _invalid: frozenset[str] | None = None
    _searcher: object | None = None
    _listed: list[Entry] | None = None
    _tree: dict | None = None

    @classmethod
    def open(cls, path, *, progress: Progress | None = None, today: dt.date | None = None,
             states: bool = True) -> Session:
        """Open the commons at ``path`` (or an already open store ``Commons``) and load its work tree
        (blocking: call from a worker).

        ``states=False`` leaves the validation states unknown (None), the
        explorer's lists and the search index unbuilt, for the application to
        derive them in a second worker after the first paint.

        Raises:
            StoreError: not a commons, or git failed (French message).
        """
        from store.commons import Commons

        commons = path if isinstance(path, Commons) else Commons.open(path)
        snapshot = commons.load(progress=progress, search=states)
        session = cls(commons, snapshot, today=today or dt.date.today())
        session.states = session.load_states() if states else None
        session.recent = session.load_recent()
        session.tracking = session.load_tracking()
        return session.prepare() if states else session

    def load_tracking(self) -> Tracking:
        """Return the current branch and how it stands against its remote (blocking git calls)."""
        return self.commons.tracking()

    def load_recent(self, limit: int = 8) -> list[RecentCommit]:
        """Return the latest commits of HEAD (blocking git call; empty in a repository without commits)."""
        return self.commons.recent(limit)

    def load_states(self) -> dict[str, str] | None:
        """Return the validation state code of each record (:class:`store.review.status.RecordState`, derived from
        git by the commons)."""
        return self.commons.states(self.snapshot)

    def reload(self, progress: Progress | None = None, *, states: bool = True) -> Session:
        """Return a new session over a fresh snapshot of the same commons (blocking)."""
        snapshot = self.commons.load(progress=progress, search=states)
        session = Session(self.commons, snapshot, today=self.today)
        session.states = session.load_states() if states else None
        session.recent = session.load_recent()
        session.tracking = session.load_tracking()
        return session.prepare() if states else session

    def __repr__(self) -> str:
        # Short: Textual puts the repr of a worker's arguments in its description (100,000 entries took 2 s).
        return f"Session({self.commons!r}, {len(self.entries)} entries)"

    # --- what the screens read -------------------------------------------------

    @property
    def entries(self) -> dict[str, Entry]:
        return self.snapshot.entries

    def listed(self) -> list[Entry]:
        """Return the entries of campaigns, themes, teams and scenarios, sorted by id (computed once)."""
        if self._listed is None:
            self._listed = sorted((e for e in self.entries.values() if e.kind in RECORD_KINDS or e.errors),
                                  key=lambda e: e.id)
        return self._listed

    def prepare(self) -> Session:
        """Compute the sorted list and the tree index now (in the loading worker, not on the UI thread)."""
        self.listed()
        self.tree()
        return self

    def with_states(self, states: dict[str, str] | None, notes: dict[str, str] | None = None) -> Session:
        """Return a copy of this session with ``states`` (the search index is rebuilt to know them) and notes."""
        from dataclasses import replace

        return replace(self, states=states, notes=self.notes if notes is None else notes, _searcher=None)

    def with_problems(self, problems: list) -> Session:
        """Return a copy of this session knowing the problems of the whole commons."""
        from dataclasses import replace

        return replace(self, problems=problems, _invalid=None)

    def check_problems(self) -> list:
        """Return every problem of the commons, as ``traam validate`` finds them (blocking: call from a worker)."""
        return self.snapshot.validate()

    def invalid_ids(self) -> frozenset[str]:
        """Return the ids of the records with an error: in their file, or by a rule across records once checked."""
        if self._invalid is None:
            from records.layout import id_of

            invalid = {e.id for e in self.entries.values() if e.errors}
            invalid.update(id_of(p.path) for p in self.problems or () if p.severity == "error")
            self._invalid = frozenset(invalid)
        return self._invalid

    def problems_of(self, record_id: str) -> list:
        """Return the problems of one record: every one ``traam validate`` finds once checked, its file's until then."""
        from records.layout import id_of

        found = self.problems if self.problems is not None else self.snapshot.problems
        return [p for p in found if id_of(p.path) == record_id]

    def note_of(self, record_id: str) -> str | None:
        """Return the reviewer's comment on a record of the current contribution, or None."""
        return self.notes.get(record_id)

    def state_of(self, record_id: str) -> str | None:
        """Return the state code of a record, or None when unknown."""
        return None if self.states is None else self.states.get(record_id)

    @property
    def searcher(self):
        """The store's Searcher over every entry, built on first use (once, even from two workers)."""
        with _SEARCHER_LOCK:
            if self._searcher is None:
                self._searcher = self.snapshot.searcher(self.states)
            return self._searcher

    def warm_search(self) -> None:
        """Build and warm the searcher now (blocking: a worker calls it right after the first paint).

        The typo word list is kept in the commons' cache folder between runs, so
        that the first keystroke costs what the others cost.
        """
        self.searcher.warm(self.commons.cache_dir / "vocabulary.txt")

    def campaigns(self) -> list[Entry]:
        """Return the campaign entries, newest first."""
        return sorted((e for e in self.entries.values() if e.kind == "campaign"), key=lambda e: e.id, reverse=True)

    def current_campaign(self):
        """Return the full record of the campaign that is current at ``today`` (else the newest), or None."""
        best = None
        for entry in self.campaigns():
            record = self.snapshot.record(entry.id)
            if record is None:
                continue
            if best is None:
                best = record
            if record.call_opens <= self.today <= record.work_ends:
                return record
        return best

    def counts(self, kind: str = "scenario", campaign: str | None = None) -> dict[str, Counter]:
        """Count records of ``kind`` per discipline, académie and state (``—`` for unknown states)."""
        by_discipline: Counter = Counter()
        by_academie: Counter = Counter()
        by_state: Counter = Counter()
        for entry in self.entries.values():
            if entry.kind != kind or (campaign and entry.campaign != campaign):
                continue
            if entry.disciplines:
                by_discipline[entry.disciplines[0]] += 1
            if entry.academie:
                by_academie[entry.academie] += 1
            by_state[self.state_of(entry.id) or "—"] += 1
        return {"discipline": by_discipline, "academie": by_academie, "etat": by_state}

    def tree(self) -> dict[str, dict[str, dict[str, list[Entry]]]]:
        """Return campaign → discipline → académie → scenario entries (teams and themes under ``""``), cached."""
        if self._tree is not None:
            return self._tree
        tree: dict[str, dict[str, dict[str, list[Entry]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        for entry in self.entries.values():
            if entry.kind == "campaign":
                tree[entry.campaign]
            elif entry.kind in ("theme", "team", "scenario", "synthesis") and entry.campaign and entry.disciplines:
                discipline = entry.disciplines[0] if entry.kind != "scenario" else entry.id.split("/")[2]
                academie = entry.academie if entry.kind == "scenario" else ""
                tree[entry.campaign][discipline][academie].append(entry)
        self._tree = tree
        return tree
