"""The steps of a hold, each beside its marker ("✓", "▶ Now", "Next"), drawn by one widget.

One widget, drawn line by line, rather than a widget per step: as the hold moves on,
three steps change their look at once, and with a widget each that meant restyling
three widgets from the screen's CSS and drawing each again, several times what a
second of the countdown costs (bench figure 3a). Here a step change is one repaint,
in the colours the step states' parts take from CSS.

A step's text starts MARKER_CELLS in, its wrapped lines indented under it; in a short
window only the step now is shown (the title and hint are hidden there too).
"""

from __future__ import annotations

from typing import Literal, get_args

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Offset, Region
from textual.geometry import Size as Area
from textual.strip import Strip
from textual.widget import Widget

from coach.core.i18n import t
from screens.widgets.lines import marked_lines

State = Literal["past", "current", "next", "later"]
STATES: tuple[State, ...] = get_args(State)
MARKER_CELLS = 8
"""A step's text starts this many cells in: its marker and a gap."""


class StepList(Widget):
    """The steps, the one now marked and highlighted; `current` moves on with time."""

    COMPONENT_CLASSES = {f"step-list--{state}" for state in STATES}
    DEFAULT_CSS = """
    StepList {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, steps: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps = steps
        self.current = -1
        """The step now; none before the first show(), past the last once time is up."""
        self._lines: tuple[int, bool, int, list[tuple[int, str]]] | None = None
        """For (width, short, current): each line drawn, as (step, text)."""

    # -- what a screen calls -------------------------------------------------------

    def show(self, current: int) -> None:
        if current != self.current:
            height = len(self._drawn())
            self.current = current
            self.refresh(layout=len(self._drawn()) != height)

    def set_steps(self, steps: list[str], current: int) -> None:
        self.steps, self.current, self._lines = steps, current, None
        self.refresh(layout=True)

    def state(self, index: int) -> State:
        if index < self.current:
            return "past"
        if index == self.current:
            return "current"
        return "next" if index == self.current + 1 else "later"

    def marker(self, index: int) -> str:
        state = self.state(index)
        if state == "past":
            return "✓"
        if state == "current":
            return t("▶ Now")
        return t("Next") if state == "next" else ""

    @property
    def current_text(self) -> str:
        """The step now (tests); "" once time is up."""
        return self.steps[self.current] if 0 <= self.current < len(self.steps) else ""

    @property
    def current_region(self) -> Region:
        """The lines of the step now, on screen; empty once time is up."""
        rows = [y for y, (step, _text) in enumerate(self._drawn()) if step == self.current]
        if not rows:
            return Region()
        content = self.content_region
        return Region(content.x, content.y + rows[0], content.width, len(rows))

    @property
    def current_offset(self) -> Offset | None:
        """Where the step now starts on screen (the cursor goes there for screen readers)."""
        region = self.current_region
        return region.offset if region else None

    # -- drawing -------------------------------------------------------------------

    def _drawn(self, width: int | None = None) -> list[tuple[int, str]]:
        width = self.content_size.width if width is None else width
        # Read when drawn or laid out, never kept: the screen's -short class may change
        # after a resize reached this widget (screens/base.py SizeGuard).
        short = self.is_attached and self.screen.has_class("-short")
        key = (width, short, self.current)
        if self._lines is None or self._lines[:3] != key:
            console = self.app.console
            lines = [
                (index, line)
                for index, text in enumerate(self.steps)
                if not short or index == self.current
                for line in marked_lines(self.marker(index), text, width, console, MARKER_CELLS)
            ]
            self._lines = (*key, lines)
        return self._lines[3]

    def get_content_width(self, container: Area, viewport: Area) -> int:
        return container.width

    def get_content_height(self, container: Area, viewport: Area, width: int) -> int:
        return len(self._drawn(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._drawn(width)
        if y >= len(lines):
            return Strip.blank(width, Style(bgcolor=self.rich_style.bgcolor))
        step, text = lines[y]
        style = self.get_component_rich_style(f"step-list--{self.state(step)}")
        pad = Style(bgcolor=style.bgcolor)  # past the text, the background alone
        return Strip([Segment(text, style)]).extend_cell_length(width, pad).crop(0, width)
