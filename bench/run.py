"""Provides the benchmark: ``python -m bench.run --records N [--json] [--dir DIR] [--fusions N]``.

One run measures the floors (:mod:`bench.floors`, the Textual floor app in
a pty, ``fzf``) and traam's figures side by side, each measure in a fresh
Python process (caches, imports and peak memory as a user would see them):
cold and warm open, memory, the search engine alone and the application in
a pty over the same 300+ keystrokes, validate all, one commit with hooks
installed, the hooks, the site export and ``traam verify`` on signed merges.
:mod:`bench.report` prints each figure with its floor, ratio and target
(issue 16). Benchmarks are scripts, not timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench import report, terminal  # noqa: E402
from bench.floors import signature_floor  # noqa: E402
from bench.generate import DEFAULT_DIR, generate  # noqa: E402
from bench.measures import corpus_queries, keystrokes, percentile  # noqa: E402

WARM_RUNS = 3
"""Warm opens measured (each in a fresh process); the table shows the median one. This machine is noisy."""


def median_run(runs: list[dict], key) -> dict:
    """Return the run whose ``key`` is the median, with every run's ``key`` under ``"runs"``."""
    ordered = sorted(runs, key=key)
    chosen = dict(ordered[len(ordered) // 2])
    chosen["runs"] = [key(r) for r in ordered]
    return chosen


def child(measure: str, root: Path, extra: list[str] | None = None) -> dict:
    """Run one measure in a fresh process and return its JSON result."""
    command = [sys.executable, "-m", "bench.measures", measure, str(root), *(extra or [])]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"la mesure « {measure} » a échoué (code {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fzf_keys(root: Path, engine: list[float]) -> dict | None:
    """Time ``fzf --filter`` on a sample of the same keystrokes as the engine; the engine's times on that sample too."""
    fzf = shutil.which("fzf")
    if fzf is None:
        return None
    keys = child("keys", root)["file"]
    data = Path(keys).read_bytes()
    typed = keystrokes()
    step = max(1, len(typed) // 30)  # fzf reads every key per keystroke: a sample is enough
    times, ours = [], []
    for n in range(0, len(typed), step):
        started = time.perf_counter()
        subprocess.run([fzf, "--filter", typed[n]], input=data, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
        ours.append(engine[n])
    Path(keys).unlink()
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "count": len(times),
            "engine_p50": percentile(ours, 50)}


def _compile() -> None:
    """Byte-compile traam's packages, as pip does when installing, so that no measure pays for compiling
    (an editable install compiles on first run; PYTHONDONTWRITEBYTECODE would make every run compile)."""
    import compileall

    for package in ("records", "store", "hooks", "tui", "bench"):
        compileall.compile_dir(str(ROOT / package), quiet=2, force=False)


PAINT_RUNS = 5
"""Launches timed to the first screen, traam and the floor app alternately; medians are reported."""


def app(root: Path, marker: str) -> dict:
    """First paint and keystroke → painted of traam and of the Textual floor app, alternately, in a pty."""
    traam, floor = [], []
    for _ in range(PAINT_RUNS):
        floor.append(terminal.floor_first_paint())
        traam.append(terminal.traam_first_paint(root, marker))
    if None in traam or None in floor:
        raise SystemExit("l'application n'a rien affiché en 60 s")
    queries = corpus_queries()
    floor_keys = terminal.floor_keystrokes(queries)
    traam_keys = terminal.traam_keystrokes(root, marker, queries)
    return {"first_paint": sorted(traam)[PAINT_RUNS // 2], "first_paint_runs": traam,
            "floor_first_paint": sorted(floor)[PAINT_RUNS // 2], "floor_first_paint_runs": floor,
            "keys": _spread(traam_keys), "floor_keys": _spread(floor_keys)}


def _spread(times: list[float]) -> dict:
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "p99": percentile(times, 99),
            "max": max(times), "count": len(times)}


def run(total: int, folder: Path, progress=print, *, slow: bool = True, merges: int = 5000) -> dict:
    """Generate (or reuse) the commons of ``total`` records, measure the floors and everything, in one run.

    ``slow=False`` leaves out the site export, ``traam verify``, fzf and the application in the pty (the smoke
    test); ``merges`` is the number of signed merges ``traam verify`` checks (0: not measured).
    """
    root = generate(total, folder, say=progress)
    _compile()
    git_version = subprocess.run(["git", "--version"], stdout=subprocess.PIPE, text=True).stdout.split()[-1]
    result: dict = {"records": total, "load_average": os.getloadavg()[0], "cpus": os.cpu_count(),
                    "machine": f"{platform.machine()}, {platform.system()} {platform.release()}, "
                               f"Python {platform.python_version()}, git {git_version}"}
    floors: dict = {}
    progress("planchers : lecture, copie de travail, commit, signature…")
    floors["read1"] = child("floor_read1", root)
    floors["read2"] = child("floor_read2", root)
    floors["commit"] = child("floor_commit", root)
    floors["signature"] = signature_floor()
    progress("ouverture à froid…")
    result["cold"] = child("cold", root)
    floors["worktree"] = child("floor_worktree", root)  # after the cold open: the snapshot file exists
    progress("ouverture à chaud, recherche…")
    result["warm"] = median_run([child("warm", root) for _ in range(WARM_RUNS)], lambda r: r["open"] + r["index"])
    progress("validation…")
    result["validate"] = child("validate", root)
    progress("enregistrement d'une modification, historique, hooks…")
    result["write"] = child("write", root)
    result["save"] = child("save", root)
    result["hooks"] = child("hooks", root)
    if slow:
        progress("export du site…")
        result["export"] = child("export", root)
        if merges:
            from bench import verify_bench

            progress(f"traam verify sur {merges} fusions signées…")
            result["verify"] = verify_bench.measure(merges, folder, say=progress)
        progress("fzf…")
        result["fzf"] = fzf_keys(root, result["warm"]["per_key"])
        progress("application dans un pseudo-terminal…")
        result["app"] = app(root, f"Commun de test ({total}")
    result["floors"] = floors
    result["load_average_end"] = os.getloadavg()[0]
    result["rows"] = report.rows(result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Banc d'essai de traam sur un commun synthétique.")
    parser.add_argument("--records", type=int, default=1000, help="nombre d'enregistrements (1000)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="dossier des communs générés (bench/.data)")
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.add_argument("--fusions", type=int, default=5000, metavar="N",
                        help="fusions signées vérifiées par traam verify (5000 ; 0 : pas de mesure)")
    args = parser.parse_args(argv)
    progress = (lambda text: print(text, file=sys.stderr)) if args.json else print
    result = run(args.records, args.dir, progress, merges=args.fusions)
    if args.json:
        result["warm"].pop("per_key", None)
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(report.table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
