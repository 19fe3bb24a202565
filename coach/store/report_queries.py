"""The numbers of the doctor's report, each summed in SQL over the chosen weeks.

Apart from the HTML (coach/documents/report.py) so tests can compare them with the database
and with `calf-coach export` without parsing a page.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from coach.store.checkins import NIGHT_SQL
from coach.store.history import History


class Week(NamedTuple):
    start: date
    cramps: int
    nights_known: int


class ReportData(NamedTuple):
    first_night: date
    last_night: date
    cramps: int
    weeks: tuple[Week, ...]
    severity: tuple[int | None, float | None, int]
    """Highest, mean, and how many cramps had a severity."""
    severity_bands: tuple[int, int, int]
    """Cramps rated 0-3, 4-6, 7-10."""
    held_seconds: float | None
    eased_minutes: float | None
    sides: tuple[tuple[str, int], ...]
    outcomes: tuple[tuple[str, int], ...]
    eased_by_position: tuple[tuple[str, int, int], ...]
    """(position, gone, finished)."""
    causes: tuple[tuple[str, int], ...]
    cramps_with_causes: int
    red_flags: tuple[tuple[str, int], ...]
    """(why, how many) of the episodes that ended at "get help" for a red flag."""
    routine_nights: int
    checkins: tuple[int, int, int]
    """Check-ins answered, of them nights with cramps, skipped."""
    checkin_worst: float | None
    checkin_sleep: float | None
    relief_tried: tuple[tuple[str, int], ...] = ()
    """(relief id, in how many cramps) of the other relief tried, most first."""


def gather(store: History, now: datetime, weeks: int = 12) -> ReportData:
    last = (now - timedelta(hours=12)).date()
    first = last - timedelta(days=weeks * 7 - 1)
    # The epoch bound (a day either side) lets the index on started_epoch pick the
    # weeks' rows; the night itself is then decided on the recorded wall clock.
    low = datetime(first.year, first.month, first.day).timestamp() - 86400
    high = datetime(last.year, last.month, last.day).timestamp() + 3 * 86400
    span = (low, high, first.isoformat(), last.isoformat())
    where = f"kind = 'cramp' AND started_epoch BETWEEN ? AND ? AND {NIGHT_SQL} BETWEEN ? AND ?"
    q = store.aggregate

    per_night = store.cramps_per_night(first, last)
    week_rows = []
    for w in range(weeks):
        start = first + timedelta(days=7 * w)
        days = [start + timedelta(days=d) for d in range(7)]
        known = [per_night[d] for d in days if d in per_night]
        week_rows.append(Week(start, sum(known), len(known)))

    ((count, top, mean, rated, low, mid, high, held, eased),) = q(
        "SELECT count(*), max(severity), avg(severity), count(severity),"
        " sum(severity BETWEEN 0 AND 3), sum(severity BETWEEN 4 AND 6),"
        " sum(severity BETWEEN 7 AND 10), avg(actual_seconds), avg(eased_minutes)"
        f" FROM episodes WHERE {where}",
        span,
    )
    sides = q(
        f"SELECT coalesce(side, 'unknown'), count(*) FROM episodes WHERE {where}"
        " GROUP BY 1 ORDER BY 2 DESC",
        span,
    )
    outcomes = q(
        f"SELECT coalesce(outcome, 'in progress'), count(*) FROM episodes"
        f" WHERE {where} GROUP BY 1 ORDER BY 2 DESC",
        span,
    )
    by_position = q(
        "SELECT coalesce(position, 'unknown'), sum(outcome = 'gone'), count(*) FROM episodes"
        f" WHERE {where} AND outcome IS NOT NULL GROUP BY 1 ORDER BY 3 DESC",
        span,
    )
    causes = q(
        "SELECT j.value, count(*) FROM episodes, json_each(CASE WHEN json_valid(causes)"
        f" THEN causes ELSE '[]' END) AS j WHERE {where} GROUP BY 1 ORDER BY 2 DESC",
        span,
    )
    relief = q(
        "SELECT j.value, count(*) FROM episodes, json_each(CASE WHEN json_valid(relief_tried)"
        f" THEN relief_tried ELSE '[]' END) AS j WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1",
        span,
    )
    ((with_causes,),) = q(
        f"SELECT count(*) FROM episodes WHERE {where} AND json_valid(causes)"
        " AND json_array_length(causes) > 0",
        span,
    )
    flags = q(
        "SELECT coalesce(help_reason, 'unknown'), count(*) FROM episodes"
        f" WHERE {where} AND outcome = 'red_flag' GROUP BY 1 ORDER BY 2 DESC",
        span,
    )
    ((routines,),) = q(
        f"SELECT count(DISTINCT {NIGHT_SQL}) FROM episodes WHERE kind = 'routine'"
        f" AND started_epoch BETWEEN ? AND ? AND {NIGHT_SQL} BETWEEN ? AND ?",
        span,
    )
    ((answered, bad, skipped, worst, sleep),) = q(
        "SELECT count(cramps), sum(cramps > 0), count(*) - count(cramps),"
        " avg(CASE WHEN cramps > 0 THEN worst END), avg(CASE WHEN cramps > 0 THEN sleep END)"
        " FROM checkins WHERE night BETWEEN ? AND ?",
        span[2:],
    )
    return ReportData(
        first,
        last,
        int(count),
        tuple(week_rows),
        (top, mean, int(rated)),
        (int(low or 0), int(mid or 0), int(high or 0)),
        held,
        eased,
        tuple((str(s), int(n)) for s, n in sides),
        tuple((str(o), int(n)) for o, n in outcomes),
        tuple((str(p), int(g or 0), int(n)) for p, g, n in by_position),
        tuple((str(c), int(n)) for c, n in causes),
        int(with_causes),
        tuple((str(r), int(n)) for r, n in flags),
        int(routines),
        (int(answered), int(bad or 0), int(skipped)),
        worst,
        sleep,
        tuple((str(r), int(n)) for r, n in relief),
    )
