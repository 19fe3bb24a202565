"""The episode history: one small SQLite file that survives crashes and a second instance."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

DB_NAME = "history.db"
_MAGIC = b"SQLite format 3\x00"
KINDS = ("cramp", "routine")
SIDES = ("back", "front")
POSITIONS = ("bed", "sitting", "standing")
OUTCOMES: dict[str, str] = {
    "gone": "Gone",
    "somewhat": "Partly eased",
    "still": "Still there",
    "left": "Left early",
    "red_flag": "Red flag",
}

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
]

_COLUMNS = (
    "kind, started_at, started_epoch, side, position, planned_seconds, actual_seconds,"
    " holds, outcome, causes, severity, updated_at"
)


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class EpisodeRecord:
    """One cramp or routine; ``outcome`` stays None until the person says how it went."""

    id: int | None
    kind: str
    started_at: datetime
    side: str | None = None
    position: str | None = None
    planned_seconds: int = 0
    actual_seconds: int = 0
    holds: int = 0
    outcome: str | None = None
    causes: tuple[str, ...] = field(default_factory=tuple)
    severity: int | None = None
    updated_at: datetime | None = None


class HistoryError(OSError):
    """The one error the UI has to catch when saving or reading history fails after opening."""


@dataclass
class OpenResult:
    """What opening produced: a store, a sentence for the user, or both."""

    store: History | None
    warning: str | None = None


def _check(record: EpisodeRecord) -> None:
    # Reject bad writes early; reads stay lenient so a newer app's rows never break an older one.
    if record.kind not in KINDS:
        raise ValueError(f"unknown episode kind {record.kind!r}")
    if record.outcome is not None and record.outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {record.outcome!r}")
    if record.severity is not None and not 0 <= record.severity <= 10:
        raise ValueError("severity must be between 0 and 10")
    if record.started_at.tzinfo is None:
        raise ValueError("started_at must be timezone-aware")


def _row_values(record: EpisodeRecord) -> tuple[object, ...]:
    return (
        record.kind,
        record.started_at.isoformat(),
        record.started_at.timestamp(),
        record.side,
        record.position,
        int(record.planned_seconds),
        int(record.actual_seconds),
        int(record.holds),
        record.outcome,
        json.dumps(list(record.causes)),
        record.severity,
        record.updated_at.isoformat() if record.updated_at else None,
    )


def _from_row(row: sqlite3.Row) -> EpisodeRecord:
    try:
        causes = tuple(str(c) for c in json.loads(row["causes"]))
    except (TypeError, ValueError):
        causes = ()
    updated = row["updated_at"]
    return EpisodeRecord(
        id=row["id"],
        kind=row["kind"],
        started_at=datetime.fromisoformat(row["started_at"]),
        side=row["side"],
        position=row["position"],
        planned_seconds=row["planned_seconds"],
        actual_seconds=row["actual_seconds"],
        holds=row["holds"],
        outcome=row["outcome"],
        causes=causes,
        severity=row["severity"],
        updated_at=datetime.fromisoformat(updated) if updated else None,
    )


def _is_corruption(error: BaseException) -> bool:
    # OperationalError (locked, full, read-only, cannot open) is a DatabaseError too, but moving
    # a healthy file aside because the disk is full would lose the person's history.
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.OperationalError
    )


def _connect(path: Path) -> sqlite3.Connection:
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
        conn = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
        try:
            _prepare(conn)
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


def _prepare(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise sqlite3.DatabaseError(f"quick_check failed: {check[0] if check else 'no answer'}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    _migrate(conn)


def _migrate(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA user_version").fetchone()[0] >= len(MIGRATIONS):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another instance may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {max(version, len(MIGRATIONS))}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _move_aside(path: Path, stamp: str) -> Path:
    """Keep a damaged file (and its journal) under a new name rather than ever deleting it."""
    n = 1
    while True:
        target = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n > 1 else ""))
        names = [target, Path(f"{target}-wal"), Path(f"{target}-shm")]
        if not any(p.exists() for p in names):
            break
        n += 1
    for suffix in ("-wal", "-shm"):
        sibling = Path(f"{path}{suffix}")
        if sibling.exists():
            sibling.rename(f"{target}{suffix}")
    path.rename(target)
    return target


class History:
    """Every write is its own committed transaction, so a killed process loses nothing saved."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, now: Callable[[], datetime] = _local_now
    ) -> None:
        self._conn = conn
        self.path = path
        self._now = now
        self._lock = threading.Lock()

    @classmethod
    def open(cls, directory: Path, now: Callable[[], datetime] | None = None) -> OpenResult:
        """Never raises: a coach in the middle of a cramp must keep working without history."""
        clock = now or _local_now
        directory = Path(directory).expanduser()
        path = directory / DB_NAME
        warning = None
        try:
            if not directory.is_dir():
                directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.chmod(directory, 0o700)
            try:
                conn = _connect(path)
            except sqlite3.DatabaseError as error:
                if not _is_corruption(error):
                    raise
                moved = _move_aside(path, clock().strftime("%Y%m%d-%H%M%S"))
                warning = (
                    f"Your history file was damaged, so it was moved to {moved} "
                    "and a new, empty history was started."
                )
                conn = _connect(path)
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            return OpenResult(
                None, f"History is off because {path} could not be opened ({reason})."
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
                raise HistoryError(f"Could not {doing} in {self.path} ({error}).") from error

    def add(self, record: EpisodeRecord) -> int:
        """Store a new episode straight away so even an interrupted one is on disk."""
        _check(record)
        with self._guard("save the episode") as conn:
            cur = conn.execute(
                f"INSERT INTO episodes ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                _row_values(record),
            )
        return int(cur.lastrowid or 0)

    def update(self, record: EpisodeRecord) -> EpisodeRecord | None:
        """Save progress; returns the stored copy, or None if the episode was deleted meanwhile."""
        if record.id is None:
            raise ValueError("cannot update an episode that was never added")
        _check(record)
        saved = replace(record, updated_at=self._now())
        sets = ", ".join(f"{name.strip()} = ?" for name in _COLUMNS.split(","))
        with self._guard("save the episode") as conn:
            cur = conn.execute(
                f"UPDATE episodes SET {sets} WHERE id = ?", (*_row_values(saved), saved.id)
            )
        return saved if cur.rowcount else None

    def get(self, episode_id: int) -> EpisodeRecord | None:
        """Fetch one episode, e.g. to resume it after a crash."""
        with self._guard("read the history") as conn:
            row = conn.execute("SELECT * FROM episodes WHERE id = ?", (episode_id,)).fetchone()
        return _from_row(row) if row else None

    def list(self, limit: int | None = None) -> list[EpisodeRecord]:
        """Newest first, because that is what people look for after a bad night."""
        with self._guard("read the history") as conn:
            rows = conn.execute(
                "SELECT * FROM episodes ORDER BY started_epoch DESC, id DESC LIMIT ?",
                (-1 if limit is None else limit,),
            ).fetchall()
        return [_from_row(row) for row in rows]

    def delete(self, episode_id: int) -> EpisodeRecord | None:
        """Hand back what was removed so the screen can offer undo."""
        with self._guard("delete the episode") as conn:
            conn.execute("BEGIN IMMEDIATE")
            row = conn.execute("SELECT * FROM episodes WHERE id = ?", (episode_id,)).fetchone()
            conn.execute("DELETE FROM episodes WHERE id = ?", (episode_id,))
            conn.execute("COMMIT")
        return _from_row(row) if row else None

    def restore(self, record: EpisodeRecord) -> int:
        """Put a deleted episode back under its old id so references to it stay valid."""
        if record.id is None:
            return self.add(record)
        _check(record)
        with self._guard("restore the episode") as conn:
            conn.execute(
                f"INSERT INTO episodes (id, {_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (record.id, *_row_values(record)),
            )
        return record.id

    def close(self) -> None:
        """Closing lets SQLite fold the WAL back into the main file."""
        with self._lock:
            self._conn.close()
