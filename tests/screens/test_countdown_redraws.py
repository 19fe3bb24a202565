"""Bench figure 3a: through a hold, one timer fires once a second, started just after a
change (coach/core/timer.py `next_redraw`); a key pressed mid-second re-times it, and
nothing runs while paused."""

from __future__ import annotations

from screens.app.shell import make_app
from tests.support.pilot import SIZE, on, past_safety_check


async def test_the_hold_redraws_from_one_timer_that_fires_once_a_second(content, clock):
    app = make_app(content, side="back", clock=clock, hour=12)
    async with app.run_test(size=SIZE) as pilot:
        await past_safety_check(pilot)
        await on(pilot, "HoldScreen")
        hold = app.screen
        assert not hold._every_second  # the start: one redraw aimed at the first change
        clock.advance(1.002)
        hold.tick()  # that redraw lands
        beat = hold._ticker
        assert hold._every_second and beat is not None
        for _ in range(3):
            clock.advance(1.0)
            hold.tick()  # each fire lands on time: the same timer goes on
            assert hold._ticker is beat
        clock.advance(0.4)
        await pilot.press("plus")  # mid-second: redrawn now, one redraw aimed at the change
        assert not hold._every_second and hold._ticker is not beat
        await pilot.press("space")  # paused: nothing runs
        assert hold._ticker is None and "PAUSED" in hold._face.state
