"""Provides build: create the living demo commons (history, signed validations, notes, server, keys, roles).

The demo is a real commons: its reviewers' ed25519 keys are made now, kept
in the demo's key folder (outside the repository, 0700, keys 0600), and
sign every validation merge and review note exactly as ``traam review``
would, so ``traam verify`` accepts the history from the root recorded for
this user. Contributions in flight are pushed to a local bare « server » so
that they read « proposé ». Every git call goes through :mod:`store.git`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from records import codec, layout
from records.models import Governance, Manifest, Model, Reviewer
from store import forge, safefs
from store.demo.plan import NATIONAL, Contribution, Plan, academic, plan
from store.demo.roles import define, teacher_of
from store.errors import StoreError
from store.git import demo_history, notes_ref, repo, signatures
from store.init import GITATTRIBUTES, README
from store.review import governance, notes, trust

FRAMING_AUTHOR = ("Direction du numérique pour l'éducation (exemple)", "dne@example.org")
DEMO_IDENTITY = ("traam (démonstration)", "demo@example.org")
ROLES_FILE = "roles.json"


@dataclass
class Built:
    """What :func:`build` made."""

    root: Path
    roles: dict[str, dict[str, str]]
    """``{role: {name, email, academie, key}}`` (see :mod:`store.demo.roles`)."""
    states: dict[str, str] = field(default_factory=dict)
    """``{branch: state}`` of the latest campaign's contributions."""


@dataclass
class _Step:
    files: dict[str, bytes]
    parents: list[str]
    message: str
    author: tuple[str, str]
    when: dt.datetime
    key: Path | None = None


def _keys(folder: Path, academies: list[str], start: dt.date) -> tuple[dict[str, Path], Governance]:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    keys: dict[str, Path] = {}
    reviewers = []
    for code in ["", *academies]:
        name, principal = academic(code) if code else NATIONAL
        path = folder / (f"academique-{code}" if code else "nationale")
        signatures.create_key(path, comment=principal, passphrase="")
        keys[code] = path
        reviewers.append(Reviewer(name=name, principal=principal, role="academique" if code else "national",
                                  academies=[code] if code else [], valid_from=start,
                                  public_key=governance.key_body(signatures.public_key(path))))
    return keys, Governance(reviewers=reviewers)


def _trailers(validation: str, academie: str, ids: list[str]) -> str:
    where = [layout.locate(layout.path_of(i)) for i in ids]
    disciplines = sorted({w.discipline for w in where if w.discipline}) or ["-"]
    campaigns = sorted({w.campaign for w in where if w.campaign}) or ["-"]
    body = "\n".join(f"- {i}" for i in ids)
    return (f"{body}\n\nValidation: {validation}\nAcadémie: {academie or '-'}\n"
            f"Discipline: {', '.join(disciplines)}\nCampagne: {', '.join(campaigns)}\n")


class _History:
    """The steps of the demo's history, named, oldest first (files are whole trees)."""

    def __init__(self, base: dict[str, bytes], governance_keys: dict[str, Path], start: dt.datetime):
        self.steps: dict[str, _Step] = {}
        self.keys = governance_keys
        self.main = self.add("genesis", _Step(dict(base), [], "Créer le commun de démonstration", NATIONAL, start,
                                              governance_keys[""]))
        self.academies: dict[str, tuple[str, bool]] = {}
        """``{académie: (tip step, merged into main)}``."""

    def add(self, name: str, step: _Step) -> str:
        self.steps[name] = step
        return name

    def files(self, name: str) -> dict[str, bytes]:
        return self.steps[name].files

    def national(self, name: str, side: str, subject: str, academie: str, ids: list[str],
                 when: dt.datetime) -> str:
        files = {**self.files(self.main), **{p: d for p, d in self.files(side).items()}}
        message = f"Validation nationale : {subject}\n\n{_trailers('nationale', academie, ids)}"
        self.main = self.add(name, _Step(files, [self.main, side], message, NATIONAL, when, self.keys[""]))
        return self.main

    def base(self, academie: str) -> str:
        tip = self.academies.get(academie)
        return tip[0] if tip and not tip[1] else self.main

    def academic(self, name: str, item: Contribution, side: str, when: dt.datetime) -> str:
        parent = self.base(item.academie)
        files = {**self.files(parent), **self.files(side)}
        message = f"Validation académique : {item.branch}\n\n{_trailers('académique', item.academie, item.ids)}"
        self.add(name, _Step(files, [parent, side], message, academic(item.academie), when,
                             self.keys[item.academie]))
        self.academies[item.academie] = (name, False)
        return name


def _history(found: Plan, dumped: dict[str, bytes], base: dict[str, bytes], keys: dict[str, Path]) -> tuple[
        _History, dict[str, str]]:
    history = _History(base, keys, found.start)
    latest = found.contributions[-1].campaign if found.contributions else ""
    branches: dict[str, str] = {}
    by_campaign: dict[str, list[Contribution]] = {}
    for item in found.contributions:
        by_campaign.setdefault(item.campaign, []).append(item)
    for campaign, ids, when in found.framing:
        if ids:
            files = {**history.files(history.main), **{layout.path_of(i): dumped[i] for i in ids}}
            side = history.add(f"cadrage {campaign}", _Step(files, [history.main],
                                                           f"Cadrage de la campagne {campaign} : appel à projets "
                                                           "et thématiques", FRAMING_AUTHOR, when))
            history.national(f"cadrage {campaign} validé", side, f"cadrage de la campagne {campaign}", "", ids,
                             when + dt.timedelta(days=2))
        for item in by_campaign.get(campaign, []):
            parent = history.base(item.academie)
            files = {**history.files(parent), **{layout.path_of(i): dumped[i] for i in item.ids}}
            verb = "Proposer" if len(item.ids) == 1 else "Déposer"
            tip = history.add(item.branch + f" {campaign}", _Step(files, [parent], f"{verb} « {item.title} »",
                                                                   item.author, item.when))
            branches[item.branch] = tip
            later = item.when + dt.timedelta(hours=1)
            if item.state == "national" and campaign != latest:
                history.national(f"{item.branch} validée", tip, item.branch, item.academie, item.ids, later)
            elif item.state in ("academique", "national"):
                merged = history.academic(f"{item.branch} académique", item, tip, later)
                if item.state == "national":
                    history.national(f"{item.branch} nationale", merged, f"academie/{item.academie}",
                                     item.academie, item.ids, later + dt.timedelta(minutes=30))
                    history.academies[item.academie] = (merged, True)
    return history, branches


def build(target: Path, records: dict[str, Model], manifest: Manifest, *, keys_folder: Path,
          server: Path | None, now: dt.datetime | None = None) -> Built:
    """Create the living demo commons at ``target`` (an empty or new folder).

    Args:
        records: the demo records by id (the governance among them is replaced by the demo's reviewers).
        keys_folder: where the reviewers' private keys are made (outside any repository).
        server: a bare repository to create as ``origin`` (None: no remote, nothing « proposé »).

    Raises:
        StoreError: the folder holds something, ssh-keygen or git failed.
    """
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    found = plan(records, now)
    latest = [c for c in found.contributions if c.campaign == found.contributions[-1].campaign] \
        if found.contributions else []
    academies = sorted({c.academie for c in latest})
    keys, rules = _keys(keys_folder, academies, found.start.date())
    records = {**records, layout.id_of(layout.GOVERNANCE): rules}
    dumped = {record_id: codec.dump(record).encode("utf-8") for record_id, record in records.items()}
    base = {layout.MANIFEST: codec.dump(manifest).encode("utf-8"), ".gitattributes": GITATTRIBUTES.encode(),
            "README.md": README.encode(), forge.GITLAB_CI_PATH: forge.gitlab_ci().encode()}
    base.update({layout.path_of(i): dumped[i] for i in found.genesis if i in dumped})
    base[layout.GOVERNANCE] = dumped[layout.id_of(layout.GOVERNANCE)]
    history, branches = _history(found, dumped, base, keys)
    if target.exists() and any(target.iterdir()):
        raise StoreError(f"« {target} » n'est pas vide : rien n'a été créé")
    target.mkdir(parents=True, exist_ok=True)
    root = target.resolve()
    demo_history.init_repo(root)
    for key, value in (("user.name", DEMO_IDENTITY[0]), ("user.email", DEMO_IDENTITY[1])):
        repo.set_local_config(root, key, value)  # the notes' commits; a role replaces it
    names = list(history.steps)
    tree_ids = dict(zip(names, demo_history.trees(root, [history.steps[n].files for n in names])))
    commits: dict[str, str] = {}
    for name in names:
        step = history.steps[name]
        commits[name] = demo_history.commit(root, tree_ids[name], [commits[p] for p in step.parents],
                                             step.message, author=step.author, when=int(step.when.timestamp()),
                                             key=step.key)
    refs = {"refs/heads/main": commits[history.main]}
    refs.update({f"refs/heads/academie/{a}": commits[tip] for a, (tip, _) in history.academies.items()})
    refs.update({f"refs/heads/{c.branch}": commits[branches[c.branch]] for c in latest})
    teacher = teacher_of(latest)
    demo_history.set_refs(root, refs, "traam : création du commun de démonstration")
    demo_history.check_out(root, "main")
    trust.record_first_contact(root)
    if server is not None:
        _publish(root, server, latest, refs)
        # Others' contributions are on the server only; the teacher keeps their own branches and drafts.
        demo_history.delete_refs(root, [f"refs/heads/{c.branch}" for c in latest
                                         if c.state != "brouillon" and c.author != teacher])
    _decide(root, latest, commits, branches, keys, server is not None, now)
    roles = define(keys, latest)
    safefs.write_atomic(keys_folder / ROLES_FILE, json.dumps(roles, ensure_ascii=False, indent=1) + "\n",
                        private=True)
    return Built(root, roles, {c.branch: c.state for c in latest})


def _publish(root: Path, server: Path, latest: list[Contribution], refs: dict[str, str]) -> None:
    demo_history.init_bare(server)
    demo_history.add_remote(root, "origin", str(server))
    notes.follow(root, "origin")
    drafts = {f"refs/heads/{c.branch}" for c in latest if c.state == "brouillon"}
    demo_history.push_all(root, "origin", [f"{ref}:{ref}" for ref in refs if ref not in drafts])


_MESSAGES = {
    "modifications": ("Merci pour cette proposition ; quelques précisions avant validation.",
                      "Précisez la durée de chaque étape et la licence des ressources utilisées."),
    "refus": ("Cette contribution ne peut pas être validée en l'état : elle relève d'une autre campagne.",
              "Le projet ne correspond pas à la thématique retenue pour votre académie."),
}


def _decide(root: Path, latest: list[Contribution], commits: dict[str, str], branches: dict[str, str],
            keys: dict[str, Path], pushed: bool, now: dt.datetime) -> None:
    """Sign the academic reviewer's decisions (changes requested, refused) as review notes, as ``traam review``
    does; the reviewer is in the governance just written, so the usual check against ``main`` is skipped."""
    for item in latest:
        decision = {"modifications": "modifications", "refuse": "refus"}.get(item.state)
        if decision is None:
            continue
        message, comment = _MESSAGES[decision]
        name, principal = academic(item.academie)
        commit = commits[branches[item.branch]]
        review = notes.Review((item.when + dt.timedelta(hours=2)).isoformat(timespec="seconds"), decision,
                              f"{name} <{principal}>", message, {i: comment for i in item.ids}, principal,
                              item.branch, commit)
        notes_ref.append(root, commit, notes.signed_line(review, keys[item.academie]))
    if pushed:
        notes.sync(root, "origin")
