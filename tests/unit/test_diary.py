"""The diary (#15): when to ask the morning check-in, the flow's own-record line and
what an episode keeps, the schema migration, and the per-night counts. Seeded through
the app's own store (History.add)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.core.diary import CheckIn, NightState, PastRecord, PositionTally, checkin_due
from coach.core.steps import EasedAnswer, GetHelp, Hold, NextAnswer
from coach.store import history
from coach.store.history import History
from coach.store.records import EpisodeRecord
from coach.text.diary_text import nights_text, past_line
from tests.conftest import FakeClock
from tests.support.flows import held, make, through_hold

TZ = timezone(timedelta(hours=1))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def open_store(directory: Path) -> History:
    store = History.open(directory).store
    assert store is not None
    return store


def cramp(started: datetime, position: str = "sitting", outcome: str = "gone", **kw):
    """A cramp that was stretched (one hold of a minute) unless `holds` says otherwise."""
    kw.setdefault("holds", 1)
    kw.setdefault("actual_seconds", 60)
    return EpisodeRecord(
        None,
        "cramp",
        started,
        side=kw.pop("side", "back"),
        position=position,
        outcome=outcome,
        **kw,
    )


# --- when to ask -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "asked"),
    [(4, 59, False), (5, 0, True), (9, 30, True), (13, 59, True), (14, 0, False), (22, 0, False)],
)
def test_checkin_is_asked_only_in_the_morning(hour, minute, asked):
    now = at(24, hour, minute)
    due = checkin_due(now, NightState(answered=False, recorded_cramps=0))
    assert (due == date(2026, 11, 23)) if asked else due is None


def test_checkin_is_not_asked_twice_and_asks_for_others_after_a_recorded_night():
    """A night partly recorded is asked about ("any others besides the 1 recorded?")."""
    now = at(24, 8)
    assert checkin_due(now, NightState(answered=True, recorded_cramps=0)) is None
    assert checkin_due(now, NightState(answered=False, recorded_cramps=1)) == date(2026, 11, 23)


# --- the flow ----------------------------------------------------------------------

PAST = PastRecord("back", 4, (PositionTally("sitting", 3, 3), PositionTally("bed", 1, 1)))


def test_first_hold_carries_the_own_record_with_three_or_more(content):
    clock = FakeClock()
    flow = make(content, clock, past=PAST)
    hold = flow.answer(flow.current, "no").step
    assert isinstance(hold, Hold) and hold.past == PAST
    step = through_hold(flow, clock, "still")
    second = flow.answer(step, NextAnswer("hold")).step
    assert isinstance(second, Hold) and second.past is None  # said once, before the steps

    too_few = PAST._replace(episodes=2)
    flow = make(content, past=too_few)
    assert flow.answer(flow.current, "no").step.past is None


def test_own_record_line_counts_not_percentages(content):
    line = past_line(PAST, content)
    assert line == (
        "Your own record, your last 4 cramps (back of the calf): "
        "sitting gone 3 of 3, in bed gone 1 of 1."
    )
    assert "%" not in line


def test_episode_keeps_minutes_until_eased(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    clock.advance(90)  # the whole episode so far, question included
    flow.answer(flow.current, held(60))
    flow.answer(flow.current, EasedAnswer("gone", 4))
    assert flow.episode.eased_minutes == 1.5
    assert flow.episode.help_reason is None


@pytest.mark.parametrize("why", ["clot", "long-cramp"])
def test_episode_keeps_why_a_red_flag_ended_it(content, why):
    clock = FakeClock()
    flow = make(content, clock)
    if why == "clot":
        flow.answer(flow.current, "yes")
        step = flow.answer(flow.current, "clot").step
    else:
        flow.answer(flow.current, "no")
        step = through_hold(flow, clock, "still", seconds=11 * 60)
    assert step == GetHelp(why, 10)
    assert flow.episode.outcome == "red_flag" and flow.episode.help_reason == why
    assert flow.episode.eased_minutes is None


# --- the store ---------------------------------------------------------------------


def test_every_older_schema_is_moved_forward_with_nothing_lost(tmp_path: Path):
    """Build each older schema from the code's own history of CREATE statements, put a
    row in it the way that version wrote rows, and open it with the current code.
    Version 2, with its eased minutes, help reason and check-ins, goes to 3 (relief_tried)."""
    assert len(history.MIGRATIONS) >= 3  # so v2 is among the older ones below
    for version in range(1, len(history.MIGRATIONS)):
        folder = tmp_path / f"v{version}"
        folder.mkdir(mode=0o700)
        conn = sqlite3.connect(folder / history.DB_NAME)
        for statements in history.MIGRATIONS[:version]:
            for statement in statements:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute(
            "INSERT INTO episodes (kind, started_at, started_epoch, side, position,"
            " planned_seconds, actual_seconds, holds, outcome, causes, severity)"
            " VALUES ('cramp', ?, ?, 'back', 'bed', 60, 75, 2, 'left', '[\"cold\"]', 7)",
            (at(20, 2).isoformat(), at(20, 2).timestamp()),
        )
        if version >= 2:  # what version 2 added is written the way it wrote it
            conn.execute("UPDATE episodes SET eased_minutes = 3.5, help_reason = 'not-eased'")
            conn.execute(
                "INSERT INTO checkins (night, answered_at, cramps, worst, sleep)"
                " VALUES ('2026-11-19', ?, 1, 5, 3)",
                (at(20, 8).isoformat(),),
            )
        conn.commit()
        conn.close()
        (folder / history.DB_NAME).chmod(0o600)
        store = open_store(folder)
        (record,) = store.list()
        assert (record.side, record.position, record.actual_seconds, record.holds) == (
            "back",
            "bed",
            75,
            2,
        )
        assert (record.outcome, record.causes, record.severity) == ("left", ("cold",), 7)
        if version >= 2:
            assert (record.eased_minutes, record.help_reason) == (3.5, "not-eased")
            assert list(store.checkins(date(2026, 11, 1))) == [CheckIn(date(2026, 11, 19), 1, 5, 3)]
        else:
            assert record.eased_minutes is None and record.help_reason is None
        assert record.relief_tried == ()  # none recorded before version 3
        assert record.leg is None  # "not recorded" before version 5
        version_now = store._conn.execute("PRAGMA user_version").fetchone()[0]
        assert version_now == len(history.MIGRATIONS)
        store.save_checkin(CheckIn(date(2026, 11, 20), 2, 6, 4), at(21, 8))
        # The upgraded file takes the newest fields, and gives them back.
        record = record._replace(relief_tried=("massage", "warmth"))
        store.update(record)
        assert store.get(record.id).relief_tried == ("massage", "warmth")
        store.close()


def test_new_fields_round_trip(tmp_path: Path):
    store = open_store(tmp_path)
    row = store.add(cramp(at(20, 2), outcome="red_flag", help_reason="clot", eased_minutes=None))
    row2 = store.add(cramp(at(21, 2), eased_minutes=2.25))
    assert store.get(row).help_reason == "clot"
    assert store.get(row2).eased_minutes == 2.25
    row3 = store.add(cramp(at(22, 2), relief_tried=("warmth",)))
    assert store.get(row3).relief_tried == ("warmth",)
    assert store.get(row2).relief_tried == ()
    with pytest.raises(ValueError):
        store.add(cramp(at(21, 2), help_reason="left"))


def test_past_record_counts_the_latest_of_one_side(tmp_path: Path):
    store = open_store(tmp_path)
    for day in (10, 11, 12):
        store.add(cramp(at(day, 2), "sitting"))
    store.add(cramp(at(13, 2), "bed", "somewhat"))
    store.add(cramp(at(14, 2), "standing", side="front"))
    store.add(cramp(at(15, 2), "bed", None))  # still running: not counted
    past = store.past_record("back")
    assert past == PastRecord(
        "back", 4, (PositionTally("sitting", 3, 3), PositionTally("bed", 0, 1))
    )
    assert past.worth_showing()
    assert store.past_record("back", limit=2).episodes == 2


def test_cramps_per_night_count_checkins_and_recorded_episodes(tmp_path: Path):
    store = open_store(tmp_path)
    store.save_checkin(CheckIn(date(2026, 11, 20), 0), at(21, 8))
    store.save_checkin(CheckIn(date(2026, 11, 21), 2, 7, 5), at(22, 8))
    store.save_checkin(CheckIn(date(2026, 11, 22), None), at(23, 8))  # skipped
    store.add(cramp(at(24, 2)))  # night of the 23rd, recorded as it happened
    store.add(cramp(at(24, 23)))  # night of the 24th
    store.add(EpisodeRecord(None, "routine", at(21, 22)))
    nights = store.cramps_per_night(date(2026, 11, 1), date(2026, 11, 24))
    assert nights == {
        date(2026, 11, 20): 0,
        date(2026, 11, 21): 2,
        date(2026, 11, 23): 1,
        date(2026, 11, 24): 1,
    }
    assert store.night_state(date(2026, 11, 23)) == NightState(False, 1)
    assert store.night_state(date(2026, 11, 22)) == NightState(True, 0)
    routine = store.routine_nights(date(2026, 11, 1))
    assert routine == {date(2026, 11, 21)}
    text = nights_text(nights, routine, date(2026, 11, 24))
    assert "with routine: 2.0 cramps a night (2 cramps in 1 nights)" in text
    assert "without: 0.7 cramps a night (2 cramps in 3 nights)" in text
    assert "not a trial" in text
    assert "1 of 14 nights" in text


def test_plain_mode_offers_the_checkin_in_the_morning_last_in_the_list(content, tmp_path):
    from tests.support.plain_coach import coach_for

    store = open_store(tmp_path)
    store.add(cramp(at(20, 2)))
    store.close()
    coach, out = coach_for(content, tmp_path, "c\ny\n2\n6\n\nn\nq\n")
    coach.diary_now = lambda: at(24, 8)
    assert coach.run() == 0
    text = out.getvalue()
    assert "5. (c) Any cramps last night?" in text
    assert "Saved for the night of 2026-11-23." in text
    store = open_store(tmp_path)
    assert list(store.checkins(date(2026, 1, 1))) == [
        CheckIn(date(2026, 11, 23), 2, 6, None, False)
    ]
    store.close()

    coach, out = coach_for(content, tmp_path, "q\n")
    coach.diary_now = lambda: at(24, 9)
    coach.run()
    assert "Any cramps last night?" not in out.getvalue()  # answered: not asked again
