"""Issue 16, the history database: a lock held by another program loses nothing and never
waits on the UI thread; one bad row never breaks a read.

The Recorder owns one writer thread: save() snapshots the episode and returns at once; a
locked database is retried with backoff while the episode waits in memory; close() waits
a bounded time and says what is still unsaved.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest

from coach.core.episode import Episode
from coach.store.history import History
from coach.store.recorder import BUSY_NOTE_AFTER, Recorder
from screens.app.shell import make_app
from tests.conftest import FakeClock
from tests.support.robust_support import (
    coach_env,
    no_traceback,
    run_coach,
    settle,
    wait_until,
)

FAST = 0.05
"""save() may take this long at most (seconds): a few ms is normal, the rest is slack for a
loaded two-core test machine. SQLite's own wait was 5 s."""


def make_history(folder: Path) -> Path:
    opened = History.open(folder)
    assert opened.store is not None, opened.warning
    opened.store.close()
    return folder / "history.db"


class Lock:
    """Another connection holding the write lock, as a second program would."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.close()


def stored(folder: Path) -> list:
    store = History.open(folder).store
    assert store is not None
    try:
        return store.list()
    finally:
        store.close()


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def wait_for_note(recorder: Recorder, words: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with recorder._cond:
            notes = " ".join(recorder._warnings)
        if words in notes:
            return notes
        time.sleep(0.02)  # polling a condition, not waiting a fixed time
    raise AssertionError(f"no note with {words!r} within {timeout} s")


@pytest.mark.slow
def test_a_locked_database_loses_no_episode_and_save_returns_at_once(tmp_path):
    lock = Lock(make_history(tmp_path))
    recorder = Recorder(tmp_path)
    episode = Episode("back", "bed")
    try:
        episode.hold_started(60)
        warning, took = timed(lambda: recorder.save(episode))
        assert took < FAST and warning is None
        episode.hold_ended(0, 61)
        episode.outcome = "gone"
        _, took = timed(lambda: recorder.save(episode))
        assert took < FAST
        _, took = timed(lambda: recorder.routine_done(datetime.now().astimezone(), 120, "s"))
        assert took < FAST
        # Held for several seconds: long enough that the writer says the episode waits.
        note = wait_for_note(recorder, "History is busy", BUSY_NOTE_AFTER + 10)
        assert "kept" in note
    finally:
        lock.release()
    assert recorder.close() is not None  # the busy note, handed back once
    records = stored(tmp_path)
    assert sorted(r.kind for r in records) == ["cramp", "routine"]
    (cramp,) = [r for r in records if r.kind == "cramp"]
    assert (cramp.outcome, cramp.holds, cramp.actual_seconds) == ("gone", 1, 61)


def test_the_episode_is_saved_as_it_was_when_save_was_called(tmp_path):
    lock = Lock(make_history(tmp_path))
    recorder = Recorder(tmp_path)
    episode = Episode("front", "sitting")
    try:
        recorder.save(episode)
        episode.outcome = "gone"  # changed after save(), and not saved again
        episode.side = "back"
    finally:
        lock.release()
    assert recorder.close() is None
    (record,) = stored(tmp_path)
    assert (record.side, record.outcome) == ("front", None)


def test_close_waits_a_bounded_time_and_says_what_is_unsaved(tmp_path):
    lock = Lock(make_history(tmp_path))
    recorder = Recorder(tmp_path, close_wait=0.5)
    try:
        recorder.save(Episode("back", "bed"))
        note, took = timed(recorder.close)
        assert took < 3.0
        # #29 item 1: not lost, kept in the pending file beside the history
        assert note is not None and "1 episode(s) kept in" in note, note
        assert "history.pending" in note and "could not be saved" not in note
        assert "\n" not in note
        _, took = timed(recorder.close)  # a second way out does not wait as long again
        assert took < 1.5
    finally:
        lock.release()
    assert recorder.close() is None  # kept in memory all along, written now
    assert len(stored(tmp_path)) == 1


def test_warnings_from_the_writer_are_handed_back_by_the_next_call(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    recorder = Recorder(blocker / "data")
    episode = Episode("back", "bed")
    said = recorder.save(episode)  # returns at once: the writer may not have tried yet
    if said is None:
        wait_for_note(recorder, "History is off", 10)
        said = recorder.save(episode)
    assert said is not None and "History is off" in said
    assert recorder.take_warnings() is None  # handed back once
    note = recorder.close()
    assert note is not None and "could not be saved" in note


async def test_a_hold_under_a_locked_database_is_saved_when_the_app_ends(content, tmp_path):
    lock = Lock(make_history(tmp_path))
    clock = FakeClock()
    app = make_app(content, data_dir=tmp_path, clock=clock, side="back")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: type(app.screen).__name__ == "SafetyCheck", "ask")
            await pilot.press("n")
            await wait_until(pilot, lambda: type(app.screen).__name__ == "HoldScreen", "hold")
            await settle(pilot)
            assert app.flow is not None
            _, took = timed(lambda: app.recorder.save(app.flow.episode))
            assert took < FAST
            lock.release()
            lock = None
    finally:
        if lock is not None:
            lock.release()
    (record,) = stored(tmp_path)
    assert (record.side, record.holds) == ("back", 1)


def add_bad_rows(folder: Path) -> None:
    """Rows another program (or a hand edit) could leave: the table accepts them all."""
    conn = sqlite3.connect(folder / "history.db", isolation_level=None)
    columns = "kind, started_at, started_epoch, planned_seconds, causes"
    rows = [
        ("cramp", "2026-11-20T02:00:00+01:00", 1.0, 60, '["cold"]'),  # good
        ("cramp", "last tuesday", 2.0, 60, "[]"),  # unparseable time
        ("cramp", b"\xff\xfe", 3.0, 60, "[]"),  # bytes for a time
        ("cramp", "2026-11-22T02:00:00+01:00", 4.0, "sixty", "[]"),  # text for a number
        ("cramp", "2026-11-23T02:00:00", 5.0, 60, "{not json"),  # no offset, bad causes
    ]
    conn.executemany(f"INSERT INTO episodes ({columns}) VALUES (?,?,?,?,?)", rows)
    conn.close()


def test_rows_that_cannot_be_read_are_left_out_and_said_in_one_line(tmp_path):
    make_history(tmp_path)
    add_bad_rows(tmp_path)
    store = History.open(tmp_path).store
    assert store is not None
    records = store.list()
    assert len(records) == 2
    (naive,) = [r for r in records if r.causes == ()]
    assert naive.started_at.tzinfo is not None  # read as local time, not dropped
    note = store.skipped_note()
    assert note is not None and "Left out 3" in note and "\n" not in note
    assert store.get(2) is None and store.get(1) is not None
    store.close()


def test_export_skips_bad_rows_and_says_so(tmp_path):
    make_history(tmp_path / "data")
    add_bad_rows(tmp_path / "data")
    out = run_coach(["export", "--format", "json"], coach_env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert no_traceback(out.stderr)
    assert out.stdout.count('"kind"') == 2
    assert [line for line in out.stderr.splitlines() if "Left out 3" in line]


async def test_the_history_screen_opens_with_bad_rows(content, tmp_path):
    make_history(tmp_path)
    add_bad_rows(tmp_path)
    app = make_app(content, data_dir=tmp_path, start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HistoryScreen", "history")
        table = app.screen.query_one("#episodes")
        # The rows are read on a worker thread: wait for them, then check nothing more comes.
        await wait_until(pilot, lambda: table.row_count == 2, "the two readable rows shown")
        await settle(pilot)
        assert table.row_count == 2
        assert "Left out 3" in str(app.screen.query_one("#skipped").content)


async def test_the_app_shows_a_history_warning_as_it_happens(content, tmp_path):
    """Not one save late: the writer says "history is off" during the hold itself."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = make_app(content, data_dir=blocker / "data", clock=FakeClock(), side="back")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SafetyCheck", "ask")
        await settle(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HoldScreen", "hold")

        def shown() -> bool:
            return any("History is off" in str(t.render()) for t in app.screen.query("Toast"))

        await wait_until(pilot, shown, "the warning shown during the hold", tries=500)
        assert type(app.screen).__name__ == "HoldScreen"


def test_a_notice_from_the_app_is_plain_text_unless_asked(tmp_path, monkeypatch):
    """Textual's App.notify parses markup by default: a path such as `a[b]` or an error
    text must reach the person as typed, unless a caller asks for markup."""
    from textual.app import App

    from tests.support.app import coach_app, load_content

    passed: list[dict] = []
    monkeypatch.setattr(App, "notify", lambda self, message, **kw: passed.append(kw))
    app = coach_app(load_content(), data_dir=tmp_path, hour=12)
    app.notify("kept in /tmp/[bold]x[/bold]/history.pending")
    app.notify("[b]Saved[/b]", markup=True)
    assert [kw["markup"] for kw in passed] == [False, True]
