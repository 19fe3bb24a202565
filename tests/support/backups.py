"""A history worth backing up (#28, backup and a new computer): 12 weeks of cramps
and routines with check-ins skipped on most nights, a swollen calf one morning, red
flags, medicines, conditions and a marked date. Starts carry fractions of a second,
as the app's own clock gives them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from coach.core.diary import CheckIn
from coach.core.profile import Mark, Medicine
from coach.store import profile
from coach.store.history import History
from coach.store.records import EpisodeRecord

NOW = datetime(2026, 11, 24, 8, 0).astimezone()
"""The doctor's page's "now": its 12 weeks end with the night of 2026-11-23."""
LAST = date(2026, 11, 23)
NAMES = {"dehydration": "Not drinking enough", "cold": "Cold legs"}
"""Cause names the page shows (any, the same on both sides of a round trip)."""


def _at(night: date, hour: int, micro: int) -> datetime:
    at = datetime(night.year, night.month, night.day, hour, 7, 31, micro).astimezone()
    return at + timedelta(days=1) if hour < 12 else at


def fill_twelve_weeks(store: History) -> None:
    first = LAST - timedelta(days=83)
    legs = ("left", "right", "both", None)
    outcomes = ("gone", "sore", "somewhat", "still", "left")
    for n in range(0, 84, 3):
        night = first + timedelta(days=n)
        k = n // 3
        store.add(
            EpisodeRecord(
                None,
                "cramp",
                _at(night, (23 + n) % 24 if n % 2 else 3, 1000 * n + 17),
                side="back" if n % 4 else "front",
                position=("bed", "sitting", "standing")[k % 3],
                planned_seconds=60,
                actual_seconds=40 + n,
                holds=1 + n % 2,
                outcome=outcomes[k % 5],
                causes=("dehydration", "cold")[: k % 3],
                severity=n % 11,
                updated_at=_at(night, 4, 5),
                eased_minutes=None if n % 5 else 2.5 + n / 10,
                relief_tried=("massage", "warmth")[: (k + 1) % 3],
                leg=legs[k % 4],
            )
        )
        if n % 9 == 0:
            store.add(EpisodeRecord(None, "routine", _at(night, 21, 999_999)))
    store.add(
        EpisodeRecord(
            None,
            "cramp",
            _at(first + timedelta(days=40), 4, 250_000),
            side="back",
            outcome="red_flag",
            help_reason="clot",
            leg="left",
        )
    )
    store.add(
        EpisodeRecord(None, "cramp", _at(first + timedelta(days=70), 2, 1), outcome="red_flag")
    )
    for n in range(0, 84, 5):  # most nights have no check-in at all
        night = first + timedelta(days=n)
        answer = CheckIn(night, n % 4 or None, n % 10, (n * 3) % 11, n == 35 or None)
        store.save_checkin(answer, _at(night, 8, 123_456))
    now = NOW - timedelta(days=90)
    profile.add_medicine(store, Medicine("Amlodipine 5mg", date(2026, 6, 1)), now)
    profile.add_medicine(store, Medicine("Furosemide", None), now)
    profile.set_condition(store, "diabetes", True, now)
    profile.set_condition(store, "heart-failure", True, now)
    profile.add_mark(store, Mark(LAST - timedelta(days=30), "started the routine"))
