"""Provides the checks the hooks share: file problems of changed paths and the rules they touch.

A tree (the index, a pushed commit) is described as ``{path: (mode, blob)}``.
Only changed paths are parsed, plus what the cross-record rules need: the
records that are not scenarios (campaigns, themes, teams, governance — a few
thousand at most) and the scenarios that depend on a changed team, theme or
campaign. That keeps a commit on a 100,000-record commons fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from records import codec, layout, rules
from records.codec import Loaded
from records.problems import Problem
from store.git.plumbing import SUBMODULE, SYMLINK, blob_sizes
from store.git.trees import read_blobs

Tree = dict[str, tuple[str, str]]


def gitattributes_problems(path: str, text: str) -> list[Problem]:
    """Refuse ``.gitattributes`` lines that name a filter, a diff driver or a merge driver other than traam."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        for word in words[1:]:
            name, _, value = word.partition("=")
            name = name.lstrip("-!")
            if name in ("filter", "diff", "textconv", "ident", "working-tree-encoding") or (
                name == "merge" and value not in ("", "traam", "text", "binary", "union")
            ):
                message = f"attribut « {word[:60]} » refusé dans un commun"
                problems.append(Problem(path, number, 1, message, rule="attributes"))
    return problems


def load_blobs(root: Path | str, paths: dict[str, str], **kw) -> dict[str, Loaded]:
    """Load the records at ``{path: blob}``: size first (never read a huge blob), then parse and validate."""
    sizes = blob_sizes(root, list(set(paths.values())), **kw)
    small = [blob for blob in set(paths.values()) if sizes.get(blob, 0) <= codec.MAX_BYTES]
    contents = read_blobs(root, small)
    out = {}
    for path, blob in paths.items():
        if blob in contents:
            out[path] = codec.load(path, contents[blob])
        else:
            size = sizes.get(blob, 0)
            message = (f"enregistrement invalide : fichier trop gros ({size // 1024} Kio, "
                       f"{codec.MAX_BYTES // 1024} Kio au plus)")
            out[path] = Loaded(path, problems=[Problem(path, 1, 1, message, rule="size")])
    return out


def file_problems(
    root: Path | str, changed: Tree, everything: Iterable[str], **kw
) -> tuple[list[Problem], dict[str, Loaded]]:
    """Check the changed paths of a tree one by one.

    Args:
        root: the repository.
        changed: ``{path: (mode, blob)}`` of the added or modified paths.
        everything: every path of the tree (for case and Unicode twins).
        kw: passed to git (``env``, ``keep_git_env``).

    Returns:
        The problems (symlinks, submodules, paths outside the layout, twins,
        size, syntax, schema, path ⇄ content) and the loaded records by path.
    """
    problems: list[Problem] = []
    records: dict[str, str] = {}
    for path, (mode, blob) in sorted(changed.items()):
        if mode == SYMLINK:
            message = "lien symbolique refusé : un commun ne contient que des fichiers ordinaires"
            problems.append(Problem(path, 0, 0, message, rule="symlink"))
            continue
        if mode == SUBMODULE:
            problems.append(Problem(path, 0, 0, "sous-module refusé dans un commun", rule="submodule"))
            continue
        if path in layout.OTHER_FILES:
            if path == ".gitattributes":
                text = read_blobs(root, [blob]).get(blob, b"").decode("utf-8", "replace")
                problems.extend(gitattributes_problems(path, text))
            continue
        try:
            layout.locate(path)
        except layout.LayoutError as error:
            problems.append(Problem(path, 0, 0, str(error), rule="layout"))
            continue
        records[path] = blob
    changed_set = set(changed)
    for first, second in layout.twins(list(everything)):
        if first in changed_set or second in changed_set:
            message = f"« {second} » et « {first} » ne diffèrent que par la casse ou les accents"
            problems.append(Problem(second, 0, 0, message, rule="twins"))
    loaded = load_blobs(root, records, **kw)
    for result in loaded.values():
        problems.extend(result.problems)
    return problems, loaded


RULE_ROOTS = (layout.MANIFEST, "campaigns/", "themes/", "teams/", "syntheses/", "governance/")
"""Where the records that rules look up live (everything but scenarios)."""


def rule_scope(touched: Iterable[str]) -> list[str]:
    """Return the path prefixes the rules need for ``touched``: every non-scenario record, and the
    scenarios of a touched team (its académie folder) or theme or campaign (the campaign folder)."""
    prefixes = set()
    for path in touched:
        try:
            where = layout.locate(path)
        except layout.LayoutError:
            continue
        if where.kind == "team":
            prefixes.add(f"scenarios/{where.campaign}/{where.discipline}/{where.academie}/")
        elif where.kind in ("theme", "campaign"):
            prefixes.add(f"scenarios/{where.campaign}/")
    return [*RULE_ROOTS, *sorted(prefixes)]


def rule_problems(root: Path | str, tree: Tree, touched: set[str], loaded: dict[str, Loaded], **kw) -> list[Problem]:
    """Check the cross-record rules for the touched paths (changed or deleted) against the rest of the tree.

    Args:
        tree: ``{path: (mode, blob)}`` of the tree after the change, at least
            under :func:`rule_scope` of ``touched`` (more is fine).
        touched: paths added, modified or deleted.
        loaded: records already loaded by :func:`file_problems` (not parsed twice).

    Returns:
        Rule problems reported on the touched records and on the scenarios
        that depend on them.
    """
    scope = tuple(rule_scope(touched))
    needed = {
        path: blob
        for path, (mode, blob) in tree.items()
        if path not in loaded and mode != SYMLINK and path.startswith(scope) and layout.is_allowed_path(path)
        and path.endswith(".toml")
    }
    everything = {**load_blobs(root, needed, **kw), **loaded}
    models = {r.location.id: r.record for r in everything.values() if r.record is not None and r.location is not None}
    reported = touched | {p for p in needed if p.startswith("scenarios/")}
    only = {layout.locate(p).id for p in reported if p.endswith(".toml") and layout.is_allowed_path(p)}

    def text_of(record_id: str) -> str | None:
        # Positions are found in the canonical dump, which is the file itself for canonical files.
        return codec.dump(models[record_id]) if record_id in models else None

    return rules.check(models, text_of=text_of, only=only)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Return the problems that refuse a change (errors, not warnings)."""
    return [p for p in problems if p.severity == "error"]
