"""Provides RecordList, a virtual list of records that paints only the visible rows (smooth at 100,000).

A DataTable holding every row takes seconds to paint at 100k records; this
widget keeps a plain Python list and renders one line per visible row with
the Line API, so its cost depends on the height of the terminal only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from records import vocab
from records.entry import Entry
from tui import strings
from tui.safe import plain


@dataclass(frozen=True, slots=True)
class Row:
    """One row: the entry, its state and the character spans of the title to highlight."""

    entry: Entry
    state: str | None = None
    spans: tuple[tuple[int, int], ...] = ()


class EntryRows(Sequence[Row]):
    """Rows made on demand from entries: listing 100,000 records builds no 100,000 objects."""

    def __init__(self, entries: Sequence[Entry], state_of: Callable[[str], str | None]) -> None:
        self.entries = entries
        self.state_of = state_of

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self.entries[index]
        return Row(entry, self.state_of(entry.id))


def _fit(text: str, width: int) -> str:
    """Crop ``text`` to ``width`` cells (with an ellipsis) and pad it with spaces."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        while text and cell_len(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - cell_len(text))


class RecordList(ScrollView, can_focus=True):
    """A keyboard and mouse list of records; Enter (or a click) posts :class:`RecordList.Selected`."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Haut", show=False, id="list.up"),
        Binding("down,j", "cursor(1)", "Bas", show=False, id="list.down"),
        Binding("pageup", "page(-1)", strings.KEY_PREV_PAGE, show=False, id="list.page_up"),
        Binding("pagedown", "page(1)", strings.KEY_NEXT_PAGE, show=False, id="list.page_down"),
        Binding("home", "jump(0)", "Début", show=False, id="list.first"),
        Binding("end", "jump(-1)", "Fin", show=False, id="list.last"),
        Binding("enter", "select", strings.KEY_OPEN, id="list.open"),
    ]
    COMPONENT_CLASSES = {"record-list--cursor", "record-list--match", "record-list--dim", "record-list--error"}
    DEFAULT_CSS = """
    RecordList { height: 1fr; background: $surface; }
    RecordList > .record-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    RecordList:blur > .record-list--cursor { background: $block-cursor-blurred-background; }
    RecordList > .record-list--match { text-style: bold underline; color: $text-accent; }
    RecordList > .record-list--dim { text-style: dim; }
    RecordList > .record-list--error { color: $text-error; }
    """

    cursor = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor moved onto a record."""

        def __init__(self, record_list: RecordList, entry: Entry) -> None:
            super().__init__()
            self.record_list = record_list
            self.entry = entry

        def can_replace(self, message: Message) -> bool:
            # Holding a key down floods highlights; only the last one matters.
            return isinstance(message, RecordList.Highlighted)

    class Selected(Message):
        """A record was chosen (Enter or click)."""

        def __init__(self, record_list: RecordList, entry: Entry) -> None:
            super().__init__()
            self.record_list = record_list
            self.entry = entry

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: Sequence[Row] = []
        self.invalid: frozenset[str] = frozenset()
        """Ids of the records ``traam validate`` rejects: their title starts with ✗ (readable without colour)."""

    # --- data ---------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    def set_invalid(self, invalid: frozenset[str]) -> None:
        """Mark these record ids as rejected by ``traam validate`` (repaints only when they change)."""
        if invalid != self.invalid:
            self.invalid = invalid
            self.refresh()

    def replace_rows(self, rows: Sequence[Row]) -> None:
        """Replace rows of the same records (their states became known): the cursor and the scroll stay."""
        if len(rows) != len(self._rows):
            self.set_rows(rows)
            return
        self._rows = rows
        self.refresh()

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row (cheap: nothing is painted until visible)."""
        self._rows = rows
        size = Size(self.size.width, len(rows))
        if size != self.virtual_size:  # a new size lays the screen out again: only when it changes
            self.virtual_size = size
        self.scroll_to(0, 0, animate=False)
        self.cursor = 0
        self.refresh()

    @property
    def current(self) -> Entry | None:
        """The entry under the cursor, or None when the list is empty."""
        return self._rows[self.cursor].entry if 0 <= self.cursor < len(self._rows) else None

    # --- behaviour ----------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_region_cursor()
        self.refresh()
        if self._rows:
            self.post_message(self.Highlighted(self, self._rows[new].entry))

    def scroll_to_region_cursor(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.scrollable_content_region.height - 1)

    def action_jump(self, where: int) -> None:
        self.cursor = len(self._rows) - 1 if where < 0 else where

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.current))

    def on_click(self, event: events.Click) -> None:
        row = int(self.scroll_offset.y) + event.y
        if 0 <= row < len(self._rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_select()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows))

    # --- painting -------------------------------------------------------------------

    def _columns(self, width: int) -> tuple[int, int, int]:
        return self.columns(width)

    @staticmethod
    def columns(width: int) -> tuple[int, int, int]:
        """Return the widths of the kind, académie and state columns (narrow terminals drop some)."""
        if width >= 90:
            return 11, 16, 18
        if width >= 66:
            return 11, 0, 17
        if width >= 50:
            return 11, 0, 10
        return 0, 0, 0

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        base = self.rich_style
        if index >= len(self._rows):
            if index == 0 and y == 0:
                return Strip([Segment(_fit(strings.LIST_EMPTY, width), base)])
            return Strip.blank(width, base)
        row = self._rows[index]
        entry = row.entry
        cursor = index == self.cursor
        line_style = base + self.get_component_rich_style("record-list--cursor") if cursor else base
        dim = line_style + self.get_component_rich_style("record-list--dim", partial=True)
        kind_w, academie_w, state_w = self._columns(width)
        title_w = max(1, width - kind_w - academie_w - state_w)
        segments: list[Segment] = []
        title = plain(entry.title)
        if entry.errors or entry.id in self.invalid:
            error = line_style + self.get_component_rich_style("record-list--error", partial=True)
            segments.append(Segment(_fit(strings.INVALID_MARK + title, title_w), error))
        elif row.spans and title == entry.title:
            segments.extend(self._highlight(_fit(title, title_w), row.spans, line_style))
        else:
            segments.append(Segment(_fit(title, title_w), line_style))
        if kind_w:
            segments.append(Segment(_fit(vocab.label(vocab.KINDS, entry.kind), kind_w), dim))
        if academie_w:
            segments.append(Segment(_fit(vocab.label(vocab.ACADEMIES, entry.academie), academie_w), dim))
        if state_w:
            state = vocab.label(vocab.STATES, row.state) if row.state else strings.STATE_UNKNOWN
            segments.append(Segment(_fit(state, state_w), dim))
        return Strip(segments).crop_extend(0, width, base)

    def _highlight(self, text: str, spans, style) -> list[Segment]:
        match = style + self.get_component_rich_style("record-list--match", partial=True)
        marks = [False] * len(text)
        for start, end in spans:
            for i in range(max(0, start), min(len(text), end)):
                marks[i] = True
        segments: list[Segment] = []
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or marks[i] != marks[start]:
                segments.append(Segment(text[start:i], match if marks[start] else style))
                start = i
        return segments
