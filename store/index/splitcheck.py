"""Provides the validation of a large commons in two processes: a helper checks the rules on half the scenarios.

While no rule reads scenarios as context (the rules say so,
:func:`records.rules.scenarios_stand_alone`), the helper reads every record that is not a scenario plus its half of the
scenarios, checks every rule, and reports only the findings on its own
scenarios; this process does the same with the other half and everything
else. Together they find exactly what one process finds. If the helper fails
in any way, its scenarios are checked here.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from pathlib import Path

from records import layout
from records.problems import Problem
from store.git.listing import File
from store.index import parallel
from store.index.blobload import load_blob
from store.index.cache import problem_row

SCENARIOS = "scenarios/"


def split_scenarios(files: list[File]) -> tuple[list[File], list[File]]:
    """Split valid files for :meth:`store.index.snapshot.Snapshot.validate`: ``(here, helper)``.

    The helper takes half of the scenarios read from git's objects when there
    are enough of them; everything else (and every file of the work tree) stays here.
    """
    from records.rules import scenarios_stand_alone

    if not scenarios_stand_alone():
        return files, []
    scenarios = [f for f in files if f.path.startswith(SCENARIOS) and f.in_objects]
    if len(scenarios) < parallel.PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return files, []
    theirs = scenarios[len(scenarios) // 2:]
    taken = {id(f) for f in theirs}
    return [f for f in files if id(f) not in taken], theirs


class RulesHelper:
    """A helper process checking the rules on some scenarios (it reads every other record it needs)."""

    def __init__(self, root: Path, files: list[File], theirs: list[File], present: set[str]):
        self._process = parallel.spawn(root, "store.index.splitcheck", "rules_worker")
        context = [(f.path, f.blob) for f in files if not f.path.startswith(SCENARIOS)]
        payload = marshal.dumps(([(f.path, f.blob) for f in theirs], context, sorted(present)))
        self._out: bytes | None = None
        self._thread = threading.Thread(target=self._talk, args=(payload,), daemon=True)
        self._thread.start()

    def _talk(self, payload: bytes) -> None:
        try:
            self._out, _ = self._process.communicate(payload)
        except (OSError, ValueError):
            self._out = None

    def problems(self) -> list[Problem] | None:
        """Wait for the helper; return the problems it found on its scenarios, None if it failed."""
        self._thread.join()
        if self._process.returncode != 0 or not self._out:
            return None
        try:
            return [Problem(*p) for p in marshal.loads(self._out)]
        except (ValueError, EOFError, TypeError):
            return None

    def close(self) -> None:
        """Stop the helper if it still runs."""
        parallel.stop(self._process)
        self._thread.join()


def start_rules(root: Path, files: list[File], theirs: list[File], present: set[str]) -> RulesHelper | None:
    """Start a helper checking the rules on ``theirs`` (see :func:`split_scenarios`), or None if it cannot start.

    Records only in the work tree are not sent: such a commons is checked in one process.
    """
    if not all(f.in_objects for f in files if not f.path.startswith(SCENARIOS)):
        return None
    try:
        return RulesHelper(root, files, theirs, present)
    except OSError:
        return None


def rules_worker() -> None:
    """Helper side: read ``(scenarios, other records, present ids)``, write the problems found on the scenarios."""
    import gc

    from records import rules
    from store.git.catfile import CatFile

    gc.disable()
    root = Path(sys.argv[2])
    scenarios, context, present = marshal.loads(sys.stdin.buffer.read())
    reader = CatFile(root)
    records, texts = {}, {}
    items = [*context, *scenarios]
    for (path, _blob), (_oid, data) in zip(items, reader.many([blob for _path, blob in items])):
        loaded = load_blob(path, data)
        if loaded.record is not None:
            record_id = layout.id_of(path)
            records[record_id] = loaded.record
            texts[record_id] = data
    reader.close()
    only = {layout.id_of(path) for path, _blob in scenarios}

    def text_of(record_id: str) -> str | None:
        data = texts.get(record_id)
        return None if data is None else data.decode("utf-8", "replace")

    found = rules.check(records, text_of=text_of, only=only, present=set(present))
    sys.stdout.buffer.write(marshal.dumps([problem_row(p) for p in found]))
    sys.stdout.buffer.flush()
