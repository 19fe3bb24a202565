"""Issue #28 "Causes at night" in the app: after the morning check-in, the cause
questions a night's cramp left for the morning, on the episode's own screen, saved on
that cramp off the UI thread; q skips all, and then they wait no more."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.widgets import Static

from coach.store.history import History
from coach.store.records import EpisodeRecord
from tests.conftest import FakeClock
from tests.support.app import coach_app
from tests.support.pilot import diary_read, on
from tests.support.stores import MORNING

NIGHT = date(2026, 11, 23)


def waiting_cramp(data: Path) -> int:
    store = History.open(data).store
    assert store is not None
    at = datetime(2026, 11, 24, 3, 10).astimezone()
    ident = store.add(
        EpisodeRecord(None, "cramp", at, side="back", outcome="gone", causes_pending=True)
    )
    store.close()
    return ident


def episode(data: Path, ident: int) -> EpisodeRecord:
    store = History.open(data).store
    assert store is not None
    record = store.get(ident)
    store.close()
    assert record is not None
    return record


async def settle(pilot) -> None:
    await diary_read(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_after_the_checkin_the_causes_left_at_night_are_asked_and_saved(
    tmp_path: Path, content
):
    data = tmp_path / "data"
    ident = waiting_cramp(data)
    app = coach_app(data_dir=data, clock=FakeClock(), hour=12)
    app.diary_now = lambda: MORNING
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await settle(pilot)
        assert app.screen.query("#checkin-line")
        await pilot.press("0")  # none besides the one recorded
        await on(pilot, "CheckinScreen", "n")  # that night had a cramp: the safety question
        await settle(pilot)
        await on(pilot, "MorningCauses")
        lead = str(app.screen.query_one("#cause-morning", Static).content)
        assert lead == "Last night you chose to answer these in the morning."
        question = str(app.screen.query_one("#cause-question", Static).content)
        assert question == content.causes[0].question
        assert not app.screen.query("#cause-night")  # no "ask me in the morning" now
        await pilot.press("y", "q")  # yes to the first, then skip the rest
        await settle(pilot)
        assert type(app.screen).__name__ == "SidePicker"
    record = episode(data, ident)
    assert record.causes == (content.causes[0].id,) and record.causes_pending is False


async def test_q_skips_all_the_morning_causes_and_they_are_not_asked_again(tmp_path: Path):
    data = tmp_path / "data"
    ident = waiting_cramp(data)
    app = coach_app(data_dir=data, clock=FakeClock(), hour=12)
    app.diary_now = lambda: MORNING
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await settle(pilot)
        await pilot.press("0")
        await on(pilot, "CheckinScreen", "n")
        await settle(pilot)
        await on(pilot, "MorningCauses", "q")
        await settle(pilot)
        assert type(app.screen).__name__ == "SidePicker"
    record = episode(data, ident)
    assert record.causes == () and record.causes_pending is False
