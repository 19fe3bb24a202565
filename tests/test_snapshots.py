"""SVG snapshots of the key screens at 80x24 (review changes with --snapshot-update)."""

from __future__ import annotations

from coach.app import make_app
from coach.content import load
from tests.conftest import ROOT, FakeClock

SIZE = (80, 24)


def app_with_clock(**options):
    clock = FakeClock()
    options.setdefault("hour", 12)  # daytime: the default theme, not the night one
    return make_app(load(ROOT / "content"), clock=clock, **options), clock


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
        await pilot.press("n")  # safety check: no swollen leg
        await pilot.pause()
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


def test_hold_paused_front_standing(snap_compare):
    app, clock = app_with_clock(side="front")

    async def run_before(pilot):
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("3")
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
        await pilot.press("n")
        await pilot.pause()
        clock.advance(60)
        pilot.app.screen.tick()
        await pilot.press("enter")
        for key in keys_after:
            await pilot.pause()
            await pilot.press(key)
        await pilot.pause()

    return app, run_before


def test_follow_up(snap_compare):
    app, run_before = _through_hold([])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_still_cramping(snap_compare):
    app, run_before = _through_hold(["n"])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_cause_check(snap_compare):
    app, run_before = _through_hold(["y"])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_tips_after_answers(snap_compare):
    app, run_before = _through_hold(["y", "y", "n", "n", "y", "n", "n", "n"])
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_red_flags(snap_compare):
    app, _ = app_with_clock()
    assert snap_compare(app, press=["exclamation_mark"], terminal_size=SIZE)


def test_keys(snap_compare):
    app, _ = app_with_clock(side="back")
    assert snap_compare(app, press=["n", "question_mark"], terminal_size=SIZE)


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
    app, run_before = _through_hold(["6"])
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
    app = make_app(lang="zh", clock=clock, side="back", hour=12)

    async def run_before(pilot):
        await pilot.press("n")
        await pilot.pause()
        clock.advance(23)
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)
