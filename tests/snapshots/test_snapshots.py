"""SVG snapshots of the key screens at 80x24 (review changes with --snapshot-update)."""

from __future__ import annotations

import pytest

from tests.conftest import FakeClock
from tests.support.app import coach_app
from tests.support.pilot import SIZE, app_with_clock, on

pytestmark = pytest.mark.slow


def test_side_picker(snap_compare):
    app, _ = app_with_clock()
    assert snap_compare(app, terminal_size=SIZE)


def test_side_picker_small(snap_compare):
    app, _ = app_with_clock()
    assert snap_compare(app, terminal_size=(40, 12))


def test_not_sure(snap_compare):
    app, _ = app_with_clock()
    assert snap_compare(app, press=["n"], terminal_size=SIZE)


def _hold_after(seconds: float):
    app, clock = app_with_clock(side="back")

    async def run_before(pilot):
        await on(pilot, "SafetyCheck", "n")  # no swollen leg
        await on(pilot, "HoldScreen")
        clock.advance(seconds)
        pilot.app.screen.tick()
        await pilot.pause()

    return app, run_before


def test_hold_mid_way(snap_compare):
    app, run_before = _hold_after(23)
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_hold_mid_way_small(snap_compare):
    app, run_before = _hold_after(23)
    assert snap_compare(app, run_before=run_before, terminal_size=(40, 12))


def test_hold_mid_way_large(snap_compare):
    """120x40: block digits 5 rows tall, the hold centred in the window."""
    app, run_before = _hold_after(23)
    assert snap_compare(app, run_before=run_before, terminal_size=(120, 40))


def test_hold_paused_front_standing(snap_compare):
    app, clock = app_with_clock(side="front")

    async def run_before(pilot):
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen", "3")
        clock.advance(12)
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_hold_time_up(snap_compare):
    app, run_before = _hold_after(60)
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def _through_hold(keys_after: list[str]):
    app, clock = app_with_clock(side="back")

    async def run_before(pilot):
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen")
        clock.advance(60)
        pilot.app.screen.tick()
        await on(pilot, "HoldScreen", "enter")
        for screen_name, key in keys_after:
            await on(pilot, screen_name, key)

    return app, run_before


def test_follow_up(snap_compare):
    app, run_before = _through_hold([])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_still_cramping(snap_compare):
    app, run_before = _through_hold([("FollowUp", "n")])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_cause_check(snap_compare):
    app, run_before = _through_hold([("FollowUp", "y"), ("AfterCareScreen", "c")])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_tips_after_answers(snap_compare):
    app, run_before = _through_hold(
        [("FollowUp", "y"), ("AfterCareScreen", "c")]
        + [("CauseCheck", key) for key in ("y", "n", "n", "y", "n", "n", "n")]
    )
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_red_flags(snap_compare):
    app, _ = app_with_clock()
    assert snap_compare(app, press=["exclamation_mark"], terminal_size=SIZE)


def test_keys(snap_compare):
    app, _ = app_with_clock(side="back")

    async def run_before(pilot):
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen", "question_mark")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_safety_check(snap_compare):
    app, _ = app_with_clock(side="back")
    assert snap_compare(app, terminal_size=SIZE)


def test_routine_mid_way(snap_compare):
    app, clock = app_with_clock(start="routine")

    async def run_before(pilot):
        await pilot.pause()
        clock.advance(27)
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_follow_up_with_severity(snap_compare):
    app, run_before = _through_hold([("FollowUp", "6")])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_night_theme_hold(snap_compare):
    app, run_before = _hold_after(23)
    app.theme = "night"
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_light_theme_tips(snap_compare):
    app, _ = app_with_clock(theme="light")
    assert snap_compare(app, press=["t"], terminal_size=SIZE)


def test_chinese_hold(snap_compare):
    clock = FakeClock()
    app = coach_app(lang="zh", clock=clock, side="back", hour=12)

    async def run_before(pilot):
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen")
        clock.advance(23)
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_after_care(snap_compare):
    app, run_before = _through_hold([("FollowUp", "y")])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_somewhat_better(snap_compare):
    app, run_before = _through_hold([("FollowUp", "s")])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_safety_net_after_leaving(snap_compare):
    app, run_before = _through_hold([("FollowUp", "n"), ("StillCramping", "q")])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_clot_help(snap_compare):
    app, _ = app_with_clock(side="back")

    async def run_before(pilot):
        await on(pilot, "SafetyCheck", "y")
        await on(pilot, "WhichSignScreen", "1")
        await on(pilot, "RedFlags")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_which_sign(snap_compare):
    app, _ = app_with_clock(side="back")

    async def run_before(pilot):
        await on(pilot, "SafetyCheck", "y")
        await on(pilot, "WhichSignScreen")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)
