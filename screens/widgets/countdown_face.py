"""The part of a hold that changes every second: the state in words, the clock, the bar.

One widget, drawn line by line, rather than three: each widget Textual repaints
wakes its own message loop and goes through the compositor on its own, and through
a hold of minutes that overhead, once a second, cost more than the drawing itself
(CPU during a hold: bench figure 3). A person sees the same three parts; the words
stay on their own line for screen readers, and the terminal's cursor can be parked at
them (`state_offset`).
"""

from __future__ import annotations

from typing import Literal

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Offset
from textual.geometry import Size as Area
from textual.strip import Strip
from textual.widget import Widget

from screens.countdown import switch_class
from screens.widgets.big_clock import Size, clock_rows
from screens.widgets.time_bar import bar_segments

Mode = Literal["-holding", "-paused", "-finished"]
MODES: tuple[Mode, ...] = ("-holding", "-paused", "-finished")
PARTS = ("state", "clock", "bar-done", "bar-complete", "bar-left")


class CountdownFace(Widget):
    """The state line, the clock (3, 5 or 10 rows by window size) and the time bar."""

    COMPONENT_CLASSES = {f"countdown-face--{part}" for part in PARTS}
    DEFAULT_CSS = """
    CountdownFace {
        width: 100%;
        height: auto;
    }
    CountdownFace > .countdown-face--state {
        text-style: bold;
        color: $success;
    }
    CountdownFace > .countdown-face--clock {
        color: $success;
    }
    CountdownFace.-paused > .countdown-face--state,
    CountdownFace.-paused > .countdown-face--clock {
        color: $warning;
    }
    CountdownFace.-finished > .countdown-face--state,
    CountdownFace.-finished > .countdown-face--clock {
        background: $success-muted;
        color: $text;
        text-style: bold reverse;
    }
    CountdownFace.-finished.-large > .countdown-face--clock {
        text-style: bold;  /* block digits in reverse would read as holes */
    }
    CountdownFace > .countdown-face--bar-done {
        color: $primary;
    }
    CountdownFace > .countdown-face--bar-complete {
        color: $success;
    }
    CountdownFace > .countdown-face--bar-left {
        color: $foreground 15%;
    }
    """

    def __init__(self, state: str, clock: str, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"-holding {classes}".strip())
        self.state = state
        self.clock = clock
        self.size_name: Size = "small"
        self.fraction = 0.0
        self._clock_rows = clock_rows(clock)
        self._state_rows: tuple[int, Style, list[list[Segment]]] | None = None
        self._styles: dict[str, Style] | None = None
        self._theme = ""
        self._bar_halves: int | None = None

    # -- what a screen calls -------------------------------------------------------

    def show(self, state: str, clock: str, done: float, total: float) -> None:
        """Draw a new second: repaints only if something a person would see changed,
        and lays the screen out again only if the face changes height."""
        fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        width = self.content_size.width
        halves = int(fraction * width * 2)
        self.fraction = fraction
        if state == self.state and clock == self.clock and halves == self._bar_halves:
            return
        # Only the words can change the face's height: the clock keeps its rows at a size.
        relayout = False
        if state != self.state:
            before = self._state_count(width)
            self.state, self._state_rows = state, None
            relayout = self._state_count(width) != before
        if clock != self.clock:
            self.clock, self._clock_rows = clock, clock_rows(clock, self.size_name)
        self.refresh(layout=relayout)

    def resize_clock(self, size: Size) -> None:
        if size != self.size_name:
            self.size_name, self._clock_rows = size, clock_rows(self.clock, size)
            self.set_class(size != "small", "-large")
            self._styles = None
            self.refresh(layout=True)

    def set_mode(self, mode: Mode) -> None:
        if not self.has_class(mode):
            switch_class(self, mode, MODES)
            self._styles = None  # the parts' colours follow the mode

    @property
    def state_offset(self) -> Offset:
        """Where the state line starts on screen: the cursor goes there at TIME'S UP."""
        return self.content_region.offset

    @property
    def clock_text(self) -> str:
        """The clock as the rows it draws (tests; what a screen capture shows)."""
        return "\n".join(self._clock_rows)

    # -- drawing -------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()

    def _style(self, part: str) -> Style:
        if self._styles is None or self._theme != self.app.theme:
            self._theme = self.app.theme  # the background comes from the theme
            self._styles = {p: self.get_component_rich_style(f"countdown-face--{p}") for p in PARTS}
            self._styles["blank"] = Style(bgcolor=self.rich_style.bgcolor)
        return self._styles[part]

    def _state_lines(self, width: int) -> list[list[Segment]]:
        """The words, cut to `width`; kept until the words, the width or the colours
        change (paused, the words stay put while the theme may change)."""
        style = self._style("state")
        if self._state_rows is None or self._state_rows[:2] != (width, style):
            if cell_len(self.state) <= width:  # the usual case: one line that fits
                lines = [[Segment(self.state, style)]]
            else:  # a long line or a narrow window: wrap it as Rich wraps text
                console = self.app.console
                wrapped = Text(self.state).wrap(console, max(width, 1))
                lines = [list(Segment.apply_style(line.render(console), style)) for line in wrapped]
            self._state_rows = (width, style, lines)
        return self._state_rows[2]

    def _gap(self) -> int:
        return 0 if self.size_name == "small" else 1

    def _state_count(self, width: int) -> int:
        return len(self._state_lines(width)) if width > 0 else 1

    def _height(self, width: int) -> int:
        return self._state_count(width) + self._gap() * 2 + len(self._clock_rows) + 1

    def get_content_width(self, container: Area, viewport: Area) -> int:
        return container.width

    def get_content_height(self, container: Area, viewport: Area, width: int) -> int:
        return self._height(width)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        state = self._state_lines(width)
        if y < len(state):
            pad = Style(bgcolor=self._style("state").bgcolor)  # the finished colour, full width
            return Strip(state[y]).extend_cell_length(width, pad).crop(0, width)
        y -= len(state) + self._gap()
        if 0 <= y < len(self._clock_rows):
            row, style = self._clock_rows[y][:width], self._style("clock")
            left = (width - len(row)) // 2
            right = width - left - len(row)
            return Strip(
                [Segment(" " * left, style), Segment(row, style), Segment(" " * right, style)],
                width,
            )
        if y == len(self._clock_rows) + self._gap():
            self._bar_halves = int(self.fraction * width * 2)
            bar = bar_segments(
                self.fraction,
                width,
                self._style("bar-complete" if self.fraction >= 1 else "bar-done"),
                self._style("bar-left"),
            )
            return Strip(bar, width)
        return Strip.blank(width, self._style("blank"))  # the gaps around a large clock
