"""The history's file name and schema, as the list of steps every database file has
gone through.

`history._migrate` runs what a file has not yet run. Tests build each older schema
from this list and upgrade it. Nothing to import: the app asks whether a history
exists without loading SQLite.
"""

from __future__ import annotations

DB_NAME = "history.db"

READABLE_SQL = (
    "(typeof(kind) = 'text' AND typeof(started_at) = 'text'"
    " AND julianday(substr(started_at, 1, 19)) IS NOT NULL"
    " AND typeof(planned_seconds) = 'integer' AND typeof(actual_seconds) = 'integer'"
    " AND typeof(holds) = 'integer' AND typeof(severity) IN ('integer', 'null')"
    " AND typeof(side) IN ('text', 'null') AND typeof(position) IN ('text', 'null')"
    " AND typeof(outcome) IN ('text', 'null') AND typeof(help_reason) IN ('text', 'null'))"
)
"""Rows records.from_row can read (one that slips through is still skipped there).
Part of migration 4's index: never change it, add a new one."""

# Version N of the schema is reached by running MIGRATIONS[N - 1]. Never edit a shipped entry:
# to change the schema, append one tuple of statements and every old file catches up on open.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        "CREATE TABLE episodes ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " started_at TEXT NOT NULL, started_epoch REAL NOT NULL, side TEXT, position TEXT,"
        " planned_seconds INTEGER NOT NULL DEFAULT 0, actual_seconds INTEGER NOT NULL DEFAULT 0,"
        " holds INTEGER NOT NULL DEFAULT 0, outcome TEXT, causes TEXT NOT NULL DEFAULT '[]',"
        " severity INTEGER, updated_at TEXT)",
        "CREATE INDEX episodes_by_start ON episodes (started_epoch)",
    ),
    # 2 (#15, the diary): minutes until it eased, why "get help" ended it, and the
    # morning check-ins (one row per night; cramps NULL when the question was skipped).
    (
        "ALTER TABLE episodes ADD COLUMN eased_minutes REAL",
        "ALTER TABLE episodes ADD COLUMN help_reason TEXT",
        "CREATE TABLE checkins (night TEXT PRIMARY KEY, answered_at TEXT NOT NULL,"
        " cramps INTEGER, worst INTEGER, sleep INTEGER)",
    ),
    # 3 (#15, the diary): other relief tried besides the stretch (massage, warmth), as a
    # JSON list of the content's ids like `causes`; NULL in rows from before.
    ("ALTER TABLE episodes ADD COLUMN relief_tried TEXT",),
    # 4 (#17, scale): the rows no reader can use, found without testing every row; and
    # each kind in time order and by night, so the history's sums (and the own-record
    # line, the nights, the report) are ranges of an index, not scans of years of rows.
    # The night is NIGHT_SQL of coach/store/checkins.py, as the queries write it.
    (
        f"CREATE INDEX episodes_unreadable ON episodes (id) WHERE NOT {READABLE_SQL}",
        "CREATE INDEX episodes_by_kind ON episodes (kind, started_epoch)",
        "CREATE INDEX episodes_by_night ON episodes"
        " (kind, date(substr(started_at, 1, 19), '-12 hours'))",
    ),
]
