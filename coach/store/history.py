"""The episode history: one small SQLite file that survives crashes and a second instance."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

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


def _local_now() -> datetime:
    return datetime.now().astimezone()


class HistoryError(OSError):
    """The one error the UI has to catch when saving or reading history fails after opening."""

    busy = False
    """True when another connection held the lock: trying again later will likely work."""


@dataclass
class OpenResult:
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
        self.skipped: list[int] = []
        """Ids of the rows the last read could not make sense of (and left out)."""

    @classmethod
    def open(
        cls, directory: Path, now: Callable[[], datetime] | None = None, busy_ms: int = 5000
    ) -> OpenResult:
        """Never raises: a coach in the middle of a cramp must keep working without history.

        `busy_ms` is how long SQLite itself waits for another connection's lock; the
        recorder's writer thread keeps it short and retries on its own terms.
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
        return OpenResult(cls(conn, path, clock), warning)

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
        saved = replace(record, updated_at=self._now())
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
        """Put a deleted episode back under its old id so references to it stay valid."""
        if record.id is None:
            return self.add(record)
        check(record)
        with self._guard("restore the episode") as conn:
            conn.execute(
                f"INSERT INTO episodes (id, {_COLUMNS}) VALUES (?,{_MARKS})",
                (record.id, *row_values(record)),
            )
        return record.id

    def close(self) -> None:
        """Closing lets SQLite fold the WAL back into the main file."""
        with self._lock:
            self._conn.close()
