"""Export the history as CSV or JSON, so people can take it to a doctor or a spreadsheet."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from coach.history import DB_NAME, EpisodeRecord, History

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
)


def _time(moment: datetime | None) -> str | None:
    # Keep the offset: without it, a 02:00 cramp can turn into 01:00 in someone else's tool.
    return moment.isoformat(timespec="seconds") if moment else None


def _as_dict(record: EpisodeRecord) -> dict[str, object]:
    row = {name: getattr(record, name) for name in FIELDS}
    row["started_at"] = _time(record.started_at)
    row["updated_at"] = _time(record.updated_at)
    row["causes"] = list(record.causes)
    return row


def export(records: Iterable[EpisodeRecord], fmt: str, fp: TextIO) -> None:
    """Column names match the record fields so the files explain themselves."""
    if fmt == "json":
        json.dump([_as_dict(r) for r in records], fp, indent=2, ensure_ascii=False)
        fp.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(fp, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            row = _as_dict(record)
            row["causes"] = ";".join(record.causes)
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    else:
        raise ValueError(f"unknown export format {fmt!r} (use csv or json)")


def run_export(fmt: str, output: str | None, directory: Path) -> int:
    """The CLI's entry point: messages go to stderr so stdout stays clean for piping."""
    if fmt not in FORMATS:
        print(f"Unknown export format {fmt!r}: use csv or json.", file=sys.stderr)
        return 2
    records: list[EpisodeRecord] = []
    if (Path(directory).expanduser() / DB_NAME).exists():
        opened = History.open(directory)
        if opened.warning:
            print(opened.warning, file=sys.stderr)
        if opened.store is None:
            return 1
        try:
            records = opened.store.list()
        except OSError as error:
            print(error, file=sys.stderr)
            return 1
        finally:
            opened.store.close()
    else:
        # Opening would create an empty history; an export should never write to the data dir.
        print(f"No history yet in {directory}.", file=sys.stderr)
    try:
        if output in (None, "-"):
            export(records, fmt, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as fp:
                export(records, fmt, fp)
    except OSError as error:
        print(f"Could not write {output}: {error.strerror or error}.", file=sys.stderr)
        return 1
    return 0
