"""#29 item 15: `d` pressed at TIME'S UP reported a complete hold as "finished early"."""

from __future__ import annotations

from textual.widgets import Static

from screens.app.shell import make_app
from tests.support.pilot import SIZE, on, past_safety_check, run_out


def banner(app) -> str:
    return str(app.screen.query_one("#follow-up-banner", Static).render())


async def test_d_at_times_up_reports_a_complete_hold(content, clock):
    app = make_app(content, side="back", clock=clock, hour=12)
    async with app.run_test(size=SIZE) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 60)
        assert app.screen.timer.done
        await on(pilot, "HoldScreen", "d")
        await on(pilot, "FollowUp")
        assert app.screen.hold.ended == "time" and app.screen.hold.actual_seconds == 60
        assert "Hold complete: 1:00" in banner(app)
        assert "early" not in banner(app)


async def test_d_before_times_up_is_still_finished_early(content, clock):
    app = make_app(content, side="back", clock=clock, hour=12)
    async with app.run_test(size=SIZE) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 25)
        await on(pilot, "HoldScreen", "d")
        await on(pilot, "FollowUp")
        assert app.screen.hold.ended == "eased"
        assert "finished early, after 0:25" in banner(app)
