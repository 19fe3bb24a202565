"""How plain mode shows each step of the flow: one method per step type.

Each method prints the step and returns its answer, typed as `coach.core.steps` says.
Split from plain.py so that each file stays small; PlainCoach supplies `say`,
`ask`, `lines`, `input`, `content`, `region`, `clock` and `sleep`.
"""

from __future__ import annotations

from typing import Any

from coach.core.cues import Heard, HoldPlan, hold_cues, question_cue
from coach.core.i18n import t
from coach.core.steps import (
    AfterCare,
    CauseQuestions,
    EasedAnswer,
    EasedQuestion,
    GetHelp,
    Hold,
    HoldResult,
    NextAnswer,
    RoutineStep,
    SafetyQuestion,
    Step,
    TipsStep,
    WhatNext,
)
from coach.core.timer import HoldTimer, clock_text, step_index
from coach.plain.after import AfterTheHold
from coach.plain.prompt import EndOfInput, Option
from coach.system.speech import Voice
from coach.text import wording
from coach.text.diary_text import past_line

REPORT_EVERY = 10
"""Seconds between "time left" lines during a hold."""
SHOWN_BY: dict[type, str] = {
    SafetyQuestion: "safety",
    Hold: "hold",
    EasedQuestion: "eased",
    WhatNext: "what_next",
    GetHelp: "get_help",
    AfterCare: "after_care",
    CauseQuestions: "causes",
    TipsStep: "tips",
    RoutineStep: "routine",
}
"""The method of PlainSteps that shows each step type."""
HOLD_KEYS = {
    **{key: "pause" for key in ("p", "pause")},
    **{key: "extend" for key in ("+", "add")},
    **{key: "eased" for key in ("d", "done")},
    **{key: "leave" for key in ("q", "leave", "quit")},
    "!": "help",
    "?": "help",
}


class PlainSteps(AfterTheHold):
    _timer: HoldTimer | None = None
    _hold: Hold | None = None
    voice: Voice = Voice(False)
    """Spoken cues (--voice); PlainCoach sets its own."""

    def show(self, step: Step) -> Any:
        return getattr(self, SHOWN_BY[type(step)])(step)

    def partial_hold(self) -> HoldResult | None:
        """The running hold up to now, for a way out in the middle of it."""
        if self._timer is None or self._hold is None:
            return None
        timer, hold = self._timer, self._hold
        return HoldResult(
            "left", hold.seconds, timer.seconds - hold.seconds, timer.elapsed(), hold.position
        )

    def safety(self, step: SafetyQuestion) -> str:

        if step.disclaimer:
            self.say(wording.disclaimer(self.region))
        return self.ask(  # type: ignore[return-value]
            t("Before you stretch: is one leg swollen, warm, red or darker than the other?"),
            [
                Option("n", t("No: start the stretch"), "no"),
                Option("y", t("Yes: do not stretch, get help"), "yes"),
                Option("q", t("Leave"), "leave"),
            ],
        )

    def hold(self, step: Hold) -> HoldResult:
        """Print each step as it starts and the time left every few seconds; take
        p, +, d and q (then Enter) while it runs."""

        guide = self.content.guides[step.side]
        steps = guide.steps[step.position]
        label = next(p.label for p in self.content.positions if p.id == step.position)
        timer = self._timer = HoldTimer(step.seconds, self.clock)
        self._hold = step
        held = t(
            "{side}, {position}: hold for {time}.",
            side=guide.label,
            position=label.lower(),
            time=clock_text(step.seconds),
        )
        self.say(f"{held} {guide.short}")
        self.say(wording.how_sure(self.content, guide.evidence, guide.source))
        if step.past is not None:
            self.say(past_line(step.past, self.content))
        self.say(t("While it runs: p pause, + add 30 s, d done (it eased), q leave. Then Enter."))
        timer.start()
        shown, next_report, listening = -1, step.seconds - REPORT_EVERY, True
        default, spoken, heard = self.content.hold.default_seconds, [s.text for s in steps], Heard()
        # `_timer` and `_hold` stay set after a return or an interrupt: a way out in the
        # middle (Ctrl+C) reads the seconds held from them (partial_hold).
        while True:
            elapsed = timer.elapsed()
            if not timer.paused and not timer.finished_early:  # the same cues as the app
                plan = HoldPlan(steps, spoken, timer.seconds, default)
                cues, heard = hold_cues(plan, heard, elapsed)
                if cues and cues[-1].kind != "time_up":  # said with the question
                    self.voice.say(cues[-1].text)
            # time added does not send a step back
            index = max(step_index(steps, elapsed, timer.seconds, default), heard.step)
            if index != shown:
                shown = index
                at = t(
                    "Step {number} of {total}, at {time}:",
                    number=index + 1,
                    total=len(steps),
                    time=clock_text(round(elapsed)),
                )
                self.say(f"{at} {steps[index].text}")
            left = timer.seconds_left()
            if timer.done:
                self.say(t("Time's up. Let go slowly."))
                return self.partial_hold()._replace(ended="time")  # type: ignore[union-attr]
            if left <= next_report and not timer.paused:
                self.say(t("{time} left.", time=clock_text(left)))
                next_report = (left - 1) // REPORT_EVERY * REPORT_EVERY
            wait = timer.until_next_change()
            wait = 0.25 if wait is None else min(wait, 0.25)
            if not (listening and self.input.ready(wait)):
                self.sleep(wait)
                continue
            try:
                line = self.input.readline().strip().lower()
            except EndOfInput:  # input has ended: the hold runs on (never stuck in
                listening = False  # a pause), and the question after it sees the end
                timer.resume()
                continue
            what = HOLD_KEYS.get(line)
            if what is None and line and self.input.is_terminal:
                self.say(t("Sorry: p pause, + add 30 s, d done, q leave; then Enter."))
            elif what is None and line:
                self.input.keep(line)  # piped: typed for the question after the hold
                listening = False
            elif what == "eased":
                timer.finish()
                return self.partial_hold()._replace(ended="eased")  # type: ignore[union-attr]
            elif what == "leave":
                self.voice.stop()
                return self.partial_hold()  # type: ignore[return-value]
            elif what is not None:
                next_report = self._hold_key(what, line, timer, next_report)

    def _hold_key(self, what: str, line: str, timer: HoldTimer, next_report: int) -> int:
        """Pause, add time or help during a hold; the next "time left" line is due at
        the second returned."""

        if what == "pause":
            timer.toggle()
            if timer.paused:
                self.voice.stop()
            self.say(
                t("PAUSED. Press p and Enter to carry on.") if timer.paused else t("Carrying on.")
            )
        elif what == "extend":
            extra = self.content.hold.extend_seconds
            timer.extend(extra)
            self.say(
                t(
                    "Added {seconds} s: {time} left.",
                    seconds=extra,
                    time=clock_text(timer.seconds_left()),
                )
            )
            return timer.seconds_left() - 1
        else:
            self.help_key(line)
        return next_report

    def eased(self, step: EasedQuestion) -> EasedAnswer:

        if step.hold.ended == "eased":
            self.say(
                t(
                    "Hold finished early, after {time}.",
                    time=clock_text(round(step.hold.actual_seconds)),
                )
            )
        # Here the question follows time's up at once: said as one, so neither cuts the other.
        ended = t("Time's up. Let go slowly.") + " " if step.hold.ended == "time" else ""
        self.voice.say(ended + question_cue(t("Has the cramp eased?")).text)
        outcome = self.ask(
            t("Has the cramp eased?"),
            [
                Option("y", t("Yes, it's gone"), "gone"),
                Option("s", t("Somewhat better"), "somewhat"),
                Option("n", t("No, still cramping"), "still"),
                Option("q", t("Leave"), "leave"),
            ],
        )
        severity = None if outcome == "leave" else self._severity()
        return EasedAnswer(outcome, severity)  # type: ignore[arg-type]

    def _severity(self) -> int | None:
        """Optional, so the end of input here skips it: the answer before it stands."""
        while True:
            ask = t("How bad was it at its worst? 0 none to 10 worst (x is 10), Enter skips: ")
            print(ask, end="", file=self.stdout, flush=True)
            try:
                line = self.input.readline().strip().lower()
            except EndOfInput:
                self.say()
                return None
            if not self.input.is_terminal:
                self.say(line)
            if not line:
                return None
            if self.help_key(line):
                continue
            if line == "x":
                return 10
            if line.isdigit() and 0 <= int(line) <= 10:
                return int(line)
            self.say(t("Sorry, I did not understand {answer}.", answer=repr(line)))

    def what_next(self, step: WhatNext) -> NextAnswer:

        self.lines(wording.what_next(step))
        self.lines(wording.relief(step, self.content))
        options = [
            Option("h", t("Hold the stretch again"), "hold"),
            Option("q", t("Stop here"), "stop"),
        ]
        ahead = {o.key: str(o.value) for o in options}
        ahead |= {str(i): str(o.value) for i, o in enumerate(options, 1)}
        tried, said = self.relief_tried(ahead) if step.show_relief else ((), None)
        choice = said or self.ask(t("What next?"), options)
        return NextAnswer(choice, tried)  # type: ignore[arg-type]

    def get_help(self, step: GetHelp) -> None:
        self.lines(wording.get_help(step, self.content, self.region, "text"))

    def after_care(self, step: AfterCare) -> None:
        self.lines(wording.after_care(step, self.region))
