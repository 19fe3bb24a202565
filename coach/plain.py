"""Plain mode: the same coaching as numbered questions and printed lines.

Textual cannot talk to screen readers, and some people use a serial console, a
dumb terminal or a pipe. This mode prints one line at a time, reads answers from
standard input, and uses the same content, timer, episode and history code.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from coach.advice import rank_tips
from coach.content import Content, Region
from coach.episode import Episode
from coach.i18n import t
from coach.printing import HEADINGS, REASONS
from coach.recorder import Recorder
from coach.routine import plan, total_seconds
from coach.settings import SettingsFile
from coach.timer import Clock, HoldTimer, step_index

REPORT_EVERY = 10
"""Seconds between "time left" lines during a hold."""


class EndOfInput(Exception):
    """Standard input closed: leave cleanly, keeping what was said."""


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    value: str


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class PlainCoach:
    def __init__(
        self,
        content: Content,
        *,
        recorder: Recorder,
        prefs: SettingsFile,
        region: Region,
        hold_seconds: int | None = None,
        position: str | None = None,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.content = content
        self.recorder = recorder
        self.prefs = prefs
        self.region = region
        self.hold_seconds = hold_seconds or content.hold.default_seconds
        self.position = content.first_position(position, prefs.settings.position)
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.clock = clock
        self.sleep = sleep

    def say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def warn(self, warning: str | None) -> None:
        if warning:
            self.say(t("Note: {warning}", warning=warning))

    def ask(self, question: str, choices: list[Choice]) -> str:
        """Ask until a known answer: its number, its letter, or its words."""
        self.say(question)
        for i, choice in enumerate(choices, 1):
            self.say(f"  {i}. ({choice.key}) {choice.label}")
        hint = ", ".join(c.key for c in choices)
        while True:
            prompt = t("Answer 1-{last} or {keys}: ", last=len(choices), keys=hint)
            print(prompt, end="", file=self.stdout, flush=True)
            line = self.stdin.readline()
            if not line:
                self.say()
                raise EndOfInput
            if not self.stdin.isatty():
                self.say(line.strip())  # keep a piped transcript readable
            answer = line.strip().lower()
            for i, choice in enumerate(choices, 1):
                if answer in (str(i), choice.key.lower(), choice.label.lower()):
                    return choice.value
            self.say(t("Sorry, I did not understand {answer}.", answer=repr(answer)))

    def run(self, start: str | None = None) -> int:
        if not self.prefs.settings.disclaimer_seen:
            self.say(
                t(
                    "Calf Coach gives self-care guidance, not a diagnosis. In an emergency "
                    "call {number}.",
                    number=self.region.emergency,
                )
            )
            self.prefs.settings.disclaimer_seen = True
            self.warn(self.prefs.save())
        episode: Episode | None = None
        try:
            if start == "routine":
                return self.routine()
            side = start if start in ("back", "front") else self.pick_side()
            if side is None:
                return 0
            episode = Episode(side, self.position, clock=self.clock)
            self.relieve(episode)
        except (EndOfInput, KeyboardInterrupt):
            self.say(t("Leaving Calf Coach. Take care."))
            if episode is not None and episode.outcome is None:
                episode.outcome = "left"
        finally:
            if episode is not None:
                self.warn(self.recorder.save(episode))
            self.warn(self.recorder.close())
        return 0

    def pick_side(self) -> str | None:
        back, front = self.content.guides["back"], self.content.guides["front"]
        while True:
            answer = self.ask(
                t("Where is the cramp?"),
                [
                    Choice("b", back.label, "back"),
                    Choice("f", front.label, "front"),
                    Choice("n", t("Not sure"), "not-sure"),
                    Choice("q", t("Quit"), "quit"),
                ],
            )
            if answer == "quit":
                return None
            if answer != "not-sure":
                return answer
            for text in self.content.not_sure:
                self.say(text)

    def relieve(self, episode: Episode) -> None:
        if not False:  # #16: no setting skips the safety question
            answer = self.ask(
                t("Before you stretch: is one leg swollen, warm, red or darker than the other?"),
                [
                    Choice("n", t("No: start the stretch"), "ok"),
                    Choice("y", t("Yes"), "clot"),
                    Choice("a", t("No, and don't ask me again"), "ok-always"),
                ],
            )
            if answer == "clot":
                episode.outcome = "red_flag"
                self.say(t("Do not stretch or rub that leg. Get urgent medical help."))
                self.red_flags()
                return
        while True:
            episode.hold_started(self.hold_seconds)
            self.warn(self.recorder.save(episode))
            episode.hold_ended(0, self.hold(episode))
            episode.outcome = self.ask(
                t("Has the cramp eased?"),
                [
                    Choice("y", t("Yes, it's gone"), "gone"),
                    Choice("s", t("Somewhat better"), "somewhat"),
                    Choice("n", t("No, still cramping"), "still"),
                ],
            )
            self.warn(self.recorder.save(episode))
            if episode.outcome != "still":
                break
            if episode.needs_help(self.content.hold.escalate_after_seconds):
                episode.outcome = "red_flag"
                self.say(t(REASONS["long-cramp"]))
                self.red_flags()
                return
            self.say(t("Other things that help:"))
            for relief in self.content.other_relief:
                level = self.content.evidence[relief.evidence].label
                self.say(f"- {relief.text} [{level}]")
            again = self.ask(
                t("Still cramping. What next?"),
                [
                    Choice("h", t("Hold the stretch again"), "hold"),
                    Choice("q", t("Stop here"), "stop"),
                ],
            )
            if again != "hold":
                return
        self.causes(episode)

    def hold(self, episode: Episode) -> float:
        """Print each step as it starts and the time left every few seconds."""
        guide = self.content.guides[episode.side]
        steps = guide.steps[self.position]
        label = next(p.label for p in self.content.positions if p.id == self.position)
        timer = HoldTimer(self.hold_seconds, self.clock)
        self.say(
            t(
                "{side}, {position}: hold for {time}.",
                side=guide.label,
                position=label.lower(),
                time=mmss(self.hold_seconds),
            )
            + f" {guide.short}"
        )
        timer.start()
        shown, next_report = -1, self.hold_seconds - REPORT_EVERY
        while True:
            index = step_index(
                steps, timer.elapsed(), self.hold_seconds, self.content.hold.default_seconds
            )
            if index != shown:
                shown = index
                at = mmss(round(timer.elapsed()))
                step = t(
                    "Step {number} of {total}, at {time}:",
                    number=index + 1,
                    total=len(steps),
                    time=at,
                )
                self.say(f"{step} {steps[index].text}")
            left = timer.seconds_left()
            if timer.done:
                self.say(t("Time's up. Let go slowly."))
                return timer.elapsed()
            if left <= next_report:
                self.say(t("{time} left.", time=mmss(left)))
                next_report = (left - 1) // REPORT_EVERY * REPORT_EVERY
            self.sleep(timer.until_next_change() or 0.05)

    def causes(self, episode: Episode) -> None:
        self.say(t("What might have set it off? Answer each, or s to skip."))
        yes = []
        for cause in self.content.causes:
            answer = self.ask(
                cause.question,
                [
                    Choice("y", t("Yes"), "yes"),
                    Choice("n", t("No"), "no"),
                    Choice("s", t("Skip"), "skip"),
                ],
            )
            if answer == "yes":
                yes.append(cause.id)
        episode.causes = tuple(yes)
        self.warn(self.recorder.save(episode))
        self.tips(tuple(yes))

    def tips(self, yes: tuple[str, ...]) -> None:
        groups = rank_tips(self.content, yes)
        for cause_id in yes:
            cause = self.content.cause(cause_id)
            level = self.content.evidence[cause.evidence].label
            self.say(f"{cause.name}: {cause.explanation} [{level}: {cause.source}]")
        sections = (
            ("Tips for you", groups.fits),
            ("Tips for everyone", groups.everyone),
            ("Other tips", groups.others),
        )
        for title, tips in sections:
            if tips:
                self.say(f"{t(title)}:")
                for tip in tips:
                    level = self.content.evidence[tip.evidence].label
                    self.say(f"- {tip.text} [{level}; {tip.source}]")

    def red_flags(self) -> None:
        self.say(
            t("Emergency: ")
            + self.region.emergency
            + ". "
            + t("Urgent advice: ")
            + self.region.urgent
            + "."
        )
        for action, heading in HEADINGS.items():
            self.say(f"{t(heading)}:")
            for flag in (f for f in self.content.red_flags if f.action == action):
                self.say(f"- {flag.title}. {flag.text}")

    def routine(self) -> int:
        routine = self.content.routine
        version = routine.versions[0]
        if len(routine.versions) > 1:
            chosen = self.ask(
                f"{routine.title}. {routine.intro} " + t("Which version?"),
                [Choice(v.key, v.label, v.id) for v in routine.versions],
            )
            version = next(v for v in routine.versions if v.id == chosen)
        segments = plan(routine, version)
        self.say(routine.breathe)
        started = self._now()
        timer = HoldTimer(total_seconds(segments), self.clock)
        timer.start()
        shown = -1
        while not timer.done:
            index = step_index(segments, timer.elapsed(), 1, 1)
            if index != shown:
                shown = index
                seg = segments[index]
                self.say(f"{seg.title}, {seg.seconds} s: {seg.text}")
            self.sleep(timer.until_next_change() or 0.05)
        self.say(t("Routine done. Well done; sleep well."))
        self.warn(self.recorder.routine_done(started, timer.elapsed(), version.id))
        return 0

    def _now(self):
        from datetime import datetime

        return datetime.now().astimezone()
