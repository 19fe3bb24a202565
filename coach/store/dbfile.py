"""A history file on disk: telling SQLite's errors apart, and keeping a damaged file.

A busy database is worth waiting for; a damaged one is moved aside, never deleted,
with its journal. The opener and the writer thread both ask these.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def is_busy(error: BaseException) -> bool:
    """Another connection holds the lock: worth waiting for, never a reason to give up."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes)
    return "locked" in str(error) or "busy" in str(error)


def is_corruption(error: BaseException) -> bool:
    # OperationalError (locked, full, read-only, cannot open) is a DatabaseError too, but moving
    # a healthy file aside because the disk is full would lose the person's history.
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.OperationalError
    )


def move_aside(path: Path, stamp: str) -> Path:
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
