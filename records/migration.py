"""Provides the plan that moves a commons from one layout version to the next, as a pure function on texts.

Layout 1 kept teams under ``teams/<campaign>/<discipline>/<academie>.toml``;
layout 2 keeps them under their theme, ``teams/<campaign>/<theme>/<academie>.toml``
(see :data:`records.layout.LAYOUT_VERSION`). The plan says, record by record,
what moves where and which fields change; ``store.migrate`` applies it in one
commit. Planning a commons already at the current layout gives an empty plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from records import codec, layout
from records.diff import Change, diff
from records.models import Manifest, Team
from records.text import printable


@dataclass(frozen=True)
class Step:
    """One file of the migration: a record that moves, changes, or both."""

    old_path: str
    new_path: str
    old_text: str
    new_text: str
    changes: tuple[Change, ...] = ()
    """Field-level changes of the content (empty when the record only moves)."""

    @property
    def moves(self) -> bool:
        """Tell whether the record changes path."""
        return self.old_path != self.new_path


@dataclass
class Plan:
    """What ``traam migrate`` would do: the steps, or the problems that stop it."""

    source: int
    """Layout version the manifest declares now."""
    target: int = layout.LAYOUT_VERSION
    steps: list[Step] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """French reasons the migration cannot be made (nothing is written then)."""

    @property
    def empty(self) -> bool:
        """Tell whether there is nothing to do (the commons already follows the current layout)."""
        return not self.steps and not self.problems

    def writes(self) -> dict[str, str | None]:
        """Return path → new text, None for a path the migration empties."""
        out: dict[str, str | None] = {}
        for step in self.steps:
            if step.moves:
                out.setdefault(step.old_path, None)
            out[step.new_path] = step.new_text
        return out


def plan(texts: Mapping[str, str]) -> Plan:
    """Plan the migration of the commons whose files are ``texts`` (path → text) to the current layout.

    Only the manifest and the team records are read. A team that cannot be
    read, or whose theme would send two teams to one path, is a problem: the
    plan then holds problems and the commons is left as it is.
    """
    manifest_text = texts.get(layout.MANIFEST)
    manifest = _manifest(manifest_text)
    result = Plan(source=manifest.schema_version if manifest else 0)
    if manifest is None or manifest_text is None:
        result.problems.append("traam.toml est absent ou invalide : corrigez-le avant de migrer (traam validate)")
        return result
    if manifest.schema_version > layout.LAYOUT_VERSION:
        result.problems.append(f"ce commun suit l'organisation {manifest.schema_version}, plus récente que celle de "
                               f"cette version de traam ({layout.LAYOUT_VERSION}) : mettez traam à jour")
        return result
    targets: dict[str, str] = {}
    for path in sorted(texts):
        if not path.startswith("teams/") or not path.endswith(".toml"):
            continue
        step = _team_step(path, texts[path], result.problems)
        if step is None:
            continue
        if step.new_path in targets:
            result.problems.append(f"{path} et {targets[step.new_path]} iraient tous deux dans {step.new_path} : "
                                   "une académie a une seule équipe par thématique, réunissez-les d'abord")
            continue
        targets[step.new_path] = path
        if step.moves:
            result.steps.append(step)
    for step in result.steps:
        if step.new_path in texts and step.new_path not in {s.old_path for s in result.steps}:
            result.problems.append(f"{step.old_path} irait dans {step.new_path}, qui existe déjà")
    if manifest.schema_version < layout.LAYOUT_VERSION:
        new = manifest.model_copy(update={"schema_version": layout.LAYOUT_VERSION})
        new_text = codec.dump(new)
        changes = tuple(diff(codec.to_table(manifest), codec.to_table(new)))
        result.steps.insert(0, Step(layout.MANIFEST, layout.MANIFEST, manifest_text, new_text, changes))
    if result.problems:
        result.steps.clear()
    return result


def _manifest(text: str | None) -> Manifest | None:
    if text is None:
        return None
    loaded = codec.load(layout.MANIFEST, text)
    return loaded.record if isinstance(loaded.record, Manifest) else None


def _team_step(path: str, text: str, problems: list[str]) -> Step | None:
    """Return the step of the team at ``path`` (whether it moves or not), or None after adding a problem."""
    loaded = codec.load(path, text)
    team = loaded.record
    if not isinstance(team, Team):
        first = next((str(p) for p in loaded.problems if p.severity == "error"), path)
        problems.append(f"équipe illisible, corrigez-la avant de migrer : {first}")
        return None
    new_path = layout.path_of(layout.team_id(team.campaign, team.theme, team.academie))
    try:
        location = layout.locate(new_path)
    except layout.LayoutError as error:
        problems.append(f"{path} : la thématique « {printable(team.theme)} » ne peut pas nommer un dossier ({error})")
        return None
    if location.discipline not in (team.discipline, "interdisciplinaire"):
        problems.append(f"{path} : la thématique « {printable(team.theme)} » n'est pas de la discipline de l'équipe "
                        f"({team.discipline}) : corrigez le champ « theme » avant de migrer")
        return None
    return Step(path, new_path, text, text)
