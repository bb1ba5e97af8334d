"""Provides ReviewDetail, the pane that shows one contribution to review: who, when, field diffs, conflicts, rules.

Everything in it comes from git or records (branch names, author names,
field values, rule messages): it is sanitised and never markup.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from records import vocab
from store.review.authority import needs_national_message
from tui import strings
from tui.safe import content

HEADING = "bold $accent"
MUTED = "$text-muted"


def french_date(iso: str) -> str:
    """Return ``dd/mm/yyyy`` of an ISO 8601 date (the text itself when it is not one)."""
    day = iso[:10]
    parts = day.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if len(parts) == 3 and all(p.isdigit() for p in parts) else iso


def candidate_summary(item) -> Content:
    """Return the two lines of a queue entry: the branch, then who proposed it and when."""
    summary = Content.assemble(
        content(item.name, "bold"), "\n  ",
        content(f"{item.author} · {french_date(item.proposed)}", MUTED),
    )
    if needs_national_message(item):
        summary = Content.assemble(summary, "\n  ", (strings.REVIEW_NATIONAL_MARK, "bold $text-error"))
    return summary



def shown_value(key: str, value) -> str:
    """Return a field value as one line: French labels of codes, a table's fields named (sanitised)."""
    from records.diff_text import value_of

    return strings.REVIEW_ABSENT if value is None else value_of(key, value)


def field_name(key: str) -> str:
    """Return the French label of a conflicting field (``*``: the whole file)."""
    return strings.CONFLICT_WHOLE_FILE if key == "*" else strings.field_label(key)


MARK_STYLES = {"+": "$text-success", "-": "$text-error", "~": "$text-warning"}


def line_content(line) -> Content:
    """Return one line of :func:`records.diff_text.lines`: mark, French label, old → new (sanitised text)."""
    style = MARK_STYLES[line.mark]
    if line.depth:
        return Content.assemble("      ", (f"{line.label} : ", style), content(line.new or line.old))
    if line.mark == "~":
        return Content.assemble(f"  {line.mark} ", (f"{line.label} : ", f"bold {style}"),
                                content(line.old, "$text-error"), " → ", content(line.new, "$text-success"))
    value = line.new or line.old
    return Content.assemble(f"  {line.mark} ", (f"{line.label}" + (" : " if value else ""), f"bold {style}"),
                            content(value, style))


def change_lines(changes) -> list[Content]:
    """Return the changes of one record, lists of tables item by item and field by field."""
    from records.diff_text import lines

    return [line_content(line) for line in lines(changes)]


def _changes(plan) -> list[Content]:
    lines = []
    for record_id, changes in sorted(plan.changes.items()):
        lines.append(content(record_id, "bold"))
        lines.extend(change_lines(changes))
    return lines


def render_candidate(item, preview=None) -> Content:
    """Return the detail of a queue entry (``preview``: the all-contribution merge when it has conflicts)."""
    plan = item.plan
    lines = [
        Content.assemble(content(item.name, "bold $text-primary"), "  →  ", content(item.target, "bold")),
        Content.assemble((f"{strings.REVIEW_PROPOSED_BY} : ", HEADING), content(f"{item.author} <{item.email}>"),
                         f" {strings.REVIEW_ON} ", content(french_date(item.proposed))),
        Content.assemble((f"{strings.REVIEW_UPDATED} : ", HEADING), content(french_date(item.updated))),
        Content.assemble((f"{strings.field_label('academie')} : ", HEADING),
                         content(vocab.label(vocab.ACADEMIES, item.academie))),
        Content(""),
    ]
    if plan is None:
        return Content("\n").join(lines)
    national = needs_national_message(item)
    if national:  # said before the diff and the rules, so that « aucun problème » never reads as « validable »
        lines += [Content.styled(strings.REVIEW_NEEDS_NATIONAL, "bold $error"),
                  Content.assemble("  ", content(national)), Content("")]
    if plan.refused:
        lines.append(Content.styled(strings.REVIEW_REFUSED_PATHS, "bold $error"))
        lines.extend(Content.assemble("  ", content(reason)) for reason in plan.refused)
        lines.append(Content(""))
    if plan.conflicts:
        lines.append(Content.styled(strings.REVIEW_CONFLICTS, "bold $warning"))
        for conflict in plan.conflicts:
            lines.append(Content.assemble("  ", content(conflict.record_id, "bold"), " › ",
                                          content(field_name(conflict.key), "bold")))
            lines.append(Content.assemble(f"    {strings.REVIEW_OURS} : ",
                                          content(shown_value(conflict.key, conflict.ours))))
            lines.append(Content.assemble(f"    {strings.REVIEW_THEIRS} : ",
                                          content(shown_value(conflict.key, conflict.theirs))))
        lines.append(Content(""))
    shown = preview if plan.conflicts and preview is not None else plan
    heading = strings.REVIEW_CHANGES + (f" {strings.REVIEW_PREVIEW}" if shown is not plan else "")
    lines.append(Content.styled(heading, HEADING))
    lines.extend(_changes(shown) or [Content.styled(strings.REVIEW_NO_CHANGES, MUTED)])
    if shown.tree is not None:
        lines.append(Content(""))
        lines.append(Content.styled(strings.REVIEW_RULES, HEADING))
        if shown.problems:
            lines.extend(Content.assemble("  ", content(str(p), "$text-error")) for p in shown.problems)
        else:
            lines.append(Content.styled(f"  {strings.REVIEW_RULES_OK}", "$text-success"))
    return Content("\n").join(lines)


class ReviewDetail(VerticalScroll, can_focus=True):
    """Scrollable detail of the highlighted contribution."""

    DEFAULT_CSS = """
    ReviewDetail { padding: 0 1; background: $surface; }
    ReviewDetail > Static { width: 100%; }
    """

    def compose(self):
        yield Static(Content.styled(strings.REVIEW_CHOOSE, MUTED), id="review-body")

    def show(self, item, preview=None) -> None:
        """Render ``item`` (None clears the pane)."""
        body = self.query_one("#review-body", Static)
        body.update(render_candidate(item, preview) if item is not None
                    else Content.styled(strings.REVIEW_CHOOSE, MUTED))
        self.scroll_home(animate=False)
