"""Provides CommonsTree: campaign → discipline → académie → scenarios, children added when a node opens.

Tree labels are Rich ``Text`` (a ``str`` label would be parsed as markup), always built from sanitised text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from records import vocab
from records.entry import Entry
from records.text import fold
from tui import strings
from tui.safe import rich_text as content


@dataclass(frozen=True, slots=True)
class Scope:
    """What a tree node stands for: a filter on the record list (empty parts match everything)."""

    campaign: str = ""
    discipline: str = ""
    academie: str = ""
    record_id: str = ""

    def matches(self, entry: Entry) -> bool:
        """Tell whether ``entry`` falls within this scope."""
        if self.record_id:
            return entry.id == self.record_id
        if self.campaign and entry.campaign != self.campaign:
            return False
        if self.discipline:
            first = entry.id.split("/")[2] if entry.kind == "scenario" else (entry.disciplines or ("",))[0]
            if first != self.discipline:
                return False
        return not (self.academie and entry.academie != self.academie)


class CommonsTree(Tree[Scope]):
    """The hierarchy of the commons; selecting a node posts :class:`CommonsTree.ScopeChosen`."""

    class ScopeChosen(Message):
        """A node was highlighted: list the records within ``scope``."""

        def __init__(self, scope: Scope) -> None:
            super().__init__()
            self.scope = scope

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, CommonsTree.ScopeChosen)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(strings.TREE_ROOT), Scope(), id=id)
        self.index: dict = {}
        self.titles: dict[str, str] = {}
        self.show_root = True

    def fill(self, index: dict, titles: dict[str, str]) -> None:
        """Show the campaigns of ``index`` (campaign → discipline → académie → entries)."""
        self.index, self.titles = index, titles
        self.clear()
        self.root.set_label(Text(strings.ALL_RECORDS))
        for campaign in sorted(index, reverse=True):
            label = Text.assemble(content(campaign, "bold"), " ", content(titles.get(f"campaigns/{campaign}", "")))
            node = self.root.add(label, Scope(campaign=campaign))
            node.allow_expand = bool(index[campaign])
        self.root.expand()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Scope]) -> None:
        node: TreeNode[Scope] = event.node
        scope = node.data
        if scope is None or node.children or node is self.root:
            return
        if scope.academie:
            for entry in sorted(self.index[scope.campaign][scope.discipline][scope.academie], key=lambda e: e.id):
                node.add_leaf(content(entry.title), Scope(record_id=entry.id))
        elif scope.discipline:
            academies = self.index[scope.campaign][scope.discipline]
            # An académie node stands for its teams (one per theme): show their projects next to it.
            teams: dict[str, list[str]] = {}
            for e in sorted(academies.get("", []), key=lambda e: e.id):
                if e.kind == "team":
                    teams.setdefault(e.academie, []).append(e.title)
            for academie in sorted((a for a in academies if a), key=lambda a: fold(vocab.label(vocab.ACADEMIES, a))):
                projects = " / ".join(teams.get(academie, []))
                label = Text.assemble(content(vocab.label(vocab.ACADEMIES, academie), "bold"),
                                      (" — ", "dim") if projects else "", content(projects) if projects else "",
                                      (f" ({len(academies[academie])})", "dim"))
                node.add(label, Scope(scope.campaign, scope.discipline, academie))
            for entry in sorted(academies.get("", []), key=lambda e: (e.kind, e.id)):
                kind = vocab.label(vocab.KINDS, entry.kind)
                node.add_leaf(Text.assemble((f"{kind} : ", "dim"), content(entry.title)),
                              Scope(record_id=entry.id))
        elif scope.campaign:
            for discipline in sorted(self.index[scope.campaign], key=lambda d: fold(vocab.label(vocab.DISCIPLINES, d))):
                node.add(content(vocab.label(vocab.DISCIPLINES, discipline)), Scope(scope.campaign, discipline))

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Scope]) -> None:
        if event.node.data is not None:
            self.post_message(self.ScopeChosen(event.node.data))
