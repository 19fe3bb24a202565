"""`calf-coach import FILE`: bring a backup (what `calf-coach export` wrote) into this
computer's history, for a new laptop or after a lost one.

    calf-coach import backup.json             add what the history has not got
    calf-coach import backup.json --dry-run   say what it would add; write nothing
    calf-coach import backup.csv              episodes only (a CSV export holds no more)

Importing twice adds nothing, and neither does importing a backup into the history it
came from (coach/store/backup.py says what makes a row "already there"). Every row is
read with the store's own checks (coach/documents/export_rows.py: episode_of and the
others); rows that fail are counted and named in one line, and the rest go in, in one
transaction. A file that is no export at all is one line and exit 2, never a
traceback. What is printed of the file (names, the reason a row failed) goes through
coach.core.profile.shown: a control character in a hand-edited file is written as an
escape, never sent to the terminal.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from coach.core.i18n import t
from coach.core.profile import shown
from coach.documents.export_rows import (
    FORMAT_NAME,
    SECTIONS,
    checkin_of,
    condition_of,
    episode_of,
    from_csv,
    mark_of,
    medicine_of,
)
from coach.store.backup import Added, Backup, merge
from coach.store.history import DB_NAME, History, HistoryError
from coach.store.records import BadRow

BUSY_SECONDS = 10
"""How long the import waits for another calf-coach writing to the history before it
gives up, says so, and writes nothing."""
NAMED = 5
"""Rows that failed named in the one line about them; the rest are counted."""

T = TypeVar("T")


class NotAnExport(Exception):
    """The file is not something `calf-coach export` wrote: one line, exit 2."""


class Read(NamedTuple):
    backup: Backup
    failed: list[str]
    """Each row left out, named ("episode 3 (severity is not 0-10)")."""
    episodes_only: bool
    """A CSV (or an older JSON export): nothing but episodes could come from it."""
    rows: int
    """Rows read and kept, of every kind."""


def _rows(
    name: str, items: Iterable[object], read: Callable[[Mapping[str, Any]], T], failed: list[str]
) -> tuple[T, ...]:
    kept = []
    for n, item in enumerate(items, 1):
        try:
            if not isinstance(item, dict):
                raise BadRow("not an object")
            kept.append(read(item))
        except BadRow as why:
            failed.append(f"{name} {n} ({why})")
    return tuple(kept)


def _looks_like_episodes(items: list[object]) -> bool:
    return not items or any(
        isinstance(i, dict) and "kind" in i and "started_at" in i for i in items
    )


def read_backup(text: str) -> Read:
    """The backup a file's text holds. Raises NotAnExport."""
    failed: list[str] = []
    start = text.lstrip()[:1]
    if start in ("[", "{"):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise NotAnExport(t("it is not JSON that calf-coach export wrote")) from None
        if isinstance(data, list) and _looks_like_episodes(data):
            episodes = _rows(t("episode"), data, episode_of, failed)
            return Read(Backup(episodes), failed, True, len(episodes))
        if not (
            isinstance(data, dict)
            and (data.get("format") == FORMAT_NAME or "episodes" in data)
            and isinstance(data.get("episodes"), list)
            and all(isinstance(data.get(s, []), list) for s in SECTIONS)
        ):
            raise NotAnExport(t("it is not JSON that calf-coach export wrote"))
        backup = Backup(
            _rows(t("episode"), data["episodes"], episode_of, failed),
            _rows(t("check-in"), data.get("checkins", []), checkin_of, failed),
            _rows(t("medicine"), data.get("medicines", []), medicine_of, failed),
            _rows(t("condition"), data.get("conditions", []), condition_of, failed),
            _rows(t("marked date"), data.get("marks", []), mark_of, failed),
        )
        return Read(backup, failed, False, sum(len(part) for part in backup))
    lines = csv.DictReader(text.splitlines())
    if not {"id", "kind", "started_at"} <= set(lines.fieldnames or ()):
        raise NotAnExport(t("it is not a CSV or JSON file that calf-coach export wrote"))
    try:
        episodes = _rows(t("episode"), (from_csv(line) for line in lines), episode_of, failed)
    except csv.Error:
        raise NotAnExport(t("its CSV cannot be read")) from None
    return Read(Backup(episodes), failed, True, len(episodes))


def _read_text(source: str) -> str:
    """The file's text (`-`: standard input). Raises NotAnExport."""
    try:
        if source == "-":
            return sys.stdin.buffer.read().decode("utf-8-sig")
        return Path(source).expanduser().read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAnExport(t("it is not a text file that calf-coach export wrote")) from None
    except OSError as error:
        raise NotAnExport(str(error.strerror or error)) from None


def _summary(added: Added, rows: int, dry_run: bool) -> str:
    numbers = {
        "episodes": added.episodes,
        "checkins": added.checkins,
        "medicines": added.medicines,
        "conditions": added.conditions,
        "marks": added.marks,
        "same": rows - sum(added),
    }
    if dry_run:
        return t(
            "Would add {episodes} episode(s), {checkins} check-in(s), {medicines} medicine(s),"
            " {conditions} condition(s) and {marks} marked date(s); {same} already there."
            " Nothing was written (--dry-run).",
            **numbers,
        )
    return t(
        "Added {episodes} episode(s), {checkins} check-in(s), {medicines} medicine(s),"
        " {conditions} condition(s) and {marks} marked date(s); {same} already there.",
        **numbers,
    )


def _merge(directory: Path, backup: Backup, dry_run: bool) -> Added | int:
    """Merge into the history in `directory` (a dry run with no history yet: into an
    empty one made for it and thrown away, so the data folder is not created). An int:
    the exit code, after saying why."""
    if dry_run and not (Path(directory).expanduser() / DB_NAME).exists():
        with tempfile.TemporaryDirectory(prefix="calf-coach-import-") as empty:
            return _merge_into(Path(empty), backup, dry_run)
    return _merge_into(directory, backup, dry_run)


def _merge_into(directory: Path, backup: Backup, dry_run: bool) -> Added | int:
    opened = History.open(directory, busy_ms=BUSY_SECONDS * 1000)
    if opened.warning and not opened.retry:
        print(opened.warning, file=sys.stderr)
    if opened.store is None:
        if opened.retry:
            print(_locked(directory), file=sys.stderr)
        return 1
    try:
        return merge(opened.store, backup, dry_run)
    except HistoryError as error:
        print(_locked(directory) if error.busy else error, file=sys.stderr)
        return 1
    finally:
        opened.store.close()


def _locked(directory: Path) -> str:
    return t(
        "calf-coach: the history in {folder} stayed in use by another calf-coach for"
        " {seconds} seconds, so nothing was imported. Close it and try again.",
        folder=shown(str(directory)),
        seconds=BUSY_SECONDS,
    )


def run_import(source: str, dry_run: bool, directory: Path) -> int:
    """The CLI's entry point: 0 imported (or would be), 1 the history could not be
    written, 2 the file is not an export (or cannot be read)."""
    try:
        read = read_backup(_read_text(source))
    except NotAnExport as why:
        print(
            t(
                "calf-coach: {file} cannot be imported: {why}.",
                file=shown(source),
                why=shown(str(why)),
            ),
            file=sys.stderr,
        )
        return 2
    if read.failed:
        named = ", ".join(shown(f) for f in read.failed[:NAMED])
        more = ", ..." if len(read.failed) > NAMED else ""
        print(
            t(
                "Left out {n} row(s) that could not be read: {rows}.",
                n=len(read.failed),
                rows=named + more,
            ),
            file=sys.stderr,
        )
    if read.episodes_only:
        print(
            t(
                "This file holds episodes only, so only episodes are imported: check-ins,"
                " medicines, conditions and marked dates travel in the JSON export"
                " (calf-coach export --format json)."
            )
        )
    added = _merge(directory, read.backup, dry_run)
    if isinstance(added, int):
        return added
    print(_summary(added, read.rows, dry_run))
    return 0
