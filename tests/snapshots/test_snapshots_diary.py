"""SVG snapshots of the diary's screens (#15): the check-in line on the first screen,
its questions, the own-record line on the hold, the history's nights tab at 80x24 and
40x12. Review changes with --snapshot-update after reading the report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from screens.widgets.tab_strip import TabStrip
from tests.support.pilot import SIZE, app_with_clock, diary_read, on
from tests.support.stores import MORNING, HistoryApp, make_store, seeded, settled

pytestmark = pytest.mark.slow


def _diary_app(now=MORNING, **options):
    seeded(Path(os.environ["CALF_COACH_HOME"]))
    app, _ = app_with_clock(**options)
    app.diary_now = lambda: now
    # Someone with a history has seen the disclaimer.
    app.prefs.settings = app.prefs.settings._replace(disclaimer_seen=True)
    return app


def test_side_picker_with_checkin(snap_compare):
    app = _diary_app()

    async def run_before(pilot):
        await on(pilot, "SidePicker")
        await diary_read(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_side_picker_with_checkin_small(snap_compare):
    app = _diary_app()

    async def run_before(pilot):
        await on(pilot, "SidePicker")
        await diary_read(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(40, 12))


def test_checkin_questions(snap_compare):
    app = _diary_app()

    async def run_before(pilot):
        await on(pilot, "SidePicker")
        await diary_read(pilot)
        await pilot.press("y")
        await on(pilot, "CheckinScreen", "2")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_hold_with_own_record(snap_compare):
    app = _diary_app(MORNING.replace(hour=20), side="back")

    async def run_before(pilot):
        await on(pilot, "SafetyCheck")
        await diary_read(pilot)  # the record is read while the safety question is up
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def _history_nights(tmp_path):
    app = HistoryApp(make_store(tmp_path))

    async def run_before(pilot):
        await settled(pilot)
        pilot.app.screen.query_one(TabStrip).active = "tab-nights"
        await pilot.pause()

    return app, run_before


def test_history_nights(snap_compare, tmp_path):
    app, run_before = _history_nights(tmp_path)
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_history_nights_small(snap_compare, tmp_path):
    app, run_before = _history_nights(tmp_path)
    assert snap_compare(app, run_before=run_before, terminal_size=(40, 12))
