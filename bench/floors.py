"""Provides the floors of the benchmark: what git, rtoml, ssh-keygen and the disk allow on this machine, this run.

Each floor is the least work a measure of traam cannot avoid, done with the
plain tools and nothing else, so that traam's figures are reported as ratios
that travel from one machine to another (issue 16):

- read: every record blob through one pipelined ``git cat-file --batch`` and
  ``rtoml`` parsing, in one process and split over two;
- work tree: the three git commands of traam's work-tree scan side by side,
  plus reading the snapshot file's bytes;
- commit: ``git commit`` of one changed file, hooks skipped;
- signature: one ``ssh-keygen -Y verify`` of one signature.

The benchmark is outside traam's layers: it spawns git directly.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RECORD_DIRS = ("campaigns/", "themes/", "teams/", "scenarios/")


def record_blobs(root: Path) -> list[bytes]:
    """Return the blob ids of HEAD's record files (one ``git ls-tree``)."""
    listed = subprocess.run(["git", "-C", str(root), "ls-tree", "-r", "-z", "HEAD"], stdout=subprocess.PIPE,
                            check=True).stdout
    blobs = []
    for item in listed.split(b"\0"):
        meta, _, path = item.partition(b"\t")
        if path.endswith(b".toml") and path.decode("utf-8", "replace").startswith(RECORD_DIRS):
            blobs.append(meta.split()[2])
    return blobs


def read_blobs(root: Path, blobs: list[bytes]) -> int:
    """Read ``blobs`` through one ``git cat-file --batch`` (fed from a thread) and parse each with rtoml."""
    import rtoml

    process = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE)

    def feed() -> None:
        process.stdin.write(b"\n".join(blobs) + b"\n")
        process.stdin.close()

    feeder = threading.Thread(target=feed)
    feeder.start()
    out, parsed = process.stdout, 0
    for _ in blobs:
        header = out.readline()
        size = int(header.split()[2])
        rtoml.loads(out.read(size + 1)[:-1].decode("utf-8"))
        parsed += 1
    feeder.join()
    process.wait()
    return parsed


def read_floor(root: Path, processes: int) -> dict:
    """List HEAD's records and read them all, in one process or split between this one and a fresh second one."""
    started = time.perf_counter()
    blobs = record_blobs(root)
    if processes == 1:
        parsed = read_blobs(root, blobs)
    else:
        half = len(blobs) // 2
        code = "import sys; from bench.floors import read_blobs; print(read_blobs(sys.argv[1], sys.stdin.buffer.read().split()))"
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
        other = subprocess.Popen([sys.executable, "-c", code, str(root)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, env=env)
        other.stdin.write(b"\n".join(blobs[half:]))
        other.stdin.close()
        parsed = read_blobs(root, blobs[:half])
        parsed += int(other.stdout.read())
        other.wait()
    return {"seconds": time.perf_counter() - started, "records": parsed}


def worktree_floor(root: Path) -> dict:
    """Run traam's work-tree scan (three git commands side by side) while reading the newest snapshot file."""
    from store.index import cachedir

    started = time.perf_counter()
    commands = [("ls-files", "-z", "-t", "-m", "-d"), ("ls-files", "-z", "-t", "-o", "--exclude-standard"),
                ("diff-index", "--cached", "-z", "--raw", "--no-renames", "--no-abbrev", "HEAD")]
    running = [subprocess.Popen(["git", "-C", str(root), *c], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
               for c in commands]
    folder = cachedir.folder_of(root / ".git")
    snaps = sorted(folder.glob("snap-*.bin"), key=lambda p: p.stat().st_mtime_ns)
    size = len(snaps[-1].read_bytes()) if snaps else 0
    for process in running:
        process.communicate()
    return {"seconds": time.perf_counter() - started, "snapshot_bytes": size}


def commit_floor(root: Path, runs: int = 3) -> dict:
    """Time ``git commit`` of one changed record file (hooks skipped), then put HEAD back each time."""
    git = ["git", "-C", str(root)]
    head = subprocess.run([*git, "rev-parse", "HEAD"], stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    path = next(p for p in subprocess.run([*git, "ls-files", "scenarios"], stdout=subprocess.PIPE, text=True,
                                          check=True).stdout.splitlines())
    times = []
    try:
        for n in range(runs):
            with open(root / path, "a", encoding="utf-8") as out:
                out.write(f"# banc {n}\n")
            started = time.perf_counter()
            subprocess.run([*git, "commit", "-q", "--no-verify", "-m", "Banc", "--", path], check=True,
                           stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
    finally:
        subprocess.run([*git, "reset", "-q", "--hard", head], check=True)
    return {"seconds": statistics.median(times), "runs": times}


def signature_floor(runs: int = 5) -> dict:
    """Time one ``ssh-keygen -Y verify`` of one SSH signature (median of ``runs``)."""
    with tempfile.TemporaryDirectory(prefix="traam-bench-sig-") as folder:
        key, message = Path(folder) / "key", Path(folder) / "message"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "banc", "-f", str(key)], check=True)
        message.write_bytes(b"tree 0000\nauthor banc\n\nValidation\n")
        subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-n", "git", "-f", str(key), str(message)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        signers = Path(folder) / "allowed"
        signers.write_text("banc@ac.fr " + " ".join(Path(f"{key}.pub").read_text().split()[:2]) + "\n")
        times = []
        for _ in range(runs):
            with open(message, "rb") as data:
                started = time.perf_counter()
                subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(signers), "-I", "banc@ac.fr", "-n", "git",
                                "-s", f"{message}.sig"], stdin=data, check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                times.append(time.perf_counter() - started)
    return {"seconds": statistics.median(times), "runs": times}
