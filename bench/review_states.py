"""Provides the benchmark of derived validation states: N records, 30 académie branches with signed merges.

Run: ``python bench/review_states.py --records 100000 [--academies 30] [--json]``. It builds a
commons in a temporary folder with ``git fast-import`` (records on ``main``, one signed
validation merge per ``academie/<a>``), then times ``store.review.states.record_states``
cold (nothing cached) and warm (cache under ``.git/traam/``), and ``traam verify``'s
``verify_branch`` over every branch.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from records import vocab  # noqa: E402

SCENARIO = ('campaign = "2026-2027"\ndisciplines = ["svt"]\nacademie = "{a}"\ntheme = "svt"\n'
            'title = "Scénario {i}"\nsummary = "Résumé du scénario {i}{extra}."\n')


def _blob(out: list[bytes], path: str, text: str) -> None:
    data = text.encode()
    out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")


def build(folder: Path, records: int, academies: int) -> Path:
    """Create the commons with fast-import and signed merges; return its path."""
    repo = folder / "commons"
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    key = folder / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    public = " ".join(Path(f"{key}.pub").read_text().split()[:2])
    codes = list(vocab.ACADEMIES)[:academies]
    governance = ('[[reviewers]]\nname = "Relecteur"\nprincipal = "r@ac.fr"\nrole = "academique"\n'
                  f'academies = [{", ".join(repr(c).replace(chr(39), chr(34)) for c in codes)}]\n'
                  f'public_key = "{public}"\n')
    stream: list[bytes] = [b"commit refs/heads/main\nmark :1\ncommitter B <b@x> 1700000000 +0000\ndata 4\nroot\n"]
    _blob(stream, "traam.toml", 'name = "Banc"\n')
    _blob(stream, "governance/reviewers.toml", governance)
    for i in range(records):
        a = codes[i % len(codes)]
        _blob(stream, f"scenarios/2026-2027/svt/{a}/s{i}.toml", SCENARIO.format(a=a, i=i, extra=""))
    for n, a in enumerate(codes):
        stream.append(f"commit refs/heads/contrib/{a}/bench\nmark :{n + 2}\ncommitter B <b@x> 1700000100 +0000\n"
                      f"data 7\ncontrib\nfrom :1\n".encode())
        for i in range(n, min(records, n + 10 * len(codes)), len(codes)):
            _blob(stream, f"scenarios/2026-2027/svt/{a}/s{i}.toml", SCENARIO.format(a=a, i=i, extra=" modifié"))
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=b"".join(stream), check=True)
    root = subprocess.run(["git", "-C", str(repo), "rev-parse", "main"], capture_output=True, text=True).stdout.strip()
    for a in codes:
        tip = subprocess.run(["git", "-C", str(repo), "rev-parse", f"contrib/{a}/bench"], capture_output=True,
                             text=True).stdout.strip()
        tree = subprocess.run(["git", "-C", str(repo), "rev-parse", f"{tip}^{{tree}}"], capture_output=True,
                              text=True).stdout.strip()
        merge = subprocess.run(["git", "-C", str(repo), "-c", "gpg.format=ssh", "commit-tree", f"-S{key}", tree,
                                "-p", root, "-p", tip, "-m", "Validation"], capture_output=True, text=True,
                               check=True).stdout.strip()
        subprocess.run(["git", "-C", str(repo), "update-ref", f"refs/heads/academie/{a}", merge], check=True)
    subprocess.run(["git", "-C", str(repo), "reset", "-q", "--hard", "main"], check=True)
    return repo


def main() -> int:
    parser = argparse.ArgumentParser(description="Banc d'essai des états de validation")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--academies", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", metavar="DOSSIER", help="build in this folder and keep it (reused when present)")
    args = parser.parse_args()
    from store.commons import Commons
    from store.review import states, verify

    with tempfile.TemporaryDirectory(prefix="traam-bench-states-") as temporary:
        folder = args.keep or temporary
        repo = Path(folder) / "commons"
        if not repo.exists():
            Path(folder).mkdir(parents=True, exist_ok=True)
            repo = build(Path(folder), args.records, args.academies)
        commons = Commons.open(repo)
        snapshot = commons.load()
        figures = {"records": len(snapshot.entries), "academies": args.academies}
        start = time.perf_counter()
        cold = states.record_states(commons, snapshot)
        figures["states_cold_s"] = round(time.perf_counter() - start, 3)
        start = time.perf_counter()
        warm = states.record_states(commons, snapshot)
        figures["states_warm_s"] = round(time.perf_counter() - start, 3)
        assert cold == warm
        figures["academique"] = sum(1 for s in warm.values() if s == "academique")
        figures["national"] = sum(1 for s in warm.values() if s == "national")
        # One more validation on one académie branch: only that branch is re-verified and re-diffed.
        first = next(iter(vocab.ACADEMIES))
        tree = subprocess.run(["git", "-C", str(repo), "rev-parse", f"academie/{first}^{{tree}}"],
                              capture_output=True, text=True, check=True).stdout.strip()
        tip = subprocess.run(["git", "-C", str(repo), "rev-parse", f"academie/{first}"], capture_output=True,
                             text=True, check=True).stdout.strip()
        extra = subprocess.run(["git", "-C", str(repo), "-c", "gpg.format=ssh", "commit-tree",
                                f"-S{Path(folder) / 'key'}", tree, "-p", tip, "-p", f"contrib/{first}/bench",
                                "-m", "Validation"], capture_output=True, text=True, check=True).stdout.strip()
        subprocess.run(["git", "-C", str(repo), "update-ref", f"refs/heads/academie/{first}", extra], check=True)
        start = time.perf_counter()
        states.record_states(commons, snapshot)
        figures["states_after_one_merge_s"] = round(time.perf_counter() - start, 3)
        academic = commons.load(f"academie/{first}")
        start = time.perf_counter()
        on_branch = states.record_states(commons, academic)
        figures["states_academie_snapshot_s"] = round(time.perf_counter() - start, 3)
        figures["academique_on_branch"] = sum(1 for s in on_branch.values() if s == "academique")
        start = time.perf_counter()
        ok = all(verify.verify_branch(repo, b).ok for b in verify.protected_branches(repo))
        figures["verify_all_warm_s"] = round(time.perf_counter() - start, 3)
        figures["verify_ok"] = ok
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:>20} : {value}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("GIT_CONFIG_NOSYSTEM", "1")
    sys.exit(main())
