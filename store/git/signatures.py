"""Provides SSH signatures: ``ssh-keygen -Y sign/verify`` of arbitrary data, key creation, signed commits.

Review notes are signed with the reviewer's SSH key in their own namespace
(:data:`NOTES_NAMESPACE`), never ``git``, so that a signed note can never be
replayed as a commit signature nor the other way round. Every program is
started with an argv list, standard input closed or fed, and no shell.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from store.errors import StoreError
from store.git.runner import run

NOTES_NAMESPACE = "traam-review"
"""Namespace of review-note signatures (``ssh-keygen -Y sign -n``)."""

SIGN_CONFIG = ("-c", "gpg.format=ssh", "-c", "gpg.ssh.program=ssh-keygen", "-c", "gpg.program=gpg",
                "-c", "commit.gpgSign=false")


def _keygen(*args: str, data: bytes | None = None, interactive: bool = False) -> subprocess.CompletedProcess[bytes]:
    """Run ``ssh-keygen args`` (stdin fed with ``data``, or left to the terminal when ``interactive``)."""
    try:
        if interactive:
            return subprocess.run(["ssh-keygen", *args], check=False)
        return subprocess.run(["ssh-keygen", *args], input=data or b"", capture_output=True, check=False)
    except FileNotFoundError as error:
        raise StoreError("ssh-keygen est introuvable : installez OpenSSH") from error


def public_key(private_key: Path) -> str:
    """Return the OpenSSH public key line of ``private_key`` (its ``.pub`` file, else ``ssh-keygen -y``).

    Raises:
        StoreError: the key cannot be read.
    """
    pub = Path(f"{private_key}.pub")
    if pub.is_file():
        return pub.read_text(encoding="utf-8").strip()
    done = _keygen("-y", "-f", str(private_key))
    if done.returncode != 0:
        raise StoreError(f"impossible de lire la clé « {private_key} »", done.stderr.decode("utf-8", "replace"))
    return done.stdout.decode("utf-8", "replace").strip()


def create_key(path: Path, *, comment: str, passphrase: str | None) -> None:
    """Create an ed25519 key pair at ``path`` (``path.pub`` beside it).

    Args:
        passphrase: the passphrase ('' for none); None lets ssh-keygen ask it on the terminal.

    Raises:
        StoreError: the file exists, or ssh-keygen failed.
    """
    if path.exists() or path.is_symlink():
        raise StoreError(f"la clé « {path} » existe déjà : choisissez-la avec --cle, ou un autre chemin")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    args = ["-q", "-t", "ed25519", "-C", comment or "traam", "-f", str(path)]
    if passphrase is None:
        done = _keygen(*args, interactive=True)
        stderr = ""
    else:
        done = _keygen(*args, "-N", passphrase)
        stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0 or not path.is_file():
        raise StoreError("ssh-keygen n'a pas pu créer la clé", stderr)


def sign(private_key: Path, data: bytes, namespace: str = NOTES_NAMESPACE) -> str:
    """Return the armored SSH signature of ``data`` made with ``private_key`` in ``namespace``.

    Raises:
        StoreError: the key is unreadable or needs a passphrase that no agent holds.
    """
    done = _keygen("-Y", "sign", "-q", "-f", str(private_key), "-n", namespace, data=data)
    if done.returncode != 0 or b"BEGIN SSH SIGNATURE" not in done.stdout:
        raise StoreError(f"la signature avec la clé « {private_key} » a échoué (phrase de passe : chargez la clé "
                         "dans ssh-agent avec ssh-add)", done.stderr.decode("utf-8", "replace"))
    return done.stdout.decode("ascii")


def verify(allowed_signers: str, principal: str, data: bytes, signature: str,
           namespace: str = NOTES_NAMESPACE) -> bool:
    """Tell whether ``signature`` is ``principal``'s signature of ``data`` in ``namespace``.

    Args:
        allowed_signers: the text of an ssh ``allowed_signers`` file (built by the caller from trusted governance).
    """
    with tempfile.TemporaryDirectory(prefix="traam-sig-") as folder:
        signers, sig = Path(folder) / "signers", Path(folder) / "sig"
        for path, content in ((signers, allowed_signers), (sig, signature)):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(content)
        done = _keygen("-Y", "verify", "-f", str(signers), "-I", principal, "-n", namespace, "-s", str(sig),
                       data=data)
    return done.returncode == 0


def commit_tree(root: Path | str, tree: str, parents: list[str], message: str, key: Path) -> str:
    """Create a commit of ``tree`` with ``parents``, SSH-signed with ``key``; return its id.

    Raises:
        StoreError: signing failed (key unreadable, passphrase needed without an agent …).
    """
    from store.git.commit import commit_tree as one_commit_path

    return one_commit_path(root, tree, parents, message, sign_key=key)


_VERIFY_CONFIG = ("-c", "gpg.format=ssh", "-c", "gpg.ssh.program=ssh-keygen", "-c", "gpg.program=gpg",
                  "-c", "gpg.ssh.revocationFile=/dev/null", "-c", "log.showSignature=false")
"""Signature checks use ssh-keygen and no revocation file of the repository's choosing."""


def commit_signature(root: Path | str, commit: str, allowed_signers: str) -> tuple[str, str]:
    """Return ``(status, principal)`` of ``commit``'s signature checked against ``allowed_signers`` (file text).

    ``status`` is git's ``%G?``: ``G`` good, ``N`` none, ``U``/``E`` unknown
    key, others bad. The allowed-signers file is a private temporary file,
    never one named by the repository.
    """
    handle, path = tempfile.mkstemp(prefix="traam-signers-", suffix=".txt")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(allowed_signers)
        done = run(root, *_VERIFY_CONFIG, "-c", f"gpg.ssh.allowedSignersFile={path}",
                   "log", "-1", "--format=%G?%x00%GS", commit, "--", check=False)
    finally:
        os.unlink(path)
    status, _, principal = done.stdout.decode("utf-8", "replace").strip().partition("\0")
    return status, principal


def configure_signing(root: Path | str, key: Path) -> None:
    """Make this commons sign with the SSH ``key`` (local config: ``gpg.format=ssh``, ``user.signingkey``)."""
    run(root, "config", "--local", "gpg.format", "ssh")
    run(root, "config", "--local", "user.signingkey", str(key))
