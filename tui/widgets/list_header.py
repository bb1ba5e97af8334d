"""Provides ListHeader, the column titles above a :class:`~tui.widgets.record_list.RecordList`."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from tui import strings


class ListHeader(Widget):
    """One line naming the list's columns, cut the way the list below cuts its rows at the same width."""

    DEFAULT_CSS = """
    ListHeader { height: 1; background: $surface; color: $text-muted; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)

    def render(self) -> Content:
        from tui.widgets.record_list import RecordList

        # The list's rows are as wide as its content region: the vertical scrollbar takes the rest.
        width = max(0, self.size.width - self.styles.scrollbar_size_vertical)
        kind_w, academie_w, state_w = RecordList.columns(width)
        title_w = max(1, width - kind_w - academie_w - state_w)
        cells = [(strings.COLUMN_TITLE, title_w), (strings.COLUMN_KIND, kind_w),
                 (strings.COLUMN_ACADEMIE, academie_w), (strings.COLUMN_STATE, state_w)]
        return Content("".join(_pad(text, w) for text, w in cells if w))


def _pad(text: str, width: int) -> str:
    return text[:width] + " " * max(0, width - cell_len(text))
