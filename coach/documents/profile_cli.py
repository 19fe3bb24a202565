"""`calf-coach meds` and `calf-coach mark`: the medicines, conditions and marked dates
the doctor's page lists, kept and changed from the command line (plain mode's way to
edit them; the full-screen app has screens/profile.py).

    calf-coach meds                         list medicines and conditions
    calf-coach meds add NAME [--date D]     keep a medicine (D: the date it was started)
    calf-coach meds remove NAME             forget a medicine
    calf-coach meds conditions [add|remove ID ...]
    calf-coach mark "started the routine" [--date D]   mark a date (default today)

Every line printed goes to stdout; problems to stderr with exit 2 (what was typed)
or 1 (the history could not be opened).
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from coach.core.i18n import t
from coach.core.profile import CONDITION_IDS, CONDITIONS, Mark, Medicine, parse_day, shown
from coach.store.history import History, HistoryError
from coach.store.profile import (
    add_mark,
    add_medicine,
    conditions,
    marks,
    medicines,
    remove_medicine,
    set_condition,
)


def _open(directory: Path) -> History | None:
    opened = History.open(directory)
    if opened.warning:
        print(opened.warning, file=sys.stderr)
    return opened.store


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError:
        raise _Usage(t("Give the date as YYYY-MM-DD, for example 2026-11-30.")) from None


class _Usage(Exception):
    pass


def list_lines(store: History) -> list[str]:
    meds = medicines(store)
    kept = conditions(store)
    lines = [t("Medicines:")]
    lines += [
        "  "
        + (
            t("{name}, since {day}", name=shown(m.name), day=m.started.isoformat())
            if m.started
            else t("{name}, start date not given", name=shown(m.name))
        )
        for m in meds
    ] or ["  " + t("none listed")]
    lines.append(t("Conditions (x: ticked):"))
    lines += [f"  [{'x' if c in kept else ' '}] {c:<14} {t(CONDITIONS[c])}" for c in CONDITION_IDS]
    return lines


def run_meds(words: list[str], when: str | None, directory: Path) -> int:
    store = _open(directory)
    if store is None:
        return 1
    now = datetime.now().astimezone()
    try:
        action, rest = (words[0], words[1:]) if words else ("list", [])
        if action == "add" and rest:
            medicine = Medicine(" ".join(rest), _day(when))
            try:
                added = add_medicine(store, medicine, now)
            except ValueError:
                raise _Usage(t("Give the medicine's name.")) from None
            print(t("Kept.") if added else t("That one was kept already."))
        elif action == "remove" and rest:
            gone = remove_medicine(store, " ".join(rest))
            print(t("Removed.") if gone else t("No medicine of that name is kept."))
        elif action == "conditions":
            change, ids = (rest[0], rest[1:]) if rest else ("list", [])
            if change not in ("add", "remove", "list") or (change != "list" and not ids):
                raise _Usage(t("Use: calf-coach meds conditions add|remove ID ..."))
            unknown = [c for c in ids if c not in CONDITION_IDS]
            if unknown:
                raise _Usage(
                    t(
                        "Unknown condition {name}; known: {known}.",
                        name=shown(unknown[0]),
                        known=", ".join(CONDITION_IDS),
                    )
                )
            for c in ids:
                set_condition(store, c, change == "add", now)
        elif action != "list":
            raise _Usage(t("Use: calf-coach meds [add NAME [--date D] | remove NAME | conditions]"))
        for line in list_lines(store):
            print(line)
        return 0
    except _Usage as usage:
        print(f"calf-coach: {usage}", file=sys.stderr)
        return 2
    except HistoryError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        store.close()


def run_mark(words: list[str], when: str | None, directory: Path) -> int:
    """Mark a date for the page's before and after; with no words, list the marks."""
    store = _open(directory)
    if store is None:
        return 1
    try:
        if words:
            day = _day(when) or datetime.now().astimezone().date()
            try:
                add_mark(store, Mark(day, " ".join(words)))
            except ValueError:
                raise _Usage(t('Say what the date marks, e.g. "started the routine".')) from None
        for mark in marks(store):
            print(f"{mark.day.isoformat()}  {shown(mark.label)}")
        return 0
    except _Usage as usage:
        print(f"calf-coach: {usage}", file=sys.stderr)
        return 2
    except HistoryError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        store.close()
