"""Plain mode's timed hold: each step of the stretch printed as it starts, the time left
every few seconds, the same spoken cues as the app, and p, +, d, q typed while it runs.
"""

from __future__ import annotations

from coach.core.cues import Heard, HoldPlan, hold_cues
from coach.core.i18n import t
from coach.core.steps import Hold, HoldEnd, HoldResult
from coach.core.timer import HoldTimer, clock_text, step_index
from coach.plain.prompt import Console, EndOfInput
from coach.text import wording
from coach.text.diary_text import past_line

REPORT_EVERY = 10
"""Seconds between "time left" lines during a hold."""
HOLD_KEYS = {
    **{key: "pause" for key in ("p", "pause")},
    **{key: "extend" for key in ("+", "add")},
    **{key: "eased" for key in ("d", "done")},
    **{key: "leave" for key in ("q", "leave", "quit")},
    **{key: "help" for key in ("!", "?", "！", "？")},  # and as a Chinese keyboard types them
}


class PlainHold:
    """Runs one hold at a time; keeps the last one's timer, so that a way out in the
    middle (Ctrl+C, the end of input) can say how long it was held."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._timer: HoldTimer | None = None
        self._hold: Hold | None = None
        self._about: list[str] = []
        """What `?` says during the hold: its keys, and how sure and who says so."""

    def partial_result(self, ended: HoldEnd = "left") -> HoldResult | None:
        """The running (or last) hold up to now; None before any hold."""
        if self._timer is None or self._hold is None:
            return None
        timer, hold = self._timer, self._hold
        return HoldResult(
            ended, hold.seconds, timer.seconds - hold.seconds, timer.elapsed(), hold.position
        )

    def run(self, step: Hold) -> HoldResult:
        """Print each step as it starts and the time left every few seconds; take
        p, +, d and q (then Enter) while it runs."""
        console, content = self.console, self.console.content
        guide = content.guides[step.side]
        steps = guide.steps[step.position]
        label = next(p.label for p in content.positions if p.id == step.position)
        timer = self._timer = HoldTimer(step.seconds, console.clock)
        self._hold = step
        held = t(
            "{side}, {position}: hold for {time}.",
            side=guide.label,
            position=label.lower(),
            time=clock_text(step.seconds),
        )
        console.say(f"{held} {guide.short}")
        # Step 1 next, then what is not the stretch itself: how sure and the keys are
        # said on `?` (a screen reader reads every line before step 1 in a cramp).
        self._about = [
            t("While it runs: p pause, + add 30 s, d done (it eased), q leave. Then Enter."),
            wording.how_sure(content, guide.evidence, guide.source),
        ]
        timer.start()
        shown, next_report, listening = -1, step.seconds - REPORT_EVERY, True
        shown_after_first = False
        default, spoken, heard = content.hold.default_seconds, [s.text for s in steps], Heard()
        # `_timer` and `_hold` stay set after a return or an interrupt: a way out in the
        # middle (Ctrl+C) reads the seconds held from them (partial_result).
        while True:
            elapsed = timer.elapsed()
            if not timer.paused and not timer.finished_early:  # the same cues as the app
                plan = HoldPlan(steps, spoken, timer.seconds, default, console.voice.pace)
                cues, heard = hold_cues(plan, heard, elapsed)
                if cues and cues[-1].kind != "time_up":  # said with the question
                    console.voice.say(cues[-1].text)
            # time added does not send a step back
            index = max(step_index(steps, elapsed, timer.seconds, default), heard.step)
            if index != shown:
                shown = index
                # No elapsed time here: "at 0:00" beside "1:00 left" was two clocks to hear.
                at = t("Step {number} of {total}:", number=index + 1, total=len(steps))
                console.say(f"{at} {steps[index].text}")
                if index == 0 and shown_after_first is False:
                    shown_after_first = True
                    if step.past is not None:
                        console.say(past_line(step.past, content))
                    console.say(t("Keys: ? then Enter."))
            left = timer.seconds_left()
            if timer.done:
                console.say(t("Time's up. Let go slowly."))
                return self._ended("time")
            if left <= next_report and not timer.paused:
                console.say(t("{time} left.", time=clock_text(left)))
                next_report = (left - 1) // REPORT_EVERY * REPORT_EVERY
            wait = timer.until_next_change()
            wait = 0.25 if wait is None else min(wait, 0.25)
            if not (listening and console.input.ready(wait)):
                console.sleep(wait)
                continue
            try:
                line = console.input.readline().strip().lower()
            except EndOfInput:  # input has ended: the hold runs on (never stuck in
                listening = False  # a pause), and the question after it sees the end
                timer.resume()
                continue
            what = HOLD_KEYS.get(line)
            if what is None and line and console.input.is_terminal:
                console.say(t("Sorry: p pause, + add 30 s, d done, q leave; then Enter."))
            elif what is None and line:
                console.input.keep(line)  # piped: typed for the question after the hold
                listening = False
            elif what == "eased":
                timer.finish()
                return self._ended("eased")
            elif what == "leave":
                console.voice.stop()
                return self._ended("left")
            elif what is not None:
                next_report = self._key(what, line, timer, next_report)

    def _ended(self, how: HoldEnd) -> HoldResult:
        result = self.partial_result(how)
        assert result is not None  # a hold is running
        return result

    def _key(self, what: str, line: str, timer: HoldTimer, next_report: int) -> int:
        """Pause, add time or help during a hold; the next "time left" line is due at
        the second returned."""
        console = self.console
        if what == "pause":
            timer.toggle()
            if timer.paused:
                console.voice.stop()
            console.say(
                t("PAUSED. Press p and Enter to carry on.") if timer.paused else t("Carrying on.")
            )
        elif what == "extend":
            extra = console.content.hold.extend_seconds
            timer.extend(extra)
            console.say(
                t(
                    "Added {seconds} s: {time} left.",
                    seconds=extra,
                    time=clock_text(timer.seconds_left()),
                )
            )
            return timer.seconds_left() - 1
        else:
            console.help_key(line, about=self._about if line in ("?", "？") else None)
        return next_report
