"""`calf-coach import` (#28, backup and a new computer): what the JSON export holds,
idempotent merges, the dry run, CSV (episodes only), rows that fail the store's
checks, files that are no export, control characters and a locked history."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from coach.documents import import_file
from coach.documents.export import run_export
from coach.documents.export_rows import FIELDS
from coach.documents.import_file import run_import
from coach.store.history import History
from tests.support.backups import fill_twelve_weeks

TABLES = ("episodes", "checkins", "medicines", "conditions", "marks")


def counts(folder: Path) -> dict[str, int]:
    with sqlite3.connect(folder / "history.db") as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The JSON export of a 12-week history (in tmp_path/old)."""
    store = History.open(tmp_path / "old").store
    assert store is not None
    fill_twelve_weeks(store)
    store.close()
    target = tmp_path / "backup.json"
    assert run_export("json", str(target), tmp_path / "old") == 0
    capsys.readouterr()
    return target


def test_the_json_export_holds_everything_and_each_episode_as_before(backup: Path):
    text = backup.read_text()
    data = json.loads(text)
    assert list(data) == [
        "format",
        "version",
        "episodes",
        "checkins",
        "medicines",
        "conditions",
        "marks",
    ]
    assert all(list(e) == list(FIELDS) for e in data["episodes"])
    assert len(data["checkins"]) == 17 and data["checkins"][0]["night"] == "2026-09-01"
    assert {"condition": "diabetes"}.items() <= data["conditions"][0].items()
    assert data["marks"] == [{"day": "2026-10-24", "label": "started the routine"}]
    # Laid out as json.dump(indent=2) lays out the whole, lists of causes included.
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_importing_twice_adds_nothing_and_the_dry_run_writes_nothing(
    tmp_path: Path, backup: Path, capsys: pytest.CaptureFixture[str]
):
    new = tmp_path / "new"
    assert run_import(str(backup), True, new) == 0
    said = capsys.readouterr().out
    assert said.startswith("Would add 40 episode(s), 17 check-in(s), 2 medicine(s),")
    assert not new.exists()
    assert run_import(str(backup), False, new) == 0
    assert capsys.readouterr().out.startswith("Added 40 episode(s), 17 check-in(s)")
    assert counts(new) == counts(tmp_path / "old")
    before = counts(new)
    assert run_import(str(backup), True, new) == 0
    assert "Would add 0 episode(s), 0 check-in(s), 0 medicine(s)" in capsys.readouterr().out
    assert run_import(str(backup), False, new) == 0
    assert "; 62 already there." in capsys.readouterr().out
    assert counts(new) == before


def test_an_import_never_changes_a_row_already_there(tmp_path: Path, backup: Path, capsys):
    """The history's own answer for a night wins over the backup's."""
    data = json.loads(backup.read_text())
    data["checkins"][0]["cramps"] = 9
    data["episodes"][0]["severity"] = 10
    data["episodes"][0]["side"] = "back" if data["episodes"][0]["side"] == "front" else "front"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    query = "SELECT * FROM episodes ORDER BY id"
    with sqlite3.connect(tmp_path / "old" / "history.db") as conn:
        before = conn.execute(query).fetchall()
    assert run_import(str(edited), False, tmp_path / "old") == 0
    assert "Added 0 episode(s), 0 check-in(s)" in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "old" / "history.db") as conn:
        assert conn.execute("SELECT count(*) FROM checkins WHERE cramps = 9").fetchone() == (0,)
        assert conn.execute(query).fetchall() == before


def test_a_csv_brings_episodes_only_and_says_so(tmp_path: Path, capsys):
    store = History.open(tmp_path / "old").store
    assert store is not None
    fill_twelve_weeks(store)
    store.close()
    target = tmp_path / "backup.csv"
    assert run_export("csv", str(target), tmp_path / "old") == 0
    assert run_import(str(target), False, tmp_path / "new") == 0
    out = capsys.readouterr().out
    assert "episodes only" in out and "--format json" in out
    assert "Added 40 episode(s), 0 check-in(s)" in out
    assert counts(tmp_path / "new")["episodes"] == 40
    assert counts(tmp_path / "new")["checkins"] == 0
    # The episodes come back as they were: the new history's CSV is the old one's,
    # apart from the ids (each history gives its own).
    again = tmp_path / "again.csv"
    assert run_export("csv", str(again), tmp_path / "new") == 0

    def without_ids(path: Path) -> list[dict[str, str]]:
        return [{**row, "id": ""} for row in csv.DictReader(io.StringIO(path.read_text()))]

    assert without_ids(again) == without_ids(target)


def test_an_older_json_export_of_episodes_alone_is_read(tmp_path: Path, backup: Path, capsys):
    episodes = json.loads(backup.read_text())["episodes"]
    for e in episodes:  # before the leg and relief columns
        del e["leg"], e["relief_tried"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(episodes, indent=2))
    assert run_import(str(older), False, tmp_path / "new") == 0
    out = capsys.readouterr().out
    assert "episodes only" in out and "Added 40 episode(s)" in out


def test_rows_that_fail_the_stores_checks_are_counted_and_named_in_one_line(
    tmp_path: Path, backup: Path, capsys
):
    data = json.loads(backup.read_text())
    data["episodes"][0]["severity"] = 11
    data["episodes"][1]["kind"] = "sneeze"
    data["episodes"][2]["started_at"] = "yesterday\x1b[2J"
    data["episodes"][3]["planned_seconds"] = -5
    data["episodes"][4]["position"] = "bed\x1b]0;owned\x07"
    data["episodes"][5] = "not an object"
    data["checkins"][0]["sleep"] = 42
    data["medicines"][0]["name"] = "\x1b\x07 "
    data["conditions"][0]["condition"] = "gout"
    data["marks"][0]["day"] = "2026-02-30"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    assert run_import(str(edited), False, tmp_path / "new") == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err and "\x07" not in captured.err
    (line,) = captured.err.splitlines()
    assert line.startswith("Left out 10 row(s) that could not be read: episode 1 (severity")
    assert "episode 2 (unknown episode kind 'sneeze')" in line
    assert "episode 3 (started_at 'yesterday\\x1b[2J' is not a time)" in line
    assert line.endswith(", ....")
    assert "Added 34 episode(s), 16 check-in(s), 1 medicine(s), 1 condition(s) and 0" in (
        captured.out
    )


def test_names_with_control_characters_are_kept_without_them(tmp_path: Path, backup, capsys):
    data = json.loads(backup.read_text())
    data["medicines"][0]["name"] = "Quinine\x1b[2J\u202e"
    data["marks"][0]["label"] = "new\x07 tablets"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    assert run_import(str(edited), False, tmp_path / "new") == 0
    with sqlite3.connect(tmp_path / "new" / "history.db") as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM medicines")}
        labels = {row[0] for row in conn.execute("SELECT label FROM marks")}
    assert "Quinine[2J" in names and labels == {"new tablets"}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"hello\n",
        b'{"name": "something else"}',
        b"[1, 2, 3]",
        b'{"episodes": 5}',
        b'{"format": "calf-coach export", "episodes": [], "checkins": {}}',
        b"[" * 100_000,
        b"\xff\xfe\x00garbage",
        b"name,started\nQuinine,2026-01-01\n",
    ],
)
def test_a_file_that_is_not_an_export_is_one_line_and_exit_2(tmp_path: Path, capsys, content):
    target = tmp_path / "file"
    target.write_bytes(content)
    assert run_import(str(target), False, tmp_path / "new") == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith(f"calf-coach: {target} cannot be imported: ")
    assert captured.out == ""
    assert not (tmp_path / "new").exists()


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys):
    assert run_import(str(tmp_path / "nope\x1b.json"), False, tmp_path / "new") == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "nope\\x1b.json cannot be imported: No such file or directory." in line


def test_a_locked_history_waits_a_bounded_time_and_writes_nothing(
    tmp_path: Path, backup: Path, capsys, monkeypatch
):
    """Another calf-coach holding the write lock: the import waits BUSY_SECONDS, says
    so in one line, exit 1, and nothing of the file is in the history."""
    monkeypatch.setattr(import_file, "BUSY_SECONDS", 0.2)
    store = History.open(tmp_path / "new").store
    assert store is not None
    store.close()
    holder = sqlite3.connect(tmp_path / "new" / "history.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert run_import(str(backup), False, tmp_path / "new") == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    (line,) = capsys.readouterr().err.splitlines()
    assert "stayed in use by another calf-coach for 0.2 seconds" in line
    assert "nothing was imported" in line
    assert counts(tmp_path / "new") == dict.fromkeys(TABLES, 0)
