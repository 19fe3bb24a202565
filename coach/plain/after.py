"""How plain mode shows the steps after the cramp has eased, and the routine: the
cause questions, the tips, and the bedtime routine's timed stretches.

Split from plain_steps.py so each file stays small; a mixin of PlainSteps.
"""

from __future__ import annotations

from coach.core.advice import tip_evidence, tip_sections
from coach.core.cues import segment_cue
from coach.core.i18n import t
from coach.core.routine import plan, total_seconds
from coach.core.steps import CauseQuestions, RoutineResult, RoutineStep, TipsStep
from coach.core.timer import HoldTimer, step_index
from coach.plain.prompt import EndOfInput, Option
from coach.text import wording


class AfterTheHold:
    def relief_tried(self, ahead: dict[str, str]) -> tuple[tuple[str, ...], str | None]:
        """Which other relief was tried, by letters: optional, so Enter or the end of
        input answers none (the flow decides what to keep). A key of the next question
        (`ahead`: h, q, 1, 2) typed here answers none and that question at once."""
        keys = {r.key: r.id for r in self.content.relief_to_try()}
        if not keys:
            return (), None
        names = {**keys, **{i: i for i in keys.values()}}
        example = " ".join(keys)
        while True:
            ask = t(
                "Tried any of these? Type their letters (e.g. {example}), or Enter for none: ",
                example=example,
            )
            print(ask, end="", file=self.stdout, flush=True)
            try:
                line = self.input.readline().strip().lower()
            except EndOfInput:
                self.say()
                return (), None
            if not self.input.is_terminal:
                self.say(line)
            if self.help_key(line):
                continue
            if line in ahead:
                return (), ahead[line]
            words = line.replace(",", " ").split()
            if all(w in names for w in words):
                return tuple(dict.fromkeys(names[w] for w in words)), None
            self.say(t("Sorry, I did not understand {answer}.", answer=repr(line)))

    def causes(self, step: CauseQuestions) -> tuple[str, ...]:

        self.say(t("What might have set it off? Answer each, or s to skip."))
        yes = []
        for cause_id in step.cause_ids:
            answer = self.ask(
                self.content.cause(cause_id).question,
                [
                    Option("y", t("Yes"), "yes"),
                    Option("n", t("No"), "no"),
                    Option("s", t("Skip"), "skip"),
                ],
            )
            if answer == "yes":
                yes.append(cause_id)
        return tuple(yes)

    def tips(self, step: TipsStep) -> None:
        content = self.content
        for cause_id in step.cause_ids:
            cause = content.cause(cause_id)
            level = content.evidence[cause.evidence].label
            head = t("{heading}:", heading=cause.name)
            self.say(f"{head} {cause.explanation} [{level}: {cause.source}]")
        for section in tip_sections(content, step.cause_ids):
            self.say(t("{heading}:", heading=section.title))
            for tip in section.tips:
                label, meta = tip_evidence(content, tip)
                self.say(f"- {tip.text} {label}{meta}")

    def routine(self, step: RoutineStep) -> RoutineResult:

        routine = self.content.routine
        version = routine.versions[step.version]
        if len(routine.versions) > 1:
            chosen = self.ask(
                f"{routine.title}. {routine.intro} " + t("Which version?"),
                [Option(v.key, v.label, v.id) for v in routine.versions],
            )
            version = next(v for v in routine.versions if v.id == chosen)
        segments = plan(routine, version)
        self.say(wording.how_sure(self.content, routine.evidence, routine.source))
        self.say(routine.breathe)
        timer = HoldTimer(total_seconds(segments), self.clock)
        timer.start()
        shown = -1
        while not timer.done:
            index = step_index(segments, timer.elapsed(), 1, 1)
            if index != shown:
                cue = segment_cue(
                    [s.title for s in segments], [s.stretching for s in segments], shown, index
                )
                shown = index
                seg = segments[index]
                self.say(f"{seg.title}, {seg.seconds} s: {seg.text}")
                if cue:
                    self.voice.say(cue.text)
            self.sleep(timer.until_next_change() or 0.05)
        self.say(t("Routine done. Well done; sleep well."))
        self.voice.say(t("Routine done. Well done; sleep well."))
        return RoutineResult(True, timer.elapsed(), version.id)
