"""The whole relief path, driven with Pilot and a fake clock."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from screens.after_care import AfterCareScreen
from screens.app.shell import make_app
from screens.cause_check import CauseCheck
from screens.follow_up import FollowUp
from screens.help import HelpScreen
from screens.hold import HoldScreen
from screens.not_sure import NotSure
from screens.red_flags import RedFlags
from screens.safety_check import SafetyCheck
from screens.side_picker import SidePicker
from screens.still_cramping import StillCramping
from screens.tips import TipsScreen
from screens.which_sign import WhichSignScreen
from screens.widgets.countdown_face import CountdownFace
from screens.widgets.step_list import StepList
from tests.support.pilot import footer_keys, past_safety_check, run_out, statics_text, wait_for

# Whole-app walks (each test drives an episode through several screens): slow, out of
# the quick loop; the rules they meet are unit-tested (tests/unit).
pytestmark = pytest.mark.slow


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def digits(app) -> str:
    return app.screen.query_one(CountdownFace).clock


def current_step(app) -> str:
    return app.screen.query_one(StepList).current_text


async def test_back_cramp_end_to_end(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("b")
        await past_safety_check(pilot)
        assert digits(app) == "1:00"
        assert "Straighten the cramped leg" in current_step(app)
        await run_out(pilot, clock, 10)
        assert digits(app) == "0:50"
        assert "toes up toward your shin" in current_step(app)
        await run_out(pilot, clock, 50)
        assert digits(app) == "0:00"
        assert app.screen.query_one(CountdownFace).has_class("-finished")
        assert "TIME'S UP" in app.screen.query_one(CountdownFace).state
        await pilot.pause()
        assert "Next" in footer_keys(app) and "Pause" not in footer_keys(app)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        assert "Has the cramp eased?" in str(app.screen.query(Static)[1].render())
        await pilot.press("y")
        await wait_for(pilot, AfterCareScreen)
        assert "sore for up to a day" in statics_text(app)
        await pilot.press("c")
        await wait_for(pilot, CauseCheck)
        assert "Question 1 of" in shown(app, "#cause-count")
        first = content.causes[0]
        assert shown(app, "#cause-question") == first.question
        await pilot.press("y", *["n"] * (len(content.causes) - 1))
        await wait_for(pilot, TipsScreen)
        sections = [str(s.render()) for s in app.screen.query(".section").results(Static)]
        assert sections[:2] == ["What may fit you", "Tips for you"]
        tips_text = " ".join(str(s.render()) for s in app.screen.query(".tip-text").results(Static))
        first_fit = next(t for t in content.tips if first.id in t.causes)
        for_everyone = next(t for t in content.tips if not t.causes)
        assert tips_text.index(first_fit.text[:30]) < tips_text.index(for_everyone.text[:30])
        assert app.flow.episode.outcome == "gone" and app.flow.episode.causes == (first.id,)
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_front_from_the_command_line_uses_the_front_guide(content, clock):
    app = make_app(content, side="front", hold_seconds=30, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        assert digits(app) == "0:30"
        await run_out(pilot, clock, 4)  # 30 s hold: step times scale by half
        assert "Point your foot gently down" in current_step(app)
        await run_out(pilot, clock, 6)
        assert "ease the top of the foot and toes down" in current_step(app)


async def test_not_sure_explains_then_asks_again(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("n")
        await wait_for(pilot, NotSure)
        words = " ".join(str(s.render()) for s in app.screen.query(".not-sure-point"))
        assert "pulled to point down" in words and "toward you" in words
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)
        await pilot.press("n", "f")
        await past_safety_check(pilot)
        assert app.screen.guide.side == "front"


async def test_arrows_and_enter_choose_too(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("down", "enter")
        await past_safety_check(pilot)
        assert app.screen.guide.side == "front"


async def test_mouse_click_chooses(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.click("#back")
        await past_safety_check(pilot)
        assert app.screen.guide.side == "back"


async def test_still_cramping_offers_a_second_hold_at_once(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("b")
        await past_safety_check(pilot)
        await run_out(pilot, clock, 60)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        await pilot.press("n")
        await wait_for(pilot, StillCramping)
        text = statics_text(app)
        assert "Rub the tight muscle" in text
        assert text.index("do not rub or warm it") < text.index("Rub the tight muscle")
        await pilot.press("h")
        await wait_for(pilot, HoldScreen)
        assert app.screen.guide.side == "back" and app.screen.hold_number == 2
        assert digits(app) == "1:00"
        assert app.flow.episode.holds == 2


async def test_ten_minutes_without_easing_ends_at_red_flags(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("b")
        await past_safety_check(pilot)
        # The rule (holds, answers, the count of minutes) is test_rules'; the screen's part
        # is what a "still cramping" at ten minutes shows.
        await run_out(pilot, clock, 60)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        clock.advance(content.hold.escalate_after_seconds - 60)
        await pilot.press("n")
        await wait_for(pilot, RedFlags)
        assert shown(app, "#red-flag-reason").startswith("Stop stretching. Get help now: call")
        assert "still not gone about 10 minutes after it began" in statics_text(app)
        assert app.flow.episode.outcome == "red_flag"
        assert app.flow.episode.minutes() >= 10


async def test_pause_extend_and_finish_early(content, clock):
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 5)
        await pilot.press("space")
        face = app.screen.query_one(CountdownFace)
        assert "PAUSED" in face.state
        assert face.classes - {"hold-part"} == {"-paused"}  # the warning colour, words and clock
        await run_out(pilot, clock, 100)
        assert digits(app) == "0:55"
        await pilot.press("space", "plus")
        await pilot.pause()
        assert digits(app) == "1:25"
        assert face.classes - {"hold-part"} == {"-holding"}
        await run_out(pilot, clock, 20)
        await pilot.press("d")
        await wait_for(pilot, FollowUp)
        assert "finished early, after 0:25" in shown(app, "#follow-up-banner")
        assert app.flow.episode.actual_seconds == 25
        assert app.flow.episode.planned_seconds == 90


async def test_position_keys_change_the_steps(content, clock):
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert "wall" in current_step(app)
        assert "▶Standing◀" in shown(app, "#positions")


async def test_leaving_a_hold_returns_to_the_picker(content, clock):
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await pilot.press("q")
        await wait_for(pilot, RedFlags)  # still cramping: the safety net first
        assert "Before you go" in shown(app, "#red-flag-reason")
        assert app.flow.episode.outcome == "left"
        clock.advance(1.0)  # a get-help screen takes no key in its first second
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)


async def test_help_and_keys_open_from_every_flow_screen(content, clock):
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await pilot.press("exclamation_mark")
        await wait_for(pilot, RedFlags)
        assert "Do NOT keep stretching" in statics_text(app)
        await pilot.press("escape")
        await wait_for(pilot, HoldScreen)
        await pilot.press("question_mark")
        await wait_for(pilot, HelpScreen)
        listing = shown(app, "#keys-list")
        assert "Pause" in listing and "Add 30 s" in listing and "Get help" in listing
        assert shown(app, "#history-path").endswith("history.db")
        sources = " ".join(str(s.render()) for s in app.screen.query(".source").results(Static))
        assert "https://www.nhs.uk/conditions/leg-cramps/" in sources
        await pilot.press("escape")
        await wait_for(pilot, HoldScreen)


async def test_ctrl_c_quits(content, clock):
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert not app.is_running


async def test_tips_browser_from_the_picker(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("t")
        await wait_for(pilot, TipsScreen)
        legend = " ".join(str(s.render()) for s in app.screen.query(".legend").results(Static))
        assert "Some evidence" in legend
        await pilot.press("q")
        await wait_for(pilot, SidePicker)


async def test_enter_alone_answers_neither_safety_nor_has_it_eased(content, clock):
    """Nothing is pre-selected on the two questions a stray Enter could answer wrongly."""
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SafetyCheck) and app.focused is None
        await pilot.press("n")
        await wait_for(pilot, HoldScreen)
        await run_out(pilot, clock, 60)
        await pilot.press("enter")  # TIME'S UP: on to the question
        await wait_for(pilot, FollowUp)
        await pilot.pause()
        await pilot.press("enter", "enter", "space")
        await pilot.pause()
        assert isinstance(app.screen, FollowUp) and app.focused is None
        assert app.flow.episode.outcome is None
        await pilot.press("s")
        await wait_for(pilot, StillCramping)
        assert "Still there, but weaker" in statics_text(app)
        await pilot.press("h")  # somewhat better: another hold is offered
        await wait_for(pilot, HoldScreen)
        assert app.flow.episode.holds == 2


async def test_help_keys_at_times_up_never_answer_twice(content, clock):
    """! and ? in the seconds between TIME'S UP and the question, with the automatic
    move-on firing under them: one question follows, and nothing crashes."""
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        hold = app.screen
        await run_out(pilot, clock, 60)
        await pilot.press("exclamation_mark")
        await wait_for(pilot, RedFlags)
        hold.action_next()  # the 3 s timer fires under the dialog: not on top, no answer
        await pilot.press("escape")
        await wait_for(pilot, HoldScreen)
        await pilot.pause()
        await pilot.press("question_mark")
        await wait_for(pilot, HelpScreen)
        await pilot.press("escape")
        await wait_for(pilot, HoldScreen)
        await pilot.pause()
        await pilot.press("1", "enter")  # a position key at TIME'S UP changes nothing
        hold.action_next()
        await wait_for(pilot, FollowUp)
        hold.action_next()
        hold.action_leave()
        await pilot.pause()
        assert isinstance(app.screen, FollowUp)
        names = [type(s).__name__ for s in app.steps_shown]
        assert names == ["SafetyQuestion", "Hold", "EasedQuestion"]
        assert app.flow.episode.position == "bed" and app.flow.episode.actual_seconds == 60


async def test_help_on_the_hold_says_how_sure_the_stretch_is(content, clock):
    app = make_app(content, side="front", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await pilot.pause()
        await pilot.press("question_mark")
        await wait_for(pilot, HelpScreen)
        guide = content.guides["front"]
        line = shown(app, "#stretch-evidence")
        assert content.evidence[guide.evidence].label in line and guide.source in line


async def test_at_three_in_the_morning_the_hold_never_starts_standing(content, clock, tmp_path):
    (tmp_path / "settings.json").write_text('{"position": "standing"}')
    app = make_app(content, side="back", clock=clock, data_dir=tmp_path, hour=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        assert app.screen.position in {p.id for p in content.night_positions()}
        assert "▶Standing◀" not in shown(app, "#positions")
    day = make_app(content, side="back", clock=clock, data_dir=tmp_path, hour=15)
    async with day.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        assert day.screen.position == "standing"  # by day, what was used last


async def test_exclamation_mark_over_an_episodes_get_help_opens_every_sign(content, clock):
    app = make_app(content, side="back", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, WhichSignScreen)
        await pilot.pause()
        await pilot.press("1")
        await wait_for(pilot, RedFlags)
        assert app.screen.step is not None
        assert "! Get help" in footer_keys(app) or "!Get help" in footer_keys(app)
        await pilot.pause()
        clock.advance(1.0)  # a get-help screen takes no key in its first second
        await pilot.press("exclamation_mark")
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, RedFlags) and app.screen.step is None:
                break
        assert app.screen.step is None and "When to get help" in statics_text(app)


async def on_top(pilot, screen_type) -> None:
    """Wait until `screen_type` is on top and mounted: keys before then are dropped."""
    for _ in range(100):
        await pilot.pause()
        if isinstance(pilot.app.screen, screen_type) and pilot.app.screen.is_mounted:
            return
    raise AssertionError(f"{screen_type.__name__} never shown; on {pilot.app.screen!r}")


async def test_relief_keys_mark_tried_then_hold_again_records_it(content, clock):
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_top(pilot, SidePicker)
        await pilot.press("b")
        await on_top(pilot, SafetyCheck)
        await pilot.press("n")
        await on_top(pilot, HoldScreen)
        await run_out(pilot, clock, 60)
        await pilot.press("enter")
        await on_top(pilot, FollowUp)
        await pilot.press("n")
        await on_top(pilot, StillCramping)
        assert shown(app, "#relief-massage").startswith("m  Rub the tight muscle")
        assert shown(app, "#relief-warmth").startswith("w  Warm the muscle")
        await pilot.press("m", "w", "w")  # w twice: marked, then unmarked
        await pilot.pause()
        assert shown(app, "#relief-massage").startswith("m  ✓ tried: Rub the tight muscle")
        assert "✓" not in shown(app, "#relief-warmth")
        await pilot.press("h")
        await on_top(pilot, HoldScreen)
        assert app.flow.episode.holds == 2
        assert app.flow.episode.relief_tried == ("massage",)


async def test_hold_face_has_no_neighbours_in_its_box(content, clock):
    """Each second Textual draws every widget whose container meets the changed face:
    the face and the title sit on the screen, the rest in a box below (bench 3a)."""
    app = make_app(content, side="back", clock=clock, hour=12)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        screen = app.screen
        face = screen.query_one(CountdownFace)
        assert face.parent is screen
        below = screen.query_one("#hold-below")
        assert below.parent is screen
        assert below in screen.query_one(StepList).ancestors
        assert below.region.y >= face.region.bottom
