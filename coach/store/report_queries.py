"""The numbers of the doctor's report, each summed in SQL over the chosen weeks.

Apart from the HTML (coach/documents/report.py) so tests can compare them with the database
and with `calf-coach export` without parsing a page. The rows counted are those the
history and the export keep (migrations.ROWS_SQL): the page says how many it left out.

Frequency is stated as counts over nights the app knows about (a cramp recorded, or a
morning check-in answered) beside the nights it knows nothing about: never a rate
per night over nights nobody recorded (clinical review #10).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from coach.core.choices import is_night
from coach.core.profile import Mark, Medicine
from coach.core.record import EASED_OUTCOMES
from coach.store.checkins import NIGHT_SQL
from coach.store.history import History
from coach.store.profile import conditions, marks, medicines

TREND_WEEKS = 4
"""The baseline and the latest stretch compared: four weeks each (a review of night
cramps is at four weeks)."""
FLAG_ROWS = 8
"""Red-flag events listed one by one on the page; more are counted."""


class Nights(NamedTuple):
    """What is known about a run of nights."""

    first: date
    last: date
    cramps: int
    with_cramps: int
    """Nights with at least one cramp."""
    recorded: int
    """Nights with any record: a cramp recorded, or a check-in answered."""

    @property
    def nights(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def unrecorded(self) -> int:
        return self.nights - self.recorded

    @property
    def per_week(self) -> float:
        """Cramps known, per week of the run (a floor: unrecorded nights add none)."""
        return self.cramps * 7 / self.nights


class RedFlag(NamedTuple):
    at: str
    """Local date and time as recorded, 'YYYY-MM-DD HH:MM'."""
    reason: str | None
    """A HelpReason, "morning-swollen" (the check-in's safety question) or None (an
    older version did not record why)."""


class ReportData(NamedTuple):
    first_night: date
    last_night: date
    cramps: int
    weeks: tuple[Nights, ...]
    baseline: Nights | None
    """The first TREND_WEEKS weeks, and the last: None when the page covers fewer
    than twice as many weeks."""
    latest: Nights | None
    marked: tuple[tuple[Mark, Nights, Nights], ...]
    """Each date marked inside the weeks, with the nights before it and from it on."""
    severity: tuple[int | None, float | None, int]
    """Highest, mean, and how many cramps had a severity."""
    severity_bands: tuple[int, int, int]
    """Cramps rated 0-3, 4-6, 7-10."""
    held_seconds: float | None
    eased_minutes: tuple[float | None, int]
    """Mean minutes until eased, and of how many cramps."""
    legs: tuple[tuple[str, int], ...]
    """(left/right/both/None, cramps), in that order, only those that happened."""
    sides: tuple[tuple[str, int], ...]
    hours: tuple[int, ...]
    """Cramps by hour of the day, 0-23."""
    outcomes: tuple[tuple[str, int], ...]
    eased_by_position: tuple[tuple[str, int, int], ...]
    """(position, eased: gone or sore, finished: stretched and answered)."""
    causes: tuple[tuple[str, int], ...]
    cramps_with_causes: int
    red_flags: tuple[RedFlag, ...]
    routine_nights: int
    checkins: tuple[int, int, int]
    """Check-ins answered, of them nights with cramps, skipped."""
    checkin_worst: float | None
    sleep: tuple[int, int]
    """Nights with sleep disturbed 5/10 or more, of the nights it was rated."""
    relief_tried: tuple[tuple[str, int], ...]
    medicines: tuple[Medicine, ...]
    conditions: tuple[str, ...]
    left_out: int
    """Rows of the history that could not be read, left out of every number."""

    @property
    def night_and_day(self) -> tuple[int, int]:
        night = sum(n for hour, n in enumerate(self.hours) if is_night(hour))
        return night, sum(self.hours) - night


def _nights(per_night: dict[date, tuple[int, bool]], first: date, last: date) -> Nights:
    days = [first + timedelta(days=d) for d in range((last - first).days + 1)]
    known = [per_night[d] for d in days if d in per_night]
    return Nights(
        first,
        last,
        sum(c for c, _ in known),
        sum(1 for c, _ in known if c > 0),
        len(known),
    )


def gather(store: History, now: datetime, weeks: int = 12) -> ReportData:
    last = (now - timedelta(hours=12)).date()
    first = last - timedelta(days=weeks * 7 - 1)
    total = store.count()  # notes the rows no reader keeps, for `_kept`
    kept, named = store._kept()
    # The epoch bound (a day either side) lets the index on started_epoch pick the
    # weeks' rows; the night itself is then decided on the recorded wall clock.
    low = datetime(first.year, first.month, first.day).timestamp() - 86400
    high = datetime(last.year, last.month, last.day).timestamp() + 3 * 86400
    span = {**named, "low": low, "high": high, "first": str(first), "last": str(last)}
    where = (
        f"kind = 'cramp' AND started_epoch BETWEEN :low AND :high"
        f" AND {NIGHT_SQL} BETWEEN :first AND :last AND {kept}"
    )

    def q(sql: str) -> list[tuple]:
        return store.aggregate(sql, span)

    per_night: dict[date, tuple[int, bool]] = {}
    for night, recorded, told in q(
        "SELECT night, max(recorded), max(told) FROM ("
        f" SELECT {NIGHT_SQL} AS night, count(*) AS recorded, NULL AS told"
        f"  FROM episodes WHERE {where} GROUP BY 1"
        " UNION ALL SELECT night, 0, cramps FROM checkins"
        "  WHERE cramps IS NOT NULL AND night BETWEEN :first AND :last)"
        " GROUP BY night"
    ):
        try:
            per_night[date.fromisoformat(night)] = (max(int(recorded or 0), int(told or 0)), True)
        except (TypeError, ValueError):
            continue
    week_rows = tuple(
        _nights(per_night, start, start + timedelta(days=6))
        for start in (first + timedelta(days=7 * w) for w in range(weeks))
    )
    baseline = latest = None
    if weeks >= 2 * TREND_WEEKS:
        baseline = _nights(per_night, first, first + timedelta(days=7 * TREND_WEEKS - 1))
        latest = _nights(per_night, last - timedelta(days=7 * TREND_WEEKS - 1), last)
    marked = tuple(
        (
            mark,
            _nights(per_night, first, mark.day - timedelta(days=1)),
            _nights(per_night, mark.day, last),
        )
        for mark in marks(store)
        if first < mark.day <= last
    )[-2:]

    ((count, top, mean, rated, lo, mid, hi, held, eased, eased_n),) = q(
        "SELECT count(*), max(severity), avg(severity), count(severity),"
        " sum(severity BETWEEN 0 AND 3), sum(severity BETWEEN 4 AND 6),"
        " sum(severity BETWEEN 7 AND 10), avg(actual_seconds), avg(eased_minutes),"
        f" count(eased_minutes) FROM episodes WHERE {where}"
    )
    legs = dict(q(f"SELECT leg, count(*) FROM episodes WHERE {where} GROUP BY 1"))
    leg_rows = [(leg, int(legs.pop(leg))) for leg in ("left", "right", "both") if leg in legs]
    unknown_leg = sum(int(n) for n in legs.values())
    if unknown_leg:
        leg_rows.append(("", unknown_leg))
    sides = q(
        f"SELECT coalesce(side, 'unknown'), count(*) FROM episodes WHERE {where}"
        " GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    hours = [0] * 24
    for hour, n in q(
        f"SELECT cast(substr(started_at, 12, 2) AS INTEGER), count(*) FROM episodes"
        f" WHERE {where} GROUP BY 1"
    ):
        hours[int(hour or 0) % 24] += int(n)
    outcomes = q(
        f"SELECT coalesce(outcome, 'in progress'), count(*) FROM episodes"
        f" WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    eased_list = ", ".join(f"'{o}'" for o in EASED_OUTCOMES)
    by_position = q(
        f"SELECT coalesce(position, 'unknown'), sum(outcome IN ({eased_list})), count(*)"
        f" FROM episodes WHERE {where} AND outcome IN ({eased_list}, 'somewhat', 'still')"
        " GROUP BY 1 ORDER BY 3 DESC, 1"
    )
    # The rows are picked before json_each joins them: its own `id` column would make
    # the kept rows' test (by id) ambiguous.
    causes = q(
        f"SELECT j.value, count(*) FROM (SELECT causes FROM episodes WHERE {where}) AS x,"
        " json_each(CASE WHEN json_valid(x.causes) THEN x.causes ELSE '[]' END) AS j"
        " GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    relief = q(
        f"SELECT j.value, count(*) FROM (SELECT relief_tried FROM episodes WHERE {where}) AS x,"
        " json_each(CASE WHEN json_valid(x.relief_tried) THEN x.relief_tried ELSE '[]' END)"
        " AS j GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    ((with_causes,),) = q(
        f"SELECT count(*) FROM episodes WHERE {where} AND json_valid(causes)"
        " AND json_array_length(causes) > 0"
    )
    flags = [
        (str(at), reason)
        for at, reason in q(
            "SELECT substr(started_at, 1, 10) || ' ' || substr(started_at, 12, 5), help_reason"
            f" FROM episodes WHERE {where} AND outcome = 'red_flag' ORDER BY started_epoch, id"
        )
    ]
    flags += [
        (f"{date.fromisoformat(night) + timedelta(days=1)} {at[11:16]}", "morning-swollen")
        for night, at in q(
            "SELECT night, answered_at FROM checkins WHERE swollen = 1"
            " AND night BETWEEN :first AND :last"
        )
    ]
    flags.sort(key=lambda f: f[0])
    ((routines,),) = q(
        f"SELECT count(DISTINCT {NIGHT_SQL}) FROM episodes WHERE kind = 'routine'"
        f" AND started_epoch BETWEEN :low AND :high AND {NIGHT_SQL} BETWEEN :first AND :last"
        f" AND {kept}"
    )
    ((answered, bad, skipped, worst, disturbed, sleep_rated),) = q(
        "SELECT count(cramps), sum(cramps > 0), count(*) - count(cramps),"
        " avg(CASE WHEN cramps > 0 THEN worst END), sum(sleep >= 5), count(sleep)"
        " FROM checkins WHERE night BETWEEN :first AND :last"
    )
    return ReportData(
        first,
        last,
        int(count),
        week_rows,
        baseline,
        latest,
        marked,
        (top, mean, int(rated)),
        (int(lo or 0), int(mid or 0), int(hi or 0)),
        held,
        (eased, int(eased_n)),
        tuple(leg_rows),
        tuple((str(s), int(n)) for s, n in sides),
        tuple(hours),
        tuple((str(o), int(n)) for o, n in outcomes),
        tuple((str(p), int(g or 0), int(n)) for p, g, n in by_position),
        tuple((str(c), int(n)) for c, n in causes),
        int(with_causes),
        tuple(RedFlag(at, None if r is None else str(r)) for at, r in flags),
        int(routines),
        (int(answered), int(bad or 0), int(skipped)),
        worst,
        (int(disturbed or 0), int(sleep_rated)),
        tuple((str(r), int(n)) for r, n in relief),
        tuple(medicines(store)),
        tuple(conditions(store)),
        len(store.skipped) if total >= 0 else 0,
    )
