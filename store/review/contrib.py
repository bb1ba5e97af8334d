"""Provides contributions: start a ``contrib/<academie>/<slug>`` branch, submit it (push, GitLab merge request).

A contribution is based on ``academie/<a>`` when that branch exists (locally
or on the remote), else on ``main``, and is proposed to ``academie/<a>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from records import layout, vocab
from records.text import is_slug, printable
from store.errors import StoreError
from store.git import branches, merging, network, refs, repo, trees
from store.review import notes

BRANCH = re.compile(r"contrib/(?P<academie>[a-z0-9-]+)/(?P<slug>[a-z0-9-]+)")


@dataclass(frozen=True)
class Submitted:
    """What :func:`submit` pushed."""

    branch: str
    remote: str
    target: str
    push_options: tuple[str, ...] = ()


def parse_branch(name: str) -> tuple[str, str] | None:
    """Return ``(academie, slug)`` of a contribution branch name (local or remote-tracking), else None."""
    name = re.sub(r"^(refs/heads/|refs/remotes/[^/]+/)", "", name)
    match = BRANCH.fullmatch(name)
    return (match["academie"], match["slug"]) if match and match["academie"] in vocab.ACADEMIES else None


def default_remote(root: Path | str) -> str | None:
    """Return the remote to use: ``traam.remote`` config, else ``origin`` when it exists, else the only remote."""
    configured = repo.config_value(root, "traam.remote")
    if configured:
        return configured
    remotes = network.remotes(root)
    if "origin" in remotes:
        return "origin"
    return remotes[0] if len(remotes) == 1 else None


def base_for(root: Path | str, academie: str) -> tuple[str, str]:
    """Return ``(ref, commit)`` a contribution of ``academie`` starts from (and is merged onto).

    ``academie/<a>``, unless ``main`` already holds all of it (after a national
    validation), in which case ``main`` is newer and is used.

    Raises:
        StoreError: neither ``academie/<a>`` nor ``main`` exists.
    """
    branch, main = trees.newest(root, f"academie/{academie}"), trees.newest(root, "main")
    if branch and not (main and trees.is_ancestor(root, branch[1], main[1])):
        return branch
    if main is None:
        raise StoreError("aucune branche de départ : ni academie/… ni main")
    return main


def start(root: Path | str, slug: str, academie: str | None = None) -> str:
    """Create and check out ``contrib/<academie>/<slug>``; return the branch name.

    Args:
        academie: the académie code; default: config ``traam.academie``.

    Raises:
        StoreError: unknown académie, invalid slug, or the branch exists.
    """
    if academie is None:
        academie = repo.config_value(root, "traam.academie") or None
    if academie is None:
        raise StoreError("précisez l'académie : --academie CODE (ou git config traam.academie CODE)")
    if academie not in vocab.ACADEMIES:
        raise StoreError(f"académie inconnue « {printable(academie)} »")
    if not is_slug(slug):
        raise StoreError(f"nom de contribution invalide « {printable(slug)} » "
                         "(minuscules sans accent, chiffres, tirets)")
    branch = f"contrib/{academie}/{slug}"
    if trees.rev(root, f"refs/heads/{branch}"):
        raise StoreError(f"la contribution « {branch} » existe déjà")
    branches.create_and_switch(root, branch, base_for(root, academie)[1])
    repo.set_local_config(root, "traam.academie", academie)
    return branch


def _option_text(value: str) -> str:
    # Push options may not hold a newline; keep them short and printable.
    return printable(" ".join(value.split()))[:500]


def url_host(url: str) -> str:
    """Return the host of a git URL (``https://h/…``, ``ssh://u@h:p/…``, ``u@h:path``), '' for local paths."""
    match = re.match(r"^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?([^/:]+)", url, re.IGNORECASE)
    if match:
        return "" if url.lower().startswith("file:") else match.group(1).lower()
    match = re.match(r"^(?:[^@/:]+@)?([^/:]+):(?!//)", url)
    return match.group(1).lower() if match else ""


def is_gitlab(root: Path | str, remote: str) -> bool:
    """Tell whether ``remote`` is a GitLab forge (config ``traam.forge=gitlab``, or ``gitlab`` in its host name)."""
    forge = repo.config_value(root, "traam.forge").lower()
    url = network.remote_url(root, remote)
    return forge == "gitlab" or "gitlab" in url_host(url)


def submit(root: Path | str, *, remote: str | None = None, merge_request: bool | None = None,
           title: str | None = None, description: str | None = None) -> Submitted:
    """Push the current contribution branch; on a GitLab remote, open a merge request by push options.

    Raises:
        StoreError: not on a contribution branch, no remote, or the push failed.
    """
    branch = refs.current_branch(root) or ""
    parsed = parse_branch(branch)
    if parsed is None:
        raise StoreError(f"« {printable(branch or 'HEAD détachée')} » n'est pas une contribution "
                         "(contrib/<académie>/<nom>)")
    academie, slug = parsed
    remote = remote or default_remote(root)
    if not remote:
        raise StoreError("aucun dépôt distant : ajoutez-en un (git remote add origin URL) ou utilisez --remote")
    target = f"academie/{academie}"
    options: list[str] = []
    if merge_request if merge_request is not None else is_gitlab(root, remote):
        base = base_for(root, academie)
        changed = [c.path for c in trees.changes(root, merging.merge_base(root, base[1], "HEAD"), "HEAD")]
        ids = [layout.id_of(p) for p in changed if layout.is_record_path(p)]
        title = title or f"Contribution {slug} ({vocab.label(vocab.ACADEMIES, academie)})"
        description = description or ("Enregistrements : " + ", ".join(ids[:30]) + (" …" if len(ids) > 30 else ""))
        options = ["merge_request.create", f"merge_request.target={target}",
                   f"merge_request.title={_option_text(title)}",
                   f"merge_request.description={_option_text(description)}"]
    network.push(root, remote, f"refs/heads/{branch}:refs/heads/{branch}", options=tuple(options),
                    set_upstream=True)
    notes.follow(root, remote)
    return Submitted(branch, remote, target, tuple(options))
