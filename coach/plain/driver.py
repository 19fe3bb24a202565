"""Plain mode: the same flow as the full-screen app, as numbered questions and lines.

Textual cannot talk to screen readers, and some people use a serial console, a
dumb terminal or a pipe. This is a driver of `coach.core.flow`: it prints each step,
reads the answer and hands it back. Every decision is the flow's.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from coach.content.model import Content, Region
from coach.core.choices import Choices, clock_at
from coach.core.diary import CHECKIN_QUESTION, night_of
from coach.core.flow import EpisodeFlow, RoutineFlow, ToSave, starting_position
from coach.core.i18n import t
from coach.core.steps import Side, Step
from coach.core.timer import Clock
from coach.plain.diary import PlainDiary
from coach.plain.prompt import (
    EndOfInput,
    LineEnds,
    LineReader,
    Option,
    key_for,
    quoted,
    terminal_width,
)
from coach.plain.steps import PlainSteps
from coach.store.recorder import Recorder
from coach.store.saves import apply_saves
from coach.store.settings import SettingsFile
from coach.system.speech import Voice
from coach.text import wording
from coach.text.diary_text import nights_text
from coach.text.wrap import wrap_chinese

__all__ = ["EndOfInput", "PlainCoach", "run_plain"]


class PlainCoach:
    """Plain mode: asks and prints, and drives the flow. Its parts (`steps`, `diary`)
    talk to the person through it (it is their `coach.plain.prompt.Console`)."""

    strict_flows = False
    """Flows raise on a stale answer or one of the wrong type (tests turn it on)."""
    diary_now = staticmethod(lambda: datetime.now().astimezone())
    """When the check-in question is decided and dated; tests replace it."""

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
        hour: int | None = None,
        data_dir: object = None,
        ask_region: bool = False,
        voice: Voice | None = None,
    ) -> None:
        self.content = content
        self.recorder = recorder
        self.prefs = prefs
        self.region = region
        self.hold_seconds = hold_seconds or content.hold.default_seconds
        self._wall_clock = clock_at(hour)  # an hour given: the flow's night is that hour's
        hour = datetime.now().hour if hour is None else hour
        self.position = starting_position(content, position, prefs.settings.position, hour)
        self.input = LineReader(stdin or sys.stdin)
        self.stdout = LineEnds(stdout or sys.stdout)
        self.clock = clock
        self.sleep = sleep
        self.data_dir = data_dir
        self.ask_region = ask_region
        self.steps_shown: list[Step] = []
        self.voice = voice or Voice(False)
        self.steps = PlainSteps(self)
        """Shows each step of the flow and reads its answer."""
        self.diary = PlainDiary(self, recorder)
        """The morning check-in, and the person's own record for a hold."""

    # --- printing and asking

    def say(self, text: str = "") -> None:
        """Print `text` without its empty lines: a screen reader says "blank" for each.
        Nothing to say: only the line a prompt left open is ended. A Chinese line is
        broken where Chinese may break (coach.text.wrap), never by the terminal at
        any character; English is printed as it comes. The lines go out in one write
        with their last line end: unbuffered (python -u), a line end written alone
        was read by yasr as a move to an empty line, and said as "blank"."""
        width = terminal_width(self.stdout)
        lines = [line for line in wrap_chinese(text, width) if line.strip()]
        if lines:
            print("\n".join(lines) + "\n", end="", file=self.stdout, flush=True)
        elif not self.stdout.at_line_start:
            print(file=self.stdout, flush=True)

    def prompt(self, text: str) -> None:
        """A question the answer is typed after, on the same line: Chinese broken as
        `say` breaks it, its last line left open for the answer."""
        *before, last = wrap_chinese(text.rstrip("\n"), terminal_width(self.stdout)) or [""]
        if before:
            self.say("\n".join(before))
        print(last, end="", file=self.stdout, flush=True)

    def lines(self, lines: list[wording.Line]) -> None:
        self.say(wording.plain_text(lines))

    def warn(self, warning: str | None) -> None:
        if warning:
            self.say(t("Note: {warning}", warning=warning))

    def ask(
        self,
        question: str,
        options: list[Option],
        blank: object = None,
        aside: list[str] | None = None,
    ) -> object:
        """Ask until a known answer: its number, its letter or its words. `!` shows
        when to get help and `?` the keys, then the question again. With `blank`,
        an empty line answers that; otherwise an empty line answers nothing. `aside`:
        lines said after the numbered answers, before the prompt (the country to
        confirm, whose keys are options not `listed`)."""
        self.input.forget_typed_ahead()
        self.say(question)
        listed = [o for o in options if o.listed]
        for i, option in enumerate(listed, 1):
            # A key that is its own number ("which one? 1-4") is not said twice.
            key = "" if option.key == str(i) else f"({option.key}) "
            self.say(f"  {i}. {key}{option.label}")
        for line in aside or ():
            self.say(line)
        numbered = {str(i) for i in range(1, len(listed) + 1)}
        hint = t(", ").join(o.key for o in options if not (o.listed and o.key in numbered))
        while True:
            prompt = (
                t("Answer 1-{last} or {keys}: ", last=len(listed), keys=hint)
                if hint
                else t("Answer 1-{last}: ", last=len(listed))
            )
            self.prompt(prompt)
            try:
                line = self.input.readline()
            except EndOfInput:
                self.say()  # ends the prompt's line
                raise
            if not self.input.is_terminal:
                self.say(line.strip())  # keep a piped transcript readable
            answer = line.strip().lower()
            if self.help_key(answer, options):
                self.say(question)
                continue
            if not answer and blank is not None:
                return blank
            said = key_for(answer)
            numbers = iter(range(1, len(listed) + 1))
            for option in options:
                number = str(next(numbers)) if option.listed else None
                if answer and said in (number, option.key.lower(), option.label.lower()):
                    return option.value
            self.say(t("Sorry, I did not understand {answer}.", answer=quoted(answer)))

    def help_key(
        self, answer: str, options: list[Option] | None = None, about: list[str] | None = None
    ) -> bool:
        """`!`: when to get help; `?`: how to answer (or `about`, a hold's keys and its
        source), then what is common to every question. The full-width marks a
        Chinese keyboard types (U+FF01, U+FF1F) are the same keys."""
        answer = {"！": "!", "？": "?"}.get(answer, answer)
        if answer == "!":
            self.lines(wording.red_flags(self.content, self.region, "text"))
            return True
        if answer == "?":
            if about:
                self.say("\n".join(about))
            else:
                self.say(t("Answer with the number or the letter, then Enter."))
            if options:
                self.say(t(", ").join(f"{o.key} {o.label}" for o in options))
            self.say(t("! when to get help. Ctrl+C leaves; what you said is kept."))
            if self.data_dir is not None:
                self.say(t("Your history is kept in {path}.", path=self.data_dir))
            return True
        return False

    # --- the two flows

    def run(self, start: str | None = None) -> int:
        first_run = not self.prefs.settings.disclaimer_seen
        try:
            if start == "routine":
                return self.drive(
                    RoutineFlow(self.content.routine, self._wall_clock, strict=self.strict_flows)
                )
            if start == "history":
                return self.history()
            if start == "checkin":
                return self.diary.checkin(self.diary_now())
            side = _side(start)
            if side is None:
                side = self.pick_side(disclaimer=first_run)
                first_run = False
            if side is None:
                return 0
            flow = EpisodeFlow(
                self.content,
                side,
                self.position,
                self.hold_seconds,
                first_run=first_run,
                clock=self.clock,
                now=self._wall_clock,
                past=self.diary.past_record(side),
                strict=self.strict_flows,
            )
            return self.drive(flow)
        except (EndOfInput, KeyboardInterrupt):
            self.say(t("Leaving Calf Coach. Take care."))
            return 0
        finally:
            self.voice.finish_first()  # getting help, if it is being said, is heard to its end
            self.voice.close()  # nothing left speaking, no child left behind
            self.warn(self.recorder.close())

    def drive(self, flow: EpisodeFlow | RoutineFlow) -> int:
        """Show each step, hand back its answer, write what the flow returns."""
        advance = flow.start()
        # What the flow returned and is not written yet: written with what leaving
        # returns if the person leaves before it is (Ctrl+C at that very moment).
        unsaved = advance.saves
        try:
            while advance.step is not None:
                self.keep(unsaved)
                unsaved = ToSave()
                step = advance.step
                self.steps_shown.append(step)
                advance = flow.answer(step, self.steps.show(step))
                unsaved = advance.saves
            self.keep(unsaved)
        except (EndOfInput, KeyboardInterrupt):
            left = flow.leave(self.steps.partial_hold())
            self.keep(unsaved.then(left.saves))
            self.say()
            if left.final is not None:
                self.steps_shown.append(left.final)
                self.steps.show(left.final)
            self.say(t("Leaving Calf Coach. Take care."))
        return 0

    def keep(self, saves: ToSave) -> None:
        for warning in apply_saves(saves, self.recorder, self.prefs):
            self.warn(warning)

    def remember(self, **values: object) -> None:
        self.warn(self.prefs.remember(values))

    def pick_country(self) -> None:
        """No country known (a locale such as C.UTF-8): offered beside the first
        question, never before it, so the numbers are right; remembered."""
        countries = [r for r in self.content.regions.values() if r.id != "default"]
        options = [
            Option(str(i), t("{heading}:", heading=region.name) + f" {region.emergency}", region.id)
            for i, region in enumerate(countries, 1)
        ]
        options.append(Option("s", t("Skip for now"), None))
        chosen = self.ask(t("Which country are you in?"), options)
        if isinstance(chosen, str):
            self.region = self.content.regions[chosen]
            self.remember(region=chosen)
        self.ask_region = False

    def pick_side(self, disclaimer: bool = False) -> Side | None:
        """Where is the cramp? Asked first, before anything else is said: the country
        to confirm (`ask_region`) and, on a first run, the disclaimer come after its
        answers, never before them; a cramp's first answer still starts the stretch."""
        back, front = self.content.guides["back"], self.content.guides["front"]
        morning = self.diary.checkin_due(self.diary_now())
        while True:
            options = [
                Option("b", back.label, "back"),
                Option("f", front.label, "front"),
                Option("n", t("Not sure"), "not-sure"),
                Option("q", t("Quit"), "quit"),
            ]
            aside = []
            confirming = self.ask_region and self.region.id != "default"
            if confirming:  # the locale's country: en_US.UTF-8 is common outside the US
                aside.append(
                    t(
                        "Numbers for: {country} ({number}). Right? y yes, c change.",
                        country=self.region.name,
                        number=self.region.emergency,
                    )
                )
                options.append(Option("y", t("Yes"), "keep-country", listed=False))
                options.append(Option("c", t("Change"), "country", listed=False))
            elif self.ask_region:
                options.append(Option("e", t("Your country, for the emergency numbers"), "country"))
            if morning and not confirming:  # last: the cramp's answers keep their numbers
                options.append(Option("c", t(CHECKIN_QUESTION), "checkin"))
            if disclaimer:
                aside.append(wording.disclaimer(self.region))
                self.remember(disclaimer_seen=True)
                disclaimer = False
            answer = self.ask(t("Where is the cramp?"), options, aside=aside)
            if answer == "keep-country":
                self.remember(region=self.region.id)
                self.ask_region = False
                continue
            if answer == "country":
                self.pick_country()
                continue
            if answer == "quit":
                return None
            if answer == "checkin":
                self.diary.checkin(self.diary_now())
                morning = False
                continue
            side = _side(answer)
            if side is not None:
                return side
            for text in self.content.not_sure:
                self.say(text)

    def history(self) -> int:
        # The store seam: the history's text loads with SQLite, when the history is read.
        from coach.text.history_text import charts_text, helped_text, summary_line

        store, warning = self.recorder.store()
        self.warn(warning)
        if store is None:
            return 1
        now = datetime.now().astimezone()
        episodes = store.count()
        self.say(summary_line(store.summary(now), episodes))
        if episodes:
            charts = store.charts(now)
            self.say()
            self.say(charts_text(charts))
            self.say()
            self.say(helped_text(charts))
        self.warn(store.skipped_note())
        last = night_of(now)
        since = last - timedelta(weeks=12)
        self.say()
        self.say(
            nights_text(store.cramps_per_night(since, last), store.routine_nights(since), last)
        )
        return 0


def _side(answer: object) -> Side | None:
    """`back` or `front` as a side; None for anything else."""
    if answer == "back":
        return "back"
    if answer == "front":
        return "front"
    return None


def run_plain(
    content: Content,
    choices: Choices,
    prefs: SettingsFile,
    command: str | None,
    *,
    hold: int | None,
    position: str | None,
    where: Path,
) -> int:
    """Plain mode from the command line: `command` run with this run's choices, the
    history in `where`. Returns the exit code (128 + the signal's number if one ended it).
    """
    saved = prefs.remember(choices.remember)
    voice = Voice(choices.voice, choices.lang)
    coach = PlainCoach(
        content,
        recorder=Recorder(where),
        prefs=prefs,
        region=content.regions[choices.region],
        ask_region=choices.ask_region,
        hold_seconds=hold,
        position=position,
        data_dir=where,
        voice=voice,
    )
    coach.warn(prefs.warning)
    coach.warn(saved)
    ended_by: list[int] = []
    _leave_on_signals(ended_by)
    coach.warn(voice.take_note())
    try:
        code = coach.run(command)
    finally:
        coach.recorder.close()  # again, in case printing a note failed before run's own
    return 128 + ended_by[0] if ended_by else code


def _leave_on_signals(ended_by: list[int]) -> None:
    """A closed terminal (SIGHUP) or `kill` (SIGTERM) leaves plain mode as Ctrl+C does:
    the flow records what happened and the safety net is printed (if the terminal is
    still there). The exit code is 128 + the signal's number, as a shell expects."""

    def leave(signum: int, _frame: object) -> None:
        ended_by.append(signum)
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        with suppress(ValueError, OSError, AttributeError):  # not main thread
            signal.signal(sig, leave)
