"""Provides the hooks benchmark: time of the pre-commit hook and the merge driver on a large commons.

``python bench/hooks_bench.py --records 100000`` builds (once, with ``git
fast-import``, no checkout) a commons of N scenarios with their campaigns,
themes and teams, installs traam's hooks, stages one edited scenario in the
index and times the ``pre-commit`` shim, as git would run it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from records import codec, vocab  # noqa: E402
from records.models import Campaign, Inspector, Manifest, Person, Scenario, Teacher, Team, Theme  # noqa: E402

CAMPAIGNS = ("2024-2025", "2025-2026", "2026-2027")


def records(n: int) -> dict[str, str]:
    """Return ``{path: canonical text}`` for a commons of ``n`` scenarios."""
    academies = list(vocab.ACADEMIES)[:30]
    disciplines = ["nsi", "svt", "sti", "mathematiques", "lettres", "technologie", "eps", "lve", "ses", "emi"]
    out = {"traam.toml": codec.dump(Manifest(name="Banc d'essai"))}
    for code in CAMPAIGNS:
        year = int(code[:4])
        out[f"campaigns/{code}.toml"] = codec.dump(Campaign(
            code=code, title=f"Campagne {code}", call_opens=dt.date(year, 2, 1), proposals_due=dt.date(year, 3, 31),
            selection=dt.date(year, 6, 15), work_starts=dt.date(year, 9, 1), work_ends=dt.date(year + 1, 5, 31),
            teams_per_discipline=50))
        for discipline in disciplines:
            theme = Theme(campaign=code, discipline=discipline, title="Thème")
            out[f"themes/{code}/{discipline}.toml"] = codec.dump(theme)
            for academie in academies:
                out[f"teams/{code}/{discipline}/{academie}.toml"] = codec.dump(Team(
                    campaign=code, discipline=discipline, academie=academie, theme=discipline, project_title="Projet",
                    pilot=Inspector(name="Inspection", corps="ia-ipr"), referent=Person(name="Référent"),
                    teachers=[Teacher(name=f"Enseignant {i}") for i in range(3)], cardie=Person(name="CARDIE")))
    cells = [(c, d, a) for c in CAMPAIGNS for d in disciplines for a in academies]
    for i in range(n):
        code, discipline, academie = cells[i % len(cells)]
        out[f"scenarios/{code}/{discipline}/{academie}/scenario-{i}.toml"] = codec.dump(Scenario(
            campaign=code, disciplines=[discipline], academie=academie, theme=discipline,
            title=f"Scénario {i}", summary=f"Résumé du scénario {i}, pour la classe.", keywords=["numérique"]))
    return out


def build(root: Path, n: int) -> None:
    """Create the commons at ``root`` with one commit made by ``git fast-import`` and a matching index."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    chunks = [b"commit refs/heads/main\ncommitter Banc <banc@example.org> 1700000000 +0000\ndata 5\nbanc\n"]
    for path, text in records(n).items():
        data = text.encode("utf-8")
        chunks.append(b"M 100644 inline " + path.encode() + b"\ndata " + str(len(data)).encode() + b"\n" + data + b"\n")
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=b"".join(chunks), check=True)
    subprocess.run(["git", "-C", str(root), "read-tree", "HEAD"], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="où construire le commun (réutilisé s'il existe)")
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="traam-hooks-bench-"))
    if not (root / ".git").exists():
        started = time.perf_counter()
        build(root, args.records)
        print(f"commun de {args.records} scénarios construit en {time.perf_counter() - started:.1f} s : {root}")
    from hooks.install import install

    install(root)
    few = records(43)
    path = next(p for p in few if p.endswith("/scenario-42.toml"))
    edited = few[path].replace("Scénario 42", "Titre modifié").encode()
    blob = subprocess.run(["git", "-C", str(root), "hash-object", "-w", "--stdin"], check=True, capture_output=True,
                          input=edited).stdout.decode().strip()
    subprocess.run(["git", "-C", str(root), "update-index", "--cacheinfo", f"100644,{blob},{path}"], check=True)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run(["sh", str(root / ".git/hooks/pre-commit")], cwd=root, capture_output=True, text=True)
        timings.append(time.perf_counter() - started)
        assert done.returncode == 0, done.stderr
    print(f"pre-commit (1 scénario indexé, {args.records} scénarios) : meilleur {min(timings) * 1000:.0f} ms, "
          f"pire {max(timings) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
