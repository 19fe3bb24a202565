"""How plain mode shows each step of the flow: one method per step type.

Each method prints the step and returns its answer, of the type `coach.core.steps`
names; the two timed steps, the hold and the routine, are PlainHold's and
PlainRoutine's.
"""

from __future__ import annotations

from typing import cast

from coach.core.advice import tip_evidence, tip_sections
from coach.core.cues import question_cue
from coach.core.i18n import t
from coach.core.steps import (
    ASK_LATER,
    AfterCare,
    CauseQuestions,
    EasedAnswer,
    EasedOutcome,
    EasedQuestion,
    GetHelp,
    Hold,
    HoldResult,
    LegAnswer,
    NextAnswer,
    NextChoice,
    RoutineStep,
    SafetyAnswer,
    SafetyQuestion,
    SignAnswer,
    Step,
    TipsStep,
    WhatNext,
    WhichSign,
)
from coach.core.timer import clock_text
from coach.plain.hold import PlainHold
from coach.plain.prompt import Console, EndOfInput, Option
from coach.plain.routine import PlainRoutine
from coach.text import wording
from coach.text.aloud import help_said
from coach.text.wording import LEG_NAMES, LEG_PROMPT


class PlainSteps:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.holds = PlainHold(console)
        self.routine = PlainRoutine(console)
        self._hold_again = False
        """"h" at "has it eased?": still cramping and hold again, in one answer, so
        the next hold starts without the relief list and a second prompt (a screen
        reader says each line; the cramp is still there)."""

    def show(self, step: Step) -> object:
        """Print `step`; its answer, or None for a page that is only read."""
        console = self.console
        match step:
            case SafetyQuestion():
                return self.safety(step)
            case WhichSign():
                return self.which_sign(step)
            case Hold():
                return self.holds.run(step)
            case EasedQuestion():
                return self.eased(step)
            case WhatNext():
                return self.what_next(step)
            case GetHelp():
                lines = wording.get_help(step, console.content, console.region, "text")
                console.voice.say_first(help_said(lines))  # said before it is printed
                console.lines(lines)
            case AfterCare():
                console.lines(wording.after_care(step, console.region))
                return self.leg()
            case CauseQuestions():
                return self.causes(step)
            case TipsStep():
                self.tips(step)
            case RoutineStep():
                return self.routine.run(step)
        return None

    def partial_hold(self) -> HoldResult | None:
        """The running hold up to now, for a way out in the middle of it."""
        return self.holds.partial_result()

    def safety(self, step: SafetyQuestion) -> SafetyAnswer:
        console = self.console
        if step.disclaimer:
            console.say(wording.disclaimer(console.region))
        console.say(t("Before you stretch, check for these:"))
        for case in wording.GATE_CASES:
            console.say(f"- {t(case)}")
        while True:
            options = [
                Option("n", t("No, none of these: start the stretch"), "no"),
                Option("y", t("Yes: do not stretch, get help"), "yes"),
                Option("q", t("Leave"), "leave"),
            ]
            aside = []
            if console.ask_region and console.region.id != "default":
                # Started straight into a stretch (`calf-coach back`) on a first run: the
                # locale's country is shown for confirming before any number is needed.
                aside.append(
                    t(
                        "Numbers for: {country} ({number}). Not right? c to change.",
                        country=console.region.name,
                        number=console.region.emergency,
                    )
                )
                options.append(Option("c", t("Change"), "country", listed=False))
            answer = console.ask(t("Any of these?"), options, aside=aside)
            if answer != "country":
                return cast(SafetyAnswer, answer)  # one of the options' values
            console.pick_country()

    def which_sign(self, step: WhichSign) -> SignAnswer:
        """After "yes" at the gate: which case, so its own help and number are shown."""
        console = self.console
        console.say(t("Do not stretch."))
        answer = console.ask(
            t("Which one? Press its number."),
            [
                Option(str(key), t(label), value)
                for key, (value, label) in enumerate(wording.SIGN_NAMES.items(), 1)
            ],
        )
        return cast(SignAnswer, answer)  # one of the options' values

    def leg(self) -> LegAnswer:
        """Which leg, one letter, optional: Enter or the end of input skips it, and an
        answer to the next question (a script, or typing ahead) is kept for it."""
        console = self.console
        legs: dict[str, LegAnswer] = {"l": "left", "r": "right", "b": "both"}
        words = {leg: leg for leg in LEG_NAMES}
        words |= {t(name).lower(): leg for leg, name in LEG_NAMES.items()}
        while True:
            console.prompt(t(LEG_PROMPT))
            try:
                line = console.input.readline().strip()
            except EndOfInput:
                console.say()
                return "skip"
            if not console.input.is_terminal:
                console.say(line)
            said = line.lower()
            if console.help_key(said):
                continue
            if said in legs or said in words:
                return legs.get(said) or words[said]
            if said:
                console.input.keep(line)  # for the next question
            return "skip"

    def eased(self, step: EasedQuestion) -> EasedAnswer:
        console = self.console
        if step.hold.ended == "eased":
            console.say(
                t(
                    "Hold finished early, after {time}.",
                    time=clock_text(round(step.hold.actual_seconds)),
                )
            )
        # Here the question follows time's up at once: said as one, so neither cuts the other.
        ended = t("Time's up. Let go slowly.") + " " if step.hold.ended == "time" else ""
        console.voice.say(ended + question_cue(t("Has the cramp eased?")).text)
        outcome = console.ask(
            t("Has the cramp eased?"),
            [
                Option("y", t("Yes, it's gone"), "gone"),
                Option("k", t("The knot has gone, but it is sore"), "sore"),
                Option("s", t("Still there, but weaker"), "somewhat"),
                Option("n", t("No, still cramping"), "still"),
                Option("h", t("Still cramping: hold again now"), "hold-again"),
                Option("q", t("Leave"), "leave"),
            ],
        )
        self._hold_again = outcome == "hold-again"
        if self._hold_again:
            outcome = "still"
        # How bad it was is asked once it has passed its worst, never while it still
        # cramps (the question is in the past tense; the person is still in pain).
        severity = None if outcome in ("leave", "still") else self._severity()
        return EasedAnswer(cast(EasedOutcome, outcome), severity)  # one of the options' values

    def _severity(self) -> int | None:
        """Optional, so the end of input here skips it: the answer before it stands."""
        console = self.console
        while True:
            ask = t("How bad was it at its worst? 0 none to 10 worst (x is 10), Enter skips: ")
            console.prompt(ask)
            try:
                line = console.input.readline().strip().lower()
            except EndOfInput:
                console.say()
                return None
            if not console.input.is_terminal:
                console.say(line)
            if not line:
                return None
            if line in ("q", "leave", "quit"):  # skips it, and leaves at the next question
                console.input.keep(line)
                return None
            if console.help_key(line):
                continue
            if line == "x":
                return 10
            if line.isascii() and line.isdigit() and 0 <= int(line) <= 10:
                return int(line)
            console.say(t("Sorry, I did not understand {answer}.", answer=repr(line)))

    def what_next(self, step: WhatNext) -> NextAnswer:
        console = self.console
        console.lines(wording.what_next(step))
        if self._hold_again:  # answered with "h" already: the time line, then the hold
            self._hold_again = False
            return NextAnswer("hold")
        console.lines(wording.relief(step, console.content))
        options = [
            Option("h", t("Hold the stretch again"), "hold"),
            Option("q", t("Stop here"), "stop"),
        ]
        ahead = {o.key: str(o.value) for o in options}
        ahead |= {str(i): str(o.value) for i, o in enumerate(options, 1)}
        tried, said = self.relief_tried(ahead) if step.show_relief else ((), None)
        choice = said or console.ask(t("What next?"), options)
        return NextAnswer(cast(NextChoice, choice), tried)  # one of the options' values

    def relief_tried(self, ahead: dict[str, str]) -> tuple[tuple[str, ...], str | None]:
        """Which other relief was tried, by letters: optional, so Enter or the end of
        input answers none (the flow decides what to keep). A key of the next question
        (`ahead`: h, q, 1, 2) typed here answers none and that question at once."""
        console = self.console
        keys = {r.key: r.id for r in console.content.relief_to_try() if r.key}
        if not keys:
            return (), None
        names = {**keys, **{i: i for i in keys.values()}}
        example = " ".join(keys)
        while True:
            ask = t(
                "Tried any of these? Type their letters (e.g. {example}), or Enter for none: ",
                example=example,
            )
            console.prompt(ask)
            try:
                line = console.input.readline().strip().lower()
            except EndOfInput:
                console.say()
                return (), None
            if not console.input.is_terminal:
                console.say(line)
            if console.help_key(line):
                continue
            if line in ahead:
                return (), ahead[line]
            words = line.replace(",", " ").split()
            if all(w in names for w in words):
                return tuple(dict.fromkeys(names[w] for w in words)), None
            console.say(t("Sorry, I did not understand {answer}.", answer=repr(line)))

    def causes(self, step: CauseQuestions) -> tuple[str, ...] | str:
        """Each cause, y / n / s; q skips the rest (as in the app), and at night m
        leaves them all for the morning."""
        console = self.console
        console.say(t("What might have set it off? Answer each, or s to skip."))
        if step.night:
            console.say(t(wording.CAUSES_AT_NIGHT))
        options = [
            Option("y", t("Yes"), "yes"),
            Option("n", t("No"), "no"),
            Option("s", t("Skip"), "skip"),
            Option("q", t("Skip all"), "rest"),
        ]
        if step.night:
            options.append(Option("m", t("Ask in the morning"), "later"))
        yes = []
        for cause_id in step.cause_ids:
            answer = console.ask(console.content.cause(cause_id).question, options)
            if answer == "later":
                return ASK_LATER
            if answer == "rest":
                break
            if answer == "yes":
                yes.append(cause_id)
        return tuple(yes)

    def tips(self, step: TipsStep) -> None:
        console, content = self.console, self.console.content
        for cause_id in step.cause_ids:
            cause = content.cause(cause_id)
            level = content.evidence[cause.evidence].label
            head = t("{heading}:", heading=cause.name)
            console.say(f"{head} {cause.explanation} [{level}: {cause.source}]")
        for section in tip_sections(content, step.cause_ids):
            console.say(t("{heading}:", heading=section.title))
            for tip in section.tips:
                label, meta = tip_evidence(content, tip)
                console.say(f"- {tip.text} {label}{meta}")
