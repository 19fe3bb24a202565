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
    """The hold as it stands: its steps (spoken forms), length now (with time added)
    and the length the step times were written for."""

    steps: Sequence[Timed]
    spoken: Sequence[str]
    seconds: int
    default: int


class Heard(NamedTuple):
    """What has been cued so far: the seconds of hold done at the last look (None
    before the first) and the furthest step announced (-1: none)."""

    at: float | None = None
    step: int = -1


def _passed(before: float | None, now: float, mark: float) -> bool:
    return (before is None or before + 1e-9 < mark) and now + 1e-9 >= mark


def hold_cues(plan: HoldPlan, heard: Heard, now: float) -> tuple[list[Cue], Heard]:
    """Cues due after the last look up to and including `now` (seconds of hold done),
    and what has been heard after them.

    The first look announces the first step. A step is announced only past the
    furthest one heard: adding time stretches the steps (the one due may move back),
    and nothing already said is said again; the screen keeps showing that step.
    """
    before = heard.at
    due: list[tuple[float, int, Cue]] = []
    seconds = plan.seconds
    old = heard.step
    new = step_index(plan.steps, now, seconds, plan.default)
    if new > old:
        scale = seconds / plan.default if plan.default > 0 else 1.0
        due.append((plan.steps[new].at * scale, 0, Cue("step", plan.spoken[new])))
    if seconds >= HALF_WAY_FROM and _passed(before, now, seconds / 2):
        due.append((seconds / 2, 1, Cue("half", t("Half way."))))
    for left in range(min(COUNT_FROM, seconds - 1), 0, -1):
        if _passed(before, now, seconds - left):
            due.append((seconds - left, 2, Cue("count", str(left))))
    if _passed(before, now, seconds):
        due.append((seconds, 3, Cue("time_up", t("Time's up. Let go slowly."))))
    due.sort(key=lambda item: (item[0], item[1]))
    return [cue for _at, _order, cue in due], Heard(max(now, before or 0.0), max(old, new))


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
