"""Provides ``traam clone`` and ``traam sync``: safe clones and record-aware merges of upstream.

A clone never recurses into submodules and runs no fsmonitor; then the
trust root is recorded, ``upstream`` added and the cache built. Installing
traam's hooks and merge driver belongs to the caller (the command line):
``hooks`` sits above the store. A sync fetches
the upstream remote (``upstream`` when the fork has one, else ``origin``) and
merges it into the current branch with ``git merge``, the traam driver
configured on the command line, so records merge field by field; every
program the repository's own config names is neutralised
(:mod:`store.git.policy`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from records import codec
from records.layout import MANIFEST
from records.text import printable
from store.errors import StoreError
from store.git import branches, merging, network, policy, refs, trees
from store.git.network import TransferProgress

MARKER = codec.CONFLICT_MARKER

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SyncResult:
    """What ``traam sync`` did."""

    remote: str
    source: str
    """The remote branch merged (``upstream/main``)."""
    before: str
    after: str
    conflicts: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Conflicting paths → French description lines (per field for records)."""

    @property
    def up_to_date(self) -> bool:
        return self.before == self.after and not self.conflicts


def clone(url: str, directory: Path | None = None, *, progress: Progress | None = None,
          transfer: TransferProgress | None = None) -> Path:
    """Clone a commons safely, record its trust root, add ``upstream``, build the cache.

    The caller installs traam's hooks and merge driver afterwards
    (:func:`hooks.install.install`), before anyone commits in the clone.

    Args:
        url: where to clone from (https, ssh, file, or a path).
        directory: the target folder (default: git's choice from the URL).
        progress: ``progress(done, total)`` while the cache is built.
        transfer: called with each step of the download (:class:`store.git.network.Transfer`).

    Returns:
        The work tree of the new clone.

    Raises:
        StoreError: git failed (message in French, git's stderr attached).
    """
    cwd = Path.cwd()
    target = Path(directory) if directory else cwd / _default_name(url)
    if target.exists() and any(target.iterdir()):
        raise StoreError(f"le dossier « {printable(str(target))} » existe et n'est pas vide")
    network.clone(cwd, url, target, progress=transfer)
    root = target.resolve()
    from store.review import trust

    trust.record_first_contact(root)  # the root this user trusts from now on (docs/trust.md)
    upstream = manifest_upstream(root)
    if upstream and upstream.rstrip("/") != url.rstrip("/"):
        network.add_remote(root, "upstream", upstream)
    build_cache(root, progress)
    return root


def _default_name(url: str) -> str:
    name = url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return name.removesuffix(".git") or "commun"


def manifest_upstream(root: Path) -> str | None:
    """Return ``upstream`` of the commons' manifest at HEAD (None when absent or invalid)."""
    data = trees.file_at(root, "HEAD", MANIFEST)
    if data is None:
        return None
    loaded = codec.load(MANIFEST, data)
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
    remotes = network.remotes(root)
    if "upstream" in remotes:
        return "upstream"
    if "origin" in remotes:
        return "origin"
    raise StoreError("aucun dépôt distant : ajoutez-en un (git remote add upstream URL)")


def sync(root: Path, remote: str | None = None, branch: str | None = None, *,
         transfer: TransferProgress | None = None) -> SyncResult:
    """Fetch ``remote`` and merge its branch into the current branch, record by record.

    Args:
        root: the work tree.
        remote: the remote to follow (default :func:`default_remote`).
        branch: the remote branch (default: the current branch's name if the
            remote has it, else ``main``).
        transfer: called with each step of the fetch (:class:`store.git.network.Transfer`).

    Returns:
        A :class:`SyncResult`; on conflicts the merge is left in progress for
        the user to finish (``git add`` + ``git commit``) or abort.

    Raises:
        StoreError: no such remote, a detached HEAD, uncommitted changes, or git failed.
    """
    remote = remote or default_remote(root)
    if remote not in network.remotes(root):
        raise StoreError(f"dépôt distant inconnu « {printable(remote)} »")
    current = refs.current_branch(root)
    if not current:
        raise StoreError("HEAD détachée : placez-vous sur une branche avant de synchroniser")
    if merging.merge_head(root):  # a sync stopped on conflicts: finish it first, never stash it
        pending = pending_merge(root)
        raise StoreError(f"une fusion de « {printable(pending.source if pending else 'MERGE_HEAD')} » est déjà en "
                         "cours : résolvez ses conflits (traam, écran Synchronisation : « r ») ou annulez-la "
                         "(« a », ou git merge --abort)")
    if branches.is_dirty(root):
        raise StoreError("des modifications ne sont pas enregistrées : "
                         "faites un commit (ou git stash) avant de synchroniser")
    network.fetch(root, remote, prune=True, quiet=False, progress=transfer, check=True)
    source = f"{remote}/{branch or current}"
    if trees.rev(root, f"refs/remotes/{source}") is None:
        source = f"{remote}/main"
    if trees.rev(root, f"refs/remotes/{source}") is None:
        raise StoreError(f"le dépôt distant « {printable(remote)} » n'a pas de branche « {printable(source)} »")
    before = refs.head(root) or ""
    clean, stderr = merging.merge_with_driver(root, source, f"Synchroniser avec {source}",
                                              policy.driver_command(), policy.DRIVER_NAME)
    found: dict[str, tuple[str, ...]] = {}
    if not clean:
        stages = unmerged_stages(root)
        if not stages:
            raise StoreError("la fusion a échoué", stderr)
        found = {path: tuple(describe_conflict(root / path, present)) for path, present in sorted(stages.items())}
    return SyncResult(remote, source, before, refs.head(root) or "", MappingProxyType(found))


def unmerged_stages(root: Path) -> dict[str, set[str]]:
    """Return the conflicted paths and the stages the index holds for each (1 base, 2 ours, 3 theirs)."""
    return merging.unmerged_stages(root)


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


@dataclass(frozen=True)
class Following:
    """What a sync of the current branch follows, as known without any network call."""

    remote: str | None
    """The remote a sync fetches (``upstream``, else ``origin``), None when the repository has none."""
    source: str | None
    """The remote branch it merges (``upstream/main``), None before the first fetch of that remote."""
    branch: str | None
    """The current branch, None when HEAD is detached."""
    has_upstream: bool = False
    """True when the repository has an ``upstream`` remote (a fork following the commons)."""


def following(root: Path) -> Following:
    """Return the remote and branch a sync would follow (blocking git calls, no network)."""
    remotes = network.remotes(root)
    remote = "upstream" if "upstream" in remotes else "origin" if "origin" in remotes else None
    branch = refs.current_branch(root)
    source = None
    if remote is not None:
        for candidate in (f"{remote}/{branch}" if branch else "", f"{remote}/main"):
            if candidate and trees.rev(root, f"refs/remotes/{candidate}") is not None:
                source = candidate
                break
    return Following(remote, source, branch, "upstream" in remotes)


def pending_merge(root: Path) -> SyncResult | None:
    """Return the merge left in progress (by ``traam sync`` or by git), with its conflicts; None when there is none.

    The merged branch is named by the remote-tracking branch at ``MERGE_HEAD`` when there is one.
    """
    head = merging.merge_head(root)
    if head is None:
        return None
    names = merging.remote_refs_at(root, head)
    source = names[0] if names else head[:10]
    current = refs.head(root) or ""
    found = {path: tuple(describe_conflict(root / path, present))
             for path, present in sorted(unmerged_stages(root).items())}
    return SyncResult(source.split("/", 1)[0] if names else "", source, current, current, MappingProxyType(found))


def abort_merge(root: Path) -> None:
    """Abort a merge left in progress by a sync with conflicts (``git merge --abort``): the branch and the files
    return to their state before it.

    Raises:
        StoreError: no merge in progress, or git failed.
    """
    if merging.merge_head(root) is None:
        raise StoreError("aucune fusion en cours : rien à annuler")
    merging.abort_merge(root)
