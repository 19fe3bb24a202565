"""A one-line bar of time gone, redrawn only when a half cell fills."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget


def bar_segments(fraction: float, width: int, done: Style, left: Style) -> list[Segment]:
    """Heavy line for the time gone, a half cell where it ends, thin line to go."""
    full, half = divmod(int(fraction * width * 2), 2)
    segments = [Segment("━" * full, done)]
    if half:  # the heavy left half of one cell
        segments.append(Segment("╸", done))
        full += 1
    segments.append(Segment("─" * (width - full), left))
    return segments


class TimeBar(Widget):
    """How much of a timed stretch has passed: heavy line gone, thin line to go, so it
    reads without colour too.

    Drawn here rather than with Textual's ProgressBar: that one runs a timer of its own
    every second and estimates an ETA, three widgets deep, and through a hold it cost
    more CPU than the countdown it sits under. This one draws when a half cell changes.
    """

    DEFAULT_CSS = """
    TimeBar {
        height: 1;
        width: 1fr;
    }
    TimeBar > .time-bar--done {
        color: $primary;
    }
    TimeBar > .time-bar--complete {
        color: $success;
    }
    TimeBar > .time-bar--left {
        color: $foreground 15%;
    }
    """
    COMPONENT_CLASSES = {"time-bar--done", "time-bar--complete", "time-bar--left"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._fraction = 0.0
        self._drawn: int | None = None
        self._styles: tuple[Style, Style, Style] | None = None
        self._theme = ""

    def show(self, done: float, total: float) -> None:
        """Set the time gone; repaints only if the bar would look different."""
        self._fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        if self._halves(self.size.width) != self._drawn:
            self.refresh()

    def _halves(self, width: int) -> int:
        return int(self._fraction * width * 2)

    def notify_style_update(self) -> None:
        self._styles = None  # a class or the theme changed: look the colours up again
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        """One line of two or three runs of one style each: the colours are looked up
        once, not on every repaint, as this runs every second or so through a hold."""
        width = self.size.width
        if self._styles is None or self._theme != self.app.theme:
            self._theme = self.app.theme  # the background comes from the screen's theme
            self._styles = tuple(
                self.get_component_rich_style(name)
                for name in ("time-bar--done", "time-bar--complete", "time-bar--left")
            )
        done_style, complete_style, left_style = self._styles
        self._drawn = self._halves(width)
        done = complete_style if self._fraction >= 1 else done_style
        return Strip(bar_segments(self._fraction, width, done, left_style), width)
