"""The episode history: one small SQLite file that survives crashes and a second instance."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from coach.core.diary import CheckIn
from coach.store import pending
from coach.store.checkins import CheckinStore
from coach.store.dbfile import is_busy, is_corruption, move_aside
from coach.store.locations import folder_problem, is_default_data_dir
from coach.store.migrations import DB_NAME, MIGRATIONS, keyless, rekey
from coach.store.queries import COLUMNS_SQL as _COLUMNS
from coach.store.queries import HistoryQueries
from coach.store.records import (
    KINDS,
    OUTCOMES,
    POSITIONS,
    BadRow,
    EpisodeRecord,
    check,
    from_row,
    row_values,
)

_MAGIC = b"SQLite format 3\x00"

__all__ = ["KINDS", "OUTCOMES", "POSITIONS", "EpisodeRecord", "History", "HistoryError"]

_MARKS = ",".join("?" * len(_COLUMNS.split(",")))


MERGE_BUSY_MS = 200
"""SQLite's wait when merging the pending file at opening; busy: merged another time."""


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _same_values(stored: tuple[object, ...], values: tuple[object, ...]) -> bool:
    """Row values equal but for when they were last saved (updated_at)."""
    skip = [name.strip() for name in _COLUMNS.split(",")].index("updated_at")
    return all(a == b for i, (a, b) in enumerate(zip(stored, values, strict=True)) if i != skip)


class HistoryError(OSError):
    """The one error the UI has to catch when saving or reading history fails after opening."""

    busy = False
    """True when another connection held the lock: trying again later will likely work."""
    kept = False
    """True when the write was kept in the pending file instead (coach.store.pending)."""


class OpenResult(NamedTuple):
    """What opening produced: a store, a sentence for the user, or both."""

    store: History | None
    warning: str | None = None
    retry: bool = False
    """Not opened only because another connection held a lock: worth trying again."""


def _connect(path: Path, busy_ms: int = 5000) -> sqlite3.Connection:
    if not path.exists():
        # Create it ourselves so it is private from the first byte; SQLite gives its -wal and
        # -shm files the same permissions as the database file.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
    elif path.stat().st_size:
        with open(path, "rb") as fp:
            if fp.read(len(_MAGIC)) != _MAGIC:
                # Decide before SQLite sees it: closing a connection to a non-database would
                # delete its -wal file, which belongs with the damaged file we keep.
                raise sqlite3.DatabaseError("file is not a database")
    for attempt in range(1, 6):
        conn = sqlite3.connect(
            path, timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            _prepare(conn, busy_ms)
            return conn
        except sqlite3.OperationalError as error:
            conn.close()
            # Switching a brand-new file to WAL can fail at once with "locked" (the busy
            # handler is not used for it) while a second instance is setting it up too.
            if "locked" not in str(error) or attempt == 5:
                raise
            time.sleep(0.05 * attempt)
        except BaseException:
            conn.close()
            raise
    raise AssertionError("unreachable")


def _prepare(conn: sqlite3.Connection, busy_ms: int) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise sqlite3.DatabaseError(f"quick_check failed: {check[0] if check else 'no answer'}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    _migrate(conn)


def _migrate(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA user_version").fetchone()[0] >= len(MIGRATIONS) and not keyless(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another instance may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version and keyless(conn):
            rekey(conn, min(version, len(MIGRATIONS)))
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {max(version, len(MIGRATIONS))}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class History(CheckinStore, HistoryQueries):
    """Every write is its own committed transaction, so a killed process loses nothing saved."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, now: Callable[[], datetime] = _local_now
    ) -> None:
        self._conn = conn
        self.path = path
        self._now = now
        self._lock = threading.Lock()
        self.identity = _identity(path)
        """The file this connection writes to (device, inode): a sync tool that replaces
        the file by rename leaves the connection writing to the old, unlinked one."""
        self.skipped: list[int] = []
        """Ids of the rows the last read could not make sense of (and left out)."""

    @classmethod
    def open(
        cls,
        directory: Path,
        now: Callable[[], datetime] | None = None,
        busy_ms: int = 5000,
        merge: bool = True,
    ) -> OpenResult:
        """Never raises: a coach in the middle of a cramp must keep working without history.

        `busy_ms` is how long SQLite itself waits for another connection's lock; the
        recorder's writer thread keeps it short and retries on its own terms. `merge`:
        add what earlier runs kept in the pending file (coach.store.pending) first; the
        recorder's writer leaves that to the readers, which open at start.
        """
        clock = now or _local_now
        directory = Path(directory).expanduser()
        path = directory / DB_NAME
        problem = folder_problem(directory, create=True, tighten=is_default_data_dir)
        if problem:
            return OpenResult(None, f"History is off: {problem}.")
        warning = None
        try:
            try:
                conn = _connect(path, busy_ms)
            except sqlite3.DatabaseError as error:
                if not is_corruption(error):
                    raise
                moved = move_aside(path, clock().strftime("%Y%m%d-%H%M%S"))
                warning = (
                    f"Your history file was damaged, so it was moved to {moved} "
                    "and a new, empty history was started."
                )
                conn = _connect(path, busy_ms)
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            return OpenResult(
                None,
                f"History is off because {path} could not be opened ({reason}).",
                retry=is_busy(error),
            )
        store = cls(conn, path, clock)
        merged = store._merge_kept() if merge else None
        return OpenResult(store, " ".join(n for n in (warning, merged) if n) or None)

    def _merge_kept(self) -> str | None:
        """Add what earlier runs kept in the pending file; one line if that changed
        anything. A database still busy keeps the file for the next opening, and waits
        only briefly: opening is on the way to the first screen's diary."""
        folder = self.path.parent
        if not pending.has_pending(folder):
            return None
        try:
            with self._short_wait():
                changed = pending.merge(self)
        except (HistoryError, OSError):
            return None
        if not changed:
            return None
        return (
            f"Added {changed} saved answer(s) that had waited in {pending.path_for(folder)} "
            "to your history."
        )

    @contextmanager
    def _short_wait(self) -> Iterator[None]:
        with self._lock:
            (busy_ms,) = self._conn.execute("PRAGMA busy_timeout").fetchone()
            self._conn.execute(f"PRAGMA busy_timeout = {MERGE_BUSY_MS}")
        try:
            yield
        finally:
            with self._lock, suppress(sqlite3.Error):
                self._conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")

    def fold_log(self) -> None:
        """Fold the write-ahead log into the file and empty it (the writer does, after
        each write). The -wal and -shm files go by name: a file renamed over history.db
        would otherwise be read through the old file's log, and lose its own rows."""
        with self._lock, suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def replaced(self) -> bool:
        """True when the path no longer names the file this connection writes to (it was
        replaced by rename, or moved away): writes must go to the file now there."""
        return _identity(self.path) != self.identity

    def keep_snapshot(self, record: EpisodeRecord) -> int:
        """Write an episode found by its kind and exact start time (added if absent,
        brought up to date if it differs); its row id. Idempotent: a merged pending
        line, or a file replaced under the writer, never makes a second row."""
        row_id, _ = self._keep_snapshot(record)
        return row_id

    def _keep_snapshot(self, record: EpisodeRecord) -> tuple[int, bool]:
        check(record)
        values = row_values(record)
        with self._guard("save the episode") as conn:
            conn.execute("BEGIN IMMEDIATE")
            row = self._same_episode(conn, record)
            if row is None:
                cur = conn.execute(f"INSERT INTO episodes ({_COLUMNS}) VALUES ({_MARKS})", values)
                conn.execute("COMMIT")
                return int(cur.lastrowid or 0), True
            row_id = int(row[0])
            stored = tuple(row[1:])
            if _same_values(stored, values):
                conn.execute("COMMIT")
                return row_id, False
            saved = row_values(record._replace(updated_at=self._now()))
            sets = ", ".join(f"{name.strip()} = ?" for name in _COLUMNS.split(","))
            conn.execute(f"UPDATE episodes SET {sets} WHERE id = ?", (*saved, row_id))
            conn.execute("COMMIT")
            return row_id, True

    @staticmethod
    def _same_episode(conn: sqlite3.Connection, record: EpisodeRecord) -> sqlite3.Row | None:
        return conn.execute(
            f"SELECT id, {_COLUMNS} FROM episodes WHERE started_epoch = ? AND started_at = ?"
            " AND kind = ? ORDER BY id LIMIT 1",
            (record.started_at.timestamp(), record.started_at.isoformat(), record.kind),
        ).fetchone()

    def merge_pending(self, entries: list[pending.Entry]) -> int:
        """Write kept entries (pending.merge's part); how many changed the history."""
        changed = 0
        for entry in entries:
            if isinstance(entry, pending.Snapshot):
                changed += self._keep_snapshot(entry.record)[1]
            elif isinstance(entry, pending.Undo):
                changed += self._restore_once(entry.record)
            else:
                changed += self._checkin_if_newer(entry.answer, entry.answered_at)
        return changed

    def _restore_once(self, record: EpisodeRecord) -> bool:
        check(record)
        with self._guard("restore the episode") as conn:
            conn.execute("BEGIN IMMEDIATE")
            if self._same_episode(conn, record) is not None:
                conn.execute("COMMIT")
                return False
            taken = (
                record.id is not None
                and conn.execute("SELECT 1 FROM episodes WHERE id = ?", (record.id,)).fetchone()
            )
            if record.id is None or taken:
                conn.execute(
                    f"INSERT INTO episodes ({_COLUMNS}) VALUES ({_MARKS})", row_values(record)
                )
            else:
                conn.execute(
                    f"INSERT INTO episodes (id, {_COLUMNS}) VALUES (?,{_MARKS})",
                    (record.id, *row_values(record)),
                )
            conn.execute("COMMIT")
        return True

    def _checkin_if_newer(self, answer: CheckIn, answered_at: datetime) -> bool:
        """A kept check-in, unless the night has the same or a newer answer already."""
        with self._guard("read the history") as conn:
            row = conn.execute(
                "SELECT answered_at, cramps, worst, sleep FROM checkins WHERE night = ?",
                (answer.night.isoformat(),),
            ).fetchone()
        if row is not None:
            if tuple(row[1:]) == (answer.cramps, answer.worst, answer.sleep):
                return False
            with suppress(TypeError, ValueError):
                if datetime.fromisoformat(row[0]) >= answered_at:
                    return False
        CheckinStore.save_checkin(self, answer, answered_at)
        return True

    @contextmanager
    def _guard(self, doing: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except (sqlite3.Error, OSError) as error:
                with suppress(sqlite3.Error):
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                failure = HistoryError(f"Could not {doing} in {self.path} ({error}).")
                failure.busy = is_busy(error)
                raise failure from error

    def add(self, record: EpisodeRecord) -> int:
        """Store a new episode straight away so even an interrupted one is on disk."""
        check(record)
        with self._guard("save the episode") as conn:
            cur = conn.execute(
                f"INSERT INTO episodes ({_COLUMNS}) VALUES ({_MARKS})",
                row_values(record),
            )
        return int(cur.lastrowid or 0)

    def update(self, record: EpisodeRecord) -> EpisodeRecord | None:
        """Save progress; returns the stored copy, or None if the episode was deleted meanwhile."""
        if record.id is None:
            raise ValueError("cannot update an episode that was never added")
        check(record)
        saved = record._replace(updated_at=self._now())
        sets = ", ".join(f"{name.strip()} = ?" for name in _COLUMNS.split(","))
        with self._guard("save the episode") as conn:
            cur = conn.execute(
                f"UPDATE episodes SET {sets} WHERE id = ?", (*row_values(saved), saved.id)
            )
        return saved if cur.rowcount else None

    def get(self, episode_id: int) -> EpisodeRecord | None:
        """Fetch one episode, e.g. to resume it after a crash; None if missing or unreadable."""
        with self._guard("read the history") as conn:
            row = conn.execute("SELECT * FROM episodes WHERE id = ?", (episode_id,)).fetchone()
        return self._readable(row) if row else None

    def list(self, limit: int | None = None) -> list[EpisodeRecord]:
        """Newest first, because that is what people look for after a bad night.

        Rows that cannot be read are left out and their ids kept in `skipped`."""
        return list(self.records(limit))

    def records(self, limit: int | None = None, batch: int = 500) -> Iterator[EpisodeRecord]:
        """Like list(), a batch of rows at a time (an export of years of nights streams).

        The lock is held while a batch is fetched, never across a `yield`: a reader that
        stops part-way (a closed pipe) must not leave the store locked for close()."""
        self.skipped = []
        with self._guard("read the history") as conn:
            cur = conn.execute(
                "SELECT * FROM episodes ORDER BY started_epoch DESC, id DESC LIMIT ?",
                (-1 if limit is None else limit,),
            )
        while True:
            with self._guard("read the history"):
                rows = cur.fetchmany(batch)
            if not rows:
                return
            for row in rows:
                record = self._readable(row)
                if record is not None:
                    yield record

    def _readable(self, row: sqlite3.Row) -> EpisodeRecord | None:
        try:
            return from_row(row)
        except BadRow:
            self.skipped.append(row["id"])
            return None

    def skipped_note(self) -> str | None:
        """One line about rows the last read left out, or None."""
        if not self.skipped:
            return None
        ids = ", ".join(str(i) for i in self.skipped[:5]) + (
            ", ..." if len(self.skipped) > 5 else ""
        )
        return (
            f"Left out {len(self.skipped)} history row(s) that could not be read "
            f"(id {ids}) in {self.path}."
        )

    def delete(self, episode_id: int) -> EpisodeRecord | None:
        """Hand back what was removed so the screen can offer undo."""
        with self._guard("delete the episode") as conn:
            conn.execute("BEGIN IMMEDIATE")
            row = conn.execute("SELECT * FROM episodes WHERE id = ?", (episode_id,)).fetchone()
            conn.execute("DELETE FROM episodes WHERE id = ?", (episode_id,))
            conn.execute("COMMIT")
        return self._readable(row) if row else None

    def restore(self, record: EpisodeRecord) -> int:
        """Put a deleted episode back under its old id so references to it stay valid.

        When the database refuses (locked, read-only, full), the undo is kept in the
        pending file and merged at the next opening: the HistoryError raised says so."""
        try:
            if record.id is None:
                return self.add(record)
            check(record)
            with self._guard("restore the episode") as conn:
                conn.execute(
                    f"INSERT INTO episodes (id, {_COLUMNS}) VALUES (?,{_MARKS})",
                    (record.id, *row_values(record)),
                )
            return record.id
        except HistoryError as error:
            raise self._keep_pending(error, pending.Undo(record)) from error

    def save_checkin(self, answer: CheckIn, answered_at: datetime, keep: bool = True) -> None:
        """As CheckinStore's; an answer the database refuses is kept in the pending file
        (unless `keep` is False: the recorder keeps its own)."""
        try:
            super().save_checkin(answer, answered_at)
        except HistoryError as error:
            if not keep:
                raise
            raise self._keep_pending(error, pending.Answer(answer, answered_at)) from error

    def _keep_pending(self, error: HistoryError, entry: pending.Entry) -> HistoryError:
        """`error`, or better: the write kept in the pending file and said so."""
        try:
            where = pending.keep(self.path.parent, [entry])
        except OSError:
            return error
        kept = HistoryError(f"{error} It is kept in {where} and will be added at the next start.")
        kept.busy = error.busy
        kept.kept = True
        return kept

    def close(self) -> None:
        """Closing lets SQLite fold the WAL back into the main file."""
        with self._lock:
            self._conn.close()
