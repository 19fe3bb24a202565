"""The bedtime routine as a timed plan: one timer over a list of segments.

Legs take turns, so each leg rests while the other stretches; the plan is built
from content, and the hold timer engine runs it like a long hold with steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.content.model import Routine, RoutineVersion
from coach.core.i18n import t

LEGS = ("Left leg", "Right leg")


@dataclass(frozen=True)
class Segment:
    at: int
    """Second of the routine at which this segment starts."""
    seconds: int
    title: str
    text: str
    stretching: bool


def plan(routine: Routine, version: RoutineVersion) -> tuple[Segment, ...]:
    out: list[Segment] = []
    at = 0
    for stretch in version.stretches:
        if routine.ready_seconds:
            title = t("Get ready: {stretch}", stretch=stretch.name.lower())
            out.append(Segment(at, routine.ready_seconds, title, stretch.text, False))
            at += routine.ready_seconds
        for rep in range(1, routine.repeats + 1):
            for leg in LEGS:
                title = t(
                    "{leg}: {stretch} ({number} of {total})",
                    leg=t(leg),
                    stretch=stretch.name.lower(),
                    number=rep,
                    total=routine.repeats,
                )
                out.append(Segment(at, routine.hold_seconds, title, stretch.text, True))
                at += routine.hold_seconds
    return tuple(out)


def total_seconds(segments: tuple[Segment, ...]) -> int:
    return segments[-1].at + segments[-1].seconds if segments else 0
