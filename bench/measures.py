"""Provides the measures of the benchmark, each run in its own process: ``python -m bench.measures NAME ROOT``.

Every measure prints one JSON line on standard output (progress goes to
standard error). Times are wall-clock seconds.
"""

from __future__ import annotations

import json
import random
import re
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
"""Hand-picked queries, always typed first (the short and slow ones of earlier runs among them)."""

KEYSTROKES = 320
"""Keystrokes typed per run (issue 16: at least 300, so that the p95 is not the maximum)."""


def _typo(word: str, rng: random.Random) -> str:
    """Return ``word`` with one letter dropped, doubled, swapped with the next or replaced."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeiourstln") + word[i + 1:]


def corpus_queries(keystrokes: int = KEYSTROKES, seed: int = 16) -> list[str]:
    """Return queries drawn from the corpus' words with a fixed seed (typos and facets included), about ``keystrokes`` keys."""
    from bench import corpus

    rng = random.Random(seed)
    words = sorted({w.lower() for text in (*corpus.TOPICS, *corpus.KEYWORDS, *(t for t, _ in corpus.TOOLS))
                    for w in re.findall(r"\w{3,}", text)})
    facets = ("niveau:lycee", "discipline:svt", "académie:lille", "type:scénario", "campagne:2025")
    queries, typed = list(QUERIES), sum(len(q) for q in QUERIES)
    while typed < keystrokes:
        chosen = [rng.choice(words) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        if rng.random() < 0.3:
            n = rng.randrange(len(chosen))
            chosen[n] = _typo(chosen[n], rng)
        if rng.random() < 0.15:
            chosen.append(rng.choice(facets))
        query = " ".join(chosen)
        queries.append(query)
        typed += len(query)
    return queries


def keystrokes(queries=None) -> list[str]:
    """Return what the search box holds after each keystroke of each query."""
    return [query[:n] for query in (queries or corpus_queries()) for n in range(1, len(query) + 1)]


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


def _spread(times: list[float], cpu: list[float] | None = None) -> dict:
    figures = {"p50": percentile(times, 50), "p95": percentile(times, 95), "p99": percentile(times, 99),
               "max": max(times), "count": len(times)}
    if cpu is not None:
        figures.update(cpu_p50=percentile(cpu, 50), cpu_p95=percentile(cpu, 95))
    return figures


def warm(root: Path) -> dict:
    """Open with the cache, build the searcher, type the corpus queries (the engine alone, no screen)."""

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
    index_rss = _rss_mb()
    times, cpu = [], []
    typed = keystrokes()
    for text in typed:
        started, started_cpu = time.perf_counter(), time.process_time()
        searcher.search(text, limit=200)  # as the application asks
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    rss = _rss_mb()  # before the second searcher below
    vocabulary = len(searcher._words())
    del searcher
    started = time.perf_counter()
    snapshot.searcher().warm(cache)
    prepared_cached = time.perf_counter() - started
    return {
        "open": seconds, "open_cpu": open_cpu, "index": index, "index_cpu": index_cpu, "warm": prepared,
        "warm_cached": prepared_cached, "vocabulary": vocabulary, "search": _spread(times, cpu),
        "per_key": times, "rss_mb": rss, "rss_loaded_mb": loaded_rss, "rss_index_mb": index_rss - loaded_rss,
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
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        for entry in snapshot.entries.values():
            handle.write(f"{entry.title_key} {entry.text_key}\n")
    return {"file": handle.name}


def save(root: Path) -> dict:
    """Commit one edit with traam's hooks installed, as the application's editor does (Commons.save), then undo it."""
    import subprocess

    from hooks.install import install

    install(root)
    commons, snapshot, _seconds = _open(root)
    head = commons.head()
    record_id = next(i for i in snapshot.entries if i.startswith("scenarios/"))
    record, blob = snapshot.record(record_id), snapshot.entries[record_id].blob
    times = []
    for n in range(3):
        edited = record.model_copy(update={"summary": record.summary + f" Mesure {n} du banc d'essai."})
        started = time.perf_counter()
        blob = commons.save(edited, record_id=record_id, expected_blob=blob).blob
        times.append(time.perf_counter() - started)
    subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard", head], check=True)
    return {"seconds": sorted(times)[1], "runs": times}


def hooks(root: Path) -> dict:
    """Time ``git commit`` of one edit through traam's pre-commit hook, and one push through its pre-receive hook.

    Each against the same without hooks: a bare copy of the commons serves as
    the server (``pre-receive`` installed or not); a ``contrib/`` branch is pushed.
    """
    import subprocess

    from hooks.install import install

    install(root)
    git = ["git", "-C", str(root)]
    head = subprocess.run([*git, "rev-parse", "HEAD"], stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    path = next(p for p in subprocess.run([*git, "ls-files", "scenarios"], stdout=subprocess.PIPE, text=True,
                                          check=True).stdout.splitlines())
    original = (root / path).read_text("utf-8")
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="traam-bench-hooks-") as folder:
        servers = {}
        for name, hooked in (("plain", False), ("hooked", True)):
            servers[name] = Path(folder) / f"{name}.git"
            subprocess.run(["git", "clone", "-q", "--bare", str(root), str(servers[name])], check=True)
            if hooked:
                install(servers[name], server=True)
        try:
            commits, pushes = {"plain": [], "hooked": []}, {"plain": [], "hooked": []}
            for n in range(3):
                for name in ("plain", "hooked"):
                    (root / path).write_text(original.replace('summary = "', f'summary = "{name} {n}. ', 1), "utf-8")
                    flags = [] if name == "hooked" else ["--no-verify"]
                    started = time.perf_counter()
                    subprocess.run([*git, "commit", "-q", *flags, "-m", f"Banc {n}", "--", path], check=True,
                                   stdout=subprocess.DEVNULL)
                    commits[name].append(time.perf_counter() - started)
                    started = time.perf_counter()
                    subprocess.run([*git, "push", "-q", str(servers[name]), f"HEAD:refs/heads/contrib/lille/banc-{n}"],
                                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    pushes[name].append(time.perf_counter() - started)
        finally:
            subprocess.run([*git, "reset", "-q", "--hard", head], check=True)
    for name in ("plain", "hooked"):
        figures[f"commit_{name}"] = sorted(commits[name])[1]
        figures[f"push_{name}"] = sorted(pushes[name])[1]
    return figures


def export(root: Path) -> dict:
    """Export the site of every record (``traam export -f site --etat tous``) in a child process: time, peak memory."""
    import subprocess

    with tempfile.TemporaryDirectory(prefix="traam-bench-site-") as folder:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "tui", "-C", str(root), "export", "-f", "site", "--etat", "tous",
                               "-o", f"{folder}/site"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"l'export du site a échoué : {done.stderr[-500:]}")
        site = Path(folder) / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        # What a first search downloads, at most: the page, its scripts and style, the index's meta file, the
        # largest word shard (one word typed) and the first chunk of result cards.
        shards = site / "static" / "recherche"
        largest = max((shards / "t").glob("*.js"), key=lambda p: p.stat().st_size, default=None)
        first = [site / "recherche.html", *(site / "static").glob("*"), shards / "meta.js", shards / "d" / "0.js"]
        first += [largest] if largest is not None else []
        return {"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "files": len(files), "bytes": sum(p.stat().st_size for p in files),
                "search_bytes": sum(p.stat().st_size for p in first if p.is_file())}


def floor_read1(root: Path) -> dict:
    from bench import floors

    return floors.read_floor(root, 1)


def floor_read2(root: Path) -> dict:
    from bench import floors

    return floors.read_floor(root, 2)


def floor_worktree(root: Path) -> dict:
    from bench import floors

    return floors.worktree_floor(root)


def floor_commit(root: Path) -> dict:
    from bench import floors

    return floors.commit_floor(root)


MEASURES = {"cold": cold, "warm": warm, "validate": validate, "write": write, "keys": keys, "save": save, "hooks": hooks, "export": export,
            "floor_read1": floor_read1, "floor_read2": floor_read2, "floor_worktree": floor_worktree,
            "floor_commit": floor_commit}


def main(argv: list[str]) -> int:
    name, root = argv[0], Path(argv[1]).resolve()
    result = MEASURES[name](root)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
