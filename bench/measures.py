"""Provides the measures of the benchmark, each run in its own process: ``python -m bench.measures NAME ROOT``.

Every measure prints one JSON line on standard output (progress goes to
standard error). Times are wall-clock seconds.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

QUERIES = (
    "biodivrsté",  # a typo: one letter missing
    "cycle de l'eau",
    "capytale discipline:svt",
    "intelligence artificielle niveau:lycee",
    "fonctions affines",
    "mémoire des poilus academie:lille",
    "photosyntese",  # a typo: a letter swapped
    "robotique",
)
"""Queries typed one character at a time; the searcher keeps its caches between them, as in the application."""


def keystrokes(queries=QUERIES) -> list[str]:
    """Return what the search box holds after each keystroke of each query."""
    return [query[:n] for query in queries for n in range(1, len(query) + 1)]


def percentile(values: list[float], pct: float) -> float:
    """Return the ``pct`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _open(root: Path, progress=None):
    from store.commons import Commons

    started = time.perf_counter()
    commons = Commons.open(root)
    snapshot = commons.load(progress=progress)
    return commons, snapshot, time.perf_counter() - started


def _cpu() -> float:
    """CPU seconds of this process and its finished children (git), so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cold(root: Path) -> dict:
    """Open without the blob cache, reporting progress."""
    from store.index import cachedir

    shutil.rmtree(cachedir.folder_of(root / ".git"), ignore_errors=True)
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls % 50 == 0 or done == total:
            print(f"\r  chargement {done}/{total}", end="", file=sys.stderr, flush=True)

    _commons, snapshot, seconds = _open(root, progress)
    print(file=sys.stderr)
    return {"open": seconds, "open_cpu": _cpu(), "records": len(snapshot.entries), "progress_calls": calls, "rss_mb": _rss_mb()}


def warm(root: Path) -> dict:
    """Open with the cache, build the searcher, type the queries."""

    commons, snapshot, seconds = _open(root)
    open_cpu = _cpu()
    loaded_rss = _rss_mb()
    started, started_cpu = time.perf_counter(), _cpu()
    searcher = snapshot.searcher()
    index, index_cpu = time.perf_counter() - started, _cpu() - started_cpu
    cache = commons.cache_dir / "vocabulary.txt"
    cache.unlink(missing_ok=True)
    started = time.perf_counter()
    searcher.warm(cache)
    prepared = time.perf_counter() - started
    times, cpu = [], []
    for text in keystrokes():
        started, started_cpu = time.perf_counter(), time.process_time()
        searcher.search(text)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    rss = _rss_mb()  # before the second searcher below
    vocabulary = len(searcher._words())
    del searcher
    started = time.perf_counter()
    snapshot.searcher().warm(cache)
    prepared_cached = time.perf_counter() - started
    return {
        "open": seconds, "open_cpu": open_cpu, "index": index, "index_cpu": index_cpu, "warm": prepared, "warm_cached": prepared_cached, "vocabulary": vocabulary,
        "search": {"p50": percentile(times, 50), "p95": percentile(times, 95), "max": max(times),
                   "count": len(times), "cpu_p50": percentile(cpu, 50), "cpu_p95": percentile(cpu, 95)},
        "rss_mb": rss, "rss_loaded_mb": loaded_rss,
    }


def validate(root: Path) -> dict:
    """Validate every record (models parsed in this fresh process) and run the rules."""
    _commons, snapshot, _seconds = _open(root)
    started, started_cpu = time.perf_counter(), _cpu()
    problems = snapshot.validate()
    return {"validate": time.perf_counter() - started, "validate_cpu": _cpu() - started_cpu, "problems": len(problems)}


def write(root: Path) -> dict:
    """Show the history of the record edited last, then commit one edit to it and undo the commit."""
    commons, snapshot, _seconds = _open(root)
    head = commons.head()
    from store import git  # the benchmark's own setup and undo; the store's callers use named operations

    changed = git.run(commons.root, "log", "-1", "--format=", "--name-only", "HEAD").stdout
    record_id = changed.decode().strip().splitlines()[0].removesuffix(".toml")
    started = time.perf_counter()
    items = commons.history(record_id)
    history = time.perf_counter() - started
    record = snapshot.record(record_id)
    edited = record.model_copy(update={"summary": record.summary + " Mesure du banc d'essai."})
    started = time.perf_counter()
    commons.save(edited, record_id=record_id, expected_blob=snapshot.entries[record_id].blob)
    commit = time.perf_counter() - started
    git.run(commons.root, "reset", "-q", "--hard", head)
    return {"history": history, "history_items": len(items), "commit": commit}


def keys(root: Path) -> dict:
    """Write the searcher's keys, one line per record, for fzf."""
    _commons, snapshot, _seconds = _open(root)
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
    with handle:
        for entry in snapshot.entries.values():
            handle.write(f"{entry.title_key} {entry.text_key}\n")
    return {"file": handle.name}


def app(root: Path) -> dict:
    """Start the real application in a pseudo-terminal; time the first screen with data and search repaints."""
    import importlib.util

    if importlib.util.find_spec("tui.app") is None:
        return {"absent": "non mesuré : application absente"}
    from bench.terminal import first_paint, search_repaints

    try:
        paints = [first_paint(root) for _ in range(PAINT_RUNS)]
        times = sorted(p["first_paint"] for p in paints if p["first_paint"] is not None)
        if len(times) < len(paints):
            return {**paints[0], **search_repaints(root)}
        note = (f"{paints[0]['note']} ; médiane de {len(times)} lancements "
                f"({' / '.join(f'{t:.2f}' for t in times)} s)")
        return {"first_paint": times[len(times) // 2], "note": note, **search_repaints(root)}
    except Exception as error:  # noqa: BLE001 - an application under construction must not sink the other figures
        return {"absent": f"non mesuré : l'application a échoué ({type(error).__name__} : {error})"}


PAINT_RUNS = 5
"""Launches of the application timed to its first screen; the median is reported (the machine is noisy)."""

MEASURES = {"cold": cold, "warm": warm, "validate": validate, "write": write, "keys": keys, "app": app}


def main(argv: list[str]) -> int:
    name, root = argv[0], Path(argv[1]).resolve()
    result = MEASURES[name](root)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
