"""The history screen's reads at any size: pages of rows, counts and summaries in SQL.

History (coach/store/history.py) is these reads, the diary's (checkins.py) and its own
writes; it owns the connection and its lock. Nothing here reads the whole history into Python:
rows come a page at a time by their place in the newest-first order (walked from
whichever end is nearer, on the index of started_epoch), and every number the
screen and plain mode print is summed by SQLite (tests/support/oracles.py counts the same
over records in plain Python: the reference the tests hold these to).

Rows that cannot be read (a hand edit, another program) are left out of every count,
as the record readers leave them out: ROWS_SQL says which rows can be read.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

from coach.core.diary import night_of
from coach.core.stats import HOLD_BUCKETS, Summary
from coach.store.checkins import NIGHT_SQL
from coach.store.migrations import ROWS_SQL
from coach.store.records import BadRow, EpisodeRecord, check, from_row, row_values

COLUMNS_SQL = (
    "kind, started_at, started_epoch, side, position, planned_seconds, actual_seconds,"
    " holds, outcome, causes, severity, updated_at, eased_minutes, help_reason,"
    " relief_tried, leg, causes_pending"
)
_HOLD_SQL = "CASE WHEN actual_seconds < 60 THEN 0 WHEN actual_seconds <= 120 THEN 1 ELSE 2 END"


def _around(first: date, end: date) -> tuple[float, float]:
    """Epoch bounds sure to hold every episode whose wall clock is on a day from
    `first` up to `end` (included), whatever offset it was recorded with."""
    low = datetime(first.year, first.month, first.day, tzinfo=timezone.utc).timestamp()
    high = datetime(end.year, end.month, end.day, tzinfo=timezone.utc).timestamp()
    return low - 2 * 86400, high + 3 * 86400


class Charts(NamedTuple):
    """What the Charts and What helped tabs draw, summed in SQL."""

    weeks: list[tuple[date, int]]
    sides: dict[str, int]
    hours: list[int]
    by_position: dict[str, dict[str, int]]
    by_hold_length: dict[str, dict[str, int]]


class HistoryQueries:
    """Needs `_guard(doing)` and `skipped` from History."""

    skipped: list[int]

    def _guard(self, doing: str) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def add_many(self, records: Iterable[EpisodeRecord]) -> int:
        """Store many episodes in one transaction (an import, a benchmark's history)."""
        rows = []
        for record in records:
            check(record)
            rows.append(row_values(record))
        marks = ",".join("?" * len(rows[0])) if rows else ""
        with self._guard("save the episodes") as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(f"INSERT INTO episodes ({COLUMNS_SQL}) VALUES ({marks})", rows)
            conn.execute("COMMIT")
        return len(rows)

    def rows(self, columns: str, batch: int = 1000) -> Iterator[sqlite3.Row]:
        """Every row newest first, `columns` as stored, a batch at a time: an export reads
        them itself. The lock is never held across a `yield` (a reader may stop part-way)."""
        self.skipped = []
        with self._guard("read the history") as conn:
            cur = conn.execute(
                f"SELECT {columns} FROM episodes ORDER BY started_epoch DESC, id DESC"
            )
        while True:
            with self._guard("read the history"):
                rows = cur.fetchmany(batch)
            if not rows:
                return
            yield from rows

    def count(self) -> int:
        """How many episodes can be read. Notes the ids of those that cannot (in
        `skipped`), so the sums that follow leave them out without testing every row."""
        with self._guard("read the history") as conn:
            total, bad = conn.execute(
                "SELECT (SELECT count(*) FROM episodes), (SELECT json_group_array(id)"
                f" FROM (SELECT id FROM episodes WHERE NOT {ROWS_SQL} ORDER BY id))"
            ).fetchone()
        self.skipped = [int(i) for i in json.loads(bad)]
        self._unreadable = json.dumps(self.skipped)
        return int(total) - len(self.skipped)

    def _kept(self) -> tuple[str, dict[str, object]]:
        """A condition for readable rows (with its named parameter): the ids count()
        found unreadable left out, or else the test itself."""
        known = getattr(self, "_unreadable", None)
        if known is None:
            return ROWS_SQL, {}
        if known == "[]":
            return "1", {}
        return "id NOT IN (SELECT value FROM json_each(:unreadable))", {"unreadable": known}

    def page(self, offset: int, limit: int, total: int | None = None) -> list[EpisodeRecord]:
        """`limit` episodes from place `offset` in the newest-first order. With `total`
        (count()), a place past the middle is found from the oldest end: the End key
        costs as little as Home."""
        if offset < 0 or limit <= 0:
            return []
        order, skip, flip = "DESC", offset, False
        if total is not None and offset > total // 2:
            order, flip = "ASC", True
            skip = max(0, total - offset - limit)
            limit = min(limit, total - offset)
            if limit <= 0:
                return []
        readable, params = self._kept()
        with self._guard("read the history") as conn:
            rows = conn.execute(
                f"SELECT * FROM episodes WHERE {readable}"
                f" ORDER BY started_epoch {order}, id {order} LIMIT :limit OFFSET :skip",
                {**params, "limit": limit, "skip": skip},
            ).fetchall()
        if flip:
            rows.reverse()
        records = []
        for row in rows:
            try:
                records.append(from_row(row))
            except BadRow:
                self.skipped.append(row["id"])
        return records

    def summary(self, now: datetime) -> Summary:
        """The headline numbers, summed in SQL: totals, this and last month, and the nights
        with and without a routine from the first night to last night. Each is a range
        of an index (of kind and night, or of kind and start time, widened by two days
        for the offset the wall clock had): never a scan of years of rows."""
        last = night_of(now)
        kept, params = self._kept()
        this = date(now.year, now.month, 1)
        before = (this - timedelta(days=1)).replace(day=1)
        after = (this + timedelta(days=31)).replace(day=1)
        cramps = f"FROM episodes WHERE kind = 'cramp' AND {kept}"
        in_month = (
            "started_epoch BETWEEN :{0}_low AND :{0}_high AND substr(started_at, 1, 7) = :{0}"
        )
        sql = (
            f"WITH kinds AS (SELECT kind, count(*) AS n FROM episodes WHERE {kept} GROUP BY kind),"
            f" routine_nights AS (SELECT DISTINCT {NIGHT_SQL} AS night FROM episodes"
            f"  WHERE kind = 'routine' AND {kept} AND {NIGHT_SQL} <= :last)"
            " SELECT (SELECT n FROM kinds WHERE kind = 'cramp'),"
            " (SELECT n FROM kinds WHERE kind = 'routine'),"
            f" (SELECT count(*) {cramps} AND {in_month.format('this')}),"
            f" (SELECT count(*) {cramps} AND {in_month.format('before')}),"
            f" (SELECT min((SELECT min({NIGHT_SQL}) FROM episodes AS e"
            f"  WHERE e.kind = kinds.kind AND {kept})) FROM kinds),"
            " (SELECT count(*) FROM routine_nights),"
            f" (SELECT count(*) {cramps} AND {NIGHT_SQL} IN (SELECT night FROM routine_nights)),"
            f" (SELECT count(*) {cramps} AND {NIGHT_SQL} > :last)"
        )
        (this_low, this_high), (before_low, before_high) = (
            _around(this, after),
            _around(before, this),
        )
        values = {
            **params,
            "last": last.isoformat(),
            "this": f"{this:%Y-%m}",
            "this_low": this_low,
            "this_high": this_high,
            "before": f"{before:%Y-%m}",
            "before_low": before_low,
            "before_high": before_high,
        }
        with self._guard("read the history") as conn:
            row = conn.execute(sql, values).fetchone()
        count_c, count_r, month, last_month, first_night, with_n, with_c, later = (
            v or 0 for v in row
        )
        first = date.fromisoformat(first_night) if first_night else None
        nights = (last - first).days + 1 if first is not None and first <= last else 0
        all_c = count_c - later
        with_n, with_c = (with_n, with_c) if nights else (0, 0)
        without_n, without_c = (nights - with_n, all_c - with_c) if nights else (0, 0)
        return Summary(
            cramps_total=count_c,
            cramps_this_month=month,
            cramps_last_month=last_month,
            routines_total=count_r,
            nights_with_routine=with_n,
            nights_without_routine=without_n,
            cramps_per_night_with_routine=with_c / with_n if with_n else None,
            cramps_per_night_without_routine=without_c / without_n if without_n else None,
        )

    def charts(self, now: datetime, weeks: int = 12) -> Charts:
        """Cramps by week, side and hour, and the outcome tables, in SQL."""
        this_monday = now.date() - timedelta(days=now.weekday())
        first = this_monday - timedelta(weeks=weeks - 1)
        # The epoch bound (two days either side) lets the index pick the weeks' rows;
        # the week is then decided on the wall-clock date the cramp was recorded on.
        low = datetime(first.year, first.month, first.day).timestamp() - 2 * 86400
        readable, params = self._kept()
        cramp = f"kind = 'cramp' AND {readable}"
        with self._guard("read the history") as conn:
            week_rows = conn.execute(
                "SELECT date(substr(started_at, 1, 10), 'weekday 0', '-6 days'), count(*)"
                f" FROM episodes WHERE started_epoch >= :low AND {cramp} GROUP BY 1",
                {**params, "low": low},
            ).fetchall()
            groups = conn.execute(
                "SELECT coalesce(nullif(side, ''), 'unknown'),"
                " coalesce(cast(substr(started_at, 12, 2) AS INTEGER), 0),"
                f" coalesce(nullif(position, ''), 'unknown'), {_HOLD_SQL}, outcome, count(*)"
                f" FROM episodes WHERE {cramp} GROUP BY 1, 2, 3, 4, 5",
                params,
            ).fetchall()
        per_week = {str(start): int(n) for start, n in week_rows}
        starts = [first + timedelta(weeks=n) for n in range(weeks)]
        sides: Counter[str] = Counter()
        hours = [0] * 24
        by_position: dict[str, Counter[str]] = {}
        by_length: dict[str, Counter[str]] = {}
        for side, hour, position, bucket, outcome, n in groups:
            sides[side] += n
            hours[int(hour) % 24] += n
            if outcome is not None:
                by_position.setdefault(position, Counter())[outcome] += n
                by_length.setdefault(HOLD_BUCKETS[bucket], Counter())[outcome] += n
        side_table = {"back": sides.pop("back", 0), "front": sides.pop("front", 0)}
        side_table.update(sorted(sides.items()))
        return Charts(
            [(start, per_week.get(start.isoformat(), 0)) for start in starts],
            side_table,
            hours,
            {p: dict(c) for p, c in by_position.items()},
            {b: dict(by_length.get(b, {})) for b in HOLD_BUCKETS},
        )
