"""Every screen of the flow answers with the type its step is answered with: the app's
flows run strict here, so a screen that dismissed with a wrong value (or a driver that
answered a step twice) would raise FlowError in the driver's worker and end the app."""

from __future__ import annotations

import pytest

from screens.app.shell import make_app
from tests.conftest import FakeClock
from tests.support.pilot import SIZE, on

# Whole-app walks (every step of each path, strict): slow, out of the quick loop; the
# rules they meet are unit-tested (tests/unit).
pytestmark = pytest.mark.slow


def strict_app(content, tmp_path, **options):
    clock = FakeClock()
    app = make_app(content, data_dir=tmp_path, clock=clock, hour=12, **options)
    app.episodes.strict_flows = True
    return app, clock


async def test_every_step_of_a_relief_path_is_answered_with_its_type(content, tmp_path):
    app, clock = strict_app(content, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SidePicker", "b")
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen")
        clock.advance(60)
        app.screen.tick()
        await on(pilot, "HoldScreen", "enter")  # time's up
        await on(pilot, "FollowUp", "6", "n")
        await on(pilot, "StillCramping", "h")
        await on(pilot, "HoldScreen", "d")  # eased early
        await on(pilot, "FollowUp", "y")
        await on(pilot, "AfterCareScreen", "c")
        await on(pilot, "CauseCheck", *["y"] * len(content.causes))
        await on(pilot, "TipsScreen", "escape")
        await on(pilot, "SidePicker", "q")
        assert app.flow is not None and app.flow.strict and app.flow.current is None
        names = [type(s).__name__ for s in app.steps_shown]
        assert names[0] == "SafetyQuestion" and names[-1] == "TipsStep"
    assert app.return_code == 0


@pytest.mark.parametrize("side", ["back", "front"])
async def test_get_help_and_the_routine_are_answered_with_their_types(content, tmp_path, side):
    app, clock = strict_app(content, tmp_path, side=side)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SafetyCheck", "y")  # swollen: get help, no stretch
        await on(pilot, "WhichSignScreen", "1")
        await on(pilot, "RedFlags")
        clock.advance(1.0)  # a get-help screen takes no key in its first second
        await on(pilot, "RedFlags", "c")  # closed by c (or Escape), never by Enter or q
        await on(pilot, "SidePicker", "r")
        await on(pilot, "RoutineScreen")
        screen = app.screen
        while not screen.timer.done:
            clock.advance(5)
            screen.tick()
        await on(pilot, "RoutineScreen", "enter")
        await on(pilot, "SidePicker", "q")
        names = [type(s).__name__ for s in app.steps_shown]
        assert names == ["SafetyQuestion", "WhichSign", "GetHelp", "RoutineStep"]
    assert app.return_code == 0
