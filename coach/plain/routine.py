"""Plain mode's bedtime routine: the version asked for, then each timed stretch printed
(and spoken) as it starts."""

from __future__ import annotations

from coach.core.cues import segment_cue
from coach.core.i18n import t
from coach.core.routine import plan, total_seconds
from coach.core.steps import RoutineResult, RoutineStep
from coach.core.timer import HoldTimer, step_index
from coach.plain.prompt import Console, Option
from coach.text import wording


class PlainRoutine:
    def __init__(self, console: Console) -> None:
        self.console = console

    def run(self, step: RoutineStep) -> RoutineResult:
        console = self.console
        routine = console.content.routine
        version = routine.versions[step.version]
        if len(routine.versions) > 1:
            chosen = console.ask(
                t("{title}. {signs}", title=routine.title, signs=routine.intro)
                + " "
                + t("Which version?"),
                [Option(v.key, v.label, v.id) for v in routine.versions],
            )
            version = next(v for v in routine.versions if v.id == chosen)
        segments = plan(routine, version, step.night)
        console.say(wording.how_sure(console.content, routine.evidence, routine.source))
        console.say(routine.breathe)
        timer = HoldTimer(total_seconds(segments), console.clock)
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
                title = seg.title.removesuffix("。")  # a Chinese full stop, then a comma
                said = t(
                    "{title}, {seconds} s: {what}", title=title, seconds=seg.seconds, what=seg.text
                )
                console.say(said)
                if cue:
                    console.voice.say(cue.text)
            console.sleep(timer.until_next_change() or 0.05)
        console.say(t("Routine done. Well done; sleep well."))
        console.voice.say(t("Routine done. Well done; sleep well."))
        return RoutineResult(True, timer.elapsed(), version.id)
