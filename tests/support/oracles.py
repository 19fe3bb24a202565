"""The history's charts and headline numbers, counted in plain Python from the records.

The app counts them in SQL (coach/store/queries.py), which a history of years needs;
these are the slow, obvious versions the SQL is checked against
(tests/unit/test_history_queries.py). Times are read on the wall clock each episode
was recorded in, because "a cramp at 2 am" means 2 am where the person was that night.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from coach.core.diary import night_of
from coach.core.record import EpisodeRecord
from coach.core.stats import HOLD_BUCKETS, Summary


def _cramps(records: Iterable[EpisodeRecord]) -> list[EpisodeRecord]:
    return [r for r in records if r.kind == "cramp"]


def weekly_counts(
    records: Iterable[EpisodeRecord], now: datetime, weeks: int = 12
) -> list[tuple[date, int]]:
    """Cramps per Monday-started week, oldest first, ending with the current week."""
    this_monday = now.date() - timedelta(days=now.weekday())
    starts = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts: Counter[date] = Counter()
    for r in _cramps(records):
        day = r.started_at.date()
        counts[day - timedelta(days=day.weekday())] += 1
    return [(start, counts[start]) for start in starts]


def by_side(records: Iterable[EpisodeRecord]) -> dict[str, int]:
    """Back and front always appear so the chart keeps its shape; unknown only when it happened."""
    counts = Counter(r.side or "unknown" for r in _cramps(records))
    result = {"back": counts.pop("back", 0), "front": counts.pop("front", 0)}
    result.update(sorted(counts.items()))
    return result


def by_hour(records: Iterable[EpisodeRecord]) -> list[int]:
    """24 buckets by start hour, to show whether cramps cluster at a time of night."""
    buckets = [0] * 24
    for r in _cramps(records):
        buckets[r.started_at.hour] += 1
    return buckets


def hold_bucket(seconds: int) -> str:
    """Coarse buckets: a few episodes cannot support finer conclusions."""
    if seconds < 60:
        return HOLD_BUCKETS[0]
    return HOLD_BUCKETS[1] if seconds <= 120 else HOLD_BUCKETS[2]


def _outcomes_by(
    records: Iterable[EpisodeRecord], key: Callable[[EpisodeRecord], str]
) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for r in _cramps(records):
        if r.outcome is not None:
            table.setdefault(key(r), Counter())[r.outcome] += 1
    return {group: dict(counter) for group, counter in table.items()}


def outcome_by_position(records: Iterable[EpisodeRecord]) -> dict[str, dict[str, int]]:
    """Finished cramps only: an episode still running has no outcome to compare."""
    return _outcomes_by(records, lambda r: r.position or "unknown")


def outcome_by_hold_length(records: Iterable[EpisodeRecord]) -> dict[str, dict[str, int]]:
    """Every bucket is present, in order, so "nothing yet" shows as an empty row."""
    found = _outcomes_by(records, lambda r: hold_bucket(r.actual_seconds))
    return {bucket: found.get(bucket, {}) for bucket in HOLD_BUCKETS}


def summary(records: Iterable[EpisodeRecord], now: datetime) -> Summary:
    """Compares nights with and without a routine, counting quiet nights too, since those
    are exactly the ones a routine is meant to produce."""
    records = list(records)
    cramps = _cramps(records)
    this_month = (now.year, now.month)
    last_month = (now.year - 1, 12) if now.month == 1 else (now.year, now.month - 1)
    months = Counter((r.started_at.year, r.started_at.month) for r in cramps)

    last_night = night_of(now)
    nights = [night_of(r.started_at) for r in records]
    nights = [n for n in nights if n <= last_night]
    routine_nights = {night_of(r.started_at) for r in records if r.kind == "routine"}
    cramp_nights = Counter(night_of(r.started_at) for r in cramps)
    with_n = without_n = with_c = without_c = 0
    if nights:
        day = min(nights)
        while day <= last_night:
            if day in routine_nights:
                with_n, with_c = with_n + 1, with_c + cramp_nights[day]
            else:
                without_n, without_c = without_n + 1, without_c + cramp_nights[day]
            day += timedelta(days=1)
    return Summary(
        cramps_total=len(cramps),
        cramps_this_month=months[this_month],
        cramps_last_month=months[last_month],
        routines_total=sum(1 for r in records if r.kind == "routine"),
        nights_with_routine=with_n,
        nights_without_routine=without_n,
        cramps_per_night_with_routine=with_c / with_n if with_n else None,
        cramps_per_night_without_routine=without_c / without_n if without_n else None,
    )
