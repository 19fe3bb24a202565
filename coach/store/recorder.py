"""Saves episodes as they happen, on a thread of its own, and keeps coaching if it cannot.

SQLite waits (up to its busy timeout) while another program holds the write lock; done
on the UI thread, that wait froze the countdown, and giving up lost the episode. So one
writer thread owns every write: `save()`, `routine_done()` and `checkin()` take a
snapshot at call time and return at once. The writer opens the store on first use,
writes in order, and when the database is busy keeps the write in memory and tries
again with backoff. Warnings it produces are handed back by the next call (or by
`take_warnings()`).

How an episode write flows: save(episode) -> to_record (a snapshot) -> _pending[key]
(a newer snapshot replaces an unwritten one) -> the writer: the first write of an
episode finds its row by kind and start time or adds it (History.keep_snapshot), later
ones update that row by id, in the same file; before each write the writer checks the
path still names the file it has open (a sync tool may have replaced it by rename) and
reopens if not. `close()` first appends what is still unwritten to the pending file
beside the history (coach.store.pending: fsync'd, merged at the next opening), then
waits a bounded time for the writer; a second Ctrl+C cuts that wait short, never the
pending file. It says in one line what is kept for later, or lost (only if even the
pending file could not be written).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from coach.core.diary import check as check_answer
from coach.store.migrations import DB_NAME

if TYPE_CHECKING:  # type-only: SQLite loads with the history (the store seam), the
    # episode with the flow (the screens seam)
    from coach.core.diary import CheckIn
    from coach.core.episode import Episode
    from coach.store.history import EpisodeRecord, History
    from coach.store.pending import Entry


T = TypeVar("T")


class OpenedStore(Protocol):
    """A store opened early on another thread (coach.text.history_view.Opened is one)."""

    @property
    def store(self) -> History | None: ...


BUSY_MS = 200
"""SQLite's own wait per attempt on the writer thread; short, so close() stays bounded."""
RETRY_FIRST, RETRY_MAX = 0.05, 1.0
"""Backoff between attempts (seconds), doubling from the first to the most."""
BUSY_NOTE_AFTER = 3.0
"""Seconds of a locked database before the person is told their episode is waiting."""
CLOSE_WAIT = 3.0
"""How long leaving waits for pending writes; after one close gave up, later ones wait less."""
JOIN_SLICE = 0.05
"""close() waits for the writer in slices this long, to notice a second Ctrl+C."""


@contextmanager
def interrupts_remembered() -> Iterator[list[int]]:
    """Ctrl+C (SIGINT) during the block is remembered in the list it gives, not raised.

    Leaving after a first Ctrl+C writes the pending file and then waits for the
    history: a second one must cut the wait short, never the write, and never end in a
    KeyboardInterrupt traceback. Only on the main thread, and only where Ctrl+C would
    raise KeyboardInterrupt (Python's own handler); an app with its own handler keeps it.
    """
    got: list[int] = []
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield got
        return
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: got.append(signum))
    try:
        yield got
    finally:
        signal.signal(signal.SIGINT, previous)


class Recorder:
    def __init__(
        self,
        data_dir: Path,
        close_wait: float = CLOSE_WAIT,
        noticed: Callable[[], None] | None = None,
        early: Future[OpenedStore] | None = None,
    ) -> None:
        """`early`: the reading store, already being opened (history_view.read_early)."""
        self.data_dir = data_dir
        self._early = early
        self.close_wait = close_wait
        self.noticed = noticed
        """Called (from the writer thread, so it must be thread-safe and not wait) when a
        warning is ready, so the app can show it now rather than at the next save."""
        self._cond = threading.Condition()
        # Guarded by _cond: what waits to be written (the newest snapshot per episode, in
        # the order episodes were first saved), what of it is in the pending file already,
        # warnings not yet handed back, thread state.
        self._pending: dict[int, Entry] = {}
        self._journaled: dict[int, Entry] = {}
        self._warnings: list[str] = []
        self._said_once: set[str] = set()
        self._episodes: dict[int, tuple[Episode, int, str]] = {}
        self._next_key = 0
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._deadline = 0.0
        self._off = False
        self._gave_up = False
        self.lost = 0
        """Writes the last close() could neither save nor keep in the pending file."""
        # Only the writer thread touches these (there is at most one writing at a time).
        self._row_ids: dict[int, tuple[tuple[int, int] | None, int]] = {}
        """Per episode: the file (device, inode) its row is in, and the row's id."""
        self._busy_since: float | None = None
        self._busy_said = False
        self._error_said = False
        # The UI's own reading connection (the history screen), opened on request.
        self._reader: History | None = None
        self._reader_opened = False
        self._reader_lock = threading.Lock()
        """Opening the reader is done on worker threads (the history screen, the diary):
        two must not open it at once. Apart from _cond, so saves never wait for it."""

    # --- called from the UI thread: none of these waits for the database ---------------

    def save(self, episode: Episode) -> str | None:
        """Queue the episode's current state; return warnings to show, if any."""
        from coach.store.pending import Snapshot, new_uuid  # the store seam: first save

        record = to_record(episode)  # now: the caller goes on changing the episode
        with self._cond:
            entry = self._episodes.get(id(episode))
            if entry is None or entry[0] is not episode:
                entry = self._episodes[id(episode)] = (episode, self._new_key(), new_uuid())
            self._queue(entry[1], Snapshot(entry[2], record))
        return self.take_warnings()

    def routine_done(self, started: datetime, seconds: float, version: str) -> str | None:
        from coach.store.pending import Snapshot, new_uuid  # the store seam: first save
        from coach.store.records import EpisodeRecord

        record = EpisodeRecord(
            None,
            "routine",
            started,
            position=version,
            planned_seconds=round(seconds),
            actual_seconds=round(seconds),
        )
        with self._cond:
            self._queue(self._new_key(), Snapshot(new_uuid(), record))
        return self.take_warnings()

    def checkin(self, answer: CheckIn, answered_at: datetime) -> str | None:
        """Queue a morning check-in, as save() does an episode."""
        from coach.store.pending import Answer  # the store seam: first save

        check_answer(answer)  # an impossible answer is a bug: refused here, not on the thread
        with self._cond:
            self._queue(self._new_key(), Answer(answer, answered_at))
        return self.take_warnings()

    def take_warnings(self) -> str | None:
        """Warnings from the writer thread not yet shown, as one line (or None)."""
        with self._cond:
            notes, self._warnings = self._warnings, []
        return " ".join(notes) or None

    def store(self) -> tuple[History | None, str | None]:
        """A store for reading (the history screen) and a warning the user has not seen yet.

        A connection of its own, so a read never queues behind the writer's retries."""
        with self._reader_lock:
            return self._shared_reader(), self.take_warnings()

    def read(self, work: Callable[[History], T]) -> tuple[T | None, str | None]:
        """What `work` reads, and a warning the user has not seen yet; None if no store.

        For one read at start (the diary's few rows): unless the reading store is open
        already, the connection is opened for this read and closed after it, so none is
        kept through a hold that may never need one (peak RSS, bench figure 5). A
        HistoryError from `work` is the caller's."""
        with self._reader_lock:
            if self._reader_opened or self._early is not None:
                store = self._shared_reader()
                return (None if store is None else work(store)), self.take_warnings()
            from coach.store.history import History  # the store seam: off the first frame

            result = History.open(self.data_dir)
            if result.warning:
                self._say(result.warning)
            if result.store is None:
                return None, self.take_warnings()
            try:
                return work(result.store), self.take_warnings()
            finally:
                result.store.close()

    def _shared_reader(self) -> History | None:
        """With _reader_lock held: the reading store, opened on first use."""
        if not self._reader_opened:
            from coach.store.history import History  # the store seam: off the first frame

            self._reader_opened = True
            result = self._early.result() if self._early else History.open(self.data_dir)
            self._early = None
            self._reader = result.store
            if result.warning:
                self._say(result.warning)
        return self._reader

    def close(self) -> str | None:
        """Write what is pending, waiting at most `close_wait` seconds (less after a close
        that gave up); return what is kept for later or lost, and any warning not yet
        shown. What is unwritten goes to the pending file before the wait: a second
        Ctrl+C ends the wait early (see interrupts_remembered) and loses nothing."""
        wait = min(self.close_wait, 0.3) if self._gave_up else self.close_wait
        with interrupts_remembered() as interrupted:
            lost = self._journal()
            with self._cond:
                self._deadline = time.monotonic() + wait
                if self._pending and self._thread is None:
                    self._start()
                self._stopping = True
                thread = self._thread
                self._cond.notify_all()
            # One SQLite call may be under way when the deadline passes.
            until = time.monotonic() + wait + 2 * BUSY_MS / 1000 + 0.5
            while thread is not None and thread.is_alive() and not interrupted:
                thread.join(max(0.0, min(JOIN_SLICE, until - time.monotonic())))
                if time.monotonic() >= until:
                    break
            if interrupted:
                self._gave_up = True  # leaving now: what is unwritten is in the pending file
        with self._cond:
            left = len(self._pending)
            journaled = self._journaled
            kept = [e for k, e in self._pending.items() if journaled.get(k) is e]
        self.lost = left - len(kept)
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader, self._reader_opened = None, False
        if left:
            self._gave_up = True
            from coach.store.pending import Answer, path_for  # loaded by _journal already

            if kept:
                answers = sum(isinstance(e, Answer) for e in kept)
                what = [
                    f"{n} {word}"
                    for n, word in ((len(kept) - answers, "episode(s)"), (answers, "check-in(s)"))
                    if n
                ]
                self._say(
                    f"The history could not be written now: {' and '.join(what)} kept in "
                    f"{path_for(self.data_dir)}, to be added at the next start.",
                    once=True,
                )
            if left - len(kept):
                self._say(
                    f"{left - len(kept)} episode(s) could not be saved to the history in "
                    f"{self.data_dir}{f' ({lost})' if lost else ''}."
                )
        return self.take_warnings()

    def _journal(self) -> str | None:
        """Append to the pending file what is unwritten and not there yet; None, or why
        it could not be written."""
        with self._cond:
            todo = {k: e for k, e in self._pending.items() if self._journaled.get(k) is not e}
        if not todo:
            return None
        from coach.store.pending import keep  # the store seam: only when something waits

        try:
            keep(self.data_dir, list(todo.values()))
        except OSError as error:
            return error.strerror or str(error)
        with self._cond:
            self._journaled.update(todo)
        return None

    def _new_key(self) -> int:
        self._next_key += 1
        return self._next_key

    def _queue(self, key: int, record: EpisodeRecord) -> None:
        """With _cond held: keep `record`, start the writer if it is not running."""
        self._pending[key] = record  # a newer snapshot replaces an unwritten one in place
        if self._thread is None:
            self._start()
        self._cond.notify_all()

    def _start(self) -> None:
        """With _cond held."""
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="history-writer", daemon=True)
        self._thread.start()

    def _say(self, note: str, once: bool = False) -> None:
        """`once`: never again after it was handed back (what a close keeps for later is
        said by the first close that finds it, not by each later one)."""
        with self._cond:
            if note in self._warnings or (once and note in self._said_once):
                return
            if once:
                self._said_once.add(note)
            self._warnings.append(note)
        if self.noticed is not None:
            self.noticed()

    # --- the writer thread -------------------------------------------------------------

    def _run(self) -> None:
        writer: list[History] = []  # this thread's own connection, opened on first write
        delay = RETRY_FIRST
        try:
            while True:
                with self._cond:
                    while not self._pending and not self._stopping:
                        self._cond.wait()
                    if self._stopping and (
                        not self._pending or self._off or time.monotonic() >= self._deadline
                    ):
                        # In the same hold of the lock as the decision: a save() from now
                        # on starts a new writer rather than waiting for this one.
                        self._thread = None
                        return
                    if self._off:  # kept in memory; close() reports them
                        self._cond.wait()
                        continue
                    key, entry = next(iter(self._pending.items()))
                outcome = self._write(key, entry, writer)
                with self._cond:
                    if outcome == "retry":
                        left = self._deadline - time.monotonic() if self._stopping else delay
                        self._cond.wait(max(0.0, min(delay, left)))
                        delay = min(delay * 2, RETRY_MAX)
                        continue
                    delay = RETRY_FIRST
                    if outcome == "off":
                        self._off = True
                    elif self._pending.get(key) is entry:
                        del self._pending[key]
        finally:
            for store in writer:
                store.close()
            with self._cond:
                if self._thread is threading.current_thread():
                    self._thread = None  # ended by an error: the next save starts another

    def _write(self, key: int, entry: Entry, writer: list[History]) -> str:
        """One attempt: "done", "retry" (busy, or a failure that may pass) or "off"."""
        from coach.store.history import History, HistoryError  # the store seam: the writer
        from coach.store.pending import Snapshot

        if writer and writer[0].replaced():
            # Renamed over (a sync or backup tool) or moved away: the open connection
            # writes to a file no one will read again. The file now at the path gets it.
            writer.pop().close()
        if not writer:
            if not (self.data_dir / DB_NAME).exists() and self._row_ids:
                return self._busy()  # moved away mid-episode: kept, never a new empty file
            opened = History.open(self.data_dir, busy_ms=BUSY_MS, merge=False)
            if opened.store is None:
                if opened.retry:
                    return self._busy()
                self._say(opened.warning or "History is off.")
                return "off"
            if opened.warning:
                self._say(opened.warning)
            writer.append(opened.store)
        store = writer[0]
        try:
            if not isinstance(entry, Snapshot):
                store.save_checkin(entry.answer, entry.answered_at, keep=False)
            else:
                record = entry.record
                known = self._row_ids.get(key)
                row_id = record.id
                if row_id is None and known is not None and known[0] == store.identity:
                    row_id = known[1]
                if row_id is None:
                    self._row_ids[key] = (store.identity, store.keep_snapshot(record))
                else:
                    # None back means the person deleted it meanwhile: it stays deleted.
                    store.update(record._replace(id=row_id))
        except HistoryError as error:
            if error.busy:
                return self._busy()
            if not self._error_said:
                self._error_said = True
                self._say(f"History could not be saved for now ({error}); still trying.")
            writer.pop().close()  # reopen next time: the file may have been replaced
            return "retry"
        except ValueError as error:  # a record the store refuses will never be accepted
            self._say(f"An episode was not saved ({error}).")
            return "done"
        store.fold_log()
        self._busy_since = None
        self._busy_said = self._error_said = False
        return "done"

    def _busy(self) -> str:
        now = time.monotonic()
        if self._busy_since is None:
            self._busy_since = now
        elif now - self._busy_since >= BUSY_NOTE_AFTER and not self._busy_said:
            self._busy_said = True
            self._say(
                "History is busy (another program is using it); what you said is kept "
                "and will be saved when it is free."
            )
        return "retry"


def to_record(episode: Episode) -> EpisodeRecord:
    from coach.store.records import EpisodeRecord  # the store seam: on the first save

    return EpisodeRecord(
        id=episode.record_id,
        kind="cramp",
        started_at=episode.started_at,
        side=episode.side,
        position=episode.position,
        planned_seconds=episode.planned_seconds,
        actual_seconds=episode.actual_seconds,
        holds=episode.holds,
        outcome=episode.outcome,
        causes=tuple(episode.causes),
        severity=episode.severity,
        eased_minutes=episode.eased_minutes,
        help_reason=episode.help_reason,
        relief_tried=tuple(episode.relief_tried),
        leg=episode.leg,
        causes_pending=episode.causes_pending,
    )
