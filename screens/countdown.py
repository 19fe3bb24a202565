"""What every timed screen shares: redraw once per shown second, from the clock."""

from __future__ import annotations

from rich.cells import cell_len
from textual.await_complete import AwaitComplete
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from coach.core.cues import Cue
from coach.core.i18n import t
from coach.core.timer import HoldTimer, clock_text, next_redraw
from screens.base import CoachScreen, Result

BELL_GAP = 0.4
"""Seconds between the three bells of time's up, set by timers (never a sleep)."""


class CountdownScreen(CoachScreen[Result]):
    """Subclasses set `self.timer` and implement `redraw()`.

    Redraws are planned for just after the shown second changes, so the display
    is never a second late, and nothing runs at all while paused.
    """

    timer: HoldTimer
    _ticker: Timer | None = None
    _every_second = False
    """Whether `_ticker` fires once a second (or once, at the next change)."""
    _shown: tuple | None = None

    def state_key(self) -> tuple:
        timer = self.timer
        return (timer.done, timer.paused, timer.seconds_left(), timer.seconds)

    def tick(self) -> None:
        key = self.state_key()
        if key != self._shown:
            # Only when the keys that apply may change (KeyFooter then skips a rebuild
            # if they did not). `_shown` is also reset when a routine restarts.
            modes_changed = self._shown is None or key[:2] != self._shown[:2]
            self._shown = key
            self.redraw()
            if modes_changed:
                self.refresh_bindings()
        self.update_too_small()
        self.after_tick()
        self._schedule()

    def redraw(self) -> None:
        raise NotImplementedError

    def time_left_lines(self) -> list[str]:
        """The time left stays on the too-small message while the countdown runs."""
        timer = self.timer
        if not timer.started:
            return []
        state = t("TIME'S UP") if timer.done else t("PAUSED") if timer.paused else t("Time left")
        return [f"{state}: {clock_text(timer.seconds_left())}"]

    def give_cues(self, cues: list[Cue]) -> None:
        """Ring each cue's bell and say the newest cue (a late tick does not queue
        stale speech behind the countdown). The text is on screen already."""
        if not cues:
            return
        for cue in cues:
            if cue.bell == "one":
                self.app.bell()
            elif cue.bell == "three":
                self.app.bell()
                self.set_timer(BELL_GAP, self.app.bell, name="bell-2")
                self.set_timer(2 * BELL_GAP, self.app.bell, name="bell-3")
        self.coach.voice.say(cues[-1].text)

    def said_now(self) -> str:
        """What to say when the voice is turned on mid-way: where things stand."""
        return ""

    def action_voice(self) -> None:
        """`v`: the voice on or off, at once, and remembered."""
        app = self.coach
        on = app.voice.toggle()
        app.remember_voice(on)
        if on and not (self.timer.done or self.timer.paused):
            app.voice.say(self.said_now())
        self.notify(t("Voice on.") if on else t("Voice off."), timeout=2)

    def dismiss(self, result: object = None) -> AwaitComplete:
        """Nothing is said after leaving. Here, not on unmount: the next screen (the
        question after the hold) may be mounted first and start saying its own line."""
        self.coach.voice.stop()
        return super().dismiss(result)

    def after_tick(self) -> None:
        """Hook for end-of-time handling."""

    def _schedule(self) -> None:
        """Time the next redraw as `next_redraw` says (coach/core/timer.py)."""
        plan = next_redraw(self.timer.until_next_change(), self._every_second)
        if plan.how == "keep":
            return
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self._every_second = plan.how == "every second"
        if self._every_second:
            self._ticker = self.set_interval(1.0, self.tick, name="countdown-beat")
        elif plan.how == "once":
            self._ticker = self.set_timer(plan.wait, self.tick, name="countdown-tick")


def switch_class(widget: Widget, name: str, choices: tuple[str, ...]) -> None:
    """Give `widget` the class `name` in place of the others in `choices`, restyling it
    once, and only if it changes: each class added or removed restyles the widget and
    everything inside it."""
    if not widget.has_class(name):
        widget.remove_class(*choices, update=False)
        widget.add_class(name)


def show_text(widget: Static, text: str) -> None:
    """Update a line of a timed screen, laying the screen out again only if it must.

    Static.update() lays out the whole screen by default; once a second, through a
    hold, that was most of the CPU the app used. A widget whose width does not follow
    its text, going from one line that fits to another that fits, keeps its shape,
    so it is just repainted ("HOLD ... 0:01 left" to "TIME'S UP" included).
    """
    old = widget.content
    if text == old:
        return
    room = widget.content_size.width
    rule = widget.styles.width

    def one_line(value: object) -> bool:
        return isinstance(value, str) and "\n" not in value and 0 < cell_len(value) <= room

    keeps_shape = (rule is None or not rule.is_auto) and one_line(old) and one_line(text)
    widget.update(text, layout=not keeps_shape)
