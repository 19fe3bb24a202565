"""What the person chooses to keep for their doctor: medicines (a name and, if known,
the date it was started) and a few conditions ticked once, and the dates they mark
("started the routine", "new medicine") for the page's before and after.

Names and dates only: the coach gives no advice about any of them, and nothing here
says who the person is (their name and date of birth are written on the printed page
by hand). Pure values and checks; the store keeps them (coach/store/profile.py).
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Literal, NamedTuple, get_args

Condition = Literal["pregnancy", "diabetes", "kidney", "liver", "thyroid", "heart-failure"]
CONDITIONS: dict[Condition, str] = {
    "pregnancy": "Pregnancy",
    "diabetes": "Diabetes",
    "kidney": "Kidney disease or dialysis",
    "liver": "Liver disease",
    "thyroid": "Thyroid disease",
    "heart-failure": "Heart failure or water tablets",
}
"""The conditions that change what a GP looks for in leg cramps (NICE CKS), with the
name the screen, plain mode and the page show. The same ids as the store's table."""
CONDITION_IDS: tuple[Condition, ...] = get_args(Condition)

NAME_LIMIT = 60
"""Longest medicine name or mark kept: one line of the page."""


class Medicine(NamedTuple):
    name: str
    started: date | None = None
    """When it was started, if the person knows; None: not given."""


class Mark(NamedTuple):
    """A date the person marked, for "before and after" on the page."""

    day: date
    label: str


def clean_name(text: str) -> str:
    """The name as kept: control characters dropped, spaces folded, at most NAME_LIMIT
    characters. Raises ValueError for an empty name."""
    kept = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    name = " ".join(kept.split())[:NAME_LIMIT].strip()
    if not name:
        raise ValueError("a name is needed")
    return name


def shown(text: str) -> str:
    """A kept name as printed to a terminal: any control character (a hand edit of the
    file, an import) written as an escape, never sent raw."""
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c).startswith("C") else c
        for c in text
    )


def parse_day(text: str) -> date:
    """A date typed as YYYY-MM-DD (ASCII digits). Raises ValueError otherwise."""
    text = text.strip()
    if not (text.isascii() and len(text) == 10 and text[4] == text[7] == "-"):
        raise ValueError(f"{text[:20]!r} is not a date like 2026-11-30")
    return date.fromisoformat(text)
