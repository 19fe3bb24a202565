"""The history's schema, as the list of steps every database file has gone through.

Apart from history.py so the store stays short; `history._migrate` runs what a file
has not yet run. Tests build each older schema from this list and upgrade it.
"""

from __future__ import annotations

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
]
