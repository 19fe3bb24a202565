"""Writes that could not reach the history, kept in a file beside it until they can.

Another program may hold `history.db` for longer than the coach may wait (a backup, a
sync tool, `sqlite3` left open), the file may be read-only, the disk full. What the
person said must survive that: each write that cannot reach the database is appended
to `history.pending` in the same folder (private, one JSON line per write, each append
a single write() followed by fsync, under an advisory lock), and the next opening of
the history merges it. Merging is idempotent: an episode is found by its kind and
its exact start time, a check-in by its night (the newer answer wins), an undo adds
nothing if the episode is there already; so merging the same lines twice adds nothing,
and a line written "just in case" before a write that then succeeded does no harm.
A line that cannot be read is moved to `history.pending.unreadable`, never dropped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple, Protocol

from coach.core.diary import CheckIn
from coach.core.record import EpisodeRecord
from coach.store.locations import folder_problem

try:  # POSIX; elsewhere appends are still single writes, just not serialised by a lock
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PENDING_NAME = "history.pending"
UNREADABLE_SUFFIX = ".unreadable"
VERSION = 1


class Snapshot(NamedTuple):
    """An episode (or routine) as it was when last saved; `uuid` names the episode
    across its snapshots, so the newest one of each is merged."""

    uuid: str
    record: EpisodeRecord


class Answer(NamedTuple):
    """A morning check-in and when it was given."""

    answer: CheckIn
    answered_at: datetime


class Undo(NamedTuple):
    """A deleted episode the person put back."""

    record: EpisodeRecord


Entry = Snapshot | Answer | Undo


class Merging(Protocol):
    """What merge() needs of the history (History is one)."""

    @property
    def path(self) -> Path: ...
    def merge_pending(self, entries: list[Entry]) -> int: ...


def new_uuid() -> str:
    """A random name for one episode's snapshots (128 bits, as hex)."""
    return os.urandom(16).hex()


def path_for(folder: Path) -> Path:
    return Path(folder) / PENDING_NAME


# --- one line per write -------------------------------------------------------------


def _record_dict(record: EpisodeRecord) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in record._asdict().items():
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def _record_of(data: object) -> EpisodeRecord:
    if not isinstance(data, dict):
        raise ValueError("record is not an object")
    values: dict[str, object] = {}
    for name in EpisodeRecord._fields:
        if name not in data:
            continue
        value = data[name]
        if name in ("started_at", "updated_at") and value is not None:
            value = datetime.fromisoformat(str(value))
        elif isinstance(value, list):
            value = tuple(str(v) for v in value)
        elif name == "causes_pending":
            value = value is True  # only true says the causes wait for the morning
        values[name] = value
    return EpisodeRecord(**values)  # type: ignore[arg-type]


def to_line(entry: Entry) -> bytes:
    if isinstance(entry, Snapshot):
        data: dict[str, object] = {
            "what": "episode",
            "uuid": entry.uuid,
            "record": _record_dict(entry.record),
        }
    elif isinstance(entry, Answer):
        answer = entry.answer
        data = {
            "what": "checkin",
            "night": answer.night.isoformat(),
            "cramps": answer.cramps,
            "worst": answer.worst,
            "sleep": answer.sleep,
            "swollen": answer.swollen,
            "answered_at": entry.answered_at.isoformat(),
        }
    else:
        data = {"what": "undo", "record": _record_dict(entry.record)}
    data["v"] = VERSION
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def from_line(line: bytes) -> Entry:
    """Raises ValueError for a line this version cannot use."""
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    what = data.get("what")
    if what == "episode":
        return Snapshot(str(data["uuid"]), _record_of(data["record"]))
    if what == "undo":
        return Undo(_record_of(data["record"]))
    if what == "checkin":
        answer = CheckIn(
            date.fromisoformat(data["night"]),
            data["cramps"],
            data["worst"],
            data["sleep"],
            data.get("swollen"),  # absent in a line an older version wrote
        )
        return Answer(answer, datetime.fromisoformat(data["answered_at"]))
    raise ValueError(f"unknown entry {what!r}")


# --- the file -------------------------------------------------------------------------


@contextmanager
def _locked(path: Path, create: bool) -> Iterator[int | None]:
    """The file at `path`, open and locked (None if it does not exist and not `create`).

    A merge may replace the file while we wait for the lock: after taking it, the
    descriptor must still name the file at the path, or we open again."""
    flags = os.O_RDWR | os.O_APPEND | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        try:
            fd = os.open(path, flags | (os.O_CREAT if create else 0), 0o600)
        except FileNotFoundError:
            if create:
                raise
            yield None
            return
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                now = os.stat(path)
            except FileNotFoundError:
                now = None
            mine = os.fstat(fd)
            if now is not None and (now.st_ino, now.st_dev) == (mine.st_ino, mine.st_dev):
                yield fd
                return
        finally:
            os.close(fd)  # closing also lets go of the lock


def _sync_folder(folder: Path) -> None:
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def keep(folder: Path, entries: Sequence[Entry]) -> Path:
    """Append `entries` to the pending file, on disk before this returns; its path.

    Raises OSError when it cannot (a read-only folder, a full disk)."""
    path = path_for(folder)
    data = b"".join(to_line(entry) for entry in entries)
    if not data:
        return path
    # The history's own rule: never in a folder another user owns or can change.
    problem = folder_problem(Path(folder), create=True)
    if problem:
        raise OSError(problem)
    existed = path.exists()
    with _locked(path, create=True) as fd:
        assert fd is not None
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    if not existed:
        _sync_folder(path.parent)
    return path


def has_pending(folder: Path) -> bool:
    return path_for(folder).exists()


def read(folder: Path) -> tuple[list[Entry], list[bytes]]:
    """What the pending file holds: the entries, and the lines that could not be read."""
    path = path_for(folder)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], []
    return _parse(data)


def _parse(data: bytes) -> tuple[list[Entry], list[bytes]]:
    entries: list[Entry] = []
    bad: list[bytes] = []
    for line in data.splitlines(keepends=True):
        if not line.strip():
            continue
        try:
            entries.append(from_line(line))
        except (ValueError, KeyError, TypeError, RecursionError):
            bad.append(line if line.endswith(b"\n") else line + b"\n")
    return entries, bad


def newest(entries: Sequence[Entry]) -> list[Entry]:
    """Each episode's last snapshot only (in the order episodes were first kept)."""
    last: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if isinstance(entry, Snapshot):
            last[entry.uuid] = i
    out = []
    for i, entry in enumerate(entries):
        if isinstance(entry, Snapshot) and last[entry.uuid] != i:
            continue
        out.append(entry)
    return out


def merge(store: Merging) -> int:
    """Write what the pending file beside `store` holds; how many writes changed the
    history (0: nothing new). Raises HistoryError (the file is kept) when the database
    refuses; the merged lines leave the file only after the history has them."""
    folder = store.path.parent
    path = path_for(folder)
    with _locked(path, create=False) as fd:
        if fd is None:
            return 0
        data = _read_all(fd)
    entries, bad = _parse(data)
    changed = store.merge_pending(newest(entries)) if entries else 0
    with _locked(path, create=False) as fd:
        if fd is None:
            return changed
        now = _read_all(fd)
        if not now.startswith(data):
            return changed  # another instance merged meanwhile: what it kept stays
        if bad:
            _append_unreadable(folder, bad)
        rest = now[len(data) :]
        if rest:  # appended while we merged: kept for the next time
            tmp = path.with_name(f"{PENDING_NAME}.{os.getpid()}.tmp")
            tmp.write_bytes(rest)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        else:
            os.unlink(path)
        _sync_folder(folder)
    return changed


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _append_unreadable(folder: Path, lines: list[bytes]) -> None:
    target = Path(folder) / (PENDING_NAME + UNREADABLE_SUFFIX)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, b"".join(lines))
        os.fsync(fd)
    finally:
        os.close(fd)
