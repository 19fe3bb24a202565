"""The diary in the full-screen app (#15): the morning check-in line on the first screen,
the own-record line on the hold, and the history screen's nights, report key, skipped
rows and arrow keys. Data is seeded through the app's own store (History.add)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.core.diary import CheckIn
from coach.store.history import EpisodeRecord, History
from screens.history import HistoryScreen
from screens.widgets.tab_strip import TabStrip
from tests.conftest import FakeClock
from tests.support.app import coach_app
from tests.support.pilot import diary_read as wait_diary
from tests.support.pilot import footer_keys, on
from tests.support.stores import MORNING, HistoryApp, make_store, seeded, settled


def app_at(data: Path, now: datetime = MORNING, **options):
    app = coach_app(data_dir=data, clock=FakeClock(), hour=12, **options)
    app.diary_now = lambda: now
    return app


async def diary_read(pilot) -> None:
    await wait_diary(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def checkins(data: Path) -> list[CheckIn]:
    store = History.open(data).store
    found = list(store.checkins(date(2000, 1, 1)))
    store.close()
    return found


async def test_morning_checkin_none_is_one_key_and_is_asked_once(tmp_path: Path):
    data = seeded(tmp_path / "data")
    app = app_at(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        line = app.screen.query_one("#checkin-line")
        assert line.display and "Any cramps last night?" in text(app, "#checkin-line")
        await pilot.press("0")
        await diary_read(pilot)
        assert not line.display
    assert checkins(data) == [CheckIn(date(2026, 11, 23), 0)]
    app = app_at(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        assert not app.screen.query("#checkin-line")  # not asked, or answered: gone
        await pilot.press("y")  # not asked: the key does nothing
        await pilot.pause()
        assert type(app.screen).__name__ == "SidePicker"


async def test_checkin_none_after_a_recorded_night_keeps_the_recorded_cramp(tmp_path: Path):
    """A cramp the coach recorded at 03:00: the line asks for others besides it, and "0"
    keeps that one (not 0 cramps) and still asks the morning safety question."""
    data = seeded(tmp_path / "data")
    store = History.open(data).store
    night_cramp = MORNING.replace(hour=3)
    store.add(EpisodeRecord(None, "cramp", night_cramp, side="back", outcome="gone", holds=1))
    store.close()
    app = app_at(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        assert "besides the 1 recorded?" in text(app, "#checkin-line")
        await pilot.press("0")
        await on(pilot, "CheckinScreen")
        assert "swollen, warm or painful this morning" in text(app, "#checkin-question")
        await pilot.press("n")
        await diary_read(pilot)
        assert type(app.screen).__name__ == "SidePicker"
    assert checkins(data) == [CheckIn(date(2026, 11, 23), 1, None, None, False)]


async def test_morning_checkin_yes_asks_how_many_worst_and_sleep(tmp_path: Path):
    data = seeded(tmp_path / "data")
    app = app_at(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        await pilot.press("y")
        await on(pilot, "CheckinScreen", "2")
        assert "2/4" in text(app, "#checkin-question")
        assert "0 none to 10 worst" in text(app, "#checkin-question")
        await pilot.press("6", "enter")
        assert "swollen, warm or painful this morning" in text(app, "#checkin-question")
        await pilot.press("n")
        await diary_read(pilot)
        assert type(app.screen).__name__ == "SidePicker"
    assert checkins(data) == [CheckIn(date(2026, 11, 23), 2, 6, None, False)]


async def test_morning_checkin_answers_back_after_a_bad_night(tmp_path: Path):
    """#28: "5 cramps, sleep 9" says to see a GP; "yes, one calf is still swollen"
    gives the clot flag with the number; Enter closes and the answer is kept."""
    data = seeded(tmp_path / "data")
    app = app_at(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        await pilot.press("y")
        await on(pilot, "CheckinScreen", "5", "8", "9", "y")
        await pilot.pause()
        shown = text(app, "#checkin-question")
        assert "Worth seeing a GP about these cramps" in shown and "calf-coach report" in shown
        assert app.region.emergency in shown and "Get help today" in shown  # the clot flag
        assert "Close" in footer_keys(app) and "Skip" not in footer_keys(app)
        assert type(app.screen).__name__ == "CheckinScreen"
        await pilot.press("enter")
        await diary_read(pilot)
        assert type(app.screen).__name__ == "SidePicker"
    assert checkins(data) == [CheckIn(date(2026, 11, 23), 5, 8, 9, True)]


async def test_no_checkin_in_the_afternoon_nor_without_a_history(tmp_path: Path):
    data = seeded(tmp_path / "data")
    app = app_at(data, MORNING.replace(hour=15))
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        assert not app.screen.query("#checkin-line")  # not asked, or answered: gone
    empty = tmp_path / "empty"
    app = app_at(empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        assert not app.screen.query("#checkin-line")  # not asked, or answered: gone
    assert not (empty / "history.db").exists()  # reading never creates the history


async def test_fourth_cramp_shows_the_own_record_on_the_hold(tmp_path: Path):
    data = seeded(tmp_path / "data")
    app = app_at(data, MORNING.replace(hour=20))
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        await pilot.press("b")
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen")
        assert text(app, "#hold-past") == (
            "Your own record, your last 4 cramps (back of the calf): "
            "sitting gone 3 of 3, in bed gone 1 of 1."
        )


async def test_two_past_cramps_say_nothing_on_the_hold(tmp_path: Path):
    data = seeded(tmp_path / "data", sittings=1, beds=1)
    app = app_at(data, MORNING.replace(hour=20))
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        await pilot.press("b")
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen")
        assert not app.screen.query("#hold-past")


async def test_history_nights_tab_and_arrows_scroll_without_tab(tmp_path: Path):
    store = make_store(tmp_path, count=3)
    app = HistoryApp(store)
    async with app.run_test(size=(40, 12)) as pilot:
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        screen.query_one(TabStrip).active = "tab-nights"
        await pilot.pause()
        nights = str(screen.query_one("#nights", Static).content)
        assert "Cramps per night, by week" in nights and "not a trial" in nights
        scroller = screen.query_one("#tab-nights").query_one(VerticalScroll)
        assert scroller.max_scroll_y > 0  # 40x12: more than fits
        assert scroller.scroll_y == 0
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert scroller.scroll_y == 3


async def test_history_says_when_rows_were_skipped(tmp_path: Path):
    store = make_store(tmp_path, count=2)
    store._conn.execute("UPDATE episodes SET started_at = 'not a time' WHERE id = 1")
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        skipped = app.screen.query_one("#skipped", Static)
        assert skipped.display and "Left out 1 history row(s)" in str(skipped.content)


async def test_r_writes_the_report_off_the_ui_thread(tmp_path: Path):
    import threading

    calls: list[str] = []

    def report() -> str:
        calls.append(threading.current_thread().name)
        return "Report written to /tmp/x.html."

    class ReportApp(App[None]):  # not a HistoryApp: on_mount runs for every class
        def on_mount(self) -> None:
            self.push_screen(HistoryScreen(store, report=report))

    store = make_store(tmp_path)
    app = ReportApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("r")
        await settled(pilot)
    assert len(calls) == 1 and calls[0] != threading.main_thread().name
