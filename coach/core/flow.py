"""Every decision of an episode and of the bedtime routine, with no screen and no I/O.

Rule 1: what the coach decides lives here, and nowhere else. The flow may never know
about screens, Textual, plain mode, files, the history, the settings, or any clock but
the one it is given (`clock`, `now`). Its inputs are three: the answer to the step now
shown (`answer`), the person leaving from anywhere (`leave`: Ctrl+C, a closed terminal,
the end of input), and the person's own record when it arrives after the flow began
(`know_past`). `start()` asks for the first step. Its outputs are what each call
returns, never a side channel: the step to show next and what to save now (`Advance`),
or, on leaving, the last thing to show and what to save (`Left`).

Rule 2: the flow does not know which face shows it. The full-screen app and plain mode
each show the step, hand back its answer, and write the saves with the same
`coach.store.saves.apply_saves`; they decide nothing, so the same answers give the same
steps and the same record in both (tests/screens/test_both_faces.py).

A generator rather than an explicit state table: the rules are a short sequence with
two loops, and written as code they read top to bottom, the way a clinician would tell
them. The wrapper adds what a generator alone lacks. An answer to a step that is no
longer current is ignored (a screen answered twice, a key typed ahead); with
`strict=True` (the tests) it raises `FlowError`, as does an answer of the wrong type,
so a driver bug cannot hide. And `leave()` ends the episode from any step with the
safety net it needs, as this table says (tests/unit/test_flow_leave.py walks it):

    leaving at       outcome so far   shows                        outcome saved
    SafetyQuestion   -                GetHelp not-eased            left
    WhichSign        red_flag         GetHelp clot+tear+cold-foot  red_flag
    Hold             -                GetHelp not-eased            left
    Hold             still            GetHelp not-eased            left
    Hold             somewhat         GetHelp not-eased            left
    EasedQuestion    -                GetHelp not-eased            left
    EasedQuestion    still            GetHelp not-eased            left
    EasedQuestion    somewhat         AfterCare somewhat           somewhat
    WhatNext         still            GetHelp not-eased            left
    WhatNext         somewhat         AfterCare somewhat           somewhat
    GetHelp          any              -                            unchanged
    AfterCare        any              -                            unchanged
    CauseQuestions   any              -                            unchanged
    TipsStep         any              -                            unchanged
    RoutineStep      -                -                            nothing

"Outcome so far" is the episode's outcome when the person leaves: "-" before any answer
to "has it eased?". Leaving saves the episode at every step, with the seconds held of a
hold left half way (and the position it was moved to). Once "get help" or after-care
has been shown, nothing more is shown and the outcome stands. "Yes" at the "do not
stretch" gate is saved as a red flag before "which one?" is asked, so leaving there
shows every case's help, the clot's first. Leaving a hold always counts as not eased,
even after an earlier "still there but weaker" ("somewhat"); leaving a question after
that answer keeps it, with after-care that says when to get help. The knot gone but
sore ("sore") has eased, as gone has: after-care, causes and tips, and no row here
(after-care follows at once). The routine is saved only when it was done to the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args, get_origin

from coach.content.model import Content, Routine
from coach.core.choices import is_night
from coach.core.diary import PastRecord
from coach.core.episode import Episode
from coach.core.record import EASED_OUTCOMES, Leg
from coach.core.routine import start_version
from coach.core.steps import (
    ASK_LATER,
    GATE_SIGNS,
    AfterCare,
    CauseQuestions,
    EasedAnswer,
    EasedQuestion,
    GetHelp,
    HelpReason,
    Hold,
    HoldResult,
    LegAnswer,
    NextAnswer,
    RoutineResult,
    RoutineStep,
    SafetyAnswer,
    SafetyQuestion,
    Side,
    SignAnswer,
    Step,
    TipsStep,
    WhatNext,
    WhichSign,
)

if TYPE_CHECKING:  # type-only: the timer loads with the hold, not the first question
    from coach.core.timer import Clock

ANSWERED_WITH: dict[type, object] = {
    SafetyQuestion: SafetyAnswer,
    WhichSign: SignAnswer,
    Hold: HoldResult,
    EasedQuestion: EasedAnswer,
    WhatNext: NextAnswer,
    GetHelp: None,
    AfterCare: LegAnswer,
    CauseQuestions: (tuple[str, ...], Literal["later"]),
    TipsStep: None,
    RoutineStep: RoutineResult,
}
"""The type of the answer to each step (a Literal: one of its values; None: closed; a
tuple of these: any one of them).
Checked in strict mode, so a screen or a plain prompt that answers with the wrong type
fails loudly in the tests instead of being read as "anything but a plain no"."""


class ToSave(NamedTuple):
    """What the caller must write now. Decided here; written by the caller."""

    episode: Episode | None = None
    """The episode to save as it stands now (the recorder takes a snapshot)."""
    position: str | None = None
    """Remember this position for the next hold."""
    disclaimer_seen: bool = False
    routine: tuple[datetime, RoutineResult] | None = None
    """A routine done to the end: when it started, and how it went."""

    def then(self, later: ToSave) -> ToSave:
        """This and `later` as one, for a driver that has not yet written this."""
        return ToSave(
            later.episode or self.episode,
            later.position or self.position,
            self.disclaimer_seen or later.disclaimer_seen,
            later.routine or self.routine,
        )


class Advance(NamedTuple):
    """What the flow says after `start()` or an answer: the step to show next (None:
    the flow is over), and what to write before or as it is shown."""

    step: Step | None
    saves: ToSave


class Left(NamedTuple):
    """What leaving came to: the last thing to show or print (None: nothing), which
    nothing answers, and what to write."""

    final: Step | None
    saves: ToSave


class FlowError(Exception):
    """A driver broke the flow's protocol (strict mode only, as h11 raises
    LocalProtocolError): it answered a step that is not current, or with the wrong type
    of answer. In use, an answer to a step that is not current is ignored."""


class _Leave(Exception):
    """Thrown into the flow when the person quits from anywhere."""

    def __init__(self, hold: HoldResult | None) -> None:
        super().__init__()
        self.hold = hold


def starting_position(
    content: Content, asked: str | None, remembered: str | None, hour: int
) -> str:
    """Where the first hold starts: what the person asked for on the command line,
    else the last position used, else the content's first; at night never standing
    unless asked for by name."""
    known = [p.id for p in content.positions]
    safe = [p.id for p in content.night_positions()]
    if asked is not None and asked in known:
        return asked
    night_unsafe = is_night(hour) and remembered not in safe
    if remembered is not None and remembered in known and not night_unsafe:
        return remembered
    return (safe or known)[0]


def fits(step: Step, answer: object) -> bool:
    """Whether `answer` has the type the step is answered with (ANSWERED_WITH)."""
    return _fits(ANSWERED_WITH[type(step)], answer)


def _fits(kind: object, answer: object) -> bool:
    if isinstance(kind, tuple):
        return any(_fits(k, answer) for k in kind)
    if kind is None:
        return answer is None
    if get_origin(kind) is Literal:
        return answer in get_args(kind)
    if get_origin(kind) is tuple:
        item = get_args(kind)[0]
        return isinstance(answer, tuple) and all(isinstance(a, item) for a in answer)
    return isinstance(kind, type) and isinstance(answer, kind)


Flowing = Generator[Step, Any, None]


class _Flow:
    """The wrapper every flow shares: the current step, stale answers, the saves."""

    def __init__(self, steps: Flowing, strict: bool) -> None:
        self._steps = steps
        self._to_save = ToSave()
        self.strict = strict
        """Raise FlowError on a stale answer or one of the wrong type (the tests)."""
        self.current: Step | None = None
        self._started = False

    def start(self) -> Advance:
        """The first step to show. Called once, by the driver, when it is ready to show it."""
        if self._started:
            if self.strict:
                raise FlowError("start() called twice")
            return Advance(self.current, ToSave())
        self._started = True
        return self._resume(lambda: next(self._steps))

    def answer(self, step: Step, value: object) -> Advance:
        """Take the answer to `step`: the next step (None when the flow is over) and
        what to write now. An answer to any step but the current one changes nothing."""
        if self.current is None or step is not self.current:
            if self.strict:
                raise FlowError(f"an answer to {step!r}, but the step now is {self.current!r}")
            return Advance(self.current, ToSave())
        if self.strict and not fits(step, value):
            kind = ANSWERED_WITH[type(step)]
            wanted = getattr(kind, "__name__", kind) if isinstance(kind, type) else kind
            raise FlowError(f"{type(step).__name__} is answered with {wanted}, not {value!r}")
        return self._resume(lambda: self._steps.send(value))

    def leave(self, hold: HoldResult | None = None) -> Left:
        """The person quit from anywhere: end the flow. A routine left half way is not
        kept, so there is nothing to show or write."""
        self.current = None
        self._steps.close()
        return Left(None, self._take())

    def _resume(self, resume: Callable[[], Step]) -> Advance:
        try:
            self.current = resume()
        except StopIteration:
            self.current = None
        return Advance(self.current, self._take())

    def _take(self) -> ToSave:
        saves, self._to_save = self._to_save, ToSave()
        return saves

    def _save(
        self,
        *,
        episode: Episode | None = None,
        position: str | None = None,
        disclaimer_seen: bool = False,
        routine: tuple[datetime, RoutineResult] | None = None,
    ) -> None:
        """Add to what the call in progress returns."""
        now = ToSave(episode, position, disclaimer_seen, routine)
        self._to_save = self._to_save.then(now)


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
        strict: bool = False,
    ) -> None:
        """`past`: the person's own record for this side, read by the driver (off the UI
        thread) before the flow starts; the flow does no I/O. None: nothing to show."""
        self.content = content
        self.hold_seconds = hold_seconds
        self.first_run = first_run
        self.episode = (
            Episode(side, position, clock=clock)
            if now is None
            else Episode(side, position, clock=clock, now=now)
        )
        self.past = self._fit(past)
        self._help_shown = False
        self._after_care_shown = False
        super().__init__(self._run(), strict)

    def _fit(self, past: PastRecord | None) -> PastRecord | None:
        """The own record as the first hold may show it: at night only the positions
        safe at night (a tally for standing would nudge a person up at 3 a.m.), and
        nothing when too little is left to say."""
        if past is not None and is_night(self.episode.started_at.hour):
            past = past.only(tuple(p.id for p in self.content.night_positions()))
        return past if past is not None and past.worth_showing() else None

    def know_past(self, past: PastRecord | None) -> None:
        """The driver's read of the person's record came in after the flow began (a
        start straight into `back`): the first hold, if not shown yet, carries it."""
        if self.episode.holds == 0:
            self.past = self._fit(past)

    @property
    def limit_minutes(self) -> int:
        return max(1, round(self.content.hold.escalate_after_seconds / 60))

    def leave(self, hold: HoldResult | None = None) -> Left:
        """The person quit (Ctrl+C, a closed terminal, end of input): record what
        really happened (the module's table) and return the last thing to show or
        print, if any. `hold`: the running hold's result up to now, if one was on
        screen."""
        if self.current is None:
            self._steps.close()
            return Left(None, ToSave())
        try:
            final: Step | None = self._steps.throw(_Leave(hold))
        except StopIteration:
            final = None
        self.current = None
        self._steps.close()
        return Left(final, self._take())

    def _run(self) -> Flowing:
        episode = self.episode
        try:
            yield from self._relieve(episode)
        except _Leave as leaving:
            if leaving.hold is not None and isinstance(self.current, Hold):
                self._hold_ended(leaving.hold)
            if self._help_shown or self._after_care_shown:
                self._save(episode=episode)
            elif isinstance(self.current, WhichSign):
                # "Yes" at the gate, and gone before saying which: every case's help.
                self._save(episode=episode)
                yield self._gate_help("leave")
            elif episode.outcome == "somewhat" and not isinstance(self.current, Hold):
                # Still there but weaker, and leaving a question: that answer stands, with
                # what to watch for (as if they had chosen to stop there).
                self._save(episode=episode)
                yield self._after_care("somewhat")
            else:  # left before it eased, from wherever they were: the safety net
                episode.outcome = "left"
                self._save(episode=episode)
                yield self._help("not-eased")

    def _help(self, reason: HelpReason, also: tuple[HelpReason, ...] = ()) -> GetHelp:
        self._help_shown = True
        self.episode.help_reason = reason
        return GetHelp(reason, self.limit_minutes, also)

    def _gate_help(self, sign: SignAnswer) -> GetHelp:
        """The help for a "yes" at the gate: the named case's flag, or, when the
        person cannot say which, the clot's (saved as the reason) with the other
        cases' first lines, each with its number."""
        if sign in GATE_SIGNS:
            return self._help(sign)  # type: ignore[arg-type]  # one of GATE_SIGNS
        return self._help("clot", tuple(s for s in GATE_SIGNS if s != "clot"))

    def _after_care(self, outcome: Literal["gone", "sore", "somewhat"]) -> AfterCare:
        self._after_care_shown = True
        return AfterCare(outcome, self.limit_minutes)

    def _relieve(self, episode: Episode) -> Flowing:
        # The "do not stretch" gate (a clot, a tear, a cold pale foot) is asked before
        # the first hold of every episode: there is no way to turn it off.
        safety: SafetyAnswer = yield SafetyQuestion(episode.side, self.first_run)
        if self.first_run:
            self._save(disclaimer_seen=True)
        if safety == "yes":
            # Saved before asking which, as the most urgent case, so a closed terminal
            # at the next question still keeps that it was a red flag.
            episode.outcome = "red_flag"
            episode.help_reason = "clot"
            self._save(episode=episode)
            sign: SignAnswer = yield WhichSign(episode.side)
            help_now = self._gate_help(sign)
            self._save(episode=episode)  # with the reason they named
            yield help_now
            return
        if safety != "no":  # "leave", or anything but a plain no: never a stretch
            episode.outcome = "left"
            self._save(episode=episode)
            yield self._help("not-eased")
            return
        while True:
            result: HoldResult = yield self._hold()
            self._hold_ended(result)
            if result.ended == "left":
                episode.outcome = "left"
                self._save(episode=episode)
                yield self._help("not-eased")
                return
            eased: EasedAnswer = yield EasedQuestion(result)
            if eased.severity is not None:
                episode.severity = eased.severity
            if eased.outcome not in ("gone", "sore", "somewhat", "still"):  # "leave", or unknown
                episode.outcome = "left"
                self._save(episode=episode)
                yield self._help("not-eased")
                return
            episode.outcome = eased.outcome
            if eased.outcome in EASED_OUTCOMES:
                episode.eased_minutes = round(episode.minutes(), 2)
            else:  # still there, weaker or not: not eased yet
                episode.eased_minutes = None
            self._save(episode=episode)
            if eased.outcome in EASED_OUTCOMES:
                break
            if episode.needs_help(self.content.hold.escalate_after_seconds):
                episode.outcome = "red_flag"
                self._save(episode=episode)
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
            self._save(episode=episode)
            if answer.choice == "hold":
                continue
            if eased.outcome == "still":
                yield self._help("not-eased")
                return
            break  # still there but weaker, and they stop here
        ended = episode.outcome
        leg: LegAnswer = yield self._after_care(
            "gone" if ended == "gone" else "sore" if ended == "sore" else "somewhat"
        )
        if leg in get_args(Leg):
            episode.leg = leg  # type: ignore[assignment]  # one of Leg's values
            self._save(episode=episode)
        night = is_night(episode.started_at.hour)
        causes = yield CauseQuestions(tuple(c.id for c in self.content.causes), night)
        if causes == ASK_LATER:
            episode.causes_pending = True
        else:
            episode.causes = tuple(causes) if isinstance(causes, tuple) else ()
        self._save(episode=episode)
        yield TipsStep(episode.causes)

    def _hold(self) -> Hold:
        episode = self.episode
        episode.hold_started(self.hold_seconds)
        self._save(episode=episode)
        past = self.past if episode.holds == 1 else None
        return Hold(episode.side, episode.position, self.hold_seconds, episode.holds, past)

    def _hold_ended(self, result: HoldResult) -> None:
        episode = self.episode
        episode.hold_ended(result.added_seconds, result.actual_seconds)
        if result.position != episode.position:
            episode.position = result.position
            self._save(position=result.position)
        self._save(episode=episode)


class RoutineFlow(_Flow):
    """The bedtime routine: run it, and record it if it was done to the end."""

    def __init__(
        self,
        routine: Routine,
        now: Callable[[], datetime] | None = None,
        *,
        strict: bool = False,
    ) -> None:
        self.routine = routine
        self.now = now or (lambda: datetime.now().astimezone())
        super().__init__(self._run(), strict)

    def _run(self) -> Flowing:
        started = self.now()
        night = is_night(started.hour)
        # At night the first night-safe version: seated, never standing.
        step = RoutineStep(version=start_version(self.routine, night), night=night)
        result: RoutineResult = yield step
        if result.completed:
            self._save(routine=(started, result))
