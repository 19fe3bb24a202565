"""The voice in the full-screen app and plain mode, with a fake engine and a fake clock."""

from __future__ import annotations

from textual import events

from coach.system.speech import Engine, Voice
from screens.app.shell import make_app
from screens.follow_up import FollowUp
from screens.red_flags import RedFlags
from screens.widgets.countdown_face import CountdownFace
from screens.widgets.step_list import StepList
from tests.support.app import coach_app
from tests.support.pilot import past_safety_check, record_notices, run_out, wait_for
from tests.support.plain_coach import coach_for
from tests.support.speech_support import fake_engine, gone, no_engine, spoken, wait_until


async def heard(pilot, log, count: int) -> list[str]:
    """The texts said so far, once there are `count` (the engine is a real process)."""
    for _ in range(500):
        await pilot.pause()
        if len(spoken(log)) >= count:
            return [said.text for said in spoken(log)]
    raise AssertionError(f"only heard {[s.text for s in spoken(log)]}")


async def test_a_hold_speaks_steps_half_way_the_last_seconds_and_times_up_in_order(
    content, clock, tmp_path, monkeypatch
):
    log = fake_engine(tmp_path, monkeypatch)
    app = coach_app(content, side="back", clock=clock, voice=True, data_dir=tmp_path / "d")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        steps = [s.text for s in content.guides["back"].steps["bed"]]
        assert (await heard(pilot, log, 1))[0] == steps[0]
        expected = [steps[0]]
        for second, text in [(8, steps[1]), (20, steps[2]), (30, "Half way."), (40, steps[3])]:
            await run_out(pilot, clock, second - (clock.now - 1000.0))
            expected.append(text)
            assert await heard(pilot, log, len(expected)) == expected
        # "Nearly done ..." takes about four seconds to say: 5 and 4 are not said over it.
        for second, text in [(52, steps[4]), (57, "3"), (58, "2")]:
            await run_out(pilot, clock, second - (clock.now - 1000.0))
            expected.append(text)
            assert await heard(pilot, log, len(expected)) == expected
        await run_out(pilot, clock, 1)
        await run_out(pilot, clock, 1)
        expected += ["1", "Time's up. Let go slowly."]
        assert await heard(pilot, log, len(expected)) == expected
        steps = app.screen.query_one(StepList)
        assert not steps.current_text  # after TIME'S UP no step is "Now"
        assert {steps.marker(i) for i in range(len(steps.steps))} == {"✓"}
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        expected.append("Has the cramp eased?")
        assert await heard(pilot, log, len(expected)) == expected
        assert all("-a 60 -v en" in said.args for said in spoken(log))
    assert app.voice._speaker is not None and app.voice._speaker.reap() == 0
    assert all(gone(said.pid) for said in spoken(log))  # none left behind after quit


async def test_nothing_is_said_after_leaving_and_v_stops_it_at_once(
    content, clock, tmp_path, monkeypatch
):
    log = fake_engine(tmp_path, monkeypatch)
    app = make_app(content, side="back", clock=clock, data_dir=tmp_path / "d")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        assert not app.voice.on and spoken(log) == []
        await pilot.press("v")
        assert app.voice.on and app.prefs.settings.voice  # remembered
        steps = [s.text for s in content.guides["back"].steps["bed"]]
        assert await heard(pilot, log, 1) == [steps[0]]  # where things stand, at once
        await run_out(pilot, clock, 8)
        first = (await heard(pilot, log, 2)) and spoken(log)[1]
        await pilot.press("v")
        assert not app.voice.on
        wait_until(lambda: app.voice._speaker.reap() == 0 and gone(first.pid))
        await run_out(pilot, clock, 12)  # step 3 is due: not said, the voice is off
        await pilot.press("v")  # on again: the step now (3, not the missed one) is said
        assert (await heard(pilot, log, 3))[2] == steps[2]
        await run_out(pilot, clock, 10)
        assert len(await heard(pilot, log, 4)) == 4
        await pilot.press("q")  # leave the hold
        await wait_for(pilot, RedFlags)
        # The hold's speech ends; getting help (the safety net) is said first, and only it.
        texts = await heard(pilot, log, 5)
        assert texts[4].startswith("Before you go: when to get help. Get medical help if")
        assert app.region.urgent in texts[4]
        assert f"Call {app.region.emergency} at once" in texts[4]
        wait_until(lambda: app.voice._speaker.reap() == 1)  # the hold's speech has ended
        clock.advance(60)
        for _ in range(5):
            await pilot.pause()
        assert len(spoken(log)) == 5 and app.voice._speaker.speaking
        help_pid = spoken(log)[4].pid
    assert gone(help_pid)  # quitting ends it: nothing outlives the app


def test_the_escalation_is_said_first_in_plain_mode(content, tmp_path):
    Recorded.said = []
    voice = Voice(True, find=FAKE, popen=Recorded)
    coach, _out = coach_for(content, tmp_path, "b\ny\n", voice=voice)  # one leg is swollen
    assert coach.run() == 0
    texts = [args[-1] for args in Recorded.said]
    assert len(texts) == 1 and texts[0].startswith(
        content.red_flag_lead(content.red_flag("clot"), content.regions["uk"])
    )
    assert "Watch for" not in texts[0] and "Source" not in texts[0]


async def test_chinese_uses_the_mandarin_voice(tmp_path, monkeypatch, clock):
    log = fake_engine(tmp_path, monkeypatch)
    app = coach_app(side="back", lang="zh", clock=clock, voice=True, data_dir=tmp_path / "d")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await heard(pilot, log, 1)
    first = spoken(log)[0]
    assert "-v cmn" in first.args and any("\u4e00" <= ch <= "\u9fff" for ch in first.text)


async def test_no_engine_one_note_and_the_hold_goes_on(content, clock, tmp_path, monkeypatch):
    no_engine(tmp_path, monkeypatch)
    app = coach_app(content, side="back", clock=clock, voice=True, data_dir=tmp_path / "d")
    notes = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        assert sum("No speech engine found" in note for note in notes) == 1
        await run_out(pilot, clock, 60)
        assert "TIME'S UP" in app.screen.query_one(CountdownFace).state


async def test_a_notice_is_written_when_the_terminal_is_behind(
    content, clock, tmp_path, monkeypatch
):
    import screens.app.textual_private as private

    written = []
    monkeypatch.setattr(private, "write_to_terminal", lambda app, text: written.append(text))
    app = make_app(content, side="back", clock=clock, data_dir=tmp_path / "d")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert not app.app_focus
        await run_out(pilot, clock, 60)
    assert len(written) == 1 and written[0].startswith("\x1b]") and "Time's up" in written[0]


async def test_no_notice_while_the_terminal_is_in_front(content, clock, tmp_path, monkeypatch):
    import screens.app.textual_private as private

    written = []
    monkeypatch.setattr(private, "write_to_terminal", lambda app, text: written.append(text))
    app = make_app(content, side="back", clock=clock, data_dir=tmp_path / "d")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 60)
    assert written == []


def FAKE() -> Engine:  # stands for an engine found on PATH
    return Engine("espeak-ng", "/nowhere/espeak-ng")


class Recorded:
    """Stands in for subprocess.Popen: plain mode runs its hold in no time."""

    said: list[list[str]] = []

    def __init__(self, args, **options):
        assert options["start_new_session"] and options["stdin"] == -3
        Recorded.said.append(args)

    def poll(self):
        return 0


def test_plain_mode_speaks_the_same_cues(content, tmp_path):
    Recorded.said = []
    voice = Voice(True, find=FAKE, popen=Recorded)
    answers = "b\nn\ny\n4\n" + "y\n" + "n\n" * (len(content.causes) - 1)
    coach, _out = coach_for(content, tmp_path, answers, voice=voice)
    assert coach.run() == 0
    texts = [args[-1] for args in Recorded.said]
    steps = [s.text for s in content.guides["back"].steps["bed"]]
    assert texts[:3] == steps[:3]
    assert texts[texts.index("Half way.") :][:2] == ["Half way.", steps[3]]
    tail = texts[texts.index(steps[4]) :]  # no count said over "Nearly done ..."
    assert tail == [steps[4], "3", "2", "1", "Time's up. Let go slowly. Has the cramp eased?"]


async def test_the_cursor_is_parked_on_the_step_now_for_screen_readers(content, clock, tmp_path):
    app = make_app(content, side="back", clock=clock, data_dir=tmp_path / "d")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await pilot.pause()
        first = app.screen.query_one(StepList).current_offset
        assert app.cursor_position == first
        await run_out(pilot, clock, 8)
        await pilot.pause()
        now = app.screen.query_one(StepList).current_offset
        assert now.y > first.y and app.cursor_position == now
        await run_out(pilot, clock, 52)
        await pilot.pause()
        assert app.cursor_position == app.screen.query_one(CountdownFace).content_region.offset


async def test_the_routine_says_each_stretch_and_switch_legs(content, clock, tmp_path):
    from screens.routine import RoutineScreen

    app = make_app(content, data_dir=tmp_path / "d", clock=clock, start="routine")
    Recorded.said = []
    app.voicing.voice = Voice(True, find=FAKE, popen=Recorded)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoutineScreen)
        screen = app.screen
        for _ in range(200):
            clock.advance(1)
            screen.tick()
            if screen.timer.done:
                break
        await pilot.pause()
    said = [args[-1] for args in Recorded.said]
    titles = [segment.title for segment in screen.segments]
    assert said[0] == titles[0]  # "Get ready: ..."
    # Between the legs a change-over pause, said as "Switch legs.", then the stretch.
    assert said[1] == titles[1] and said[2] == "Switch legs." == titles[2]
    assert said[3] == titles[3]
    assert len(said) == len(titles) + 1 and said[-1] == "Routine done. Well done; sleep well."


async def test_after_adding_time_nearly_done_waits_for_the_end(content, clock, tmp_path):
    app = make_app(content, side="back", clock=clock, data_dir=tmp_path / "d")
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        await run_out(pilot, clock, 50)
        await pilot.press("plus")  # 60 + 30 s: 40 s left
        await pilot.pause()
        current = lambda: app.screen.query_one(StepList).current_text  # noqa: E731
        assert current().startswith("Keep holding")  # not sent back, not "Nearly done"
        await run_out(pilot, clock, 27)
        assert current().startswith("Keep holding")  # 13 s left
        await run_out(pilot, clock, 1)
        assert current().startswith("Nearly done")  # 78 s of 90
