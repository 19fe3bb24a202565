"""The person's medicines, conditions and marked dates, in the history database (the
same private file, exported and imported with the episodes).

Functions over an open History: they use its connection and its lock (`_guard`),
as its own reads do. Adding what is already there adds nothing, so an import run
twice changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from coach.core.profile import CONDITION_IDS, Mark, Medicine, clean_name

if TYPE_CHECKING:
    from coach.store.history import History


def medicines(store: History) -> list[Medicine]:
    """Oldest start first; those without a date last, by name."""
    with store._guard("read the medicines") as conn:
        rows = conn.execute(
            "SELECT name, started FROM medicines ORDER BY started = '', started, name"
        ).fetchall()
    out = []
    for name, started in rows:
        try:
            out.append(Medicine(str(name), date.fromisoformat(started) if started else None))
        except (TypeError, ValueError):
            continue  # a hand edit: left out
    return out


def add_medicine(store: History, medicine: Medicine, now: datetime) -> bool:
    """False when the same name and date were kept already."""
    name = clean_name(medicine.name)
    started = medicine.started.isoformat() if medicine.started else ""
    with store._guard("save the medicine") as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO medicines (name, started, added_at) VALUES (?,?,?)",
            (name, started, now.isoformat()),
        )
    return bool(cur.rowcount)


def remove_medicine(store: History, name: str) -> int:
    """Remove every entry of this name (any start date; case ignored); how many."""
    with store._guard("remove the medicine") as conn:
        cur = conn.execute("DELETE FROM medicines WHERE lower(name) = lower(?)", (name.strip(),))
    return cur.rowcount


def conditions(store: History) -> list[str]:
    """The conditions ticked, in the order CONDITIONS lists them."""
    with store._guard("read the conditions") as conn:
        kept = {row[0] for row in conn.execute("SELECT condition FROM conditions")}
    return [c for c in CONDITION_IDS if c in kept]


def set_condition(store: History, condition: str, on: bool, now: datetime) -> bool:
    """Tick or untick one; False if it already was so."""
    if condition not in CONDITION_IDS:
        raise ValueError(f"unknown condition {condition!r}")
    with store._guard("save the condition") as conn:
        if on:
            cur = conn.execute(
                "INSERT OR IGNORE INTO conditions (condition, added_at) VALUES (?,?)",
                (condition, now.isoformat()),
            )
        else:
            cur = conn.execute("DELETE FROM conditions WHERE condition = ?", (condition,))
    return bool(cur.rowcount)


def marks(store: History) -> list[Mark]:
    with store._guard("read the marked dates") as conn:
        rows = conn.execute("SELECT day, label FROM marks ORDER BY day, label").fetchall()
    out = []
    for day, label in rows:
        try:
            out.append(Mark(date.fromisoformat(day), str(label)))
        except (TypeError, ValueError):
            continue
    return out


def add_mark(store: History, mark: Mark) -> bool:
    label = clean_name(mark.label)
    with store._guard("save the marked date") as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO marks (day, label) VALUES (?,?)", (mark.day.isoformat(), label)
        )
    return bool(cur.rowcount)
