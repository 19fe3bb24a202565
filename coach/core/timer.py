"""The hold timer: a deadline over an injectable monotonic clock.

Screens only redraw from it; they never count ticks. That keeps the countdown
honest when the machine is busy or a redraw is late, and lets tests move a fake
clock instead of sleeping.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol

Clock = Callable[[], float]


class Timed(Protocol):
    at: int


@dataclass
class HoldTimer:
    """A countdown that can be paused, extended and finished early."""

    seconds: int
    clock: Clock = time.monotonic
    _deadline: float | None = None
    _left_when_paused: float | None = None
    _started: float | None = None
    _finished_at: float | None = None
    _elapsed_at_finish: float = 0.0

    def start(self) -> None:
        now = self.clock()
        self._started = now
        self._deadline = now + self.seconds
        self._left_when_paused = None
        self._finished_at = None

    @property
    def started(self) -> bool:
        return self._started is not None

    @property
    def paused(self) -> bool:
        return self._left_when_paused is not None and not self.done

    @property
    def done(self) -> bool:
        return self._finished_at is not None or (
            self._deadline is not None
            and self._left_when_paused is None
            and self.clock() >= self._deadline
        )

    @property
    def finished_early(self) -> bool:
        return self._finished_at is not None

    def remaining(self) -> float:
        """Seconds left, never negative."""
        if self._finished_at is not None or self._deadline is None:
            return 0.0 if self._finished_at is not None else float(self.seconds)
        if self._left_when_paused is not None:
            return self._left_when_paused
        return max(0.0, self._deadline - self.clock())

    def seconds_left(self) -> int:
        """What the display shows: whole seconds, rounded up, so 0 means over."""
        return math.ceil(self.remaining() - 1e-9)

    def elapsed(self) -> float:
        """Seconds of hold done so far (pauses excluded)."""
        if self._finished_at is not None:
            return self._elapsed_at_finish
        return max(0.0, self.seconds - self.remaining())

    def fraction(self) -> float:
        if self._finished_at is not None or self.seconds <= 0:
            return 1.0
        return min(1.0, self.elapsed() / self.seconds)

    def pause(self) -> None:
        if self._deadline is not None and not self.paused and not self.done:
            self._left_when_paused = self.remaining()

    def resume(self) -> None:
        if self._left_when_paused is not None and self._finished_at is None:
            self._deadline = self.clock() + self._left_when_paused
            self._left_when_paused = None

    def toggle(self) -> None:
        self.resume() if self.paused else self.pause()

    def extend(self, seconds: int) -> None:
        """Add time; after the end this starts a fresh stretch of `seconds`."""
        if self._finished_at is not None:
            return
        if self._left_when_paused is not None:
            self._left_when_paused += seconds
        elif self._deadline is not None:
            self._deadline = max(self._deadline, self.clock()) + seconds
        self.seconds += seconds

    def finish(self) -> None:
        """End now (the cramp eased); elapsed time is kept."""
        if self._finished_at is None:
            self._elapsed_at_finish = self.elapsed()
            self._finished_at = self.clock()

    def until_next_change(self) -> float | None:
        """Seconds until the shown number changes; None while paused or done."""
        if self._deadline is None or self.paused or self.done:
            return None
        left = self.remaining()
        return max(0.0, left - (math.ceil(left - 1e-9) - 1))


REDRAW_AFTER = 0.002
"""A redraw is timed this long after the shown second changes, never before it."""
START_BEAT = (0.001, 0.01)
"""A once-a-second redraw starts only this long after a change: not sooner, since
Textual's timers may fire half a millisecond early, and no later, since it goes on
landing as long after each change."""
ON_TIME = 0.05
"""A once-a-second redraw that lands later than this after its change is re-timed."""

Redraw = Literal["none", "keep", "every second", "once"]


class NextRedraw(NamedTuple):
    """How a countdown screen times its next redraw (screens/countdown.py)."""

    how: Redraw
    wait: float = 0.0
    """For "once": seconds until it is due."""


def next_redraw(until_change: float | None, every_second: bool) -> NextRedraw:
    """Right after the shown second changes, one timer that fires once a second takes
    over, started then, so that each fire lands just after the next change (a timer
    that repeats keeps the beat of its first fire). It is kept while it lands on time:
    one timer through a hold costs the machine less than a new one each second.
    Anything else (the start, a resume, a key pressed mid-second, a late fire) times
    one redraw for the next change. Paused or done: none.

    `until_change`: HoldTimer.until_next_change(); `every_second`: whether the
    once-a-second timer is running now.
    """
    if until_change is None:
        return NextRedraw("none")
    since = 1.0 - until_change  # how long ago the shown second changed
    if every_second and since <= ON_TIME:
        return NextRedraw("keep")
    if START_BEAT[0] <= since <= START_BEAT[1]:
        return NextRedraw("every second")
    return NextRedraw("once", until_change + REDRAW_AFTER)


def clock_text(seconds: float) -> str:
    """Whole seconds as the person reads them on every face: 1:05."""
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def step_index(steps: Sequence[Timed], elapsed: float, hold_seconds: int, default: int) -> int:
    """The step to show after `elapsed` seconds of hold.

    Step times are written for a default-length hold and scale with the hold's length
    now (time added included): every step still appears in a short hold, and after
    `+` "nearly done" waits for the end instead of showing with a minute and a half
    to go. Callers pass the timer's current `seconds`, not the planned length.
    """
    scale = hold_seconds / default if default > 0 else 1.0
    current = 0
    for i, step in enumerate(steps):
        if elapsed + 1e-9 >= step.at * scale:
            current = i
    return current
