"""The hold's steps (screens/widgets/step_list.py): drawn by one widget, the step now
alone in a short window, whatever size the window started at."""

from __future__ import annotations

from screens.widgets.step_list import StepList
from tests.support.pilot import app_with_clock, past_safety_check, run_out


def drawn_steps(app) -> set[int]:
    return {step for step, _text in app.screen.query_one(StepList)._drawn()}


async def test_a_short_window_shows_only_the_step_now_and_a_taller_one_all():
    app, clock = app_with_clock(side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 23)  # a step in the middle is the one now
        steps = app.screen.query_one(StepList)
        now = steps.current
        assert 0 < now < len(steps.steps) - 1
        assert drawn_steps(app) == set(range(len(steps.steps)))
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert drawn_steps(app) == {now}
        assert steps.region.height == len(steps._drawn())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert drawn_steps(app) == set(range(len(steps.steps)))


async def test_the_step_now_is_marked_and_the_next_one_named():
    app, clock = app_with_clock(side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 23)
        steps = app.screen.query_one(StepList)
        now = steps.current
        assert [steps.marker(i) for i in range(now - 1, now + 2)] == ["✓", "▶ Now", "Next"]
        assert steps.current_text == steps.steps[now]
        region = steps.current_region
        assert region.height >= 1 and region.y > steps.region.y
