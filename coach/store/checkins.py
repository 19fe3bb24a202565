"""The diary's reads and writes on the history database: morning check-ins, cramps per
night, and a side's own record: the diary's part of History (coach/store/history.py),
which owns the connection and its lock.

Aggregates are done in SQL (a night is the local wall-clock date 12 hours before the
start, as `diary.night_of` says): a history of years must not be read row by row to
draw one chart.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta

from coach.core.choices import NIGHT_HOURS
from coach.core.diary import (
    FORTNIGHT,
    PAST_LIMIT,
    SLEEP_DISTURBED,
    CheckIn,
    NightState,
    PastRecord,
    PositionTally,
    check,
    checkin_due,
    last_night,
)
from coach.core.record import EASED_OUTCOMES

NIGHT_SQL = "date(substr(started_at, 1, 19), '-12 hours')"
"""The night an episode belongs to, on the wall clock it was recorded in."""


class CheckinStore:
    """Needs `_guard(doing)` from History."""

    def _guard(self, doing: str) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def save_checkin(self, answer: CheckIn, answered_at: datetime) -> None:
        """One row per night: answering again replaces the earlier answer."""
        check(answer)
        with self._guard("save the check-in") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO checkins"
                " (night, answered_at, cramps, worst, sleep, swollen) VALUES (?,?,?,?,?,?)",
                (
                    answer.night.isoformat(),
                    answered_at.isoformat(),
                    answer.cramps,
                    answer.worst,
                    answer.sleep,
                    None if answer.swollen is None else int(answer.swollen),
                ),
            )

    def pending_causes(self, night: date) -> list[int]:
        """The ids of `night`'s cramps whose cause questions were left for the morning
        ("ask me in the morning"), oldest first: the check-in asks them (#28)."""
        low = datetime(night.year, night.month, night.day).timestamp() - 2 * 86400
        with self._guard("read the history") as conn:
            rows = conn.execute(
                f"SELECT id FROM episodes WHERE kind = 'cramp' AND started_epoch"
                f" BETWEEN ? AND ? AND {NIGHT_SQL} = ? AND causes_pending = 1"
                " ORDER BY started_epoch",
                (low, low + 5 * 86400, night.isoformat()),
            ).fetchall()
        return [int(row[0]) for row in rows]

    def update_causes(
        self, record_id: int, causes: tuple[str, ...], now: datetime | None = None
    ) -> bool:
        """Save the causes answered in the morning on the episode, and clear its
        pending mark (answered or skipped, they are asked once). False if the episode
        is gone (deleted meanwhile)."""
        stamp = (now or datetime.now().astimezone()).isoformat()
        with self._guard("save the causes") as conn:
            cur = conn.execute(
                "UPDATE episodes SET causes = ?, causes_pending = 0, updated_at = ? WHERE id = ?",
                (json.dumps(list(causes)), stamp, record_id),
            )
        return cur.rowcount > 0

    def checkin_due(self, now: datetime) -> date | None:
        """The night to ask the morning check-in about, or None (coach.core.diary's rule)."""
        return checkin_due(now, self.night_state(last_night(now)))

    def night_state(self, night: date) -> NightState:
        with self._guard("read the history") as conn:
            answered = conn.execute(
                "SELECT 1 FROM checkins WHERE night = ?", (night.isoformat(),)
            ).fetchone()
            # started_epoch bounds the scan to a few days around the night (the index);
            # the night itself is then decided on the recorded wall clock.
            low = datetime(night.year, night.month, night.day).timestamp() - 2 * 86400
            start, end = NIGHT_HOURS
            (cramps,) = conn.execute(
                f"SELECT count(*) FROM episodes WHERE kind = 'cramp' AND started_epoch"
                f" BETWEEN ? AND ? AND {NIGHT_SQL} = ?"
                " AND (cast(substr(started_at, 12, 2) AS INTEGER) >= ?"
                " OR cast(substr(started_at, 12, 2) AS INTEGER) < ?)",
                (low, low + 5 * 86400, night.isoformat(), start, end),
            ).fetchone()
        return NightState(answered is not None, int(cramps))

    def disturbed_nights(self, night: date) -> int:
        """Check-ins of the FORTNIGHT before `night` (itself left out) with sleep
        disturbed SLEEP_DISTURBED or more: for coach.core.diary.worth_seeing_gp."""
        since = night - timedelta(days=FORTNIGHT - 1)
        with self._guard("read the history") as conn:
            (n,) = conn.execute(
                "SELECT count(*) FROM checkins WHERE night BETWEEN ? AND ? AND night != ?"
                " AND sleep >= ?",
                (since.isoformat(), night.isoformat(), night.isoformat(), SLEEP_DISTURBED),
            ).fetchone()
        return int(n)

    def checkins(self, since: date) -> Iterator[CheckIn]:
        with self._guard("read the history") as conn:
            rows = conn.execute(
                "SELECT night, cramps, worst, sleep, swollen FROM checkins WHERE night >= ?"
                " ORDER BY night",
                (since.isoformat(),),
            ).fetchall()
        for night, cramps, worst, sleep, swollen in rows:
            try:
                yield CheckIn(
                    date.fromisoformat(night),
                    cramps,
                    worst,
                    sleep,
                    None if swollen is None else bool(swollen),
                )
            except (TypeError, ValueError):
                continue  # a hand-edited row: left out

    def cramps_per_night(self, since: date, until: date) -> dict[date, int]:
        """Cramps each night from `since` to `until` (both included) that anything says
        happened: the episodes recorded that night, or the morning check-in's count if
        it is higher (it may include the recorded ones). Nights with neither are absent:
        nothing known is not the same as no cramps."""
        low = datetime(since.year, since.month, since.day).timestamp() - 86400
        with self._guard("read the history") as conn:
            rows = conn.execute(
                f"SELECT night, max(recorded), max(told) FROM ("
                f" SELECT {NIGHT_SQL} AS night, count(*) AS recorded, NULL AS told"
                f"  FROM episodes WHERE kind = 'cramp' AND started_epoch >= ? GROUP BY 1"
                f" UNION ALL SELECT night, 0, cramps FROM checkins WHERE cramps IS NOT NULL)"
                f" WHERE night BETWEEN ? AND ? GROUP BY night",
                (low, since.isoformat(), until.isoformat()),
            ).fetchall()
        out: dict[date, int] = {}
        for night, recorded, told in rows:
            try:
                out[date.fromisoformat(night)] = max(int(recorded or 0), int(told or 0))
            except (TypeError, ValueError):
                continue
        return out

    def routine_nights(self, since: date) -> set[date]:
        with self._guard("read the history") as conn:
            rows = conn.execute(
                f"SELECT DISTINCT {NIGHT_SQL} FROM episodes WHERE kind = 'routine'"
                " AND started_epoch >= ?",
                (datetime(since.year, since.month, since.day).timestamp() - 86400,),
            ).fetchall()
        nights = set()
        for (night,) in rows:
            try:
                nights.add(date.fromisoformat(night))
            except (TypeError, ValueError):
                continue
        return {n for n in nights if n >= since}

    def past_record(self, side: str, limit: int = PAST_LIMIT) -> PastRecord:
        """The latest `limit` finished cramps of `side` that were stretched, tallied by
        position: what the hold's "your own record" line says. An episode never
        stretched (a "yes" at the "do not stretch" gate, left before or during the
        hold: no hold held, or "left") says nothing about its position, so it is not
        counted; eased is gone or gone but sore (EASED_OUTCOMES)."""
        eased = ", ".join(f"'{o}'" for o in EASED_OUTCOMES)
        with self._guard("read the history") as conn:
            rows = conn.execute(
                f"SELECT position, sum(outcome IN ({eased})), count(*) FROM ("
                " SELECT position, outcome FROM episodes WHERE kind = 'cramp' AND side = ?"
                " AND outcome IS NOT NULL AND outcome <> 'left' AND position IS NOT NULL"
                " AND holds > 0 AND actual_seconds > 0"
                " ORDER BY started_epoch DESC, id DESC LIMIT ?)"
                f" GROUP BY position ORDER BY sum(outcome IN ({eased})) DESC, count(*) DESC",
                (side, limit),
            ).fetchall()
        tallies = tuple(PositionTally(str(p), int(g or 0), int(n)) for p, g, n in rows)
        return PastRecord(side, sum(t.total for t in tallies), tallies)

    def aggregate(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
        """A read-only aggregate query (the doctor's report): summed in SQL, so a
        history of years is never read row by row."""
        with self._guard("read the history") as conn:
            return [tuple(row) for row in conn.execute(sql, params).fetchall()]
