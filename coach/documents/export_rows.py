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
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any

from coach.content.model import SIDES
from coach.core.diary import CheckIn
from coach.core.diary import check as check_answer
from coach.core.profile import CONDITION_IDS, Mark, Medicine, clean_name, parse_day
from coach.store.backup import KeptCheckIn, KeptCondition, KeptMedicine
from coach.store.records import (
    OUTCOMES,
    BadRow,
    EpisodeRecord,
    causes_of,
    check,
    from_row,
    ids_of,
    leg_of,
    minutes_of,
    pending_of,
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
    "causes_pending",
    "outcome_name",
)
"""`outcome` is the stored id ("left"); `outcome_name` reads well in a spreadsheet or
to a doctor ("Left early", never "left", which reads like the left leg).
`causes_pending`: the cause questions were left for the morning and not yet asked
(true/false; an export from before it reads false)."""
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
        bool(record.causes_pending),
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
    causes, severity, updated, eased, reason, relief, leg, pending = row[9:17]
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
        pending_of(pending),
        OUTCOMES.get(outcome, outcome) if outcome else None,
    )


@lru_cache(maxsize=1024)
def _json_list(values: tuple[str, ...], pad: str = "") -> str:
    if not values:
        return "[]"
    inner = ",\n      " + pad
    return (
        f"[\n      {pad}"
        + inner.join([encode_basestring(str(v)) for v in values])
        + f"\n{pad}    ]"
    )


def _object(pad: str) -> str:
    return "{" + ",".join(f'\n{pad}    "{name}": %s' for name in FIELDS) + f"\n{pad}  }}"


_OBJECT = _object("")


def _json_object(values: tuple[Any, ...], layout: str = _OBJECT, pad: str = "") -> str:
    """One row as json.dumps(indent=2) writes it inside an array (without its calls per
    token): strings, whole numbers, a float, null and lists of strings are all it holds."""
    (ident, kind, started, side, position, planned, actual, holds, outcome) = values[:9]
    causes, severity, updated, eased, reason, relief, leg, pending, name = values[9:]
    return layout % (
        "null" if ident is None else int(ident),
        encode_basestring(kind),
        encode_basestring(started),
        "null" if side is None else encode_basestring(side),
        "null" if position is None else encode_basestring(position),
        int(planned),
        int(actual),
        int(holds),
        "null" if outcome is None else encode_basestring(outcome),
        _json_list(causes, pad) if pad else _json_list(causes),
        "null" if severity is None else int(severity),
        "null" if updated is None else encode_basestring(updated),
        "null" if eased is None else float.__repr__(float(eased)),
        "null" if reason is None else encode_basestring(reason),
        _json_list(relief, pad) if pad else _json_list(relief),
        "null" if leg is None else encode_basestring(leg),
        "true" if pending else "false",
        "null" if name is None else encode_basestring(name),
    )


def json_pieces(rows: Iterable[tuple[Any, ...]], pad: str = "") -> Iterator[str]:
    """A JSON array of objects, laid out as json.dump(indent=2) lays it out; `pad`: the
    indent of the array itself (inside the export's object), its last line unended."""
    layout = _object(pad) if pad else _OBJECT
    first = True
    for values in rows:
        yield ("[\n  " if first else ",\n  ") + pad + _json_object(values, layout, pad)
        first = False
    if pad:
        yield "[]" if first else f"\n{pad}]"
    else:
        yield "[]\n" if first else "\n]\n"


def document_pieces(
    rows: Iterable[tuple[Any, ...]], sections: Mapping[str, list[dict[str, object]]]
) -> Iterator[str]:
    """The JSON export (#28): one object, its "episodes" the array json_pieces writes
    (each episode as before), then each of SECTIONS; laid out as json.dump(indent=2,
    ensure_ascii=False) lays out the whole."""
    yield f'{{\n  "format": "{FORMAT_NAME}",\n  "version": 1,\n  "episodes": '
    yield from json_pieces(rows, "  ")
    for name in SECTIONS:
        text = json.dumps(sections.get(name, []), indent=2, ensure_ascii=False)
        yield f',\n  "{name}": ' + text.replace("\n", "\n  ")
    yield "\n}\n"


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


# What a JSON export holds besides the episodes (#28, backup and a new computer), each
# row read by the same checks on the way out (export) and on the way in (import): a
# row one refuses, the other refuses too.
FORMAT_NAME = "calf-coach export"
"""The JSON export's "format" value: how an import knows the file for what it is."""
SECTIONS = ("checkins", "medicines", "conditions", "marks")
"""The JSON export's keys after "episodes", in the order written."""


def _day_of(value: object, name: str) -> date:
    if type(value) is not str:
        raise BadRow(f"{name} is not a date")
    try:
        return parse_day(value)
    except ValueError:
        raise BadRow(f"{name} {value[:20]!r} is not a date") from None


def _answer_count(value: object, name: str) -> int | None:
    if value is None or (type(value) is int and value >= 0):
        return value
    raise BadRow(f"{name} is not a whole number")


def checkin_of(row: Mapping[str, object]) -> KeptCheckIn:
    """A check-in from a row (the table's or the file's): night, answered_at, cramps,
    worst, sleep and swollen (true/false, 1/0 or null). Raises BadRow, with the store's
    own checks (coach.core.diary.check)."""
    night = _day_of(row.get("night"), "night")
    stamp = row.get("answered_at")
    try:
        answered = datetime.fromisoformat(stamp) if type(stamp) is str else None
    except ValueError:
        answered = None
    if answered is None:
        raise BadRow("answered_at is not a time")
    swollen = row.get("swollen")
    if swollen not in (None, True, False) or (swollen is not None and type(swollen) is float):
        raise BadRow("swollen is not yes, no or empty")
    answer = CheckIn(
        night,
        _answer_count(row.get("cramps"), "cramps"),
        _answer_count(row.get("worst"), "worst"),
        _answer_count(row.get("sleep"), "sleep"),
        None if swollen is None else bool(swollen),
    )
    try:
        check_answer(answer)
    except ValueError as error:
        raise BadRow(str(error)) from None
    return KeptCheckIn(answer, answered)


def checkin_json(kept: KeptCheckIn) -> dict[str, object]:
    answer, answered = kept
    return {
        "night": answer.night.isoformat(),
        "answered_at": answered.isoformat(),
        "cramps": answer.cramps,
        "worst": answer.worst,
        "sleep": answer.sleep,
        "swollen": answer.swollen,
    }


def _kept_name(value: object, name: str) -> str:
    """A kept name as the store keeps it (clean_name: control characters dropped)."""
    if type(value) is not str:
        raise BadRow(f"{name} is not text")
    try:
        return clean_name(value)
    except ValueError:
        raise BadRow(f"{name} is empty") from None


def _added(value: object) -> str:
    if value is None:
        return ""
    if type(value) is not str or any(unicodedata.category(c).startswith("C") for c in value):
        raise BadRow("added_at is not a time")
    return value


def medicine_of(row: Mapping[str, object]) -> KeptMedicine:
    """A medicine: name, started (YYYY-MM-DD, or "" / null when not given), added_at."""
    started = row.get("started")
    day = None if started in (None, "") else _day_of(started, "started")
    return KeptMedicine(
        Medicine(_kept_name(row.get("name"), "name"), day), _added(row.get("added_at"))
    )


def medicine_json(kept: KeptMedicine) -> dict[str, object]:
    (name, started), added = kept
    return {"name": name, "started": started.isoformat() if started else None, "added_at": added}


def condition_of(row: Mapping[str, object]) -> KeptCondition:
    condition = row.get("condition")
    if condition not in CONDITION_IDS:
        raise BadRow("condition is unknown")
    return KeptCondition(str(condition), _added(row.get("added_at")))


def condition_json(kept: KeptCondition) -> dict[str, object]:
    return {"condition": kept.condition, "added_at": kept.added_at}


def mark_of(row: Mapping[str, object]) -> Mark:
    return Mark(_day_of(row.get("day"), "day"), _kept_name(row.get("label"), "label"))


def mark_json(mark: Mark) -> dict[str, object]:
    return {"day": mark.day.isoformat(), "label": mark.label}


def _no_controls(value: object, name: str) -> None:
    texts = value if isinstance(value, (list, tuple)) else (value,)
    for text in texts:
        if isinstance(text, str) and any(unicodedata.category(c).startswith("C") for c in text):
            raise BadRow(f"{name} has a control character")


def episode_of(row: Mapping[str, object]) -> EpisodeRecord:
    """An episode from one exported object (JSON) or line (CSV, `from_csv` first), with
    the store's checks: records.from_row reads it as the history reads a row (the
    checks of migrations.ROWS_SQL), records.check refuses what the store would never
    write. Its id is the importing history's to give. Raises BadRow."""
    fields = {name: row.get(name) for name in FIELDS[:-1]}
    for name in ("causes", "relief_tried"):
        ids = fields[name]
        if ids is None:
            ids = []
        if not (isinstance(ids, list) and all(type(i) is str for i in ids)):
            raise BadRow(f"{name} is not a list of names")
        _no_controls(ids, name)
        fields[name] = json.dumps(ids)
    _no_controls(fields["position"], "position")
    fields["id"] = 0
    record = from_row(fields)
    try:
        check(record)
    except ValueError as error:
        raise BadRow(str(error)) from None
    return record._replace(id=None)


_WHOLE = ("planned_seconds", "actual_seconds", "holds", "severity")


def from_csv(line: Mapping[str, str | None]) -> dict[str, object]:
    """One CSV line's texts as the JSON export's values: empty is null, lists are
    joined with ";", whole numbers and minutes read back; anything else is left as text
    for episode_of to refuse."""
    out: dict[str, object] = {}
    for name, text in line.items():
        if name is None or text is None:
            continue
        value: object = None if text == "" else text
        if value is not None and name in _WHOLE and text.isascii() and text.lstrip("-").isdigit():
            value = int(text)
        elif value is not None and name == "eased_minutes":
            try:
                value = float(text)
            except ValueError:
                value = None  # minutes_of drops a nonsense duration too
        elif name in ("causes", "relief_tried"):
            value = text.split(";") if text else []
        elif name == "causes_pending":
            value = text in ("True", "true", "1")  # as csv writes a bool; empty is false
        out[name] = value
    return out
