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
from store.git import merging, policy
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
    if merging.merge_head(root):  # a sync stopped on conflicts: finish it first, never stash it
        pending = pending_merge(root)
        raise StoreError(f"une fusion de « {printable(pending.source if pending else 'MERGE_HEAD')} » est déjà en "
                         "cours : résolvez ses conflits (traam, écran Synchronisation : « r ») ou annulez-la "
                         "(« a », ou git merge --abort)")
    if text(root, "status", "--porcelain", "--untracked-files=no"):
        raise StoreError("des modifications ne sont pas enregistrées : "
                         "faites un commit (ou git stash) avant de synchroniser")
    run(root, "fetch", "--no-recurse-submodules", "--prune", remote)
    source = f"{remote}/{branch or current}"
    if trees.rev(root, f"refs/remotes/{source}") is None:
        source = f"{remote}/main"
    if trees.rev(root, f"refs/remotes/{source}") is None:
        raise StoreError(f"le dépôt distant « {printable(remote)} » n'a pas de branche « {printable(source)} »")
    before = text(root, "rev-parse", "HEAD")
    driver = ["-c", f"merge.traam.driver={policy.driver_command()}", "-c", f"merge.traam.name={policy.DRIVER_NAME}"]
    done = run(root, *driver, "merge", "--no-edit", "-m", f"Synchroniser avec {source}", source, check=False)
    result = SyncResult(remote, source, before, text(root, "rev-parse", "HEAD"))
    if done.returncode != 0:
        stages = unmerged_stages(root)
        if not stages:
            raise StoreError("la fusion a échoué", done.stderr.decode("utf-8", "replace"))
        for path, present in sorted(stages.items()):
            result.conflicts[path] = describe_conflict(root / path, present)
    return result


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
    from store.git import refs, review_git

    remotes = review_git.remotes(root)
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
    current = text(root, "rev-parse", "HEAD")
    result = SyncResult(source.split("/", 1)[0] if names else "", source, current, current)
    for path, present in sorted(unmerged_stages(root).items()):
        result.conflicts[path] = describe_conflict(root / path, present)
    return result


def abort_sync(root: Path) -> None:
    """Abort the merge a sync left in progress: the branch and the files return to their state before it.

    Raises:
        StoreError: no merge in progress, or git failed.
    """
    if merging.merge_head(root) is None:
        raise StoreError("aucune fusion en cours : rien à annuler")
    merging.abort_merge(root)
