"""The full-screen face of the episode flow changes (issues #26, #27, #28): the one
"do not stretch" gate, the split of "somewhat", which leg, causes at night."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from coach.store.history import History
from screens.app.shell import make_app
from screens.hold import HoldScreen
from screens.red_flags import RedFlags
from screens.safety_check import SafetyCheck
from screens.which_sign import WhichSignScreen
from screens.widgets.case_list import CaseList
from tests.support.pilot import footer_keys, wait_for


def records(data_dir):
    store = History.open(data_dir).store
    try:
        return store.list()
    finally:
        store.close()


def statics(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


@pytest.mark.parametrize(
    ("key", "reason", "first"),
    [
        ("2", "tear", "Stop. Do not stretch it. Get help today: {urgent}."),
        ("3", "cold-foot", "Call {emergency} now. Do not stretch or rub the leg."),
    ],
)
async def test_a_kick_during_football_or_a_cold_pale_foot_never_reaches_a_hold(
    content, clock, tmp_path, key, reason, first
):
    app = make_app(content, data_dir=tmp_path, clock=clock, side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        gate = app.screen.query_one(CaseList).text
        assert "kick or pop" in gate and "cold, pale or numb" in gate
        assert "Turn on a light and compare" in gate
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, WhichSignScreen)
        assert "Kick or pop" in footer_keys(app)
        await pilot.pause()
        await pilot.press(key)
        await wait_for(pilot, RedFlags)
        region = app.region
        first = first.format(urgent=region.urgent, emergency=region.emergency)
        assert str(app.screen.query_one("#red-flag-reason", Static).render()) == first
        assert not any(isinstance(s, HoldScreen) for s in app.screen_stack)
    (saved,) = records(tmp_path)
    assert (saved.outcome, saved.holds, saved.help_reason) == ("red_flag", 0, reason)


async def test_knot_gone_but_sore_goes_to_after_care_and_is_saved(content, clock, tmp_path):
    from screens.after_care import AfterCareScreen
    from screens.follow_up import FollowUp
    from tests.support.pilot import past_safety_check, run_out

    app = make_app(content, data_dir=tmp_path, clock=clock, side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 60)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        assert "Sore" in footer_keys(app) and "Weaker" in footer_keys(app)
        await pilot.pause()
        await pilot.press("k")
        await wait_for(pilot, AfterCareScreen)
        assert "Good. The knot has gone." in statics(app)
    (saved,) = records(tmp_path)
    assert saved.outcome == "sore" and saved.eased_minutes is not None


async def test_which_leg_is_one_key_on_the_after_care_and_carries_on(content, clock, tmp_path):
    from screens.after_care import AfterCareScreen
    from screens.cause_check import CauseCheck
    from screens.follow_up import FollowUp
    from tests.support.pilot import past_safety_check, run_out

    for key, leg in (("r", "right"), ("c", None)):
        app = make_app(content, data_dir=tmp_path, clock=clock, side="back")
        async with app.run_test(size=(80, 24)) as pilot:
            await past_safety_check(pilot)
            assert "Which leg" not in statics(app)  # never before the stretch
            await run_out(pilot, clock, 60)
            await pilot.press("enter")
            await wait_for(pilot, FollowUp)
            await pilot.pause()
            await pilot.press("y")
            await wait_for(pilot, AfterCareScreen)
            assert "Which leg was it?" in statics(app)
            assert "Right" in footer_keys(app) and "Carry on" in footer_keys(app)
            await pilot.pause()
            await pilot.press(key)
            await wait_for(pilot, CauseCheck)
            assert app.flow.episode.leg == leg


@pytest.mark.parametrize(("night", "keys", "expected"), [(True, "m", "later"), (False, "mq", ())])
async def test_cause_questions_at_night_offer_the_morning(content, night, keys, expected):
    from textual.app import App

    from coach.core.steps import CauseQuestions
    from screens.cause_check import CauseCheck

    got = []
    step = CauseQuestions(tuple(c.id for c in content.causes), night)

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(CauseCheck(content, step), got.append)

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, CauseCheck)
        await pilot.pause()
        assert ("Ask in the morning" in footer_keys(app)) is night
        assert ("asks these in the morning" in statics(app)) is night
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
    assert got == [expected]
