"""Provides Checkbox, RadioButton and SelectionList whose state reads without colour: « [x] » / « [ ] », « ◉ » / « ○ ».

Textual draws both states of a toggle with the same glyph (``▐X▌``, ``▐●▌``)
and tells them apart by colour only; these subclasses draw the state itself,
so it survives a monochrome terminal, a screenshot and a screen reader.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox as TextualCheckbox
from textual.widgets import RadioButton as TextualRadioButton
from textual.widgets import SelectionList as TextualSelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist


def _glyph(button, on: str, off: str) -> Content:
    return Content.styled(on if button.value else off, button.get_visual_style("toggle--button"))


class Checkbox(TextualCheckbox):
    """A checkbox drawn « [x] » when checked and « [ ] » when not."""

    DEFAULT_CSS = """
    Checkbox > .toggle--button { background: transparent; }
    """

    @property
    def _button(self) -> Content:
        return _glyph(self, "[x]", "[ ]")


class RadioButton(TextualRadioButton):
    """A radio button drawn « ◉ » when chosen and « ○ » when not."""

    DEFAULT_CSS = """
    RadioButton > .toggle--button { background: transparent; }
    """

    @property
    def _button(self) -> Content:
        return _glyph(self, "◉", "○")


class SelectionList(TextualSelectionList):
    """A selection list whose boxes read « [x] » / « [ ] » (the plain one draws ``▐X▌`` for both)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 4 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            selection = self.get_option_at_index(int(self.scroll_offset.y) + y)
        except OptionDoesNotExist:
            return strip
        chosen = selection.value in self._selected
        meta = segments[0].style.meta if segments[0].style else {}
        style = (segments[3].style or Style()) + Style(meta=meta)
        box = Segment("[x]" if chosen else "[ ]", style + Style(bold=chosen))
        return Strip([box, segments[3], *segments[4:]], strip.cell_length)
