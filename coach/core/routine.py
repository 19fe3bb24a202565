"""The bedtime routine as a timed plan: one timer over a list of segments.

Legs take turns, so each leg rests while the other stretches; the plan is built
from content, and the hold timer engine runs it like a long hold with steps.
"""

from __future__ import annotations

from typing import NamedTuple

from coach.content.model import Routine, RoutineVersion
from coach.core.i18n import t

LEGS = ("Left leg", "Right leg")


class Segment(NamedTuple):
    at: int
    """Second of the routine at which this segment starts."""
    seconds: int
    title: str
    text: str
    stretching: bool


def start_version(routine: Routine, night: bool) -> int:
    """The version a routine starts in: the first, but at night the first night-safe one
    (seated, never standing: the same rule as the hold's starting position)."""
    if night:
        for i, version in enumerate(routine.versions):
            if version.night_safe:
                return i
    return 0


def plan(routine: Routine, version: RoutineVersion, night: bool = False) -> tuple[Segment, ...]:
    """The segments of one version. At night the first one opens with the safe set-up
    line (light on, sit); between one leg's stretch and the next, a change-over pause."""
    out: list[Segment] = []
    at = 0
    for stretch in version.stretches:
        if routine.ready_seconds:
            title = t("Get ready: {stretch}", stretch=stretch.name.lower())
            out.append(Segment(at, routine.ready_seconds, title, stretch.text, False))
            at += routine.ready_seconds
        for rep in range(1, routine.repeats + 1):
            for leg in LEGS:
                if routine.change_over_seconds and out and out[-1].stretching:
                    title, text = t("Switch legs."), t("Let go slowly. Then the other leg.")
                    out.append(Segment(at, routine.change_over_seconds, title, text, False))
                    at += routine.change_over_seconds
                title = t(
                    "{leg}: {stretch} ({number} of {total})",
                    leg=t(leg),
                    stretch=stretch.name.lower(),
                    number=rep,
                    total=routine.repeats,
                )
                out.append(Segment(at, routine.hold_seconds, title, stretch.text, True))
                at += routine.hold_seconds
    if night and routine.night_start and out:
        first = out[0]
        out[0] = Segment(
            first.at,
            first.seconds,
            first.title,
            f"{routine.night_start} {first.text}",
            first.stretching,
        )
    return tuple(out)


def total_seconds(segments: tuple[Segment, ...]) -> int:
    return segments[-1].at + segments[-1].seconds if segments else 0
