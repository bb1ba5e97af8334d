"""Provides the check of many commit signatures at once: one ``git cat-file``, ``ssh-keygen -Y verify`` on every core.

``git log --format=%G?`` costs three processes per commit: git itself, then
``ssh-keygen -Y find-principals`` and ``ssh-keygen -Y verify``. Here every
commit object is read through one ``git cat-file --batch``, split into the
signed payload and the signature exactly as git does
(``parse_buffer_signed_by_header``), the principals of the allowed-signers
file holding the signature's key are picked in Python, and ``ssh-keygen -Y
verify`` — the verifier, with the caller's allowed-signers file and the
``git`` namespace — runs once per commit, several at a time.

Only a good signature is decided here. Anything else (no signature, a key
that no principal holds, a bad signature, a signature that is not SSH) is
handed to :func:`store.git.signatures.commit_signature`, so that git's own
status for it stays that of the plain path; reading a key or a principal
wrongly can only send a commit to that slower path, never make it good.
"""

from __future__ import annotations

import base64
import os
import struct
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from store.errors import StoreError
from store.git.catfile import CatFile

_BEGIN, _END = b"-----BEGIN SSH SIGNATURE-----", b"-----END SSH SIGNATURE-----"


def split_signed(raw: bytes, header: bytes = b"gpgsig") -> tuple[bytes, bytes]:
    """Return ``(payload, signature)`` of a raw commit object, as git's ``parse_buffer_signed_by_header`` does.

    Header lines ``<header> …`` and their continuation lines (starting with a
    space) form the signature; other ``gpgsig…`` headers (another hash's
    signature) are left out of both; everything else, the message included, is the payload.
    """
    payload, signature = bytearray(), bytearray()
    in_signature = other = False
    line_start, tail = 0, len(raw)
    prefix = header + b" "
    while line_start < tail:
        newline = raw.find(b"\n", line_start)
        end = tail if newline < 0 else newline + 1
        line = raw[line_start:end]
        sig: bytes | None = None
        if in_signature and line[:1] == b" ":
            sig = line[1:]
        elif line.startswith(prefix):
            sig, other = line[len(prefix):], False
        elif line.startswith(b"gpgsig"):
            other = True
        elif other and line[:1] != b" ":
            other = False
        if sig is not None:
            signature += sig
            in_signature = True
        else:
            if line[:1] == b"\n":
                end, line = tail, raw[line_start:]  # the message: the whole remainder
            if not other:
                payload += line
            in_signature = False
        line_start = end
    return bytes(payload), bytes(signature)


def _string(data: bytes, at: int) -> tuple[bytes, int]:
    if at + 4 > len(data):
        raise ValueError("truncated")
    size = struct.unpack(">I", data[at:at + 4])[0]
    if at + 4 + size > len(data):
        raise ValueError("truncated")
    return data[at + 4:at + 4 + size], at + 4 + size


def signer_key(signature: bytes) -> str | None:
    """Return ``type base64`` of the public key inside an armored SSH signature, None when it is not one."""
    text = signature.strip()
    if not (text.startswith(_BEGIN) and text.endswith(_END)):
        return None
    try:
        blob = base64.b64decode(b"".join(text[len(_BEGIN):-len(_END)].split()), validate=True)
        if blob[:6] != b"SSHSIG":
            return None
        key, _ = _string(blob, 10)  # after the magic and the version
        kind, _ = _string(key, 0)
        return f"{kind.decode('ascii')} {base64.b64encode(key).decode('ascii')}"
    except (ValueError, UnicodeDecodeError):
        return None


def principals_of(allowed_signers: str, key: str) -> list[str]:
    """Return the principals field of each line of ``allowed_signers`` whose key is ``key`` (``type base64``)."""
    found = []
    for line in allowed_signers.splitlines():
        line = line.strip()
        if not line.endswith(" " + key) or line.startswith("#"):
            continue
        if line.startswith('"'):
            closing = line.find('"', 1)
            if closing > 0:
                found.append(line[1:closing])
        else:
            found.append(line.split(" ", 1)[0])
    return found


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def _verify(signers: Path, principals: list[str], signature: Path, payload: bytes) -> str:
    """Return the first principal whose ``ssh-keygen -Y verify`` accepts the signature, '' when none does."""
    for principal in principals:
        try:
            done = subprocess.run(["ssh-keygen", "-Y", "verify", "-n", "git", "-f", str(signers), "-I", principal,
                                   "-s", str(signature)], input=payload, capture_output=True, check=False)
        except FileNotFoundError as error:
            raise StoreError("ssh-keygen est introuvable : installez OpenSSH") from error
        if done.returncode == 0:
            return principal
    return ""


def commit_signatures(root: Path | str, requests: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Return ``{commit: (status, principal)}`` of each ``(commit, allowed-signers text)``, as :func:`commit_signature`.

    Good signatures are checked here in parallel; every other commit goes
    through :func:`store.git.signatures.commit_signature` (see the module documentation).
    """
    from store.git.signatures import commit_signature

    result: dict[str, tuple[str, str]] = {}
    if not requests:
        return result
    reader = CatFile(Path(root))
    try:
        raws = dict(reader.many(dict.fromkeys(commit for commit, _ in requests)))
    finally:
        reader.close()
    with tempfile.TemporaryDirectory(prefix="traam-signatures-") as folder:
        files: dict[str, Path] = {}
        jobs = []
        for n, (commit, allowed) in enumerate(requests):
            raw = raws.get(commit)
            if raw is None:
                continue
            payload, signature = split_signed(raw, b"gpgsig-sha256" if len(commit) == 64 else b"gpgsig")
            key = signer_key(signature) if signature else None
            principals = principals_of(allowed, key) if key else []
            if not principals:
                continue
            signers = files.get(allowed)
            if signers is None:
                signers = files[allowed] = Path(folder) / f"signers-{len(files)}"
                _write(signers, allowed.encode("utf-8"))
            sig = Path(folder) / f"sig-{n}"
            _write(sig, signature)
            jobs.append((commit, signers, principals, sig, payload))
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            verdicts = list(pool.map(lambda job: _verify(*job[1:]), jobs))
    for (commit, *_), principal in zip(jobs, verdicts, strict=True):
        if principal:
            result[commit] = ("G", principal)
    for commit, allowed in requests:
        if commit not in result:
            result[commit] = commit_signature(root, commit, allowed)
    return result
