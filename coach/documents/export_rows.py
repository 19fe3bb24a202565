"""One exported row: its values, and the CSV and JSON text of many rows at once.

coach/documents/export.py picks the file and runs the command; this makes the text. An export
of years of nights reads the database's rows as they are and turns each into the
export's values directly, without an EpisodeRecord in between; a row that is not in
the shape the app writes goes the long way, through records.from_row, so the values
(and which rows are left out) are exactly those of the history's own reader.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any

from coach.content.model import SIDES
from coach.store.records import (
    OUTCOMES,
    EpisodeRecord,
    causes_of,
    from_row,
    ids_of,
    leg_of,
    minutes_of,
)

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
    "leg",
    "outcome_name",
)
"""`outcome` is the stored id ("left"); `outcome_name` reads well in a spreadsheet or
to a doctor ("Left early", never "left", which reads like the left leg)."""
SELECT = ", ".join(FIELDS[:-1])
"""The columns export_values() takes, in this order."""
_TEXT = (str, type(None))
_causes = lru_cache(maxsize=1024)(causes_of)
_ids = lru_cache(maxsize=1024)(ids_of)
"""The list columns repeat a few texts (a hundred thousand rows, a dozen distinct
causes lists): each is read once. Every column value SQLite gives is hashable, and
what comes back is a tuple, which nothing can change under another row."""


def _time(moment: datetime | None) -> str | None:
    # Keep the offset: without it, a 02:00 cramp can turn into 01:00 in someone else's tool.
    return moment.isoformat(timespec="seconds") if moment else None


def record_values(record: EpisodeRecord) -> tuple[Any, ...]:
    """The values of FIELDS for one record (tuples for causes and relief tried)."""
    return (
        record.id,
        record.kind,
        _time(record.started_at),
        record.side,
        record.position,
        record.planned_seconds,
        record.actual_seconds,
        record.holds,
        record.outcome,
        tuple(record.causes),
        record.severity,
        _time(record.updated_at),
        record.eased_minutes,
        record.help_reason,
        tuple(record.relief_tried),
        record.leg,
        OUTCOMES.get(record.outcome, record.outcome) if record.outcome else None,
    )


_CANONICAL = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d").fullmatch


def _stamp(value: str) -> str | None:
    """A stored time as record_values writes it (isoformat to the second, with its
    offset), or None if it has no offset. Raises ValueError if it is not a time: the
    text is always parsed, so 30 February is caught even when it looks right. Written
    the way the app writes it, the answer is cut from the text."""
    moment = datetime.fromisoformat(value)
    if _CANONICAL(value) and value[-6:] != "-00:00":
        return value[:19] + value[-6:]
    return moment.isoformat(timespec="seconds") if moment.tzinfo is not None else None


def row_values(row: Sequence[Any]) -> tuple[Any, ...]:
    """The same values from a database row of SELECT's columns. Raises records.BadRow
    for a row the history's reader leaves out."""
    (ident, kind, started, side, position, planned, actual, holds, outcome) = row[:9]
    causes, severity, updated, eased, reason, relief, leg = row[9:16]
    try:
        # The checks of migrations.ROWS_SQL and records.from_row: one set for all.
        shaped = (
            type(ident) is int
            and type(kind) is str
            and type(planned) is int
            and type(actual) is int
            and type(holds) is int
            and planned >= 0
            and actual >= 0
            and holds >= 0
            and (severity is None or (type(severity) is int and 0 <= severity <= 10))
            and (side is None or side in SIDES)
            and isinstance(position, _TEXT)
            and isinstance(outcome, _TEXT)
            and isinstance(reason, _TEXT)
            and type(started) is str
            and (start := _stamp(started)) is not None
            and (updated is None or (type(updated) is str and (end := _stamp(updated)) is not None))
        )
    except ValueError:
        shaped = False
    if not shaped:
        names = ("id", *FIELDS[1:-1])
        return record_values(from_row(dict(zip(names, row, strict=True))))
    return (
        ident,
        kind,
        start,
        side,
        position,
        planned,
        actual,
        holds,
        outcome,
        _causes(causes),
        severity,
        end if updated else None,
        minutes_of(eased),
        reason,
        _ids(relief),
        leg_of(leg),
        OUTCOMES.get(outcome, outcome) if outcome else None,
    )


@lru_cache(maxsize=1024)
def _json_list(values: tuple[str, ...]) -> str:
    if not values:
        return "[]"
    return "[\n      " + ",\n      ".join([encode_basestring(str(v)) for v in values]) + "\n    ]"


_OBJECT = "{" + ",".join(f'\n    "{name}": %s' for name in FIELDS) + "\n  }"


def _json_object(values: tuple[Any, ...]) -> str:
    """One row as json.dumps(indent=2) writes it inside an array (without its calls per
    token): strings, whole numbers, a float, null and lists of strings are all it holds."""
    (ident, kind, started, side, position, planned, actual, holds, outcome) = values[:9]
    causes, severity, updated, eased, reason, relief, leg, name = values[9:]
    return _OBJECT % (
        "null" if ident is None else int(ident),
        encode_basestring(kind),
        encode_basestring(started),
        "null" if side is None else encode_basestring(side),
        "null" if position is None else encode_basestring(position),
        int(planned),
        int(actual),
        int(holds),
        "null" if outcome is None else encode_basestring(outcome),
        _json_list(causes),
        "null" if severity is None else int(severity),
        "null" if updated is None else encode_basestring(updated),
        "null" if eased is None else float.__repr__(float(eased)),
        "null" if reason is None else encode_basestring(reason),
        _json_list(relief),
        "null" if leg is None else encode_basestring(leg),
        "null" if name is None else encode_basestring(name),
    )


def json_pieces(rows: Iterable[tuple[Any, ...]]) -> Iterator[str]:
    """A JSON array of objects, laid out as json.dump(indent=2) lays it out."""
    first = True
    for values in rows:
        yield ("[\n  " if first else ",\n  ") + _json_object(values)
        first = False
    yield "[]\n" if first else "\n]\n"


def csv_pieces(rows: Iterable[tuple[Any, ...]], batch: int = 2000) -> Iterator[str]:
    """A header and one line per row; lists are joined with ";", None is empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    joined = lru_cache(maxsize=1024)(";".join)
    lines = []
    for values in rows:
        line = list(values)  # None is written empty
        line[9] = joined(values[9])
        line[14] = joined(values[14])
        lines.append(line)
        if len(lines) >= batch:
            writer.writerows(lines)
            lines.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(lines)
    yield buffer.getvalue()
