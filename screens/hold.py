"""The hold: big countdown, a bar, and the stretch steps as time passes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from coach.content.model import Content
from coach.core.cues import Heard, HoldPlan, hold_cues
from coach.core.i18n import t
from coach.core.steps import Hold, HoldEnd, HoldResult
from coach.core.timer import Clock, HoldTimer, clock_text, step_index
from coach.text.diary_text import past_line
from coach.text.wrap import tidy
from screens.countdown import CountdownScreen
from screens.widgets.big_clock import size_for
from screens.widgets.countdown_face import CountdownFace
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words
from screens.widgets.step_list import StepList

AUTO_NEXT_SECONDS = 3.0
"""How long the "time's up" cue stays before the follow-up question."""


class HoldScreen(CountdownScreen[HoldResult]):
    """Counts down one stretch hold; the timer object owns all the timing."""

    CSS_PATH = "hold.tcss"

    BINDINGS = [
        Binding("space", "toggle_pause", "Pause", id="hold-pause"),
        Binding("plus,equals_sign", "extend", "Add 30 s", id="hold-extend", key_display="+"),
        Binding("d", "eased", "Eased", id="hold-eased"),
        Binding("enter", "next", "Next", id="hold-next"),
        Binding("q,escape", "leave", "Leave", id="hold-leave"),
        Binding("1", "position(0)", "Position", key_display="1-3", id="hold-position"),
        Binding("2", "position(1)", show=False),
        Binding("3", "position(2)", show=False),
        Binding("v", "voice", "Voice", id="hold-voice"),
    ]

    def __init__(self, content: Content, step: Hold, clock: Clock) -> None:
        super().__init__()
        self.content = content
        self.guide = content.guides[step.side]
        self.position = step.position
        self.planned = step.seconds
        self.hold_number = step.number
        self.past = step.past
        self.timer = HoldTimer(step.seconds, clock)
        self._finished = False
        self._step_shown: int | None = None
        self._heard = Heard()
        """What has been cued so far (coach/core/cues.py)."""
        # The widgets that change, kept as composed: a query in on_mount or a tick finds
        # nothing when the app is ending as the screen is put up (a signal just after
        # "no"), and each second's query adds up through a hold.
        planned = self.planned
        self._face = CountdownFace(
            self._state_text(planned), clock_text(planned), id="countdown", classes="hold-part"
        )
        self._title = Words(id="hold-title", classes="title-line hold-part")
        self._positions = Words(id="positions", classes="hint")
        self._steps = StepList([step.text for step in self.steps], id="steps")

    def compose(self) -> ComposeResult:
        # The face sits on the screen itself, the parts below it in a box of their own:
        # each second Textual draws again every widget whose container meets the face,
        # so a box holding them all had each of them drawn with the face.
        yield self._title
        yield self._face
        with Vertical(id="hold-below", classes="hold-part"):
            yield self._positions
            if self.past is not None:  # the person's own record (#15), before the steps
                yield Words(past_line(self.past, self.content), id="hold-past")
            if self.hold_number == 1 and not self.coach.voice.on:
                yield Words(t("Press v to hear each step read aloud."), id="voice-hint")
            yield self._steps
        yield KeyFooter()

    def on_resize(self) -> None:
        """Digits that grow with the window (screens/widgets/big_clock.py)."""
        size = size_for(self.app.size.width, self.app.size.height)
        self.set_class(size != "small", "-large")
        self._face.resize_clock(size)
        self._steps.refresh(layout=True)  # a short window shows the step now alone
        if self.is_mounted and self._shown is not None:
            self._label()
            self.tick()

    def on_mount(self) -> None:
        self.on_resize()
        self.timer.start()
        self._label()
        self.tick()

    @property
    def steps(self):
        return self.guide.steps[self.position]

    def _build_steps(self) -> None:
        self._steps.set_steps([step.text for step in self.steps], self.current_step())
        self._label()

    def _label(self) -> None:
        self._step_shown = None
        labels = []
        for pos in self.content.positions:
            mark = f"▶{pos.label}◀" if pos.id == self.position else pos.label
            labels.append(f"{pos.key} {mark}")
        short = self.has_class("-short")  # the keys alone: they fit on one line at 40 columns
        prefix = "" if short else tidy(t("Position:") + " ")  # Chinese: no space after its colon
        self._positions.update(prefix + "  ".join(labels))
        self._title.update(
            t("{side}: {short}", side=self.guide.label, short=self.guide.short)
            + (t("  (hold {number})", number=self.hold_number) if self.hold_number > 1 else "")
        )
        self._shown = None

    def state_key(self) -> tuple:
        return (*super().state_key(), self.current_step())

    def current_step(self) -> int:
        """The step now; past the last one once time is up (none is "Now" then)."""
        if self.timer.done:
            return len(self.steps)
        due = step_index(
            self.steps, self.timer.elapsed(), self.timer.seconds, self.content.hold.default_seconds
        )
        return max(due, self._heard.step)  # time added does not send a step back

    def plan(self) -> HoldPlan:
        steps = self.steps
        spoken = [step.text for step in steps]
        pace = self.coach.voice.pace
        return HoldPlan(steps, spoken, self.timer.seconds, self.content.hold.default_seconds, pace)

    def said_now(self) -> str:
        return self.plan().spoken[min(self.current_step(), len(self.steps) - 1)]

    def after_tick(self) -> None:
        if not self.timer.paused and not self.timer.finished_early:
            cues, self._heard = hold_cues(self.plan(), self._heard, self.timer.elapsed())
            self.give_cues(cues)
        if self.timer.done and not self._finished:
            self._on_time_up()

    def redraw(self) -> None:
        self._render_state(self.timer.seconds_left(), self.current_step())

    def _state_text(self, left: int) -> str:
        timer = self.timer
        if timer.done:
            return t("TIME'S UP. Let go slowly.")
        if timer.paused:
            return t("PAUSED. Press space to carry on.")
        return t("HOLD the stretch: {time} left", time=clock_text(left))

    def _render_state(self, left: int, current: int) -> None:
        timer = self.timer
        # One widget for all that changes each second (screens/widgets/countdown_face.py); its
        # mode restyles it alone: a class on the screen would restyle every widget.
        mode = "-finished" if timer.done else "-paused" if timer.paused else "-holding"
        self._face.set_mode(mode)
        self._face.show(self._state_text(left), clock_text(left), timer.elapsed(), timer.seconds)
        if current != self._step_shown:  # restyle the step list only when it moves on
            self._step_shown = current
            self._show_steps(current)
            self.call_after_refresh(self.park_cursor)

    def _show_steps(self, current: int) -> None:
        self._steps.show(current)

    def park_cursor(self) -> None:
        """Put the terminal's (hidden) cursor at the start of the current step, or of the
        TIME'S UP line, so a screen reader that follows the cursor reads it as it changes.
        `App.cursor_position` is public: Textual moves the cursor there after each frame."""
        if not self.is_attached or self.app.screen is not self:
            return
        step = self._steps.current_offset
        if step is not None:
            self.app.cursor_position = step
        elif self.timer.done:  # the cursor goes to the TIME'S UP line
            self.app.cursor_position = self._face.state_offset

    def _on_time_up(self) -> None:
        self._finished = True  # the three bells and "time's up" come from the cues
        self.coach.notice_if_away(t("Time's up"), t("Let go slowly."))
        self.set_timer(AUTO_NEXT_SECONDS, self.action_next, name="hold-auto-next")

    def partial_result(self) -> HoldResult:
        """The hold up to now, for a way out that does not go through this screen
        (Ctrl+C, a closed terminal): the seconds really held and the position used."""
        return self._result("left")

    def _result(self, ended: HoldEnd) -> HoldResult:
        timer = self.timer
        return HoldResult(
            ended, self.planned, timer.seconds - self.planned, timer.elapsed(), self.position
        )

    def action_toggle_pause(self) -> None:
        if not self.timer.done:
            self.timer.toggle()
            if self.timer.paused:
                self.coach.voice.stop()
            self.tick()

    def action_extend(self) -> None:
        self._finished = False
        self.timer.extend(self.content.hold.extend_seconds)
        self.tick()

    def action_eased(self) -> None:
        """`d`: it eased. At TIME'S UP the hold was complete, and is reported so: "eased"
        means it ended early (the question after it said "finished early")."""
        ended: HoldEnd = "time" if self.timer.done else "eased"
        self.timer.finish()
        self.dismiss(self._result(ended))

    def on_screen_resume(self) -> None:
        if self._finished:  # time ran out while help was open on top
            self.set_timer(AUTO_NEXT_SECONDS, self.action_next, name="hold-auto-next")

    def action_next(self) -> None:
        if self.timer.done and self._finished and self.app.screen is self:  # on top
            self.dismiss(self._result("time"))

    def action_leave(self) -> None:
        self.dismiss(self._result("left"))

    async def action_position(self, index: int) -> None:
        positions = self.content.positions
        if self.timer.done:  # the hold is over: its position is what was used
            return
        if index < len(positions) and positions[index].id != self.position:
            self.position = positions[index].id
            self._build_steps()
            self._heard = self._heard._replace(step=-1)  # this position's step is said now
            self._shown = None
            self.tick()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.timer.done
        if action in ("toggle_pause", "position"):
            return not self.timer.done
        return True
