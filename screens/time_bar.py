"""A one-line bar of time gone, redrawn only when a half cell fills."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


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

    def show(self, done: float, total: float) -> None:
        """Set the time gone; repaints only if the bar would look different."""
        self._fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        if self._halves(self.size.width) != self._drawn:
            self.refresh()

    def _halves(self, width: int) -> int:
        return int(self._fraction * width * 2)

    def render(self) -> Text:
        width = self.size.width
        halves = self._drawn = self._halves(width)
        full, half = divmod(halves, 2)
        done_style = "time-bar--complete" if self._fraction >= 1 else "time-bar--done"
        done = self.get_component_rich_style(done_style)
        left = self.get_component_rich_style("time-bar--left")
        bar = Text("━" * full, style=done, end="")
        if half:  # the heavy left half of one cell
            bar.append("╸", done)
            full += 1
        bar.append("─" * (width - full), left)
        return bar
