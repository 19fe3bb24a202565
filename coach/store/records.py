"""How an episode record (coach.core.record) goes to and from a table row.

Writes are checked strictly here (a bad
record is a bug, refused before it reaches the file); reads are checked field by field,
because a row may come from a hand edit, a bug or another program, and one such row must
not break `export` or the history screen.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from coach.content.model import SIDES
from coach.core.record import (
    HELP_REASONS,
    KINDS,
    LEGS,
    OUTCOMES,
    POSITIONS,
    RELIEF_NAMES,
    EpisodeRecord,
)

__all__ = [
    "HELP_REASONS",
    "KINDS",
    "LEGS",
    "OUTCOMES",
    "POSITIONS",
    "RELIEF_NAMES",
    "BadRow",
    "EpisodeRecord",
    "causes_of",
    "check",
    "from_row",
    "ids_of",
    "minutes_of",
    "pending_of",
    "row_values",
]


def check(record: EpisodeRecord) -> None:
    # Reject bad writes early; reads stay lenient so a newer app's rows never break an older one.
    if record.kind not in KINDS:
        raise ValueError(f"unknown episode kind {record.kind!r}")
    if record.outcome is not None and record.outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {record.outcome!r}")
    if record.severity is not None and not 0 <= record.severity <= 10:
        raise ValueError("severity must be between 0 and 10")
    if record.help_reason is not None and record.help_reason not in HELP_REASONS:
        raise ValueError(f"unknown help reason {record.help_reason!r}")
    if record.leg is not None and record.leg not in LEGS:
        raise ValueError(f"unknown leg {record.leg!r}")
    if record.side is not None and record.side not in SIDES:
        raise ValueError(f"unknown side {record.side!r}")
    if min(record.planned_seconds, record.actual_seconds, record.holds) < 0:
        raise ValueError("seconds and holds cannot be negative")
    if record.started_at.tzinfo is None:
        raise ValueError("started_at must be timezone-aware")


def row_values(record: EpisodeRecord) -> tuple[object, ...]:
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
        None if record.eased_minutes is None else round(float(record.eased_minutes), 2),
        record.help_reason,
        json.dumps(list(record.relief_tried)),
        record.leg,
        int(bool(record.causes_pending)),
    )


class BadRow(ValueError):
    """A row this version cannot make sense of (a hand edit, a bug, another program)."""


def _text(value: object, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise BadRow(f"{name} is not text")


def _whole(value: object, name: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise BadRow(f"{name} is not a whole number")


def _moment(value: object, name: str) -> datetime:
    if not isinstance(value, str):
        raise BadRow(f"{name} is not a time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadRow(f"{name} {value[:40]!r} is not a time") from None
    # A time without an offset is read as local time rather than dropped: it is still the
    # person's cramp, and aware and naive times cannot be compared in the charts.
    return moment if moment.tzinfo is not None else moment.astimezone()


def from_row(row: Mapping[str, object]) -> EpisodeRecord:
    """Raises BadRow for a row that cannot be shown; the readers skip it and say so."""
    causes = causes_of(row["causes"])
    try:
        updated = _moment(row["updated_at"], "updated_at") if row["updated_at"] else None
    except BadRow:
        updated = None  # only says when it was last saved: not worth losing the row over
    severity = row["severity"]
    kind = _text(row["kind"], "kind")
    if kind is None:
        raise BadRow("kind is missing")
    # The same checks as migrations.ROWS_SQL (#29 item 13): a row the history leaves
    # out is left out of the export and the doctor's page too.
    if severity is not None and (type(severity) is not int or not 0 <= severity <= 10):
        raise BadRow("severity is not 0-10")
    side = _text(row["side"], "side")
    if side is not None and side not in SIDES:
        raise BadRow(f"side {side[:20]!r} is unknown")
    return EpisodeRecord(
        id=_whole(row["id"], "id"),
        kind=kind,
        started_at=_moment(row["started_at"], "started_at"),
        side=side,
        position=_text(row["position"], "position"),
        planned_seconds=_count(row["planned_seconds"], "planned_seconds"),
        actual_seconds=_count(row["actual_seconds"], "actual_seconds"),
        holds=_count(row["holds"], "holds"),
        outcome=_text(row["outcome"], "outcome"),
        causes=causes,
        severity=None if severity is None else _whole(severity, "severity"),
        updated_at=updated,
        eased_minutes=_minutes(row, "eased_minutes"),
        help_reason=_text(_get(row, "help_reason"), "help_reason"),
        relief_tried=ids_of(_get(row, "relief_tried")),
        leg=leg_of(_get(row, "leg")),
        causes_pending=pending_of(_get(row, "causes_pending")),
    )


def pending_of(value: object) -> bool:
    """Whether the cause questions wait for the morning: only 1 (or true) says so; an
    older row, an export without it, or anything else reads "not pending"."""
    return value is True or (type(value) is int and value == 1)


def leg_of(value: object) -> str | None:
    """Which leg, or None ("not recorded": an older row, a skip, or a word not known):
    a leg is a detail, never a reason to lose the cramp."""
    return value if isinstance(value, str) and value in LEGS else None


def _count(value: object, name: str) -> int:
    number = _whole(value, name)
    if number < 0:
        raise BadRow(f"{name} is negative")
    return number


def _get(row: Mapping[str, object], name: str) -> object:
    """None for a column an older schema (or a hand-made row) does not have."""
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


def _plain_list(value: object) -> list[str] | None:
    """A JSON list of plain strings as the app writes it ('["a", "b"]', nothing escaped)
    read without the JSON parser (an export reads 100,000 of them); else None."""
    if type(value) is str and value[:2] == '["' and value[-2:] == '"]' and "\\" not in value:
        return value[2:-2].split('", "')
    return None


def causes_of(value: object) -> tuple[str, ...]:
    """The causes column: a JSON list of ids; anything that cannot be read is none."""
    if value == "[]":
        return ()
    plain = _plain_list(value)
    if plain is not None:
        return tuple(plain)
    try:
        return tuple(str(c) for c in json.loads(value))  # type: ignore[arg-type]
    except (TypeError, ValueError, RecursionError):
        return ()


def ids_of(value: object) -> tuple[str, ...]:
    """A JSON list of ids; anything else (NULL in an older row, a hand edit) is none."""
    if value is None or value == "[]":
        return ()
    plain = _plain_list(value)
    if plain is not None:
        return tuple(plain)
    try:
        ids = json.loads(value) if isinstance(value, str) else []
    except (ValueError, RecursionError):
        return ()
    return tuple(str(i) for i in ids) if isinstance(ids, list) else ()


def _minutes(row: Mapping[str, object], name: str) -> float | None:
    return minutes_of(_get(row, name))


def minutes_of(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    return None  # a nonsense duration is dropped, not the whole row
