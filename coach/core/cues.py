"""What to say, and which bell to ring, at each moment of a hold or the routine.

A pure function of the timer: given what the hold looks like now and the elapsed time
at the last check and at this one, the cues due in between. Both faces (the hold
screen and plain mode's hold) call it on every tick and hand the cues to a speaker
and a bell, so eyes-free coaching is decided once, here, and tested with a fake
clock. A late tick (a busy machine) yields every cue it passed, in order; the
speaker keeps only the newest, so speech never runs behind the countdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from coach.core.i18n import t
from coach.core.speaking import SILENT, Pace, seconds_to_say, shorter_forms
from coach.core.timer import Timed, step_index

CueKind = Literal["step", "half", "count", "time_up", "question", "segment"]
Bell = Literal["none", "one", "three"]

COUNT_FROM = 5
"""The last seconds counted aloud."""
HALF_WAY_FROM = 20
"""Holds shorter than this have no "half way": it would crowd the steps."""
BELLS: dict[CueKind, Bell] = {"step": "one", "segment": "one", "time_up": "three"}
"""One bell for a new step, three for time's up: told apart without looking."""


class Cue(NamedTuple):
    kind: CueKind
    text: str
    """What is said; the screen shows its own written line as well."""

    @property
    def bell(self) -> Bell:
        return BELLS.get(self.kind, "none")


class HoldPlan(NamedTuple):
    """The hold as it stands: its steps (spoken forms), length now (with time added),
    the length the step times were written for, and how fast the voice speaks (silent
    when it is off: then every cue is due the moment its step is)."""

    steps: Sequence[Timed]
    spoken: Sequence[str]
    seconds: int
    default: int
    pace: Pace = SILENT
    short: Sequence[str] = ()
    """Each step's own short spoken form, where the content has one ("" if not)."""
    lates: Sequence[float] = ()
    """How late a step may be said so that the one before is said whole, tried in turn
    (then LATE, then not at all) until time's up stays on time. The voice: LATE only,
    beside a screen that shows every word. Plain mode's printed steps are all there is
    to read: whole and late beats short and on time (`WAIT_FOR_WHOLE`)."""


WAIT_FOR_WHOLE = (float("inf"), 10.0, 5.0)
"""Plain mode's `lates`: every step whole if time's up allows, else as late as that."""
GAP = 0.3
"""Seconds of quiet kept between two utterances."""
LATE = 2.0
"""How late a step may be said so that the one before it is said whole, when there is
time for that before time's up."""


class Planned(NamedTuple):
    """One utterance of the hold's speech: when it starts, what, and when it ends."""

    at: float
    cue: Cue
    ends: float
    step: int = -1
    """The step it says; -1 for half way, a count or time's up."""


class Heard(NamedTuple):
    """What has been cued so far: the seconds of hold done at the last look (None
    before the first), the furthest step announced (-1: none), the speech planned and
    how much of it has been given, and what it was planned for."""

    at: float | None = None
    step: int = -1
    speech: tuple[Planned, ...] = ()
    given: int = 0
    planned_for: tuple[int, Pace, int] | None = None
    """(hold seconds, pace, first step planned): another of these plans again."""
    ready: float = 0.0
    """The earliest the voice is free for the first step: after a line said as the hold
    began (plain mode's "hold for 1:00", read by a screen reader)."""


def plan_speech(plan: HoldPlan, first: int, start: float) -> tuple[Planned, ...]:
    """The hold's speech from step `first` on, none of it before `start`.

    Priorities, in order: time's up is said on time; a step is never cut (by the
    next step, a count, half way or time's up); steps are said as soon as they are
    due. A step whose whole text would run into the next step's time is said in a
    shorter form (fewer sentences: coach/core/speaking.py); if even the shortest
    forms cannot all end before time's up, the last steps are shown but not said.
    Half way and the counts are said only where nothing else is being said.
    """
    seconds, pace = plan.seconds, plan.pace
    scale = seconds / plan.default if plan.default > 0 else 1.0
    due = [step.at * scale for step in plan.steps]
    short = list(plan.short) + [""] * len(plan.steps)
    chosen = list(range(first, len(plan.steps)))
    for late in (*plan.lates, LATE, 0.0):  # at 0, no step may be late
        speech = _lay_out(plan, chosen, due, short, start, late)
        if not speech or speech[-1].ends <= seconds - GAP:
            break
    while len(chosen) > 1 and speech and speech[-1].ends > seconds - GAP:
        chosen.pop()  # the steps said are the first ones; the later are shown
        speech = _lay_out(plan, chosen, due, short, start, 0.0)
    busy = [(said.at, said.ends) for said in speech]

    def free(at: float, kind: CueKind, text: str) -> Planned | None:
        cue_ends = at + seconds_to_say(text, pace)
        if all(cue_ends + GAP <= begin or at >= ends + GAP for begin, ends in busy):
            busy.append((at, cue_ends))
            return Planned(at, Cue(kind, text), cue_ends)
        return None

    extra: list[Planned | None] = []
    if seconds >= HALF_WAY_FROM and seconds / 2 >= start:
        extra.append(free(seconds / 2, "half", t("Half way.")))
    for left in range(min(COUNT_FROM, seconds - 1), 0, -1):
        if seconds - left >= start:
            extra.append(free(seconds - left, "count", str(left)))
    time_up = t("Time's up. Let go slowly.")
    end = Planned(seconds, Cue("time_up", time_up), seconds + seconds_to_say(time_up, pace))
    everything = [*speech, *(said for said in extra if said is not None), end]
    return tuple(sorted(everything, key=lambda said: (said.at, said.step < 0)))


def _lay_out(
    plan: HoldPlan,
    chosen: list[int],
    due: list[float],
    short: list[str],
    start: float,
    late: float,
) -> list[Planned]:
    """Each chosen step at its time or when the one before has ended, in the longest
    form that ends before the next chosen step is due, or `late` seconds after it (the
    last step: before time's up)."""
    out: list[Planned] = []
    ready = start
    for n, index in enumerate(chosen):
        begin = max(due[index], ready)
        limit = due[chosen[n + 1]] + late if n + 1 < len(chosen) else float(plan.seconds)
        forms = shorter_forms(plan.spoken[index], short[index])
        timed = [(form, seconds_to_say(form, plan.pace)) for form in forms]
        text, length = next(
            ((form, took) for form, took in timed if begin + took + GAP <= limit), timed[-1]
        )
        out.append(Planned(begin, Cue("step", text), begin + length, index))
        ready = begin + length + GAP
    return out


def hold_cues(plan: HoldPlan, heard: Heard, now: float) -> tuple[list[Cue], Heard]:
    """Cues due after the last look up to and including `now` (seconds of hold done),
    and what has been heard after them.

    The first look plans the speech and announces the first step. Adding time, a new
    pace (the voice turned on) or another position (the caller sets `step` back to -1)
    plans again from now: a step is announced only past the furthest one heard (adding
    time stretches the steps, and the one due may move back), and nothing already
    said is said again; the screen keeps showing that step. A late look gives every
    cue it passed, in order, but of several steps only the newest.
    """
    before = heard.at
    if before is not None and now + 1e-9 < before:
        return [], heard  # the clock went back: nothing new is due
    restarted = heard.planned_for is not None and heard.step < heard.planned_for[2] - 1
    key = (plan.seconds, plan.pace)
    if heard.planned_for is None or heard.planned_for[:2] != key or restarted:
        due_now = step_index(plan.steps, now, plan.seconds, plan.default)
        first = max(heard.step + 1, due_now)
        start = max(now, heard.ready)
        if not restarted:  # the step being said goes on to its end
            said_steps = [said.ends + GAP for said in heard.speech[: heard.given] if said.step >= 0]
            start = max([start, *said_steps])
        speech = plan_speech(plan, first, start)
        heard = Heard(heard.at, heard.step, speech, 0, (*key, first))
    given, step = heard.given, heard.step
    cues: list[Cue] = []
    newest = max(
        (said.step for said in heard.speech[given:] if said.step >= 0 and said.at <= now + 1e-9),
        default=-1,
    )
    while given < len(heard.speech) and heard.speech[given].at <= now + 1e-9:
        said = heard.speech[given]
        given += 1
        if said.step >= 0 and said.step != newest:
            continue  # passed over by a newer step in the same look
        if said.step >= 0:
            step = max(step, said.step)
        cues.append(said.cue)
    at = now if before is None else max(now, before)
    return cues, heard._replace(at=at, step=step, given=given)


def is_free(speech: Sequence[Planned], start: float, length: float) -> bool:
    """Whether a line `length` seconds long, begun at `start`, would meet nothing of the
    planned `speech` (the gap kept either side): a line that may be left out (plain
    mode's "0:40 left.") is said only then."""
    end = start + length
    return all(end + GAP <= said.at or start >= said.ends + GAP for said in speech)


def segment_cue(
    titles: Sequence[str], stretching: Sequence[bool], old: int, new: int
) -> Cue | None:
    """The routine moved from segment `old` to `new` (old is -1 at the start): say the
    new stretch's name, with "switch legs" when one leg hands over to the other."""
    if new == old:
        return None
    text = titles[new]
    if old >= 0 and stretching[old] and stretching[new]:
        text = t("Switch legs.") + " " + text
    return Cue("segment", text)


def question_cue(text: str) -> Cue:
    """The question asked once the hold is over."""
    return Cue("question", text)
