"""Export the history as CSV or JSON, so people can take it to a doctor or a spreadsheet.

Rows stream from the database to the output in large chunks: years of nights never sit
in memory at once, and with PYTHONUNBUFFERED a small write is a system call each. A file
named with `-o` is written beside itself under a temporary name and renamed over the
old one only when complete, so a full disk leaves the old file whole; it is private
(0600), and a path inside the data folder is refused: the export must never replace
the history it was made from.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TextIO

from coach.history import DB_NAME, OUTCOMES, EpisodeRecord, History, HistoryError

FORMATS = ("csv", "json")
FIELDS = (
    "id",
    "kind",
    "started_at",
    "side",
    "position",
    "planned_seconds",
    "actual_seconds",
    "holds",
    "outcome",
    "causes",
    "severity",
    "updated_at",
    "eased_minutes",
    "help_reason",
    "relief_tried",
    "outcome_name",
)
"""`outcome` is the stored id ("left"); `outcome_name` reads well in a spreadsheet or
to a doctor ("Left early", never "left", which reads like the left leg)."""
CHUNK = 256 * 1024
"""Characters gathered before one write to the output."""


def _time(moment: datetime | None) -> str | None:
    # Keep the offset: without it, a 02:00 cramp can turn into 01:00 in someone else's tool.
    return moment.isoformat(timespec="seconds") if moment else None


def _as_dict(record: EpisodeRecord) -> dict[str, object]:
    row = {name: getattr(record, name, None) for name in FIELDS}
    row["outcome_name"] = OUTCOMES.get(record.outcome, record.outcome) if record.outcome else None
    row["started_at"] = _time(record.started_at)
    row["updated_at"] = _time(record.updated_at)
    row["causes"] = list(record.causes)
    row["relief_tried"] = list(record.relief_tried)
    return row


def _pieces(records: Iterable[EpisodeRecord], fmt: str) -> Iterator[str]:
    """The output a little at a time, in the same layout json.dump(indent=2) gives."""
    if fmt == "json":
        first = True
        for record in records:
            item = json.dumps(_as_dict(record), indent=2, ensure_ascii=False)
            yield ("[\n  " if first else ",\n  ") + item.replace("\n", "\n  ")
            first = False
        yield "[]\n" if first else "\n]\n"
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            row = _as_dict(record)
            row["causes"] = ";".join(record.causes)
            row["relief_tried"] = ";".join(record.relief_tried)
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            if buffer.tell() >= CHUNK:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()
    else:
        raise ValueError(f"unknown export format {fmt!r} (use csv or json)")


def export(records: Iterable[EpisodeRecord], fmt: str, fp: TextIO) -> None:
    """Column names match the record fields so the files explain themselves."""
    gathered: list[str] = []
    size = 0
    for piece in _pieces(records, fmt):
        gathered.append(piece)
        size += len(piece)
        if size >= CHUNK:
            fp.write("".join(gathered))
            gathered, size = [], 0
    fp.write("".join(gathered))


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


def write_file(target: Path, records: Iterable[EpisodeRecord], fmt: str) -> None:
    """Whole or not at all: a temporary file (created exclusively, 0600) renamed over the old."""
    _write_atomic(target, lambda fp: export(records, fmt, fp))


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
    records = store.records() if store is not None else iter(())
    try:
        if target is None:
            export(records, fmt, sys.stdout)  # stdout's errors are the CLI's to handle
        else:
            try:
                write_file(target, records, fmt)
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
    return 0
