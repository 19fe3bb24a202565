"""The bedtime stretch routine, run on the same timer engine as a hold."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Digits

from coach.content.model import Routine
from coach.core.cues import segment_cue
from coach.core.i18n import t
from coach.core.routine import plan, total_seconds
from coach.core.steps import RoutineResult
from coach.core.timer import Clock, HoldTimer, step_index
from screens.countdown import CountdownScreen, show_text
from screens.hold import clock_text
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words
from screens.widgets.time_bar import TimeBar


class RoutineScreen(CountdownScreen[RoutineResult]):
    CSS_PATH = "routine.tcss"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause", id="routine-pause"),
        Binding("1", "version(0)", "Standing", id="routine-standing"),
        Binding("2", "version(1)", "Seated", id="routine-seated"),
        Binding("enter", "finish", "Finish", id="routine-finish"),
        Binding("q,escape", "leave", "Leave", id="routine-leave"),
        Binding("v", "voice", "Voice", id="routine-voice"),
    ]

    def __init__(
        self, routine: Routine, clock: Clock, version: int = 0, night: bool = False
    ) -> None:
        super().__init__()
        self.routine = routine
        self.clock = clock
        self.night = night
        """At night the first segment opens with the safe set-up line (light on, sit)."""
        self._start(version)
        # The widgets that change, kept as composed: a query in on_mount or a tick finds
        # nothing when the app is ending as the screen is put up (a signal: #29 item 5).
        self._title = Words(id="routine-title", classes="title-line")
        self._now = Words(id="routine-now")
        self._left = Digits("0:00", id="routine-left")
        self._bar = TimeBar(id="routine-bar")
        self._text = Words(id="routine-text")
        self._next = Words(id="routine-next", classes="hint")

    def _start(self, version: int) -> None:
        self.version = self.routine.versions[version]
        self.segments = plan(self.routine, self.version, self.night)
        self.timer = HoldTimer(total_seconds(self.segments), self.clock)
        self._belled = False
        self._shown = None
        self._cued = -1
        """The segment last announced (-1: none yet)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="routine"):
            yield self._title
            yield self._now
            yield self._left
            yield self._bar
            yield self._text
            yield Words(self.routine.breathe, id="routine-breathe")
            yield self._next
        yield KeyFooter()

    def on_mount(self) -> None:
        self.timer.start()
        self.tick()

    def current(self) -> int:
        return step_index(self.segments, self.timer.elapsed(), 1, 1)

    def redraw(self) -> None:
        timer, segs = self.timer, self.segments
        i = self.current()
        seg = segs[i]
        left_in_seg = max(
            0, min(seg.seconds, timer.seconds_left() - (total_seconds(segs) - seg.at - seg.seconds))
        )
        left = clock_text(timer.seconds_left())
        title = t(
            "{title} · {version} · {time} left",
            title=self.routine.title,
            version=self.version.label,
            time=left,
        )
        show_text(self._title, title)
        if timer.done:
            now, text = t("ROUTINE DONE. Well done; sleep well."), self.routine.intro
        elif timer.paused:
            now = t("PAUSED. {what}. Press space to carry on.", what=seg.title)
            text = seg.text
        else:
            now = t("STRETCH: {what}", what=seg.title) if seg.stretching else seg.title
            text = seg.text
        show_text(self._now, now)
        show_text(self._text, text)
        self._left.update(clock_text(left_in_seg))
        self._bar.show(timer.elapsed(), timer.seconds)
        following = segs[i + 1].title if i + 1 < len(segs) and not timer.done else ""
        next_line = t("Next: {what}", what=following) if following else ""
        show_text(self._next, next_line)
        self.set_class(timer.done, "-finished")
        self.set_class(timer.paused, "-paused")
        self.set_class(seg.stretching and not timer.done, "-stretching")

    def state_key(self) -> tuple:
        return (*super().state_key(), self.current())

    def said_now(self) -> str:
        return self.segments[self.current()].title

    def after_tick(self) -> None:
        if not (self.timer.done or self.timer.paused):
            now, segs = self.current(), self.segments
            cue = segment_cue(
                [s.title for s in segs], [s.stretching for s in segs], self._cued, now
            )
            self._cued = now
            self.give_cues([cue] if cue else [])
        if self.timer.done and not self._belled:
            self._belled = True
            self.app.bell()
            self.coach.voice.say(t("Routine done. Well done; sleep well."))

    def action_toggle_pause(self) -> None:
        self.timer.toggle()
        if self.timer.paused:
            self.coach.voice.stop()
        self.tick()

    def action_version(self, index: int) -> None:
        if index < len(self.routine.versions) and self.routine.versions[index] != self.version:
            self._start(index)
            self.timer.start()
            self.tick()

    def action_finish(self) -> None:
        self.dismiss(RoutineResult(True, self.timer.elapsed(), self.version.id))

    def action_leave(self) -> None:
        self.dismiss(RoutineResult(self.timer.done, self.timer.elapsed(), self.version.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "finish":
            return self.timer.done
        if action == "toggle_pause":
            return not self.timer.done
        return True
