"""Provides the benchmark's synthetic commons: N French records with some history, built with git fast-import.

Usage: ``python bench/generate.py --records 10000 [--dir bench/.data] [--force]``.
The commons is cached in ``DIR/commons-N`` and reused while the generator
version is unchanged. One commit creates every record, then a few hundred
commits by several authors edit one scenario each, so that history has
something to show.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from records import codec  # noqa: E402
from records.layout import path_of  # noqa: E402
from records.models import Manifest  # noqa: E402
from store import git  # noqa: E402
from store.init import GITATTRIBUTES, README  # noqa: E402

VERSION = "4"
"""Bump when the generated content changes, so that cached commons are rebuilt."""
DEFAULT_DIR = Path(__file__).resolve().parent / ".data"
MARKER = "traam-bench-version"


def history_size(total: int) -> int:
    """Return how many one-record commits follow the first one."""
    return max(10, min(300, total // 3))


def _data(out: list[bytes], payload: bytes) -> None:
    out.append(b"data %d\n" % len(payload))
    out.append(payload)
    out.append(b"\n")


def _commit(out: list[bytes], author: str, when: int, message: str, files: dict[str, bytes]) -> None:
    # fast-import continues a branch from its last commit in the same stream: no "from" needed.
    name = author.encode("utf-8")
    email = corpus.slugify(author).replace("-", ".").encode() + b"@ac-exemple.fr"
    out.append(b"commit refs/heads/main\n")
    out.append(b"author %s <%s> %d +0100\n" % (name, email, when))
    out.append(b"committer %s <%s> %d +0100\n" % (name, email, when))
    _data(out, message.encode("utf-8"))
    for path, payload in files.items():
        out.append(b"M 100644 inline %s\n" % path.encode("utf-8"))
        _data(out, payload)
    out.append(b"\n")


def stream(total: int, seed: int = 2026) -> tuple[bytes, int]:
    """Return the fast-import stream of a commons of ``total`` records and the number of commits."""
    gc.disable()  # building 100,000 models is several times faster without the cyclic collector
    try:
        return _stream(total, seed)
    finally:
        gc.enable()


def _stream(total: int, seed: int) -> tuple[bytes, int]:
    rng = random.Random(seed + 1)
    files: dict[str, bytes] = {
        "traam.toml": codec.dump(Manifest(name=f"Commun de test ({total} enregistrements)")).encode("utf-8"),
        ".gitattributes": GITATTRIBUTES.encode("utf-8"),
        "README.md": README.encode("utf-8"),
    }
    scenarios = []
    for record_id, record in corpus.commons(total - 1, seed):
        files[path_of(record_id)] = codec.dump(record).encode("utf-8")
        if record_id.startswith("scenarios/"):
            scenarios.append((record_id, record))
    out: list[bytes] = []
    when = 1_700_000_000
    _commit(out, "Camille Générateur", when, "Créer le commun de test", files)
    commits = 1
    for n in range(history_size(total)):
        record_id, record = rng.choice(scenarios)
        when += rng.randint(600, 86_400)
        change = rng.random()
        if change < 0.5:
            update = {"summary": record.summary + f" Retour d'expérience n° {n + 1} ajouté après la séance."}
        elif change < 0.8:
            update = {"keywords": sorted({*record.keywords, rng.choice(corpus.KEYWORDS)} - {""})}
        else:
            update = {"duration": f"{rng.randint(2, 10)} séances de 55 min"}
        record = record.model_copy(update=update)
        _commit(out, f"{rng.choice(corpus.FIRST)} {rng.choice(corpus.LAST)}", when, f"Modifier {record_id}",
                {path_of(record_id): codec.dump(record).encode("utf-8")})
        commits += 1
    return b"".join(out), commits


def generate(total: int, folder: Path = DEFAULT_DIR, *, force: bool = False, say=print) -> Path:
    """Build (or reuse) the commons of ``total`` records under ``folder`` and return its path.

    Args:
        total: number of records (the manifest included).
        folder: cache folder of generated commons.
        force: rebuild even if a commons of this size and version exists.
        say: where progress lines go.
    """
    root = Path(folder).resolve() / f"commons-{total}"
    marker = root / ".git" / MARKER
    if not force and marker.exists() and marker.read_text().strip() == VERSION:
        return root
    if root.exists():
        _remove(root)
    root.mkdir(parents=True)
    started = time.perf_counter()
    data, commits = stream(total)
    built = time.perf_counter()
    git.run(root, "init", "-q", "-b", "main")
    marker.write_text("en cours\n")  # lets a later run delete a half-built commons
    git.run(root, "fast-import", "--quiet", "--done", input=data + b"done\n")
    imported = time.perf_counter()
    git.run(root, "reset", "-q", "--hard", "main")
    git.run(root, "commit-graph", "write", "--reachable", "--changed-paths")
    marker.write_text(VERSION + "\n")
    say(
        f"commun de {total} enregistrements, {commits} commits : contenu {built - started:.1f} s, "
        f"fast-import {imported - built:.1f} s, extraction {time.perf_counter() - imported:.1f} s → {root}"
    )
    return root


def _remove(root: Path) -> None:
    """Delete a previously generated commons (only folders this script made: they hold the marker)."""
    import shutil

    if not (root / ".git" / MARKER).exists() and any(root.iterdir()):
        raise SystemExit(f"refus d'effacer « {root} » : ce dossier n'a pas été créé par bench/generate.py")
    shutil.rmtree(root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Génère un commun synthétique pour le banc d'essai.")
    parser.add_argument("--records", type=int, default=1000, help="nombre d'enregistrements (1000)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="dossier des communs générés (bench/.data)")
    parser.add_argument("--force", action="store_true", help="régénérer même si le commun existe")
    args = parser.parse_args(argv)
    print(generate(args.records, args.dir, force=args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
