"""Provides the verification benchmark: a commons of 10 campaigns whose ``main`` is a chain of N signed validation merges.

``python -m bench.verify_bench --merges 5000 [--json]`` builds the commons
once (cached in ``bench/.data/signed-N``), then times ``traam verify`` in a
fresh process cold (a verifier that never saw it: empty data and cache
folders, the trust root pinned) and again with nothing new, next to the
signature floor (one ``ssh-keygen -Y verify``).

Generation is fast: the records and one tree per merge come from one
``git fast-import`` stream; the merge commits are then written as loose
objects and signed through ``ssh-agent`` with one national reviewer's key
(the SSHSIG format of ``ssh-keygen -Y sign``, built here), with no process
per signature.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import resource
import socket
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from bench import corpus
from bench.generate import DEFAULT_DIR, MARKER
from records import codec
from records.layout import GOVERNANCE, path_of
from records.models import Governance, Manifest, Reviewer

VERSION = "1"
CAMPAIGNS = 10
PRINCIPAL = "validation.nationale@education.gouv.fr"


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class Agent:
    """An ``ssh-agent`` holding one key, asked to sign over its socket (no process per signature)."""

    def __init__(self, folder: Path, key: Path):
        self.socket_path = folder / "agent.sock"
        self.process = subprocess.Popen(["ssh-agent", "-D", "-a", str(self.socket_path)], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not self.socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        subprocess.run(["ssh-add", "-q", str(key)], env=dict(os.environ, SSH_AUTH_SOCK=str(self.socket_path)),
                       check=True, stderr=subprocess.DEVNULL)
        self.public = base64.b64decode(Path(f"{key}.pub").read_text().split()[1])
        self.connection = socket.socket(socket.AF_UNIX)
        self.connection.connect(str(self.socket_path))

    def _sign_raw(self, data: bytes) -> bytes:
        self.connection.sendall(_string(bytes([13]) + _string(self.public) + _string(data) + struct.pack(">I", 0)))
        size = struct.unpack(">I", self._read(4))[0]
        reply = self._read(size)
        if reply[0] != 14:
            raise RuntimeError("ssh-agent a refusé de signer")
        return reply[5:5 + struct.unpack(">I", reply[1:5])[0]]

    def _read(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.connection.recv(size - len(data))
            if not chunk:
                raise RuntimeError("ssh-agent a fermé la connexion")
            data += chunk
        return data

    def sign(self, payload: bytes, namespace: bytes = b"git") -> bytes:
        """Return the armored SSH signature of ``payload`` (what ``ssh-keygen -Y sign -n git`` writes)."""
        digest = hashlib.sha512(payload).digest()
        signed = b"SSHSIG" + _string(namespace) + _string(b"") + _string(b"sha512") + _string(digest)
        blob = (b"SSHSIG" + struct.pack(">I", 1) + _string(self.public) + _string(namespace) + _string(b"")
                + _string(b"sha512") + _string(self._sign_raw(signed)))
        text = base64.b64encode(blob)
        lines = [text[i:i + 70] for i in range(0, len(text), 70)]
        return b"-----BEGIN SSH SIGNATURE-----\n" + b"\n".join(lines) + b"\n-----END SSH SIGNATURE-----\n"

    def close(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait()


def _write_object(objects: Path, kind: bytes, body: bytes) -> str:
    data = kind + b" %d\0" % len(body) + body
    oid = hashlib.sha1(data).hexdigest()
    folder = objects / oid[:2]
    folder.mkdir(exist_ok=True)
    path = folder / oid[2:]
    if not path.exists():
        path.write_bytes(zlib.compress(data, 1))
    return oid


def _stream(key_line: str, merges: int) -> bytes:
    """Return the fast-import stream: the first commit on main, then one commit per merge on ``refs/bench/trees``."""
    governance = Governance(reviewers=[Reviewer(name="Validation nationale", principal=PRINCIPAL, role="national",
                                                public_key=key_line)])
    files = {"traam.toml": codec.dump(Manifest(name="Commun signé")), GOVERNANCE: codec.dump(governance)}
    scenarios = []
    for record_id, record in corpus.commons(2000, campaigns=CAMPAIGNS):
        files[path_of(record_id)] = codec.dump(record)
        if record_id.startswith("scenarios/"):
            scenarios.append((record_id, record))
    scenarios.sort(key=lambda item: item[1].campaign)  # the merges follow the campaigns, oldest first
    out = [b"commit refs/heads/main\ncommitter Banc <banc@ac-exemple.fr> 1500000000 +0100\ndata 6\nracine\n"]
    for path, text in files.items():
        data = text.encode()
        out.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
    out.append(b"commit refs/bench/trees\ncommitter Banc <banc@ac-exemple.fr> 1500000000 +0100\ndata 6\narbres\n"
               b"from refs/heads/main\n")
    for n in range(merges):
        record_id, record = scenarios[n * len(scenarios) // merges]
        record = record.model_copy(update={"summary": record.summary + f" Validation n° {n + 1}."})
        data = codec.dump(record).encode()
        if n:
            out.append(b"commit refs/bench/trees\ncommitter Banc <banc@ac-exemple.fr> 1500000000 +0100\ndata 1\nt\n")
        out.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path_of(record_id).encode(), len(data), data))
    return b"".join(out)


def build(root: Path, merges: int) -> None:
    """Create the signed commons at ``root``."""
    root.mkdir(parents=True)
    key = root.parent / f"{root.name}-key"
    key.unlink(missing_ok=True)
    Path(f"{key}.pub").unlink(missing_ok=True)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", PRINCIPAL, "-f", str(key)], check=True)
    key_line = " ".join(Path(f"{key}.pub").read_text().split()[:2])
    git = ["git", "-C", str(root)]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "fast-import", "--quiet"], input=_stream(key_line, merges), check=True)
    first = subprocess.run([*git, "rev-parse", "main"], stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    trees = subprocess.run([*git, "log", "--reverse", "--format=%T", "refs/bench/trees"], stdout=subprocess.PIPE,
                           text=True, check=True).stdout.split()[1:]
    objects = root / ".git" / "objects"
    with tempfile.TemporaryDirectory(prefix="traam-agent-") as folder:
        agent = Agent(Path(folder), key)
        try:
            tip, when = first, 1_500_000_000
            for n, tree in enumerate(trees):
                when += (1_790_000_000 - 1_500_000_000) // len(trees)
                contributor = (b"tree %s\nparent %s\nauthor Camille Contributrice <camille@ac-exemple.fr> %d +0100\n"
                               b"committer Camille Contributrice <camille@ac-exemple.fr> %d +0100\n\nContribution %d\n"
                               % (tree.encode(), tip.encode(), when - 60, when - 60, n + 1))
                side = _write_object(objects, b"commit", contributor)
                payload = (b"tree %s\nparent %s\nparent %s\nauthor Validation nationale <%s> %d +0100\n"
                           b"committer Validation nationale <%s> %d +0100\n"
                           % (tree.encode(), tip.encode(), side.encode(), PRINCIPAL.encode(), when,
                              PRINCIPAL.encode(), when))
                message = b"\nValider la contribution %d\n" % (n + 1)
                signature = agent.sign(payload + message).rstrip(b"\n").replace(b"\n", b"\n ")
                tip = _write_object(objects, b"commit", payload + b"gpgsig " + signature + b"\n" + message)
        finally:
            agent.close()
    subprocess.run([*git, "update-ref", "refs/heads/main", tip], check=True)
    subprocess.run([*git, "update-ref", "-d", "refs/bench/trees"], check=True)
    subprocess.run([*git, "reset", "-q", "--hard", "main"], check=True)
    (root / ".git" / "traam-bench-first").write_text(first + "\n")


def generate(merges: int, folder: Path = DEFAULT_DIR, say=print) -> Path:
    """Build (or reuse) the signed commons of ``merges`` merges and return its path."""
    root = Path(folder).resolve() / f"signed-{merges}"
    marker = root / ".git" / MARKER
    if marker.exists() and marker.read_text().strip() == VERSION:
        return root
    if root.exists():
        import shutil

        shutil.rmtree(root)
    started = time.perf_counter()
    build(root, merges)
    marker.write_text(VERSION + "\n")
    say(f"commun signé de {merges} fusions construit en {time.perf_counter() - started:.1f} s → {root}")
    return root


def _verify(root: Path, home: Path) -> tuple[float, subprocess.CompletedProcess]:
    first = (root / ".git" / "traam-bench-first").read_text().strip()
    env = dict(os.environ, XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               TRAAM_TRUST_ROOT=first, GIT_CONFIG_GLOBAL=str(home / "gitconfig"), GIT_CONFIG_NOSYSTEM="1")
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "tui", "-C", str(root), "verify", "main"], env=env,
                          capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime  # processor time, git included
    return time.perf_counter() - started, done


def measure(merges: int, folder: Path = DEFAULT_DIR, say=print) -> dict:
    """Time ``traam verify main`` cold then with nothing new; raise if it does not verify."""
    root = generate(merges, folder, say)
    with tempfile.TemporaryDirectory(prefix="traam-bench-verify-") as home:
        (Path(home) / "gitconfig").write_text("")
        cold, done = _verify(root, Path(home))
        if done.returncode != 0:
            raise SystemExit(f"traam verify a échoué : {done.stdout[-500:]} {done.stderr[-500:]}")
        again, again_done = min((_verify(root, Path(home)) for _ in range(3)), key=lambda pair: pair[0])
    return {"merges": merges, "cold": cold, "cold_cpu": done.cpu, "again": again, "again_cpu": again_done.cpu}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Banc d'essai de traam verify sur des fusions signées.")
    parser.add_argument("--merges", type=int, default=5000)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure(args.merges, args.dir, say=lambda text: print(text, file=sys.stderr))
    from bench.floors import signature_floor

    result["signature"] = signature_floor()["seconds"]
    if args.json:
        print(json.dumps(result))
    else:
        print(f"traam verify, {args.merges} fusions : à froid {result['cold']:.2f} s "
              f"({result['cold'] / (args.merges * result['signature']):.2f} × {args.merges} signatures), "
              f"rien de nouveau {result['again']:.2f} s ; une signature {result['signature'] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
