"""Provides ``traam clone`` and ``traam sync``: safe clones and record-aware merges of upstream.

A clone never recurses into submodules and runs no fsmonitor; then traam's
hooks and merge driver are installed and the cache is built. A sync fetches
the upstream remote (``upstream`` when the fork has one, else ``origin``) and
merges it into the current branch with ``git merge``, the traam driver
configured on the command line, so records merge field by field; every
program the repository's own config names is neutralised
(:mod:`store.git.policy`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hooks import install
from store.git import policy as safety
from hooks.merge_driver import MARKER
from records import codec
from records.layout import MANIFEST
from records.text import printable
from store.git import trees
from store.errors import StoreError
from store.git import run, text

Progress = Callable[[int, int], None]


@dataclass
class SyncResult:
    """What ``traam sync`` did."""

    remote: str
    source: str
    """The remote branch merged (``upstream/main``)."""
    before: str
    after: str
    conflicts: dict[str, list[str]] = field(default_factory=dict)
    """Conflicting paths → French description lines (per field for records)."""

    @property
    def up_to_date(self) -> bool:
        return self.before == self.after and not self.conflicts


def clone(url: str, directory: Path | None = None, *, progress: Progress | None = None) -> Path:
    """Clone a commons safely, install traam's hooks and driver, add ``upstream``, build the cache.

    Args:
        url: where to clone from (https, ssh, file, or a path).
        directory: the target folder (default: git's choice from the URL).
        progress: ``progress(done, total)`` while the cache is built.

    Returns:
        The work tree of the new clone.

    Raises:
        StoreError: git failed (message in French, git's stderr attached).
    """
    cwd = Path.cwd()
    target = Path(directory) if directory else cwd / _default_name(url)
    if target.exists() and any(target.iterdir()):
        raise StoreError(f"le dossier « {printable(str(target))} » existe et n'est pas vide")
    run(cwd, "clone", "--no-recurse-submodules", "--origin", "origin", "--", url, str(target))
    root = target.resolve()
    from store.review import trust

    trust.record_first_contact(root)  # the root this user trusts from now on (docs/trust.md)
    install.install(root)
    upstream = manifest_upstream(root)
    if upstream and upstream.rstrip("/") != url.rstrip("/"):
        run(root, "remote", "add", "upstream", upstream)
    build_cache(root, progress)
    return root


def _default_name(url: str) -> str:
    name = url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return name.removesuffix(".git") or "commun"


def manifest_upstream(root: Path) -> str | None:
    """Return ``upstream`` of the commons' manifest at HEAD (None when absent or invalid)."""
    done = run(root, "cat-file", "blob", f"HEAD:{MANIFEST}", check=False)
    if done.returncode != 0:
        return None
    loaded = codec.load(MANIFEST, done.stdout)
    return getattr(loaded.record, "upstream", None)


def build_cache(root: Path, progress: Progress | None = None) -> int | None:
    """Load every record once so that the blob cache is warm; return the count (None without a store)."""
    try:
        from store.commons import Commons
    except ImportError:
        return None
    return len(Commons.open(root).load(progress=progress).entries)


def default_remote(root: Path) -> str:
    """Return ``upstream`` when the repository has it, else ``origin``."""
    remotes = text(root, "remote").split()
    if "upstream" in remotes:
        return "upstream"
    if "origin" in remotes:
        return "origin"
    raise StoreError("aucun dépôt distant : ajoutez-en un (git remote add upstream URL)")


def sync(root: Path, remote: str | None = None, branch: str | None = None) -> SyncResult:
    """Fetch ``remote`` and merge its branch into the current branch, record by record.

    Args:
        root: the work tree.
        remote: the remote to follow (default :func:`default_remote`).
        branch: the remote branch (default: the current branch's name if the
            remote has it, else ``main``).

    Returns:
        A :class:`SyncResult`; on conflicts the merge is left in progress for
        the user to finish (``git add`` + ``git commit``) or abort.

    Raises:
        StoreError: no such remote, a detached HEAD, uncommitted changes, or git failed.
    """
    remote = remote or default_remote(root)
    if remote not in text(root, "remote").split():
        raise StoreError(f"dépôt distant inconnu « {printable(remote)} »")
    current = run(root, "symbolic-ref", "-q", "--short", "HEAD", check=False).stdout.decode().strip()
    if not current:
        raise StoreError("HEAD détachée : placez-vous sur une branche avant de synchroniser")
    guard = safety.overrides(root, keep=frozenset({"merge.traam.driver", "merge.traam.name"}))
    if text(root, *guard, "status", "--porcelain", "--untracked-files=no"):
        raise StoreError("des modifications ne sont pas enregistrées : "
                         "faites un commit (ou git stash) avant de synchroniser")
    run(root, *guard, "fetch", *safety.FETCH_OPTIONS, "--no-recurse-submodules", "--prune", remote)
    source = f"{remote}/{branch or current}"
    if trees.rev(root, f"refs/remotes/{source}") is None:
        source = f"{remote}/main"
    if trees.rev(root, f"refs/remotes/{source}") is None:
        raise StoreError(f"le dépôt distant « {printable(remote)} » n'a pas de branche « {printable(source)} »")
    before = text(root, "rev-parse", "HEAD")
    driver = ["-c", f"merge.traam.driver={install.driver_command()}", "-c", f"merge.traam.name={install.DRIVER_NAME}"]
    done = run(root, *guard, *driver, "merge", "--no-edit", "-m", f"Synchroniser avec {source}", source, check=False)
    result = SyncResult(remote, source, before, text(root, "rev-parse", "HEAD"))
    if done.returncode != 0:
        stages = unmerged_stages(root, guard)
        if not stages:
            raise StoreError("la fusion a échoué", done.stderr.decode("utf-8", "replace"))
        for path, present in sorted(stages.items()):
            result.conflicts[path] = describe_conflict(root / path, present)
    return result


def unmerged_stages(root: Path, guard: list[str]) -> dict[str, set[str]]:
    """Return the conflicted paths and the stages the index holds for each (1 base, 2 ours, 3 theirs)."""
    stages: dict[str, set[str]] = {}
    for item in run(root, *guard, "ls-files", "-u", "-z").stdout.split(b"\0"):
        if item:
            meta, _, path = item.partition(b"\t")
            stages.setdefault(path.decode("utf-8", "surrogateescape"), set()).add(meta.split()[2].decode())
    return stages


def describe_conflict(path: Path, stages: set[str]) -> list[str]:
    """Return the French description of a conflicted file: the driver's lines per field, or why it is not."""
    if not {"2", "3"} <= stages:
        side = "chez nous" if "2" not in stages else "chez eux"
        return [f"conflit : enregistrement supprimé {side}, modifié de l'autre côté"]
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    fields = [line.removeprefix(f"{MARKER} : ") for line in lines if line.startswith(f"{MARKER} : champ")]
    return fields or ["conflit : fusion manuelle nécessaire (une version n'est pas un enregistrement valide)"]
