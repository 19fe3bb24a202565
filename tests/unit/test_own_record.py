"""Issue #26 item 5: the own-record line before the first hold. At night it names only
positions safe at night, and an episode never stretched (a "yes" at the gate, left
before the hold) is never counted against its position."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from coach.core.diary import PastRecord, PositionTally
from coach.core.record import EpisodeRecord
from coach.core.steps import Hold
from coach.store.history import History
from coach.text.diary_text import past_line
from tests.support.flows import make

PAST = PastRecord(
    "back",
    7,
    (
        PositionTally("standing", 3, 3),
        PositionTally("sitting", 1, 2),
        PositionTally("bed", 1, 2),
    ),
)


def at(hour: int) -> datetime:
    return datetime(2026, 12, 5, hour, 0).astimezone()


def first_hold(content, hour: int, past: PastRecord) -> Hold:
    flow = make(content, past=past, now=lambda: at(hour))
    hold = flow.answer(flow.current, "no").step
    assert isinstance(hold, Hold)
    return hold


def test_at_three_in_the_morning_no_standing_tally_is_shown(content):
    hold = first_hold(content, 3, PAST)
    assert hold.past == PastRecord(
        "back", 4, (PositionTally("sitting", 1, 2), PositionTally("bed", 1, 2))
    )
    line = past_line(hold.past, content)
    assert "standing" not in line and "your last 4 cramps" in line


def test_by_day_every_position_is_shown(content):
    assert first_hold(content, 15, PAST).past == PAST


def test_at_night_too_little_left_says_nothing(content):
    only_standing = PastRecord("back", 5, (PositionTally("standing", 5, 5),))
    assert first_hold(content, 3, only_standing).past is None
    assert first_hold(content, 15, only_standing).past == only_standing


def test_the_record_arriving_late_is_fitted_to_the_night_too(content):
    flow = make(content, now=lambda: at(2))
    flow.know_past(PAST)
    hold = flow.answer(flow.current, "no").step
    assert "standing" not in {p.position for p in hold.past.positions}


def stretched(day: int, position: str, outcome: str, holds: int = 1, seconds: int = 60):
    started = datetime(2026, 11, day, 2, 0).astimezone()
    return EpisodeRecord(
        None,
        "cramp",
        started,
        side="back",
        position=position,
        outcome=outcome,
        holds=holds,
        actual_seconds=seconds,
    )


def test_never_stretched_episodes_are_not_counted_against_a_position(tmp_path: Path):
    store = History.open(tmp_path).store
    try:
        store.add(stretched(10, "standing", "gone"))
        store.add(stretched(11, "standing", "sore"))  # eased, sore after
        store.add(stretched(12, "standing", "red_flag", holds=0, seconds=0))  # yes at the gate
        store.add(stretched(13, "standing", "left", holds=0, seconds=0))  # left at the gate
        store.add(stretched(14, "standing", "left", holds=1, seconds=4))  # left during the hold
        store.add(stretched(15, "bed", "still"))
        past = store.past_record("back")
    finally:
        store.close()
    assert past == PastRecord(
        "back", 3, (PositionTally("standing", 2, 2), PositionTally("bed", 0, 1))
    )
