"""Issue #27 item 4 and review #23: at night the routine starts seated, with the safe
set-up line, never standing; a change-over pause (content: change_over_seconds) comes
between one leg's stretch and the next."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from coach.core.flow import RoutineFlow
from coach.core.routine import plan, total_seconds


def step_at(content, hour: int):
    """The routine's step as the flow hands it over at `hour`: the version chosen."""
    at = datetime(2026, 12, 5, hour, 0).astimezone()
    return RoutineFlow(content.routine, now=lambda: at, strict=True).start().step


def test_at_three_in_the_morning_the_routine_starts_seated_with_the_set_up(content):
    routine = content.routine
    step = step_at(content, 3)
    assert step.night is True
    version = routine.versions[step.version]
    assert version.id == "seated" and version.night_safe
    first = plan(routine, version, step.night)[0]
    assert first.text.startswith("Turn on a light. Sit on the edge of the bed")


def test_by_day_it_starts_as_before(content):
    routine = content.routine
    step = step_at(content, 15)
    assert step.night is False
    assert routine.versions[step.version].id == "standing"
    assert not plan(routine, routine.versions[0])[0].text.startswith("Turn on a light")


def test_no_standing_version_is_night_safe(content):
    assert [v.id for v in content.routine.versions if not v.night_safe] == ["standing"]


def test_a_change_over_pause_comes_between_each_two_stretches(content):
    routine = content.routine
    assert routine.change_over_seconds > 0
    segments = plan(routine, routine.versions[1])
    for a, b in pairwise(segments):
        assert not (a.stretching and b.stretching), (a.title, b.title)
    pauses = [s for s in segments if s.title == "Switch legs."]
    assert len(pauses) == len(routine.versions[1].stretches) * (2 * routine.repeats - 1)
    assert total_seconds(segments) == routine.seconds(routine.versions[1])
