"""Issue 29 items 1-3: nothing the person said is lost when another program holds or
replaces the diary. A write that cannot reach history.db is kept in the pending file
beside it and merged, once, at the next opening.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.core.diary import CheckIn
from coach.core.episode import Episode
from coach.core.record import EpisodeRecord
from coach.store import pending
from coach.store.history import History, HistoryError
from coach.store.recorder import Recorder

AT = datetime(2026, 12, 4, 3, 10, 5, 123456, tzinfo=timezone(timedelta(hours=1)))
NIGHT = date(2026, 12, 3)


def make_history(folder: Path) -> Path:
    opened = History.open(folder)
    assert opened.store is not None, opened.warning
    opened.store.close()
    return folder / "history.db"


class Lock:
    """Another program holding the diary: `sqlite3 history.db 'BEGIN EXCLUSIVE; ...'`."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.close()


def reopen(folder: Path) -> tuple[History, str | None]:
    opened = History.open(folder)
    assert opened.store is not None, opened.warning
    return opened.store, opened.warning


def checkins(store: History) -> list[CheckIn]:
    return list(store.checkins(date(2026, 1, 1)))


def finished_episode() -> Episode:
    episode = Episode("back", "bed", now=lambda: AT)
    episode.hold_started(60)
    episode.hold_ended(0, 61)
    episode.outcome = "gone"
    return episode


def test_a_locked_diary_keeps_the_episode_and_the_checkin_for_the_next_start(tmp_path):
    lock = Lock(make_history(tmp_path))
    try:
        recorder = Recorder(tmp_path, close_wait=0.2)
        recorder.save(finished_episode())
        recorder.checkin(CheckIn(NIGHT, 2, 6, 4), AT)
        note = recorder.close()
        assert note is not None and "1 episode(s) and 1 check-in(s) kept in" in note, note
        assert recorder.lost == 0
        kept = tmp_path / pending.PENDING_NAME
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    finally:
        lock.release()
    store, warning = reopen(tmp_path)
    try:
        assert warning is not None and "Added 2" in warning, warning
        (record,) = store.list()
        assert (record.outcome, record.actual_seconds, record.started_at) == ("gone", 61, AT)
        assert checkins(store) == [CheckIn(NIGHT, 2, 6, 4)]
    finally:
        store.close()
    assert not kept.exists()  # merged, then gone


def test_merging_the_same_pending_lines_twice_adds_nothing(tmp_path):
    make_history(tmp_path)
    record = EpisodeRecord(None, "cramp", AT, side="front", outcome="gone", holds=1)
    pending.keep(
        tmp_path,
        [
            pending.Snapshot("a1", EpisodeRecord(None, "cramp", AT, side="front")),
            pending.Snapshot("a1", record),  # the same episode, later: the newest wins
            pending.Answer(CheckIn(NIGHT, 1), AT),
            pending.Undo(EpisodeRecord(7, "routine", AT - timedelta(days=1))),
        ],
    )
    copy = tmp_path / "copy"
    shutil.copy(tmp_path / pending.PENDING_NAME, copy)
    store, warning = reopen(tmp_path)
    first = store.list()
    store.close()
    assert warning is not None and "Added 3" in warning
    os.replace(copy, tmp_path / pending.PENDING_NAME)  # the same lines once more
    store, warning = reopen(tmp_path)
    try:
        assert warning is None  # nothing new to say
        assert store.list() == first
        assert [(r.kind, r.outcome) for r in first] == [("cramp", "gone"), ("routine", None)]
        assert checkins(store) == [CheckIn(NIGHT, 1)]
    finally:
        store.close()


def test_a_newer_checkin_in_the_history_is_not_overwritten_by_an_older_kept_one(tmp_path):
    store, _ = reopen(tmp_path)
    store.save_checkin(CheckIn(NIGHT, 3), AT)
    store.close()
    pending.keep(tmp_path, [pending.Answer(CheckIn(NIGHT, 1), AT - timedelta(hours=1))])
    store, _ = reopen(tmp_path)
    try:
        assert checkins(store) == [CheckIn(NIGHT, 3)]
    finally:
        store.close()


def test_an_undo_under_a_locked_diary_is_kept_and_added_at_the_next_start(tmp_path):
    store, _ = reopen(tmp_path)
    row = store.add(EpisodeRecord(None, "cramp", AT, side="back", outcome="gone"))
    removed = store.delete(row)
    store.close()
    assert removed is not None
    store = History.open(tmp_path, busy_ms=50).store
    assert store is not None
    lock = Lock(tmp_path / "history.db")
    try:
        with pytest.raises(HistoryError) as caught:
            store.restore(removed)
        assert caught.value.kept and "next start" in str(caught.value)
    finally:
        lock.release()
        store.close()
    store, _ = reopen(tmp_path)
    try:
        assert [(r.id, r.outcome) for r in store.list()] == [(row, "gone")]
    finally:
        store.close()


def test_a_full_disk_keeps_the_episode_in_the_pending_file(tmp_path, monkeypatch):
    make_history(tmp_path)

    def full(self, record):
        raise HistoryError("Could not save the episode (database or disk is full).")

    monkeypatch.setattr(History, "keep_snapshot", full)
    recorder = Recorder(tmp_path, close_wait=0.2)
    recorder.save(finished_episode())
    note = recorder.close()
    assert note is not None and "1 episode(s) kept in" in note, note
    monkeypatch.undo()
    store, _ = reopen(tmp_path)
    try:
        assert [r.outcome for r in store.list()] == ["gone"]
    finally:
        store.close()


def wait_for_rows(db: Path, count: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        conn = sqlite3.connect(db)
        try:
            (rows,) = conn.execute("SELECT count(*) FROM episodes").fetchone()
        finally:
            conn.close()
        if rows >= count:
            return
        time.sleep(0.01)  # polling a condition, not waiting a fixed time
    raise AssertionError(f"{db} never had {count} row(s)")


def test_the_diary_replaced_by_rename_mid_episode_gets_the_outcome(tmp_path):
    """A sync tool writes a copy and renames it over history.db while an episode runs."""
    make_history(tmp_path)
    recorder = Recorder(tmp_path)
    episode = Episode("front", "sitting", now=lambda: AT)
    episode.hold_started(60)
    recorder.save(episode)
    db = tmp_path / "history.db"
    wait_for_rows(db, 1)  # written: the writer thread holds the file open from now
    copy = tmp_path / "synced.db"
    source, target = sqlite3.connect(db), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    # The copy came from another machine with a cramp of its own.
    target.execute(
        "INSERT INTO episodes (kind, started_at, started_epoch, causes)"
        " VALUES ('cramp', '2026-11-01T02:00:00+00:00', 1793498400.0, '[]')"
    )
    target.commit()
    target.close()
    os.replace(copy, db)
    episode.hold_ended(0, 58)
    episode.outcome = "gone"
    recorder.save(episode)
    assert recorder.close() is None
    store, _ = reopen(tmp_path)
    try:
        record, theirs = store.list()
        assert (record.outcome, record.actual_seconds) == ("gone", 58)
        assert theirs.started_at.month == 11
    finally:
        store.close()


def test_an_unreadable_pending_line_is_set_aside_never_dropped(tmp_path):
    make_history(tmp_path)
    pending.keep(tmp_path, [pending.Answer(CheckIn(NIGHT, 1), AT)])
    with open(tmp_path / pending.PENDING_NAME, "ab") as fp:
        fp.write(b'{"what": "episode", "uuid"\n')  # a torn line
    store, _ = reopen(tmp_path)
    store.close()
    aside = tmp_path / (pending.PENDING_NAME + pending.UNREADABLE_SUFFIX)
    assert aside.read_bytes() == b'{"what": "episode", "uuid"\n'
    assert not (tmp_path / pending.PENDING_NAME).exists()


def test_a_kept_line_carries_every_answer_of_the_checkin_and_the_leg():
    """The pending file keeps what the database would: the morning safety answer and
    which leg (schema 5) come back from a kept line as they went in."""
    when = datetime(2026, 12, 4, 7, 30, tzinfo=timezone.utc)
    answer = CheckIn(date(2026, 12, 3), 2, 6, 5, swollen=True)
    back = pending.from_line(pending.to_line(pending.Answer(answer, when)))
    assert back.answer == answer
    record = EpisodeRecord(None, "cramp", when, side="back", leg="left", outcome="sore")
    kept = pending.from_line(pending.to_line(pending.Snapshot("u1", record)))
    assert kept.record.leg == "left" and kept.record.outcome == "sore"
