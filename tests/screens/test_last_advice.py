"""#27 items 1-2, #29 item 5: every way out of the app after an unfinished episode leaves
that episode's last advice on the terminal, once, whatever the screen on top; and an
episode's get-help screen is not closed by a key mashed to leave the hold."""

from __future__ import annotations

import pytest

from screens.hold import HoldScreen
from screens.red_flags import STILL_SECONDS, RedFlags
from screens.safety_check import SafetyCheck
from screens.side_picker import SidePicker
from tests.support.app import coach_app
from tests.support.pilot import SIZE, on, past_safety_check, run_out, wait_for

# Whole-app walks (each test drives an episode to a way out): slow, out of the quick loop; the
# rules they meet are unit-tested (tests/unit).
pytestmark = pytest.mark.slow

CLOT = "Do not stretch or rub that leg. Get help today: call NHS 111."
NET = "Before you go: when to get help"


def make_app_uk(content, clock, **options):
    """The app with the United Kingdom's numbers (999, NHS 111), as --region uk."""
    return coach_app(content, region="uk", clock=clock, hour=12, **options)


async def answer_yes(pilot) -> None:
    await on(pilot, "SafetyCheck", "y")
    await on(pilot, "WhichSignScreen", "1")  # the swollen leg
    await on(pilot, "RedFlags")


async def test_ctrl_c_on_the_clot_advice_prints_it_with_the_number(content, clock):
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await answer_yes(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
    text = app.farewell_text()
    assert CLOT in text and "call 999 now" in text
    assert text.count(CLOT) == 1


async def test_quitting_from_the_first_screen_after_the_clot_advice_prints_it(content, clock):
    """Closed (c, after its first second), then q on the first screen: the advice the
    person closed is still the last thing on the terminal."""
    app = make_app_uk(content, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SidePicker", "b")
        await answer_yes(pilot)
        clock.advance(STILL_SECONDS)
        await on(pilot, "RedFlags", "c")
        await on(pilot, "SidePicker", "q")
    assert app.return_code == 0
    assert app.farewell_text().count(CLOT) == 1


async def test_q_mashed_mid_hold_leaves_the_net_printed(content, clock):
    """q five times mid-hold: the first leaves the hold, the rest land on the safety net
    in its first second and are ignored; then Ctrl+C prints the net, once."""
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await past_safety_check(pilot)
        await on(pilot, "HoldScreen", "q")
        await wait_for(pilot, RedFlags)
        for _ in range(4):
            await on(pilot, "RedFlags", "q")
            await on(pilot, "RedFlags", "escape", "enter")
        assert isinstance(app.screen, RedFlags) and app.is_running
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.farewell_text().count(NET) == 1


async def test_the_net_closed_then_quit_from_the_first_screen_is_printed(content, clock):
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await past_safety_check(pilot)
        await on(pilot, "HoldScreen", "escape")
        await wait_for(pilot, RedFlags)
        clock.advance(STILL_SECONDS)
        await on(pilot, "RedFlags", "escape")
        await on(pilot, "SidePicker", "escape")
    text = app.farewell_text()
    assert text.count(NET) == 1 and "Call 999 at once" in text


async def test_enter_never_closes_an_episodes_get_help(content, clock):
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await answer_yes(pilot)
        clock.advance(10 * STILL_SECONDS)
        await pilot.press("enter", "q", "space", "n")
        await pilot.pause()
        assert isinstance(app.screen, RedFlags) and app.screen.step is not None
        footer = " ".join(str(b.binding.key) for b in app.screen.active_bindings.values())
        assert "c" in footer.split() and "enter" not in footer.split()
        await pilot.press("c")
        await wait_for(pilot, SidePicker)


async def test_a_get_help_screen_ignores_keys_for_its_first_second(content, clock):
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await answer_yes(pilot)
        clock.advance(STILL_SECONDS - 0.01)
        await pilot.press("c", "escape", "exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, RedFlags) and app.screen.step is not None
        clock.advance(0.01)
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)


async def test_every_sign_opened_with_exclamation_mark_closes_at_once(content, clock):
    """The whole list (!) is not an episode's advice: q, Escape or Enter closes it."""
    app = make_app_uk(content, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SidePicker", "exclamation_mark")
        await on(pilot, "RedFlags", "enter")
        await wait_for(pilot, SidePicker)


async def test_an_episode_walked_to_its_tips_prints_nothing(content, clock):
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await past_safety_check(pilot)
        await on(pilot, "HoldScreen", "d")
        await on(pilot, "FollowUp", "y")
        await on(pilot, "AfterCareScreen", "c")
        await on(pilot, "CauseCheck", *["n"] * len(content.causes))
        await on(pilot, "TipsScreen", "escape")
        await on(pilot, "SidePicker", "q")
    assert app.farewell_text() == ""


async def test_quitting_after_after_care_prints_it(content, clock):
    """Left at the cause questions: the after-care just shown (what to watch for) is
    the episode's last advice."""
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await past_safety_check(pilot)
        await on(pilot, "HoldScreen", "d")
        await on(pilot, "FollowUp", "y")
        await on(pilot, "AfterCareScreen", "c")
        await on(pilot, "CauseCheck")
        await pilot.press("ctrl+c")
        await pilot.pause()
    text = app.farewell_text()
    assert "Good. The cramp has gone." in text and "call 999" in text


async def test_a_new_episode_replaces_the_last_ones_advice(content, clock):
    app = make_app_uk(content, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SidePicker", "b")
        await answer_yes(pilot)
        clock.advance(STILL_SECONDS)
        await on(pilot, "RedFlags", "c")
        await on(pilot, "SidePicker", "f")
        await on(pilot, "SafetyCheck", "n")
        await on(pilot, "HoldScreen")
        await run_out(pilot, clock, 60)
        await pilot.press("ctrl+c")
        await pilot.pause()
    text = app.farewell_text()
    assert NET in text and CLOT not in text


async def test_an_app_ended_without_quitting_still_prints_the_advice(content, clock):
    """A screen's error or Textual's own exit ends the app without shut_down: the advice
    is settled when the farewell is asked for, whatever the screens' state."""
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await answer_yes(pilot)
        app.exit(return_code=1)
        await pilot.pause()
    text = app.farewell_text()
    assert text.count(CLOT) == 1
    assert app.farewell_text() == text  # asked twice: the same, left once


async def test_a_signal_as_the_clot_advice_is_put_up_never_crashes(content, clock):
    """#29 item 5: SIGTERM a moment after "yes" ended the app while the get-help screen was
    being mounted; its on_mount queried a child that was not there (NoMatches) and the
    advice was never printed. Here the app is told to end in the same moment the screen
    is pushed, before it is mounted."""
    app = make_app_uk(content, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SidePicker")
        from coach.core.steps import GetHelp

        app.push_screen(RedFlags(content, app.region, GetHelp("clot", 10)))
        app.shut_down(143)
        await pilot.pause()
    assert app.return_code == 143


async def test_a_signal_as_the_hold_is_put_up_never_crashes(content, clock):
    app = make_app_uk(content, clock, side="back")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SafetyCheck)
        from coach.core.steps import Hold

        app.push_screen(HoldScreen(content, Hold("back", "bed", 60, 1), clock))
        app.shut_down(143)
        await pilot.pause()
    assert app.return_code == 143
