"""The gate's numbered cases ("1. A swollen, warm leg ..."), drawn by one widget.

Each case's text starts NUMBER_CELLS in, its wrapped lines indented under the text, not
the number, in English or Chinese. One widget drawn line by line, not a row of widgets
per case: the gate is the first question of `calf-coach back`, and its rows of widgets
were most of what that first frame had to style and lay out beyond the side picker's
(bench figure 2). In a short window each case is its brief line, so all three stay in
view above the answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size as Area
from textual.strip import Strip
from textual.widget import Widget

from screens.widgets.lines import pad, wrapped

NUMBER_CELLS = 3
"""A case's text starts this many cells in: "1." and a gap."""


class Case(NamedTuple):
    """One case in both lengths: in full, and in a line for a short window."""

    full: str
    brief: str


class CaseList(Widget):
    """The cases, numbered from 1; which length is read when drawn, from the screen."""

    DEFAULT_CSS = """
    CaseList {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, cases: Sequence[Case], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cases = tuple(cases)
        self._lines: tuple[int, bool, list[tuple[str, str]]] | None = None
        """For (width, short): each line drawn."""

    @property
    def short(self) -> bool:
        """Read when drawn or laid out, never kept: the screen's -short class may change
        after a resize reached this widget (screens/base.py SizeGuard)."""
        return self.is_attached and self.screen.has_class("-short")

    @property
    def texts(self) -> list[str]:
        """Each case as shown now: brief in a short window, else in full."""
        return [case.brief if self.short else case.full for case in self.cases]

    @property
    def text(self) -> str:
        """The cases as a person reads them, one per line (tests)."""
        return "\n".join(f"{number}. {text}" for number, text in enumerate(self.texts, 1))

    def _drawn(self, width: int) -> list[tuple[str, str]]:
        """Each line drawn, as (number or "", text)."""
        key = (width, self.short)
        if self._lines is None or self._lines[:2] != key:
            console, room = self.app.console, max(width - NUMBER_CELLS, 1)
            lines = [
                (f"{number}." if row == 0 else "", line)
                for number, text in enumerate(self.texts, 1)
                for row, line in enumerate(wrapped(text, room, console))
            ]
            self._lines = (*key, lines)
        return self._lines[2]

    def get_content_width(self, container: Area, viewport: Area) -> int:
        return container.width

    def get_content_height(self, container: Area, viewport: Area, width: int) -> int:
        return len(self._drawn(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._drawn(width)
        style = self.rich_style
        blank = Style(bgcolor=style.bgcolor)  # between and past the words, the background
        if y >= len(lines):
            return Strip.blank(width, blank)
        number, text = lines[y]
        segments = [
            Segment(number, style),
            Segment(pad("", NUMBER_CELLS - len(number)), blank),
            Segment(text, style),
        ]
        strip = Strip([segment for segment in segments if segment.text])
        return strip.extend_cell_length(width, blank).crop(0, width)
