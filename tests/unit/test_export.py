"""CSV and JSON export, and the command-line entry point."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.documents.export import CHUNK, FIELDS, export, run_export
from coach.store.history import EpisodeRecord, History

TZ = timezone(timedelta(hours=-5))
STARTED = datetime(2026, 11, 24, 2, 13, 45, 123456, tzinfo=TZ)


def records() -> list[EpisodeRecord]:
    done = EpisodeRecord(
        7,
        "cramp",
        STARTED,
        side="back",
        position="bed",
        planned_seconds=60,
        actual_seconds=95,
        holds=2,
        outcome="gone",
        causes=("dehydration", "new_exercise"),
        severity=7,
        updated_at=STARTED + timedelta(minutes=3),
        relief_tried=("warmth", "massage"),
    )
    running = EpisodeRecord(8, "routine", STARTED + timedelta(hours=18))
    return [done, running]


def test_csv_header_and_rows() -> None:
    out = io.StringIO()
    export(records(), "csv", out)
    lines = out.getvalue().splitlines()
    assert lines[0] == ",".join(FIELDS)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["id"] == "7"
    assert rows[0]["started_at"] == "2026-11-24T02:13:45-05:00"
    assert rows[0]["updated_at"] == "2026-11-24T02:16:45-05:00"
    assert rows[0]["causes"] == "dehydration;new_exercise"
    assert rows[0]["severity"] == "7"
    assert rows[1]["outcome"] == rows[1]["updated_at"] == rows[1]["side"] == ""


def test_json_round_trip_keeps_offsets() -> None:
    out = io.StringIO()
    export(records(), "json", out)
    data = json.loads(out.getvalue())
    assert [list(row) for row in data] == [list(FIELDS)] * 2
    first = data[0]
    assert first["causes"] == ["dehydration", "new_exercise"]
    assert first["holds"] == 2 and first["severity"] == 7
    started = datetime.fromisoformat(first["started_at"])
    assert started.utcoffset() == timedelta(hours=-5)
    assert started == STARTED.replace(microsecond=0)
    assert data[1]["outcome"] is None and data[1]["causes"] == []


def test_relief_tried_column_in_csv_and_json() -> None:
    assert "relief_tried" in FIELDS
    out = io.StringIO()
    export(records(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["relief_tried"] for row in rows] == ["warmth;massage", ""]
    out = io.StringIO()
    export(records(), "json", out)
    data = json.loads(out.getvalue())
    assert [row["relief_tried"] for row in data] == [["warmth", "massage"], []]


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError):
        export([], "xml", io.StringIO())


def test_run_export_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = History.open(tmp_path / "data").store
    assert store is not None
    for record in records():
        store.restore(record)
    store.close()
    target = tmp_path / "out.json"
    assert run_export("json", str(target), tmp_path / "data") == 0
    assert [row["id"] for row in json.loads(target.read_text())["episodes"]] == [8, 7]
    assert capsys.readouterr().out == ""


def test_run_export_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = History.open(tmp_path).store
    assert store is not None
    store.add(records()[0])
    store.close()
    assert run_export("csv", None, tmp_path) == 0
    assert capsys.readouterr().out.startswith("id,kind,started_at,")


def test_run_export_without_history_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "never-used"
    assert run_export("json", "-", missing) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["episodes"] == []
    assert "No history yet" in captured.err
    assert not missing.exists()


def test_run_export_bad_format_returns_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_export("xml", None, tmp_path) == 2
    assert "csv or json" in capsys.readouterr().err


def test_run_export_unreadable_history_returns_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "history.db").mkdir()  # in the way of the database file
    assert run_export("csv", None, tmp_path) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "History is off" in captured.err


class Writes(io.StringIO):
    """Counts the writes an export makes (each is a system call under PYTHONUNBUFFERED)."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def odd_history(folder: Path, count: int) -> History:
    """Rows as the app writes them, and rows written by hand or by another program."""
    import sqlite3

    from tests.support.stores import mixed

    store = History.open(folder).store
    assert store is not None
    store.add_many(mixed(count))
    store.add(records()[0])  # microseconds, two causes, relief tried
    store.add(EpisodeRecord(None, "cramp", STARTED, causes=('froid "x"', "寒冷")))
    store.close()
    conn = sqlite3.connect(folder / "history.db", isolation_level=None)
    columns = "kind, started_at, started_epoch, causes, updated_at, eased_minutes, relief_tried"
    conn.executemany(
        f"INSERT INTO episodes ({columns}) VALUES (?,?,?,?,?,?,?)",
        [
            ("cramp", "2026-11-23T02:00:00", 5.0, "{not json", "yesterday", -3, "[1, 2]"),
            ("cramp", "2026-11-22T02:00:00-00:00", 4.0, '{"a": 1}', None, 2, '"x"'),
            ("cramp", "last tuesday", 3.0, "[]", None, None, None),
        ],
    )
    # Rows that look as the app writes them to SQLite's tests (export_rows._AS_WRITTEN)
    # but are not: a day that does not exist, an offset past 24 hours, a time stored as
    # bytes, a number stored as text, an update time that does not exist.
    conn.executemany(
        "INSERT INTO episodes (kind, started_at, started_epoch, planned_seconds, updated_at)"
        " VALUES (?,?,?,?,?)",
        [
            ("cramp", "2026-02-30T02:00:00+01:00", 2.0, 60, None),
            ("cramp", "2026-11-21T02:00:00+24:00", 2.0, 60, None),
            ("cramp", b"2026-11-21T02:00:00+01:00", 2.0, 60, None),
            ("cramp", "2026-11-21T02:00:00+01:00", 2.0, "60", None),
            ("cramp", "2026-11-21T02:00:00+01:00", 2.0, 60, "2026-13-01T00:00:00+01:00"),
            ("cramp", "2026-11-21T02:00:00+01:00", 2.0, 60, "2026-11-21T03:00:00-05:30"),
        ],
    )
    conn.close()
    store = History.open(folder).store
    assert store is not None
    return store


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_store_streams_the_same_text_as_the_records_give(tmp_path: Path, fmt: str) -> None:
    """The export reads rows straight from the database (no EpisodeRecord); its text is
    exactly what the records would give, and the same rows are left out."""
    from coach.documents.export import export_values, stored_values

    store = odd_history(tmp_path, 3000)
    expected = io.StringIO()
    readable = store.list()
    export(readable, fmt, expected)
    assert store.skipped
    left_out = list(store.skipped)
    streamed = Writes()
    export_values(stored_values(store), fmt, streamed)
    assert streamed.getvalue() == expected.getvalue()
    assert store.skipped == left_out
    # A few large writes (CHUNK characters each), not one per row or token.
    assert streamed.writes <= len(streamed.getvalue()) // CHUNK + 1
    if fmt == "json":
        rows = json.loads(streamed.getvalue())
        assert len(rows) == len(readable) == 3007 and streamed.writes > 1
        assert {'froid "x"', "寒冷"} <= {c for row in rows for c in row["causes"]}
    else:
        assert len(list(csv.DictReader(io.StringIO(streamed.getvalue())))) == len(readable) == 3007
    store.close()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_text_is_what_the_standard_library_writes(tmp_path: Path, fmt: str) -> None:
    """The export writes its text itself, for speed; it must be byte for byte what the
    csv module and json.dump(indent=2) write for the same values, including for text
    that needs quoting or escaping (commas, quotes, new lines, tabs, Chinese)."""
    import sqlite3

    from coach.documents.export import export_values, stored_values

    store = odd_history(tmp_path, 500)
    store.close()
    conn = sqlite3.connect(tmp_path / "history.db", isolation_level=None)
    conn.executemany(
        "INSERT INTO episodes (kind, started_at, started_epoch, position, outcome, causes,"
        " help_reason, relief_tried, eased_minutes) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                "cramp",
                "2026-11-20T02:00:00+01:00",
                1.0,
                "a,b",
                "gone",
                '["x,y", "z"]',
                'say "hi"',
                '["line\\nbreak"]',
                1e-05,
            ),
            (
                "cramp",
                "2026-11-20T03:00:00+01:00",
                1.0,
                "",
                "odd\r",
                '["\\t", "寒冷"]',
                "",
                "[]",
                0,
            ),
        ],
    )
    conn.close()
    store = History.open(tmp_path).store
    assert store is not None
    values = list(stored_values(store))
    store.close()
    written = io.StringIO()
    export_values(values, fmt, written)
    expected = io.StringIO()
    if fmt == "json":
        objects = [dict(zip(FIELDS, row, strict=True)) for row in values]
        expected.write(json.dumps(objects, indent=2, ensure_ascii=False) + "\n")
    else:
        writer = csv.writer(expected, lineterminator="\n")
        writer.writerow(FIELDS)
        for row in values:
            cells = list(row)
            cells[9], cells[14] = ";".join(row[9]), ";".join(row[14])
            writer.writerow(cells)
    assert written.getvalue() == expected.getvalue()
    assert any("a,b" in str(row) for row in values) and len(values) > 500
