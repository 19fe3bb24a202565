"""What every timed screen shares: redraw once per shown second, from the clock."""

from __future__ import annotations

from rich.cells import cell_len
from textual.timer import Timer
from textual.widgets import Static

from coach.timer import HoldTimer
from screens.base import CoachScreen, Result


class CountdownScreen(CoachScreen[Result]):
    """Subclasses set `self.timer` and implement `redraw()`.

    Redraws are planned for the moment the shown second changes, so the display
    is never a second late, and nothing runs at all while paused.
    """

    timer: HoldTimer
    _ticker: Timer | None = None
    _shown: tuple | None = None

    def state_key(self) -> tuple:
        timer = self.timer
        return (timer.done, timer.paused, timer.seconds_left(), timer.seconds)

    def tick(self) -> None:
        key = self.state_key()
        if key != self._shown:
            modes_changed = self._shown is None or key[:2] != self._shown[:2]
            self._shown = key
            self.redraw()
            if modes_changed:  # the Footer rebuilds itself: only when keys change
                self.refresh_bindings()
        self.update_too_small()
        self.after_tick()
        self._schedule()

    def redraw(self) -> None:
        raise NotImplementedError

    def after_tick(self) -> None:
        """Hook for end-of-time handling."""

    def _schedule(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        wait = self.timer.until_next_change()
        if wait is not None:
            self._ticker = self.set_timer(wait + 0.002, self.tick, name="countdown-tick")


def show_text(widget: Static, text: str) -> None:
    """Update a line of a timed screen, laying the screen out again only if it must.

    Static.update() lays out the whole screen by default; once a second, through a
    hold, that was most of the CPU the app used. A single line that keeps its width
    cannot change the layout, so it is just repainted.
    """
    old = widget.content
    if text == old:
        return
    width = cell_len(text)
    same_shape = (
        isinstance(old, str)
        and "\n" not in text
        and cell_len(old) == width
        and width <= widget.content_size.width
    )
    widget.update(text, layout=not same_shape)
