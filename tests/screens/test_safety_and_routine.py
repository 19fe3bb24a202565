"""Issue 3 flows: the safety check, first-run disclaimer, routine, records kept."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Static

from coach.core.i18n import t
from coach.store.history import History
from coach.text.wording import GATE_CASES, GATE_CASES_SHORT
from screens.app.shell import make_app
from screens.follow_up import FollowUp
from screens.hold import HoldScreen
from screens.red_flags import RedFlags
from screens.routine import RoutineScreen
from screens.safety_check import SafetyCheck
from screens.side_picker import SidePicker
from screens.which_sign import WhichSignScreen
from screens.widgets.case_list import CaseList
from tests.support.pilot import footer_keys, record_notices, run_out, wait_for


def records(data_dir):
    store = History.open(data_dir).store
    try:
        return store.list()
    finally:
        store.close()


async def test_swollen_leg_never_starts_a_stretch(content, clock, tmp_path):
    app = make_app(content, data_dir=tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("b")
        await wait_for(pilot, SafetyCheck)
        await pilot.press("y")
        await wait_for(pilot, WhichSignScreen)
        await pilot.pause()
        await pilot.press("1")
        await wait_for(pilot, RedFlags)
        reason = str(app.screen.query_one("#red-flag-reason", Static).render())
        assert "Do not stretch" in reason
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Get help today: call your doctor" in text
        assert "Numbness, weakness" not in text  # the clot advice, not the whole list
        assert not any(isinstance(s, HoldScreen) for s in app.screen_stack)
        clock.advance(1.0)  # a get-help screen takes no key in its first second
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)
    saved = records(tmp_path)
    assert [(r.outcome, r.holds) for r in saved] == [("red_flag", 0)]


async def test_no_setting_skips_the_safety_question(content, clock, tmp_path):
    """A settings file from an older version (or edited by hand) that says to skip the
    swollen-leg question is ignored: it is asked before every episode."""
    for value in (True, "false", 1):
        (tmp_path / "settings.json").write_text(json.dumps({"skip_safety_check": value}))
        app = make_app(content, data_dir=tmp_path, clock=clock, side="front")
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, SafetyCheck)
            assert not app.screen.query("#ok-always")
            await pilot.press("a")  # the old "don't ask again" key does nothing
            await pilot.pause()
            assert isinstance(app.screen, SafetyCheck)


async def test_back_from_the_command_line_shows_the_disclaimer_on_first_run(
    content, clock, tmp_path
):
    for expected in (1, 0):
        app = make_app(content, data_dir=tmp_path, clock=clock, side="back")
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, SafetyCheck)
            assert len(app.screen.query("#disclaimer")) == expected
            await pilot.press("n")
            await wait_for(pilot, HoldScreen)


async def test_disclaimer_shows_on_first_run_only(content, clock, tmp_path):
    for expected in (1, 0):
        app = make_app(content, data_dir=tmp_path, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, SidePicker)
            found = app.screen.query("#disclaimer")
            assert len(found) == expected
            if expected:
                assert "not a diagnosis" in str(found.first(Static).render())


async def test_episode_saved_when_the_hold_starts_and_updated(content, clock, tmp_path):
    app = make_app(content, data_dir=tmp_path, clock=clock, side="back", position="sitting")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        await pilot.press("n")
        await wait_for(pilot, HoldScreen)
        first = records(tmp_path)
        assert [(r.side, r.position, r.holds, r.outcome) for r in first] == [
            ("back", "sitting", 1, None)
        ]
        await run_out(pilot, clock, 60)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        await pilot.press("7", "s")
        await pilot.pause()
    (saved,) = records(tmp_path)
    assert (saved.outcome, saved.severity, saved.actual_seconds) == ("somewhat", 7, 60)


async def test_bedtime_routine_runs_start_to_finish(content, clock, tmp_path):
    # hour=12: at night the routine starts seated (tests/unit/test_routine_night.py).
    app = make_app(content, data_dir=tmp_path, clock=clock, start="routine", hour=12)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoutineScreen)
        screen = app.screen
        now = lambda: str(screen.query_one("#routine-now", Static).render())  # noqa: E731
        assert now().startswith("Get ready")
        titles = set()
        for _ in range(200):
            clock.advance(1)
            screen.tick()
            titles.add(now())
            if screen.timer.done:
                break
        total = sum(1 for t in titles if t.startswith("STRETCH"))
        assert total == 12  # 2 stretches x 2 legs x 3 repeats
        assert screen.timer.seconds <= 180
        assert "ROUTINE DONE" in now()
        await pilot.pause()
        assert "Finish" in footer_keys(app) and "Pause" not in footer_keys(app)
        await pilot.press("2")  # the other version starts: its keys come back
        await pilot.pause()
        assert "Pause" in footer_keys(app) and "Finish" not in footer_keys(app)
        await pilot.press("1")
        for _ in range(200):
            clock.advance(1)
            screen.tick()
            if screen.timer.done:
                break
        await pilot.press("enter")
        await wait_for(pilot, SidePicker)
    (saved,) = records(tmp_path)
    assert saved.kind == "routine" and saved.position == "standing"


async def test_seated_routine_from_the_picker(content, clock, tmp_path):
    app = make_app(content, data_dir=tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("r")
        await wait_for(pilot, RoutineScreen)
        await pilot.press("2")
        await pilot.pause()
        assert "towel" in str(app.screen.query_one("#routine-text", Static).render())
        await pilot.press("q")
        await wait_for(pilot, SidePicker)
    assert records(tmp_path) == []  # an unfinished routine is not counted


async def warned_then_coached_on(pilot, clock, warning: str, notices: list[str]) -> None:
    """#16: history is written by a thread of its own; its warning shows as soon as that
    thread has one (the recorder's `noticed`), while the hold runs on, and the episode
    goes on to the follow-up answer and its save."""
    for _ in range(200):
        if any(warning in notice for notice in notices):
            break
        await pilot.pause()
    else:
        raise AssertionError(f"no notice saying {warning!r}")
    assert isinstance(pilot.app.screen, HoldScreen)
    await run_out(pilot, clock, 60)
    await pilot.press("enter")
    await wait_for(pilot, FollowUp)
    await pilot.press("y")
    await pilot.pause()


async def test_unwritable_data_dir_still_coaches(content, clock, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = make_app(content, data_dir=blocker / "data", clock=clock, side="back")
    messages = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        await pilot.press("n")
        await wait_for(pilot, HoldScreen)
        await warned_then_coached_on(pilot, clock, "History is off", messages)
        assert any("History is off" in m for m in messages)


async def test_garbage_database_is_moved_aside_and_coaching_goes_on(content, clock, tmp_path):
    garbage = b"this is not a database at all" * 100
    (tmp_path / "history.db").write_bytes(garbage)
    app = make_app(content, data_dir=tmp_path, clock=clock, side="back")
    notices = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        await pilot.press("n")
        await wait_for(pilot, HoldScreen)
        await warned_then_coached_on(pilot, clock, "damaged", notices)
        messages = " ".join(notices)
        assert "damaged" in messages and "moved to" in messages
    (aside,) = tmp_path.glob("history.db.corrupt-*")
    assert aside.read_bytes() == garbage
    assert len(records(tmp_path)) == 1


@pytest.mark.slow  # a whole-app walk: three episodes, a routine, the history, an export
async def test_three_cramps_and_a_routine_show_in_history_and_export(content, clock, tmp_path):
    import csv
    import io

    from coach.documents.export import export
    from screens.history import HistoryScreen

    for side, answer in (("back", "y"), ("front", "s"), ("back", "y")):
        app = make_app(content, data_dir=tmp_path, clock=clock, side=side)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, SafetyCheck)
            await pilot.press("n")
            await wait_for(pilot, HoldScreen)
            await run_out(pilot, clock, 60)
            await pilot.press("enter")
            await wait_for(pilot, FollowUp)
            await pilot.press(answer)
            await pilot.pause()
    app = make_app(content, data_dir=tmp_path, clock=clock, start="routine")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoutineScreen)
        await run_out(pilot, clock, 200)
        await pilot.press("enter")
        await wait_for(pilot, SidePicker)
    app = make_app(content, data_dir=tmp_path, clock=clock, start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, HistoryScreen)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "3 cramps, 1 routine" in summary
        # `calf-coach history` shows the history as the first screen, with nothing under
        # it: going back puts the picker on top, and `h` opens the history again.
        assert len(app.screen_stack) == 1
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)
        await pilot.press("h")
        await wait_for(pilot, HistoryScreen)
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)
        assert [type(s) for s in app.screen_stack] == [HistoryScreen, SidePicker]
    out = io.StringIO()
    export(records(tmp_path), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert sorted(r["kind"] for r in rows) == ["cramp", "cramp", "cramp", "routine"]
    assert sorted(r["outcome"] for r in rows if r["kind"] == "cramp") == [
        "gone",
        "gone",
        "somewhat",
    ]


async def test_night_theme_by_default_at_night_and_choice_remembered(content, clock, tmp_path):
    from coach.store.settings import load_settings

    app = make_app(content, data_dir=tmp_path, clock=clock, hour=23)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert app.theme == "night"
        app.theme = "light"
        await pilot.pause()
    assert load_settings(tmp_path).settings.theme == "light"
    later = make_app(content, data_dir=tmp_path, clock=clock, hour=23)
    async with later.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert later.theme == "light"


@pytest.mark.parametrize(("size", "full"), [((40, 12), False), ((60, 16), False), ((80, 24), True)])
async def test_all_three_gate_cases_and_both_answers_are_in_view(
    content, clock, tmp_path, size, full
):
    """On a short window each case is one short line, so none is scrolled out of sight
    below the answers (at 40x12 the third was); a tall one shows them in full."""
    app = make_app(content, data_dir=tmp_path, clock=clock, side="back", hour=12)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, SafetyCheck)
        await pilot.pause()
        cases = app.screen.query_one(CaseList)
        wanted = GATE_CASES if full else GATE_CASES_SHORT
        assert cases.texts == [t(text) for text in wanted]
        assert app.screen.query_one("#gate-cases").max_scroll_y == 0  # none scrolled away
        for widget in [cases, app.screen.query_one("#no"), app.screen.query_one("#yes")]:
            region = widget.region
            assert region.height > 0 and region.bottom <= size[1] - 1, widget


async def test_the_gate_follows_the_window_across_the_short_line(content, clock, tmp_path):
    """Made taller, the gate's cases grow back to full; made short, to a line each."""
    app = make_app(content, data_dir=tmp_path, clock=clock, side="back", hour=12)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        cases = app.screen.query_one(CaseList)
        tall = cases.region.height
        await pilot.resize_terminal(80, 12)
        await pilot.pause()
        assert cases.texts == [t(text) for text in GATE_CASES_SHORT]
        assert cases.region.height == 3 < tall
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert cases.texts == [t(text) for text in GATE_CASES]
        assert cases.region.height == tall
