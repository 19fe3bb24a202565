"""The history's file name and schema, as the list of steps every database file has
gone through.

`history._migrate` runs what a file has not yet run. Tests build each older schema
from this list and upgrade it. Nothing to import: the app asks whether a history
exists without loading SQLite.
"""

from __future__ import annotations

from typing import Any

DB_NAME = "history.db"

READABLE_SQL = (
    "(typeof(kind) = 'text' AND typeof(started_at) = 'text'"
    " AND julianday(substr(started_at, 1, 19)) IS NOT NULL"
    " AND typeof(planned_seconds) = 'integer' AND typeof(actual_seconds) = 'integer'"
    " AND typeof(holds) = 'integer' AND typeof(severity) IN ('integer', 'null')"
    " AND typeof(side) IN ('text', 'null') AND typeof(position) IN ('text', 'null')"
    " AND typeof(outcome) IN ('text', 'null') AND typeof(help_reason) IN ('text', 'null'))"
)
"""Rows records.from_row could read up to version 4. Part of migration 4's index: never
change it (ROWS_SQL is the one in use)."""

ROWS_SQL = (
    f"({READABLE_SQL[1:-1]}"
    " AND (severity IS NULL OR severity BETWEEN 0 AND 10)"
    " AND planned_seconds >= 0 AND actual_seconds >= 0 AND holds >= 0"
    " AND (side IS NULL OR side IN ('back', 'front')))"
)
"""The one set of row checks (#29 item 13): the rows the history, the export and the
doctor's page all keep. records.from_row and export_rows.row_values test the same in
Python (a row that slips through is still skipped there). Part of migration 5's
index: never change it, add a new one."""


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
    # 5 (#28, a page a GP can use): which leg; the medicines and conditions the person
    # keeps (names and start dates only, no identity); the dates they mark ("started
    # the routine"); the morning check-in's safety question (1 yes, 0 no, NULL not
    # asked); and the one set of row checks (#29 item 13), as a new index.
    (
        "ALTER TABLE episodes ADD COLUMN leg TEXT",
        "CREATE TABLE medicines (name TEXT NOT NULL, started TEXT NOT NULL DEFAULT '',"
        " added_at TEXT NOT NULL, PRIMARY KEY (name, started))",
        "CREATE TABLE conditions (condition TEXT PRIMARY KEY, added_at TEXT NOT NULL)",
        "CREATE TABLE marks (day TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (day, label))",
        "ALTER TABLE checkins ADD COLUMN swollen INTEGER",
        "DROP INDEX IF EXISTS episodes_unreadable",
        f"CREATE INDEX episodes_unkept ON episodes (id) WHERE NOT {ROWS_SQL}",
    ),
    # 6 (#28, #26: causes at night): the cause questions were left for the morning
    # ("ask me in the morning"); the check-in asks them and clears it. Not one of the
    # row checks: any value but 1 reads "not pending", never a reason to lose the row.
    ("ALTER TABLE episodes ADD COLUMN causes_pending INTEGER NOT NULL DEFAULT 0",),
]


def keyless(conn: Any) -> bool:
    """True when the episodes table has no integer primary key (#29 item 4): a table
    made by an old schema or another program. There an update finds no row (its id is
    NULL, or not the rowid the insert handed back) and every save after the first is
    silently lost."""
    columns = conn.execute("PRAGMA table_info(episodes)").fetchall()
    if not columns:
        return False
    key = [c for c in columns if c[5]]
    return not (len(key) == 1 and key[0][1] == "id" and str(key[0][2]).upper() == "INTEGER")


def rekey(conn: Any, version: int) -> None:
    """Rebuild a keyless episodes table with `id INTEGER PRIMARY KEY`, every row and
    column kept, inside the caller's transaction. Each row keeps its id when the ids
    are whole numbers and unique, else takes its rowid (what an insert handed back, so
    an episode being saved is found again); the indexes of the versions run so far
    are made again."""
    columns = conn.execute("PRAGMA table_info(episodes)").fetchall()
    others = [c for c in columns if c[1] != "id"]
    ids_ok = (
        any(c[1] == "id" for c in columns)
        and conn.execute(
            "SELECT count(*) = count(DISTINCT id)"
            " AND NOT EXISTS (SELECT 1 FROM episodes WHERE typeof(id) != 'integer') FROM episodes"
        ).fetchone()[0]
    )
    parts = ["id INTEGER PRIMARY KEY AUTOINCREMENT"]
    for _cid, name, kind, notnull, default, _pk in others:
        part = f'"{name}" {kind or ""}'
        if notnull:
            part += " NOT NULL"
        if default is not None:
            part += f" DEFAULT {default}"
        parts.append(part)
    names = ", ".join(f'"{c[1]}"' for c in others)
    conn.execute("ALTER TABLE episodes RENAME TO episodes_keyless")
    conn.execute(f"CREATE TABLE episodes ({', '.join(parts)})")
    conn.execute(
        f"INSERT INTO episodes (id, {names}) SELECT {'id' if ids_ok else 'rowid'}, {names}"
        " FROM episodes_keyless ORDER BY rowid"
    )
    conn.execute("DROP TABLE episodes_keyless")
    indexes: dict[str, str] = {}
    for statements in MIGRATIONS[:version]:
        for statement in statements:
            words = statement.split()
            if statement.startswith("CREATE INDEX") and " ON episodes " in statement:
                indexes[words[2]] = statement
            elif statement.startswith("DROP INDEX"):
                indexes.pop(words[-1], None)
    for statement in indexes.values():
        conn.execute(statement)
