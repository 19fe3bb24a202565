"""The history store: durability, privacy, corruption and concurrent instances."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.store import history
from coach.store.history import EpisodeRecord, History, HistoryError
from coach.store.locations import data_dir

ROOT = Path(__file__).resolve().parents[2]
TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 15, 30, tzinfo=TZ)
SIDES = ("back", "front")


def run_python(code: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args], env=env, text=True, **popen
    )


def cramp(minutes_ago: int = 0, **fields: object) -> EpisodeRecord:
    values: dict[str, object] = {"side": "back", "position": "bed", "planned_seconds": 60}
    values.update(fields)
    return EpisodeRecord(None, "cramp", NOW - timedelta(minutes=minutes_ago), **values)


def open_store(directory: Path) -> History:
    result = History.open(directory, now=lambda: NOW)
    assert result.warning is None
    assert result.store is not None
    return result.store


@pytest.mark.parametrize(
    "module",
    ["coach.store.locations", "coach.store.history", "coach.core.stats", "coach.documents.export"],
)
def test_domain_modules_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; assert 'textual' not in sys.modules, sorted(sys.modules)"
    proc = run_python(code, stderr=subprocess.PIPE)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err


def test_data_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    env = {"CALF_COACH_HOME": "~/from-env"}
    assert data_dir("~/from-cli", env) == tmp_path / "from-cli"
    assert data_dir(None, env) == tmp_path / "from-env"
    default = data_dir(None, {})
    assert default.name == "calf-coach"
    assert not default.exists() or default.is_dir()


def test_add_get_update_list_delete_restore(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    older = store.add(cramp(120, causes=("dehydration", "long_day")))
    newer = store.add(cramp(5))
    assert [r.id for r in store.list()] == [newer, older]
    assert [r.id for r in store.list(limit=1)] == [newer]

    record = store.get(older)
    assert record is not None
    assert record.causes == ("dehydration", "long_day")
    assert record.started_at == NOW - timedelta(minutes=120)
    assert record.started_at.utcoffset() == timedelta(hours=1)

    record = record._replace(actual_seconds=75, holds=2, outcome="gone", severity=6)
    saved = store.update(record)
    assert saved is not None and saved.updated_at == NOW
    assert store.get(older) == saved

    removed = store.delete(newer)
    assert removed is not None and removed.id == newer
    assert store.get(newer) is None
    assert store.delete(newer) is None
    store.add(cramp(1))  # must not take the deleted id, or undo could not restore it
    assert store.restore(removed) == newer
    assert store.get(newer) == removed
    store.close()


def test_update_of_a_deleted_episode_returns_none(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    record = cramp()
    record = record._replace(id=store.add(record))
    store.delete(record.id)
    assert store.update(record) is None


def test_rejects_bad_records(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with pytest.raises(ValueError):
        store.add(cramp(outcome="maybe"))
    with pytest.raises(ValueError):
        store.add(EpisodeRecord(None, "cramp", datetime(2026, 1, 1, 3, 0)))
    assert store.list() == []


def test_private_permissions_wal_and_schema_version(tmp_path: Path) -> None:
    directory = tmp_path / "new" / "calf-coach"
    store = open_store(directory)
    store.add(cramp())
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    for name in ("history.db", "history.db-wal"):
        assert stat.S_IMODE((directory / name).stat().st_mode) == 0o600
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS) == 6
    store.close()


def test_migrations_are_idempotent_and_appendable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    first = store.add(cramp())
    history._migrate(store._conn)
    store.close()
    store = open_store(tmp_path)
    assert [r.id for r in store.list()] == [first]
    store.close()

    extra = ("ALTER TABLE episodes ADD COLUMN note TEXT",)
    monkeypatch.setattr(history, "MIGRATIONS", [*history.MIGRATIONS, extra])
    store = open_store(tmp_path)
    conn = store._conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS)
    assert "note" in [row[1] for row in conn.execute("PRAGMA table_info(episodes)")]
    assert [r.id for r in store.list()] == [first]
    store.close()


def test_garbage_file_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    db_bytes, wal_bytes = os.urandom(8192), os.urandom(4096)
    (tmp_path / "history.db").write_bytes(db_bytes)
    (tmp_path / "history.db-wal").write_bytes(wal_bytes)
    (tmp_path / "history.db.corrupt-20261124-153000").write_text("an earlier rescue")

    result = History.open(tmp_path, now=lambda: NOW)
    moved = tmp_path / "history.db.corrupt-20261124-153000-2"
    assert moved.read_bytes() == db_bytes
    assert Path(f"{moved}-wal").read_bytes() == wal_bytes
    assert (tmp_path / "history.db.corrupt-20261124-153000").read_text() == "an earlier rescue"
    assert result.warning is not None and str(moved) in result.warning
    assert result.store is not None
    new_id = result.store.add(cramp())
    assert [r.id for r in result.store.list()] == [new_id]


def test_damaged_page_is_detected_and_moved_aside(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    for minutes in range(200):
        store.add(cramp(minutes, causes=("x" * 200,)))
    store.close()
    path = tmp_path / "history.db"
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : 3 * page] = os.urandom(2 * page)
    path.write_bytes(bytes(data))

    result = History.open(tmp_path, now=lambda: NOW)
    assert result.store is not None and result.store.list() == []
    assert result.warning is not None and "moved to" in result.warning
    assert (tmp_path / "history.db.corrupt-20261124-153000").read_bytes() == bytes(data)


def test_unwritable_location_turns_history_off(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = History.open(blocker / "calf-coach")
    assert result.store is None
    assert result.warning is not None and result.warning.startswith("History is off")
    assert "\n" not in result.warning


def test_disk_full_while_opening_turns_history_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(history.sqlite3, "connect", full)
    result = History.open(tmp_path)
    assert result.store is None
    assert result.warning is not None and "disk is full" in result.warning
    assert list(tmp_path.iterdir()) == [tmp_path / "history.db"]  # nothing moved aside


def test_disk_full_while_saving_raises_history_error(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    kept = store.add(cramp())
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(HistoryError, match="full") as caught:
        for _ in range(50):
            store.add(cramp(causes=("y" * 5000,)))
    assert isinstance(caught.value, OSError)
    assert kept in [r.id for r in store.list()]


def test_two_instances_in_one_process_both_save(tmp_path: Path) -> None:
    first, second = open_store(tmp_path), open_store(tmp_path)
    a = first.add(cramp(10))
    b = second.add(cramp(5))
    assert {r.id for r in first.list()} == {r.id for r in second.list()} == {a, b}


def test_two_processes_at_once_both_save(tmp_path: Path) -> None:
    code = """
        import sys
        from datetime import datetime
        from pathlib import Path
        from coach.store.history import EpisodeRecord, History
        result = History.open(Path(sys.argv[1]))
        assert result.store is not None, result.warning
        for n in range(25):
            started = datetime(2026, 11, 24, 2, n).astimezone()
            result.store.add(EpisodeRecord(None, "cramp", started, side=sys.argv[2]))
    """
    procs = [run_python(code, str(tmp_path), side, stderr=subprocess.PIPE) for side in SIDES]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    sides = [r.side for r in open_store(tmp_path).list()]
    assert sides.count("back") == sides.count("front") == 25


def test_sigkill_loses_nothing_already_committed(tmp_path: Path) -> None:
    code = """
        import sys
        from datetime import datetime
        from pathlib import Path
        from coach.store.history import EpisodeRecord, History
        store = History.open(Path(sys.argv[1])).store
        started = datetime(2026, 11, 24, 2, 0).astimezone()
        for n in range(3):
            store.add(EpisodeRecord(None, "cramp", started, actual_seconds=60 + n, outcome="gone"))
        print("finished three", flush=True)
        live = EpisodeRecord(None, "cramp", started, side="front")
        live = live._replace(id=store.add(live))
        count = 0
        while True:
            count += 1
            live = live._replace(actual_seconds=count)
            store.update(live)
            print(count, flush=True)
    """
    proc = run_python(code, str(tmp_path), stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "finished three"
        last = 0
        for _ in range(20):
            last = int(proc.stdout.readline())
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    records = open_store(tmp_path).list()
    assert len(records) == 4
    finished = sorted(r.actual_seconds for r in records if r.outcome == "gone")
    assert finished == [60, 61, 62]
    live = [r for r in records if r.outcome is None]
    assert len(live) == 1 and live[0].actual_seconds >= last >= 20
