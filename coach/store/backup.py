"""What a backup holds besides the episodes (check-ins, medicines, conditions, marked
dates), read whole for an export, and a backup merged back in, in one transaction.

`calf-coach export --format json` and `calf-coach import` (coach/documents/export.py,
coach/documents/import_file.py) use these over an open History, with its connection
and its lock (`_guard`), as coach/store/profile.py does. The merge is one write
transaction: a file is imported whole or not at all, and a dry run is the same merge
rolled back, so what it says it would add is exactly what the import adds.

What makes a row "already there" (importing twice adds nothing; a backup merged into
the history it came from adds nothing):
- an episode: its kind and the second it started. The export writes the start to the
  second, so a stored start with a fraction still matches; one person cannot start two
  cramps (or two routines) in the same second, so no two real episodes share it; the
  side is left out of the key because it is a detail of the episode, not which one it
  is (one whose side was corrected is still the same cramp, never a second one).
- a check-in: its night (the table's key: one answer per night).
- a medicine: its name and start date (the table's key); a condition: its id; a
  marked date: its day and label (the table's key).
What is already there is kept as it is: an import never changes or removes a row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from coach.core.diary import CheckIn
from coach.core.profile import CONDITION_IDS, Mark, Medicine
from coach.store.queries import COLUMNS_SQL
from coach.store.records import EpisodeRecord, check, row_values

if TYPE_CHECKING:
    from coach.store.history import History

_MARKS = ",".join("?" * len(COLUMNS_SQL.split(",")))


class KeptCheckIn(NamedTuple):
    """A morning check-in as kept, with when it was answered (the doctor's page shows
    that time for a swollen calf in the morning)."""

    answer: CheckIn
    answered_at: datetime


class KeptMedicine(NamedTuple):
    medicine: Medicine
    added_at: str


class KeptCondition(NamedTuple):
    condition: str
    added_at: str


class Backup(NamedTuple):
    """Everything an import brings in: rows already checked (coach/documents/import_file.py)."""

    episodes: tuple[EpisodeRecord, ...] = ()
    checkins: tuple[KeptCheckIn, ...] = ()
    medicines: tuple[KeptMedicine, ...] = ()
    conditions: tuple[KeptCondition, ...] = ()
    marks: tuple[Mark, ...] = ()


class Added(NamedTuple):
    """How many of each a merge added (or, dry, would add)."""

    episodes: int = 0
    checkins: int = 0
    medicines: int = 0
    conditions: int = 0
    marks: int = 0


def all_checkins(store: History) -> Iterator[tuple[str, str, object, object, object, object]]:
    """Every check-in row as kept (night, answered_at, cramps, worst, sleep, swollen),
    oldest night first; the export checks each as the import will."""
    with store._guard("read the check-ins") as conn:
        rows = conn.execute(
            "SELECT night, answered_at, cramps, worst, sleep, swollen FROM checkins ORDER BY night"
        ).fetchall()
    for row in rows:
        yield tuple(row)  # type: ignore[misc]


def all_medicines(store: History) -> list[tuple[object, object, object]]:
    with store._guard("read the medicines") as conn:
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT name, started, added_at FROM medicines ORDER BY started, name"
            )
        ]


def all_conditions(store: History) -> list[tuple[object, object]]:
    with store._guard("read the conditions") as conn:
        return [
            tuple(r)
            for r in conn.execute("SELECT condition, added_at FROM conditions ORDER BY condition")
        ]


def all_marks(store: History) -> list[tuple[object, object]]:
    with store._guard("read the marked dates") as conn:
        return [tuple(r) for r in conn.execute("SELECT day, label FROM marks ORDER BY day, label")]


def merge(store: History, backup: Backup, dry_run: bool = False) -> Added:
    """Add what the history has not got, in one transaction (BEGIN IMMEDIATE: it waits
    for another writer up to the connection's busy timeout, then fails with
    HistoryError.busy and nothing written). Episodes are added oldest first, so their
    ids keep the order they had. `dry_run`: the same, rolled back."""
    for record in backup.episodes:
        check(record)  # the store's own write checks: a caller's bug, never a half import
    with store._guard("import into the history") as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            added = Added(
                _episodes(conn, backup.episodes),
                _checkins(conn, backup.checkins),
                sum(_medicine(conn, m) for m in backup.medicines),
                sum(_condition(conn, c) for c in backup.conditions),
                sum(_mark(conn, m) for m in backup.marks),
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("ROLLBACK" if dry_run else "COMMIT")
    return added


def _episodes(conn: sqlite3.Connection, records: Iterable[EpisodeRecord]) -> int:
    added = 0
    for record in sorted(records, key=lambda r: r.started_at.timestamp()):
        second = float(int(record.started_at.timestamp() // 1))
        found = conn.execute(
            "SELECT 1 FROM episodes WHERE kind = ? AND started_epoch >= ? AND started_epoch < ?"
            " LIMIT 1",
            (record.kind, second, second + 1),
        ).fetchone()
        if found is None:
            conn.execute(
                f"INSERT INTO episodes ({COLUMNS_SQL}) VALUES ({_MARKS})", row_values(record)
            )
            added += 1
    return added


def _checkins(conn: sqlite3.Connection, kept: Iterable[KeptCheckIn]) -> int:
    added = 0
    for answer, answered_at in kept:
        cur = conn.execute(
            "INSERT OR IGNORE INTO checkins (night, answered_at, cramps, worst, sleep, swollen)"
            " VALUES (?,?,?,?,?,?)",
            (
                answer.night.isoformat(),
                answered_at.isoformat(),
                answer.cramps,
                answer.worst,
                answer.sleep,
                None if answer.swollen is None else int(answer.swollen),
            ),
        )
        added += cur.rowcount
    return added


def _medicine(conn: sqlite3.Connection, kept: KeptMedicine) -> int:
    name, started = kept.medicine
    return conn.execute(
        "INSERT OR IGNORE INTO medicines (name, started, added_at) VALUES (?,?,?)",
        (name, started.isoformat() if isinstance(started, date) else "", kept.added_at),
    ).rowcount


def _condition(conn: sqlite3.Connection, kept: KeptCondition) -> int:
    if kept.condition not in CONDITION_IDS:
        raise ValueError(f"unknown condition {kept.condition!r}")
    return conn.execute(
        "INSERT OR IGNORE INTO conditions (condition, added_at) VALUES (?,?)",
        (kept.condition, kept.added_at),
    ).rowcount


def _mark(conn: sqlite3.Connection, mark: Mark) -> int:
    return conn.execute(
        "INSERT OR IGNORE INTO marks (day, label) VALUES (?,?)",
        (mark.day.isoformat(), mark.label),
    ).rowcount
