"""Medicines and conditions (#28): `m` on the history screen opens them; a letter ticks
a condition, `+` adds a medicine (name, then an optional start date), a digit removes
one after asking; all kept in the history database the doctor's page reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coach.core.profile import Medicine
from coach.store import profile
from screens.confirm_delete import ConfirmDeleteScreen
from screens.history import HistoryScreen
from screens.profile import AddMedicineScreen, ProfileScreen
from tests.support.robust_support import screen_text
from tests.support.stores import HistoryApp, make_store, settled


@pytest.mark.slow  # a whole-app walk: history, profile, two dialogs and back
async def test_medicines_and_conditions_from_the_history_screen(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("m")
        await settled(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert "none listed" in screen_text(app) and "[ ] Diabetes" in screen_text(app)
        await pilot.press("b")  # Diabetes
        await settled(pilot)
        assert profile.conditions(store) == ["diabetes"]
        assert "[x] Diabetes" in screen_text(app)
        await pilot.press("plus")
        await settled(pilot)
        assert isinstance(app.screen, AddMedicineScreen)
        await pilot.press(*"[b]Amlo", "enter")
        await pilot.press(*"2026-10-2x", "enter")
        await pilot.pause()
        assert "YYYY-MM-DD" in screen_text(app)  # asked again, nothing kept yet
        await pilot.press("backspace", "0", "enter")
        await settled(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert profile.medicines(store) == [Medicine("[b]Amlo", date(2026, 10, 20))]
        assert "[b]Amlo, since 2026-10-20" in screen_text(app)  # shown as typed, not markup
        await pilot.press("1")
        await settled(pilot)
        assert isinstance(app.screen, ConfirmDeleteScreen)
        await pilot.press("y")
        await settled(pilot)
        assert profile.medicines(store) == []
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_exclamation_mark_gets_help_while_typing_a_medicine(tmp_path: Path) -> None:
    """`!` gets help from every screen: the text box for a medicine's name must not take
    it as a letter (found by the monkey, seed 7)."""
    from tests.support.app import coach_app, load_content
    from tests.support.pilot import on

    app = coach_app(load_content(), data_dir=tmp_path, hour=12)
    async with app.run_test(size=(80, 24)) as pilot:
        await on(pilot, "SidePicker", "h")
        await on(pilot, "HistoryScreen", "m")
        await on(pilot, "ProfileScreen", "plus")
        await on(pilot, "AddMedicineScreen", "exclamation_mark")
        await on(pilot, "RedFlags")
