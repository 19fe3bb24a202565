"""Export the history as CSV or JSON, so people can take it to a doctor or a spreadsheet.

Rows stream from the database to the output in large chunks: years of nights never sit
in memory at once, and with PYTHONUNBUFFERED a small write is a system call each. A file
named with `-o` is written beside itself under a temporary name and renamed over the
old one only when complete, so a full disk leaves the old file whole; it is private
(0600), and a path inside the data folder is refused: the export must never replace
the history it was made from.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any, TextIO

from coach.documents.export_rows import (
    FIELDS,
    SELECT,
    checkin_json,
    checkin_of,
    condition_json,
    condition_of,
    csv_pieces,
    document_pieces,
    json_pieces,
    mark_json,
    mark_of,
    medicine_json,
    medicine_of,
    record_values,
    row_values,
)
from coach.store import backup
from coach.store.history import DB_NAME, EpisodeRecord, History, HistoryError
from coach.store.records import BadRow

__all__ = ["FIELDS", "FORMATS", "export", "export_values", "run_export", "stored_values"]

FORMATS = ("csv", "json")
CHUNK = 256 * 1024
"""Characters gathered before one write to the output."""


def _pieces(
    rows: Iterable[tuple[Any, ...]], fmt: str, sections: Sections | None = None
) -> Iterator[str]:
    if fmt == "json" and sections is not None:
        return document_pieces(rows, sections)
    if fmt == "json":
        return json_pieces(rows)
    if fmt == "csv":
        return csv_pieces(rows)
    raise ValueError(f"unknown export format {fmt!r} (use csv or json)")


def export(records: Iterable[EpisodeRecord], fmt: str, fp: TextIO) -> None:
    """Column names match the record fields so the files explain themselves."""
    export_values((record_values(r) for r in records), fmt, fp)


def export_values(
    rows: Iterable[tuple[Any, ...]], fmt: str, fp: TextIO, sections: Sections | None = None
) -> None:
    """Write rows of FIELDS values, gathered into writes of about CHUNK characters.
    With `sections` (JSON only), the whole export: the episodes and the rest of the
    history (stored_sections); without, the episodes' array alone."""
    gathered: list[str] = []
    size = 0
    for piece in _pieces(rows, fmt, sections):
        gathered.append(piece)
        size += len(piece)
        if size >= CHUNK:
            fp.write("".join(gathered))
            gathered, size = [], 0
    fp.write("".join(gathered))


def stored_values(store: History) -> Iterator[tuple[Any, ...]]:
    """Every readable episode's values, newest first, streamed from the database;
    the ids of rows left out are in store.skipped afterwards."""
    for row in store.rows(SELECT):
        try:
            yield row_values(row)
        except BadRow:
            store.skipped.append(row[0])


Sections = dict[str, list[dict[str, object]]]


def stored_sections(store: History) -> tuple[Sections, list[str]]:
    """The check-ins, medicines, conditions and marked dates as the JSON export writes
    them, each row read with the import's own checks (a row the import would refuse is
    left out here too, and named in the list handed back with them)."""
    left_out: list[str] = []

    def read(name: str, rows: Iterable[Any], of: Callable, to_json: Callable) -> list:
        out = []
        for row in rows:
            try:
                out.append(to_json(of(row)))
            except BadRow:
                left_out.append(name)
        return out

    columns = ("night", "answered_at", "cramps", "worst", "sleep", "swollen")
    sections = {
        "checkins": read(
            "check-in",
            (dict(zip(columns, r, strict=True)) for r in backup.all_checkins(store)),
            checkin_of,
            checkin_json,
        ),
        "medicines": read(
            "medicine",
            (
                dict(zip(("name", "started", "added_at"), r, strict=True))
                for r in backup.all_medicines(store)
            ),
            medicine_of,
            medicine_json,
        ),
        "conditions": read(
            "condition",
            (
                dict(zip(("condition", "added_at"), r, strict=True))
                for r in backup.all_conditions(store)
            ),
            condition_of,
            condition_json,
        ),
        "marks": read(
            "marked date",
            (dict(zip(("day", "label"), r, strict=True)) for r in backup.all_marks(store)),
            mark_of,
            mark_json,
        ),
    }
    return sections, left_out


class UsageError(Exception):
    """An output the command refuses: exit 2 with this one line."""


def check_target(output: str, directory: Path) -> Path:
    """The file `-o` names, links resolved; refused if inside the data folder or a folder."""
    try:
        target = Path(output).expanduser().resolve()
        data = Path(directory).expanduser().resolve()
    except (OSError, RuntimeError) as error:  # a link loop
        raise UsageError(f"calf-coach: cannot use {output}: {error}") from None
    same = target == data or data in target.parents
    with suppress(OSError):
        same = same or os.path.samefile(target, data / DB_NAME)  # a hard link to the history
    if same:
        raise UsageError(
            f"calf-coach: {output} is inside the data folder {data}; "
            "write the export somewhere else."
        )
    if target.is_dir():
        raise UsageError(f"calf-coach: {output} is a folder; give a file name.")
    return target


def write_file(
    target: Path, rows: Iterable[tuple[Any, ...]], fmt: str, sections: Sections | None = None
) -> None:
    """Whole or not at all: a temporary file (created exclusively, 0600) renamed over the old."""
    _write_atomic(target, lambda fp: export_values(rows, fmt, fp, sections))


def write_text(target: Path, text: str) -> None:
    """The same for a text made in one piece (the doctor's report)."""
    _write_atomic(target, lambda fp: fp.write(text))


def _write_atomic(target: Path, fill: Callable[[TextIO], object]) -> None:
    """A FIFO, a terminal or /dev/null is written to directly, as a shell redirection would:
    renaming over it would replace the device, not send it anything."""
    with suppress(FileNotFoundError):
        if not stat.S_ISREG(os.stat(target).st_mode):
            with open(target, "w", encoding="utf-8", newline="") as fp:
                fill(fp)
            return
    import tempfile  # the store seam: only for a file; writing to stdout needs none

    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fp:
            fill(fp)
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def run_export(fmt: str, output: str | None, directory: Path) -> int:
    """The CLI's entry point: messages go to stderr so stdout stays clean for piping.

    Errors writing to stdout (a closed pipe, a full disk) are left to the CLI, which
    handles them the same way for every command."""
    if fmt not in FORMATS:
        print(f"Unknown export format {fmt!r}: use csv or json.", file=sys.stderr)
        return 2
    target = None
    if output not in (None, "-"):
        try:
            target = check_target(output, directory)
        except UsageError as error:
            print(error, file=sys.stderr)
            return 2
    store = None
    if (Path(directory).expanduser() / DB_NAME).exists():
        opened = History.open(directory)
        if opened.warning:
            print(opened.warning, file=sys.stderr)
        if opened.store is None:
            return 1
        store = opened.store
    else:
        # Opening would create an empty history; an export should never write to the data dir.
        print(f"No history yet in {directory}.", file=sys.stderr)
    rows = stored_values(store) if store is not None else iter(())
    sections, others = None, []
    try:
        if fmt == "json":
            sections, others = stored_sections(store) if store is not None else ({}, [])
        if target is None:
            # stdout's errors are the CLI's to handle
            export_values(rows, fmt, sys.stdout, sections)
        else:
            try:
                write_file(target, rows, fmt, sections)
            except HistoryError:
                raise
            except OSError as error:
                why = error.strerror or error
                print(f"calf-coach: could not write {output}: {why}.", file=sys.stderr)
                return 1
    except HistoryError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close()
    note = store.skipped_note() if store is not None else None
    if note:
        print(note, file=sys.stderr)
    if others:
        print(
            f"Left out {len(others)} other row(s) that could not be read"
            f" ({', '.join(sorted(set(others)))}).",
            file=sys.stderr,
        )
    return 0
