"""Plain mode's timed hold: each step of the stretch printed as it starts, the time left
every few seconds, the same spoken cues as the app, and p, +, d, q typed while it runs.
"""

from __future__ import annotations

from coach.core import i18n
from coach.core.cues import GAP, WAIT_FOR_WHOLE, Heard, HoldPlan, hold_cues, is_free
from coach.core.i18n import t
from coach.core.speaking import reader_pace, seconds_to_say
from coach.core.steps import Hold, HoldEnd, HoldResult
from coach.core.timer import HoldTimer, clock_text
from coach.plain.prompt import Console, EndOfInput
from coach.text import wording
from coach.text.diary_text import past_line

REPORT_EVERY = 10
"""Seconds between "time left" lines during a hold (each only where nothing else is read)."""
PRINTED = ("step", "time_up")
"""What plain mode prints of the speech planned for a reader: the steps and time's up."""
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
        p, +, d and q (then Enter) while it runs.

        A line printed is a line a screen reader reads, one after another: what is
        printed is planned as the voice's speech is (coach/core/cues.py), at the pace of
        a reader (`reader_pace`), so that a step is printed when the one before has been
        read, in a shorter form if the whole would run into the next, and time's up is
        heard when it is printed. "Time left" and the person's own record are printed
        only where nothing else is being read; the keys and how sure are under `?`."""
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
        opening = held
        console.say(opening)
        self._about = [
            guide.short,
            t("While it runs: p pause, + add 30 s, d done (it eased), q leave. Then Enter."),
            wording.how_sure(content, guide.evidence, guide.source),
        ]
        pace = reader_pace(i18n.language())
        read = [
            f"{t('Step {number} of {total}:', number=n, total=len(steps))} {s.text}"
            for n, s in enumerate(steps, 1)
        ]
        # Optional lines, each printed once, where it fits: where the keys are, and the
        # person's own record.
        waiting = [t("Keys: ? then Enter.")]
        if step.past is not None:
            waiting.append(past_line(step.past, content))
        timer.start()
        next_report, listening = step.seconds - REPORT_EVERY, True
        default, spoken = content.hold.default_seconds, [s.text for s in steps]
        first_free = seconds_to_say(opening, pace) + GAP  # once the opening line is read
        heard, reading = Heard(), Heard(ready=first_free)
        free_from = first_free  # and once the last optional line printed is read
        # `_timer` and `_hold` stay set after a return or an interrupt: a way out in the
        # middle (Ctrl+C) reads the seconds held from them (partial_result).
        while True:
            elapsed = timer.elapsed()
            if not timer.paused and not timer.finished_early:
                plan = HoldPlan(steps, spoken, timer.seconds, default, console.voice.pace)
                cues, heard = hold_cues(plan, heard, elapsed)  # the same cues as the app
                if cues and cues[-1].kind != "time_up":  # said with the question
                    console.voice.say(cues[-1].text)
                plan = HoldPlan(steps, read, timer.seconds, default, pace, lates=WAIT_FOR_WHOLE)
                lines, reading = hold_cues(plan, reading, elapsed)
                for line in lines:
                    if line.kind == "step":  # half way and the counts: the voice's only
                        console.say(line.text)
            left = timer.seconds_left()
            if timer.done:
                console.say(t("Time's up. Let go slowly."))
                return self._ended("time")
            if not timer.paused:
                read_out = [said for said in reading.speech if said.cue.kind in PRINTED]
                report = t("{time} left.", time=clock_text(left))
                due = [report] if left <= next_report else []
                for optional in [*waiting, *due]:
                    took = seconds_to_say(optional, pace)
                    if elapsed >= free_from and is_free(read_out, elapsed, took):
                        console.say(optional)
                        free_from = elapsed + took + GAP
                        if optional in waiting:
                            waiting.remove(optional)
                if left <= next_report:
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
