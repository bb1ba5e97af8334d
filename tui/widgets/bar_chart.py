"""Provides BarChart, a horizontal bar chart of counts with French labels, drawn with block characters."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui import strings
from tui.safe import plain

_EIGHTHS = " ▏▎▍▌▋▊▉█"


def bar(value: int, largest: int, width: int) -> str:
    """Return a bar of ``value`` scaled so that ``largest`` fills ``width`` cells (eighths of a cell)."""
    if largest <= 0 or width <= 0:
        return ""
    eighths = round(value * width * 8 / largest)
    if value and not eighths:
        eighths = 1
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


class BarChart(Widget):
    """A titled list of ``label ███ count`` rows, largest first; long lists keep the top rows."""

    DEFAULT_CSS = """
    BarChart { height: auto; padding: 0 1; }
    BarChart .bar { color: $primary; }
    """

    data: reactive[tuple[tuple[str, int], ...]] = reactive((), layout=True)

    def __init__(self, title: str, *, limit: int = 12, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.title = title
        self.limit = limit

    def set_counts(self, counts: dict[str, int], labels: dict[str, str] | None = None) -> None:
        """Show ``counts`` (code → number), labelled with ``labels`` (code → French label)."""
        labels = labels or {}
        ordered = sorted(counts.items(), key=lambda item: (-item[1], labels.get(item[0], item[0])))
        self.data = tuple((labels.get(code, code), number) for code, number in ordered)

    def render(self) -> RenderResult:
        rows = list(self.data)
        lines = [Content.styled(self.title, "bold $accent")]
        if not rows:
            lines.append(Content.styled(strings.NO_DATA, "$text-muted"))
            return Content("\n").join(lines)
        shown, hidden = rows[: self.limit], rows[self.limit:]
        width = max(10, self.size.width - 2) if self.size.width else 60
        label_w = min(max(len(plain(label)) for label, _ in shown), max(8, width // 3))
        number_w = len(str(max(n for _, n in shown)))
        bar_w = max(1, width - label_w - number_w - 3)
        largest = max(n for _, n in shown)
        for label, number in shown:
            text = plain(label)
            text = text if len(text) <= label_w else text[: label_w - 1] + "…"
            lines.append(
                Content.assemble(
                    text.ljust(label_w), " ", (str(number).rjust(number_w), "bold"), " ",
                    (bar(number, largest, bar_w), "$primary"),
                )
            )
        if hidden:
            lines.append(Content.styled(f"… +{len(hidden)} ({sum(n for _, n in hidden)})", "$text-muted"))
        return Content("\n").join(lines)
