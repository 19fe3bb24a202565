"""The history screen at 80x24: listing, delete with confirmation, undo, leaving."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import ContentSwitcher, Static

from coach.store.history import EpisodeRecord, History
from screens.confirm_delete import ConfirmDeleteScreen
from screens.history import HistoryScreen
from screens.widgets.episode_table import EpisodeTable
from screens.widgets.tab_strip import TabStrip
from tests.support.robust_support import screen_text
from tests.support.stores import HistoryApp, make_store, settled

NOW = datetime(2026, 11, 24, 15, 30, tzinfo=timezone(timedelta(hours=1)))


def text_of(app: App[None], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def test_shows_episodes_summary_and_charts(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(EpisodeTable)
        assert table.row_count == 4
        assert table.cells_at(0)[0] == "2026-11-23 03:30"
        assert "2026-11-23 03:30" in screen_text(app)
        assert "Since you started: 3 cramps, 1 routine." in text_of(app, "#summary")
        # The tab bar has the focus first: the arrows choose the tab, as with Textual's.
        assert isinstance(app.screen.focused, TabStrip)
        await pilot.press("right", "right")
        await settled(pilot)
        assert app.screen.query_one(TabStrip).active == "tab-charts"
        assert app.screen.query_one(ContentSwitcher).current == "tab-charts"
        assert "Cramps per week" in screen_text(app)
        await pilot.click(TabStrip, offset=(12, 0))  # " Episodes " then " Nights "
        await settled(pilot)
        assert app.screen.query_one(ContentSwitcher).current == "tab-nights"
        charts = text_of(app, "#charts")
        assert "Cramps per week" in charts and "█" in charts
        assert "Cramp gone, by position" in text_of(app, "#helped")


async def test_delete_needs_confirmation_and_can_be_undone(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    newest = store.list()[0]
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        table = app.screen.query_one(EpisodeTable)
        await pilot.press("d")
        await settled(pilot)
        assert isinstance(app.screen, ConfirmDeleteScreen)
        await pilot.press("n")
        await settled(pilot)
        assert table.row_count == 4

        await pilot.press("d")
        await settled(pilot)
        await pilot.press("y")
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert table.row_count == 3
        assert newest.id not in [r.id for r in store.list()]
        assert "2026-11-23 03:30" not in screen_text(app)

        await pilot.press("u")
        await settled(pilot)
        assert table.row_count == 4
        assert store.list()[0] == newest
        assert "2026-11-23 03:30" in screen_text(app)


async def test_escape_goes_back(tmp_path: Path) -> None:
    app = HistoryApp(make_store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await settled(pilot)
        assert not isinstance(app.screen, HistoryScreen)


async def test_history_off(tmp_path: Path) -> None:
    app = HistoryApp(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "History is off" in text_of(app, "#off")
        await pilot.press("d")
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("q")
        await settled(pilot)
        assert not isinstance(app.screen, HistoryScreen)


async def test_no_episodes_yet(tmp_path: Path) -> None:
    store = History.open(tmp_path).store
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "No episodes yet" in text_of(app, "#empty")
        assert "nothing recorded yet" in text_of(app, "#summary")
        assert app.screen.query_one("#empty").display
        assert not app.screen.query_one(EpisodeTable).display
        await pilot.press("d")
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_failed_delete_keeps_the_row(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        store.close()  # every later call fails, as a vanished disk would
        await pilot.press("d")
        await settled(pilot)
        await pilot.press("y")
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one(EpisodeTable).row_count == 4


def when(record: EpisodeRecord) -> str:
    return f"{record.started_at:%Y-%m-%d %H:%M}"


@pytest.mark.slow
async def test_a_long_history_pages_in_and_deletes_far_down(tmp_path: Path) -> None:
    """5,000 episodes: the first rows show, End reaches the oldest (its page read when
    it comes into view), and delete and undo work on it."""
    store = History.open(tmp_path, now=lambda: NOW).store
    assert store is not None
    started = [NOW - timedelta(hours=3 * n, minutes=n % 60) for n in range(5000)]
    store.add_many(EpisodeRecord(None, "cramp", s, side="back", outcome="gone") for s in started)
    newest, oldest = store.page(0, 1)[0], store.page(4999, 1, 5000)[0]
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        table = app.screen.query_one(EpisodeTable)
        assert table.row_count == 5000
        assert when(newest) in screen_text(app) and when(oldest) not in screen_text(app)
        await pilot.press("end")
        await settled(pilot)
        assert table.cursor_row == 4999
        assert when(oldest) in screen_text(app)
        await pilot.press("pageup", "pageup")
        await settled(pilot)
        assert table.cursor_row == 4999 - 16
        await pilot.press("end", "d")
        await settled(pilot)
        assert isinstance(app.screen, ConfirmDeleteScreen)
        await pilot.press("y")
        await settled(pilot)
        assert table.row_count == 4999 and table.cursor_row == 4998
        assert store.get(oldest.id) is None and store.get(newest.id) is not None
        assert when(oldest) not in screen_text(app)
        await pilot.press("u")
        await settled(pilot)
        assert table.row_count == 5000 and store.get(oldest.id) == oldest
        await pilot.press("end")
        await settled(pilot)
        assert when(oldest) in screen_text(app)
        await pilot.press("home")
        await settled(pilot)
        assert table.cursor_row == 0 and when(newest) in screen_text(app)


async def test_rows_read_after_the_person_left_the_history_are_dropped(tmp_path: Path) -> None:
    """A read that comes back after the history was closed (`u` then `q` at once: found
    by the monkey, seed 9) is not shown: it once queried `#empty` on a screen no longer
    in the app and the worker failed."""
    store = make_store(tmp_path)
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        first = screen._read()
        await app.pop_screen()
        await pilot.pause()
        assert not screen.is_attached
        screen._show(first)  # as call_from_thread would, late
        screen._show_tabs(("n", "c", "h"))
        await pilot.pause()
        assert app.return_code is None and app.is_running
