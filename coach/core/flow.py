"""Every decision of an episode and of the bedtime routine, with no screen and no I/O.

A flow is a generator that yields a typed step (`coach.core.steps`) and receives its typed
answer, so the path a person takes reads top to bottom, the way a clinician would
tell it. It is wrapped in a small class, in the manner of h11: its callers (the
full-screen app and plain mode) show `current`, pass the answer to `answer()`, and
do the saving that `take_saves()` asks for. They decide nothing.

A generator rather than an explicit state table: the rules are a short sequence with
two loops, and written as code they can be read against the clinical text. The
wrapper adds what a generator alone lacks: an answer to a step that is no longer
current is ignored (a screen answered twice, a key typed ahead), and `leave()` ends
the episode from anywhere (Ctrl+C, a closed terminal) with the safety net it needs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from datetime import datetime
from typing import Any, Literal, NamedTuple

from coach.content.model import Content
from coach.core.diary import PastRecord
from coach.core.episode import Episode
from coach.core.steps import (
    AfterCare,
    CauseQuestions,
    EasedAnswer,
    EasedQuestion,
    GetHelp,
    HelpReason,
    Hold,
    HoldResult,
    NextAnswer,
    RoutineResult,
    RoutineStep,
    SafetyAnswer,
    SafetyQuestion,
    Side,
    Step,
    TipsStep,
    WhatNext,
)
from coach.core.timer import Clock

NIGHT = (21, 7)
"""From 21:00 to 07:00 a hold starts only in a position the content marks night-safe
(in bed or sitting), never standing: night cramps mostly strike older people, often on
tablets that make them dizzy when they stand up."""


class ToSave(NamedTuple):
    """What the caller must write now. Decided here; written by the caller."""

    episode: bool = False
    position: str | None = None
    """Remember this position for the next hold."""
    disclaimer_seen: bool = False
    routine: tuple[datetime, RoutineResult] | None = None


class _Leave(Exception):
    """Thrown into the flow when the person quits from anywhere."""

    def __init__(self, hold: HoldResult | None) -> None:
        super().__init__()
        self.hold = hold


def is_night(hour: int) -> bool:
    start, end = NIGHT
    return hour >= start or hour < end


def starting_position(
    content: Content, asked: str | None, remembered: str | None, hour: int
) -> str:
    """Where the first hold starts: what the person asked for on the command line,
    else the last position used, else the content's first; at night never standing
    unless asked for by name."""
    known = [p.id for p in content.positions]
    safe = [p.id for p in content.night_positions()]
    if asked in known:
        return asked  # type: ignore[return-value]
    if remembered in known and not (is_night(hour) and remembered not in safe):
        return remembered  # type: ignore[return-value]
    return (safe or known)[0]


Flowing = Generator[Step, Any, None]


class _Flow:
    """The wrapper every flow shares: current step, stale answers ignored, saves."""

    def __init__(self, steps: Flowing) -> None:
        self._saves = ToSave()
        self._steps = steps
        self.current: Step | None = self._advance(None, first=True)

    def _advance(self, value: object, first: bool = False) -> Step | None:
        try:
            return next(self._steps) if first else self._steps.send(value)
        except StopIteration:
            return None

    def answer(self, step: Step, value: object) -> Step | None:
        """Take the answer to `step`; the next step, or None when the flow is over.

        An answer to any step but the current one changes nothing."""
        if self.current is None or step is not self.current:
            return self.current
        self.current = self._advance(value)
        return self.current

    def leave(self, hold: HoldResult | None = None) -> Step | None:
        """The person quit from anywhere: end the flow; the last step to show, if any."""
        self.current = None
        self._steps.close()
        return None

    def take_saves(self) -> ToSave:
        saves, self._saves = self._saves, ToSave()
        return saves

    def _save(self, **what: object) -> None:
        self._saves = self._saves._replace(**what)


class EpisodeFlow(_Flow):
    """One cramp: safety question, holds, "has it eased?", then help or after-care,
    causes and tips."""

    def __init__(
        self,
        content: Content,
        side: Side,
        position: str,
        hold_seconds: int,
        *,
        first_run: bool = False,
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] | None = None,
        past: PastRecord | None = None,
    ) -> None:
        """`past`: the person's own record for this side, read by the driver (off the UI
        thread) before the flow starts; the flow does no I/O. None: nothing to show."""
        self.content = content
        self.past = past if past is not None and past.worth_showing() else None
        self.hold_seconds = hold_seconds
        self.first_run = first_run
        extra = {"now": now} if now is not None else {}
        self.episode = Episode(side, position, clock=clock, **extra)
        self._help_shown = False
        self._after_care_shown = False
        super().__init__(self._run())

    def know_past(self, past: PastRecord | None) -> None:
        """The driver's read of the person's record came in after the flow began (a
        start straight into `back`): the first hold, if not shown yet, carries it."""
        if self.episode.holds == 0:
            self.past = past if past is not None and past.worth_showing() else None

    @property
    def limit_minutes(self) -> int:
        return max(1, round(self.content.hold.escalate_after_seconds / 60))

    def leave(self, hold: HoldResult | None = None) -> Step | None:
        """The person quit (Ctrl+C, a closed terminal, end of input): record what
        really happened and return the last thing to show or print, if any. `hold`:
        the running hold's result up to now, if one was on screen."""
        if self.current is None:
            return None
        try:
            self.current = self._steps.throw(_Leave(hold))
        except StopIteration:
            self.current = None
        final, self.current = self.current, None
        self._steps.close()
        return final

    def _run(self) -> Flowing:
        episode = self.episode
        try:
            yield from self._relieve(episode)
        except _Leave as leaving:
            if leaving.hold is not None and isinstance(self.current, Hold):
                self._hold_ended(leaving.hold)
            if self._help_shown or self._after_care_shown:
                self._save(episode=True)
            elif episode.outcome == "somewhat" and not isinstance(self.current, Hold):
                # Somewhat better and leaving at "what next?": that answer stands, with
                # what to watch for (as if they had chosen to stop there).
                self._save(episode=True)
                yield self._after_care("somewhat")
            else:  # left before it eased, from wherever they were: the safety net
                episode.outcome = "left"
                self._save(episode=True)
                yield self._help("not-eased")

    def _help(self, reason: HelpReason) -> GetHelp:
        self._help_shown = True
        self.episode.help_reason = reason
        return GetHelp(reason, self.limit_minutes)

    def _after_care(self, outcome: Literal["gone", "somewhat"]) -> AfterCare:
        self._after_care_shown = True
        return AfterCare(outcome, self.limit_minutes)

    def _relieve(self, episode: Episode) -> Flowing:
        # The swollen-leg question is asked before the first hold of every episode:
        # there is no way to turn it off.
        safety: SafetyAnswer = yield SafetyQuestion(episode.side, self.first_run)
        if self.first_run:
            self._save(disclaimer_seen=True)
        if safety == "yes":
            episode.outcome = "red_flag"
            self._save(episode=True)
            yield self._help("clot")
            return
        if safety != "no":  # "leave", or anything but a plain no: never a stretch
            episode.outcome = "left"
            self._save(episode=True)
            yield self._help("not-eased")
            return
        while True:
            result: HoldResult = yield self._hold()
            self._hold_ended(result)
            if result.ended == "left":
                episode.outcome = "left"
                self._save(episode=True)
                yield self._help("not-eased")
                return
            eased: EasedAnswer = yield EasedQuestion(result)
            if eased.severity is not None:
                episode.severity = eased.severity
            if eased.outcome not in ("gone", "somewhat", "still"):  # "leave", or unknown
                episode.outcome = "left"
                self._save(episode=True)
                yield self._help("not-eased")
                return
            episode.outcome = eased.outcome
            if eased.outcome in ("gone", "somewhat"):
                episode.eased_minutes = round(episode.minutes(), 2)
            else:
                episode.eased_minutes = None
            self._save(episode=True)
            if eased.outcome == "gone":
                break
            if episode.needs_help(self.content.hold.escalate_after_seconds):
                episode.outcome = "red_flag"
                self._save(episode=True)
                yield self._help("long-cramp")
                return
            answer: NextAnswer = yield WhatNext(
                eased.outcome,
                episode.holds,
                episode.minutes(),
                self.limit_minutes,
                show_relief=True,
                clot_warning=True,  # before any massage or warmth advice, every time
            )
            episode.tried(tuple(answer.tried), tuple(r.id for r in self.content.relief_to_try()))
            self._save(episode=True)
            if answer.choice == "hold":
                continue
            if eased.outcome == "still":
                yield self._help("not-eased")
                return
            break  # somewhat better, and they stop here
        yield self._after_care(episode.outcome)  # type: ignore[arg-type]
        causes = yield CauseQuestions(tuple(c.id for c in self.content.causes))
        episode.causes = tuple(causes or ())
        self._save(episode=True)
        yield TipsStep(episode.causes)

    def _hold(self) -> Hold:
        episode = self.episode
        episode.hold_started(self.hold_seconds)
        self._save(episode=True)
        past = self.past if episode.holds == 1 else None
        return Hold(episode.side, episode.position, self.hold_seconds, episode.holds, past)

    def _hold_ended(self, result: HoldResult) -> None:
        episode = self.episode
        episode.hold_ended(result.added_seconds, result.actual_seconds)
        if result.position != episode.position:
            episode.position = result.position
            self._save(position=result.position)
        self._save(episode=True)


class RoutineFlow(_Flow):
    """The bedtime routine: run it, and record it if it was done to the end."""

    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        self.now = now or (lambda: datetime.now().astimezone())
        super().__init__(self._run())

    def _run(self) -> Flowing:
        started = self.now()
        result: RoutineResult = yield RoutineStep()
        if result.completed:
            self._save(routine=(started, result))
