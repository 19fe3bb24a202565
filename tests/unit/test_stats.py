"""The history's numbers counted over hand-made episodes with a fixed clock: the
reference versions the SQL is held to (tests/support/oracles.py), and the bar."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from coach.core import stats
from coach.core.diary import night_of
from coach.store.history import EpisodeRecord
from tests.support import oracles

TZ = timezone(timedelta(hours=1))


def at(y: int, mo: int, d: int, h: int, mi: int = 0, tz: timezone = TZ) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


def cramp(started: datetime, **fields: object) -> EpisodeRecord:
    return EpisodeRecord(None, "cramp", started, **fields)


def routine(started: datetime) -> EpisodeRecord:
    return EpisodeRecord(None, "routine", started)


def test_night_belongs_to_the_evening_before() -> None:
    assert night_of(at(2026, 11, 28, 2)) == date(2026, 11, 27)
    assert night_of(at(2026, 11, 28, 11, 59)) == date(2026, 11, 27)
    assert night_of(at(2026, 11, 28, 12)) == date(2026, 11, 28)
    assert night_of(at(2026, 11, 27, 23)) == date(2026, 11, 27)


def test_summary_compares_nights_with_and_without_a_routine() -> None:
    now = at(2026, 12, 1, 10)  # night of 30 November
    records = [
        routine(at(2026, 11, 27, 21)),  # night 27: routine ...
        cramp(at(2026, 11, 28, 2)),  # ... and one cramp after midnight
        cramp(at(2026, 11, 28, 23)),  # night 28: no routine, two cramps
        cramp(at(2026, 11, 29, 3)),
        routine(at(2026, 11, 29, 21)),  # night 29: routine, no cramps
        cramp(at(2026, 12, 1, 1)),  # night 30: no routine, one cramp, in December
        cramp(at(2026, 12, 5, 1)),  # in the future: not a night yet
    ]
    s = oracles.summary(records, now)
    assert (s.nights_with_routine, s.nights_without_routine) == (2, 2)
    assert s.cramps_per_night_with_routine == pytest.approx(0.5)
    assert s.cramps_per_night_without_routine == pytest.approx(1.5)
    assert s.routines_total == 2
    assert s.cramps_total == 5
    assert (s.cramps_this_month, s.cramps_last_month) == (2, 3)


def test_quiet_nights_count_as_nights_without_a_routine() -> None:
    now = at(2026, 11, 30, 20)
    s = oracles.summary([cramp(at(2026, 11, 27, 22))], now)
    assert s.nights_without_routine == 4
    assert s.cramps_per_night_without_routine == pytest.approx(0.25)
    assert s.nights_with_routine == 0 and s.cramps_per_night_with_routine is None


def test_month_comparison_across_new_year() -> None:
    now = at(2027, 1, 10, 9)
    records = [cramp(at(2026, 12, 31, 23)), cramp(at(2027, 1, 1, 0, 30)), cramp(at(2026, 11, 5, 2))]
    s = oracles.summary(records, now)
    assert (s.cramps_this_month, s.cramps_last_month) == (1, 1)


def test_empty_history() -> None:
    now = at(2026, 11, 25, 12)
    s = oracles.summary([], now)
    assert s.cramps_total == s.routines_total == 0
    assert s.nights_with_routine == s.nights_without_routine == 0
    assert s.cramps_per_night_with_routine is None
    weeks = oracles.weekly_counts([], now)
    assert len(weeks) == 12 and all(n == 0 for _, n in weeks)
    assert oracles.by_hour([]) == [0] * 24
    assert oracles.by_side([]) == {"back": 0, "front": 0}
    assert oracles.outcome_by_position([]) == {}
    assert oracles.outcome_by_hold_length([]) == {b: {} for b in stats.HOLD_BUCKETS}


def test_weekly_counts_start_on_monday_oldest_first() -> None:
    now = at(2026, 11, 25, 12)  # a Wednesday
    records = [
        cramp(at(2026, 11, 23, 0, 10)),  # Monday of this week
        cramp(at(2026, 11, 22, 23)),  # Sunday: the week before
        routine(at(2026, 11, 24, 21)),  # routines are not cramps
        cramp(at(2026, 8, 1, 3)),  # older than 12 weeks
    ]
    weeks = oracles.weekly_counts(records, now)
    assert weeks[-1] == (date(2026, 11, 23), 1)
    assert weeks[-2] == (date(2026, 11, 16), 1)
    assert weeks[0][0] == date(2026, 9, 7)
    assert all(start.weekday() == 0 for start, _ in weeks)
    assert sum(n for _, n in weeks) == 2


def test_side_and_hour_use_the_recorded_wall_clock() -> None:
    records = [
        cramp(at(2026, 11, 23, 2), side="back"),
        cramp(at(2026, 11, 24, 2, 45, tz=timezone(timedelta(hours=-5))), side="back"),
        cramp(at(2026, 11, 24, 23), side="front"),
        cramp(at(2026, 11, 25, 4)),
        routine(at(2026, 11, 25, 21)),
    ]
    assert oracles.by_side(records) == {"back": 2, "front": 1, "unknown": 1}
    hours = oracles.by_hour(records)
    assert (hours[2], hours[23], hours[4], hours[21]) == (2, 1, 1, 0)


def test_what_helped_tables() -> None:
    start = at(2026, 11, 20, 2)
    records = [
        cramp(start, position="bed", actual_seconds=59, outcome="gone"),
        cramp(start, position="bed", actual_seconds=60, outcome="still"),
        cramp(start, position="standing", actual_seconds=120, outcome="gone"),
        cramp(start, position="standing", actual_seconds=121, outcome="somewhat"),
        cramp(start, position="sitting", actual_seconds=300),  # still running: no outcome
    ]
    assert oracles.outcome_by_position(records) == {
        "bed": {"gone": 1, "still": 1},
        "standing": {"gone": 1, "somewhat": 1},
    }
    assert oracles.outcome_by_hold_length(records) == {
        "under 1 min": {"gone": 1},
        "1-2 min": {"still": 1, "gone": 1},
        "over 2 min": {"somewhat": 1},
    }


@pytest.mark.parametrize(
    ("value", "top", "width", "expected"),
    [
        (0, 10, 10, ""),
        (3, 0, 10, ""),
        (10, 10, 10, "█" * 10),
        (5, 10, 10, "█" * 5),
        (1, 16, 2, "▏"),
        (3, 16, 1, "▎"),
        (9, 16, 2, "█▏"),
        (1, 10_000, 10, "▏"),  # never invisible when non-zero
        (20, 10, 4, "████"),
    ],
)
def test_bar(value: int, top: int, width: int, expected: str) -> None:
    assert stats.bar(value, top, width) == expected
    assert len(stats.bar(value, top, width)) <= width
