"""Schema version 5 (#28, #29 items 4 and 13): which leg is kept, a table without a
primary key is rebuilt so no update is lost, and one set of row checks decides which
rows the history, the export and the doctor's page keep."""

from __future__ import annotations

import io
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from coach.documents.export import export_values, stored_values
from coach.store import history
from coach.store.history import EpisodeRecord, History

NOW = datetime(2026, 11, 24, 8, 0).astimezone()


def open_store(directory: Path) -> History:
    store = History.open(directory).store
    assert store is not None
    return store


def cramp(days_ago: int = 1, **fields: object) -> EpisodeRecord:
    fields.setdefault("side", "back")
    return EpisodeRecord(None, "cramp", NOW - timedelta(days=days_ago, hours=5), **fields)


def test_leg_is_saved_and_read_back_and_older_rows_read_not_recorded(tmp_path: Path):
    store = open_store(tmp_path)
    left = store.add(cramp(leg="left", outcome="gone"))
    old = store.add(cramp(2, outcome="gone"))
    store._conn.execute("UPDATE episodes SET leg = 'elbow' WHERE id = ?", (old,))
    assert store.get(left).leg == "left"
    assert store.get(old).leg is None  # a word not known: not recorded, row kept
    values = {row[0]: row for row in stored_values(store)}
    assert values[left][15] == "left" and values[old][15] is None
    store.close()


def test_keyless_table_keeps_every_update(tmp_path: Path):
    """#29 item 4: a table made without `id INTEGER PRIMARY KEY` (an old schema, another
    program) lost every save after the first: the update found no row."""
    conn = sqlite3.connect(tmp_path / history.DB_NAME)
    create = history.MIGRATIONS[0][0].replace("id INTEGER PRIMARY KEY AUTOINCREMENT", "id INTEGER")
    conn.execute(create)
    for statements in history.MIGRATIONS[1:4]:
        for statement in statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.execute(
        "INSERT INTO episodes (kind, started_at, started_epoch, side, outcome)"
        " VALUES ('cramp', ?, ?, 'back', 'gone')",
        (NOW.isoformat(), NOW.timestamp()),
    )
    conn.commit()
    conn.close()
    (tmp_path / history.DB_NAME).chmod(0o600)
    store = open_store(tmp_path)
    (before,) = store.list()
    assert before.outcome == "gone" and before.id is not None
    record = cramp(holds=1)
    record = record._replace(id=store.add(record))
    for holds in (2, 3, 4):
        record = record._replace(holds=holds)
        assert store.update(record) is not None
    assert store.get(record.id).holds == 4
    assert sorted(r.holds for r in store.list()) == [0, 4]
    columns = store._conn.execute("PRAGMA table_info(episodes)").fetchall()
    assert [c[1] for c in columns if c[5]] == ["id"]
    assert "leg" in [c[1] for c in columns]  # and the later migrations ran on it
    store.close()


def test_one_set_of_row_checks_for_history_export_and_report(tmp_path: Path):
    """#29 item 13: severity 99, negative seconds and an unknown side are left out of
    the history, the export and the page alike, and the page says how many."""
    store = open_store(tmp_path)
    for n in range(5):
        store.add(cramp(n + 1, outcome="gone", severity=3))
    conn = store._conn
    conn.execute("UPDATE episodes SET severity = 99 WHERE id = 1")
    conn.execute("UPDATE episodes SET actual_seconds = -5 WHERE id = 2")
    conn.execute("UPDATE episodes SET side = 'elbow' WHERE id = 3")
    assert store.count() == 2 and store.skipped == [1, 2, 3]
    assert len(store.list()) == 2 and sorted(store.skipped) == [1, 2, 3]
    exported = list(stored_values(store))
    assert len(exported) == 2 and sorted(store.skipped) == [1, 2, 3]
    out = io.StringIO()
    export_values(exported, "csv", out)
    assert len(out.getvalue().splitlines()) == 3
    store.close()
