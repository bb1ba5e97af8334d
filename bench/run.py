"""Provides the benchmark: ``python bench/run.py --records N [--json] [--dir DIR]`` prints a table of measures.

Each measure runs in a fresh Python process (so caches, imports and peak
memory are those a user would see): cold open without ``.git/traam``, warm
open, memory, search per keystroke over fixed queries typed one character at
a time (a typo included), validate all, commit one edit, history of one
record, ``fzf --filter`` on the same keys when fzf is installed, and the
terminal application's first painted screen and search repaint when the
application exists. Benchmarks are scripts, not timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench.generate import DEFAULT_DIR, generate  # noqa: E402
from bench.measures import QUERIES, keystrokes, percentile  # noqa: E402

TARGETS_100K = {
    "warm_open": 0.3, "cold_open": 6.0, "search_p95": 0.040, "rss_mb": 300, "validate": 6.0,
    "commit": 0.150, "history": 0.020, "app_first_paint": 0.8, "app_keystroke_p95": 0.060,
}


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


def fzf_keys(root: Path) -> dict | None:
    """Time ``fzf --filter`` per keystroke on the searcher's keys (one line per record)."""
    fzf = shutil.which("fzf")
    if fzf is None:
        return None
    keys = child("keys", root)["file"]
    data = Path(keys).read_bytes()
    typed = keystrokes(QUERIES)
    sample = typed[:: max(1, len(typed) // 24)]  # fzf reads every key per keystroke: a sample is enough
    times = []
    for text in sample:
        started = time.perf_counter()
        subprocess.run([fzf, "--filter", text], input=data, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    Path(keys).unlink()
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "count": len(times)}


def _compile() -> None:
    """Byte-compile traam's packages, as pip does when installing, so that no measure pays for compiling
    (an editable install compiles on first run; PYTHONDONTWRITEBYTECODE would make every run compile)."""
    import compileall

    for package in ("records", "store", "hooks", "tui"):
        compileall.compile_dir(str(ROOT / package), quiet=2, force=False)


def run(total: int, folder: Path, progress=print, *, slow: bool = True) -> dict:
    """Generate (or reuse) the commons of ``total`` records and measure everything.

    ``slow=False`` leaves out fzf and the application (the smoke test).
    """
    root = generate(total, folder, say=progress)
    _compile()
    result: dict = {"records": total, "load_average": os.getloadavg()[0], "cpus": os.cpu_count()}
    progress("ouverture à froid…")
    result["cold"] = child("cold", root)
    progress("ouverture à chaud, recherche…")
    result["warm"] = median_run([child("warm", root) for _ in range(WARM_RUNS)], lambda r: r["open"] + r["index"])
    progress("validation…")
    result["validate"] = child("validate", root)
    progress("enregistrement d'une modification, historique…")
    result["write"] = child("write", root)
    progress("fzf…")
    result["fzf"] = fzf_keys(root) if slow else None
    progress("application…")
    result["app"] = child("app", root) if slow else {"absent": "non mesuré (test de fumée)"}
    result["load_average_end"] = os.getloadavg()[0]
    return result


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.1f} ms"


def _s(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds:.2f} s"


def table(result: dict) -> str:
    """Return the French table of a run."""
    cold, warm, val, write, fzf, app = (result[k] for k in ("cold", "warm", "validate", "write", "fzf", "app"))
    search = warm["search"]
    rows = [
        ("ouverture à froid (sans .git/traam), progression signalée", _s(cold["open"]),
         f"{cold['records']} enregistrements, {cold['progress_calls']} appels de progression ; "
         f"processeur {_s(cold['open_cpu'])} (git compris, imports compris)", "≤ 6 s"),
        ("ouverture à chaud (cache présent)", _s(warm["open"]),
         f"Commons.open + load ; processeur {_s(warm['open_cpu'])} (imports compris)", "—"),
        ("… jusqu'à tout cherchable (index de recherche construit)", _s(warm["open"] + warm["index"]),
         f"médiane de {len(warm.get('runs', [1]))} processus ({' / '.join(_s(r) for r in warm.get('runs', []))}) ; "
         f"index {_ms(warm['index'])} (processeur {_ms(warm['index_cpu'])})", "≤ 0,3 s"),
        ("préparation des fautes de frappe (Searcher.warm)", _ms(warm["warm"]),
         f"{warm['vocabulary']} mots distincts ; index + liste en cache : {_ms(warm['warm_cached'])}", "—"),
        ("mémoire résidente (pic)", f"{warm['rss_mb']:.0f} Mo",
         f"chargement à chaud + recherche ; après le seul chargement : {warm['rss_loaded_mb']:.0f} Mo", "≤ 300 Mo"),
        ("recherche par frappe, p50", _ms(search["p50"]),
         f"{search['count']} frappes, {len(QUERIES)} requêtes ; temps processeur {_ms(search['cpu_p50'])}", "—"),
        ("recherche par frappe, p95", _ms(search["p95"]),
         f"max {_ms(search['max'])} ; temps processeur p95 {_ms(search['cpu_p95'])}", "≤ 40 ms"),
        ("tout valider (à froid)", _s(val["validate"]),
         f"{val['problems']} problème(s) ; processeur {_s(val['validate_cpu'])}", "≤ 6 s"),
        ("enregistrer une modification (commit)", _ms(write["commit"]), "Commons.save", "≤ 150 ms"),
        ("historique d'un enregistrement", _ms(write["history"]), f"{write['history_items']} commit(s)", "≤ 20 ms"),
    ]
    if fzf is None:
        rows.append(("fzf --filter par frappe", "non mesuré : fzf absent", "", "—"))
    else:
        ratio = fzf["p50"] / search["p50"] if search["p50"] else float("inf")
        rows.append(("fzf --filter par frappe, p50 / p95", f"{_ms(fzf['p50'])} / {_ms(fzf['p95'])}",
                     f"{fzf['count']} frappes ; traam {ratio:.0f}× plus rapide (p50)", "—"))
    if app.get("absent"):
        rows.append(("application : lancement → premier écran avec données", app["absent"], "", "≤ 0,8 s"))
        rows.append(("application : frappe dans la recherche → réaffichage, p95", app["absent"], "", "≤ 60 ms"))
    else:
        rows.append(("application : lancement → premier écran avec données", _s(app.get("first_paint")),
                     app.get("note", ""), "≤ 0,8 s"))
        rows.append(("application : frappe dans la recherche → réaffichage, p95", _ms(app.get("keystroke_p95")),
                     app.get("keystroke_note", ""), "≤ 60 ms"))
    width = [max(len(str(r[i])) for r in rows) for i in range(4)]
    header = ("mesure", "résultat", "détail", "cible à 100 000")
    lines = [
        f"Banc d'essai traam — {result['records']} enregistrements, {result['cpus']} cœurs, "
        f"charge moyenne {result['load_average']:.1f} → {result['load_average_end']:.1f}",
        "  ".join(h.ljust(w) for h, w in zip(header, width)),
        "  ".join("-" * w for w in width),
    ]
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, width)) for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Banc d'essai de traam sur un commun synthétique.")
    parser.add_argument("--records", type=int, default=1000, help="nombre d'enregistrements (1000)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="dossier des communs générés (bench/.data)")
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    args = parser.parse_args(argv)
    progress = (lambda text: print(text, file=sys.stderr)) if args.json else print
    result = run(args.records, args.dir, progress)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
