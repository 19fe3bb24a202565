"""The same answers through both faces give the same steps and the same episode."""

from __future__ import annotations

import pytest

from coach.store.history import History
from screens.app.shell import make_app
from tests.conftest import FakeClock
from tests.support.plain_coach import TimedInput, coach_for

# Whole-app walks (one episode through both faces): slow, out of the quick loop; the
# rules they meet are unit-tested (tests/unit).
pytestmark = pytest.mark.slow

CAUSES_YES = 1  # "yes" to the first cause, "no" to the rest


def record_of(data_dir):
    store = History.open(data_dir).store
    try:
        (record,) = store.list()
    finally:
        store.close()
    return (
        record.side,
        record.position,
        record.holds,
        record.planned_seconds,
        record.actual_seconds,
        record.outcome,
        record.severity,
        record.causes,
    )


def plain_run(content, data_dir):
    coach, _ = coach_for(content, data_dir, "", position="bed")
    clock = coach.clock
    start = clock.now
    answers = ["b", "n", None, "h", ("d", 80), "s", "6", "q"]
    answers += ["y"] * CAUSES_YES + ["n"] * (len(content.causes) - CAUSES_YES)
    lines = []
    for answer in answers:
        if answer is None:
            continue  # the first hold runs out
        if isinstance(answer, tuple):
            lines.append((start + answer[1], answer[0]))
        else:
            lines.append((None, answer))
    coach.input = TimedInput(clock, lines)
    coach.run()
    return [type(s).__name__ for s in coach.steps_shown]


async def app_run(content, data_dir):
    clock = FakeClock()
    app = make_app(content, data_dir=data_dir, clock=clock, position="bed", hour=12)

    async def on(name, *keys):
        for _ in range(100):
            await pilot.pause()
            if type(app.screen).__name__ == name and app.screen.is_mounted:
                break
        else:
            raise AssertionError(f"{name} never shown; on {app.screen!r}")
        await pilot.pause()
        await pilot.press(*keys)

    async with app.run_test(size=(80, 24)) as pilot:
        await on("SidePicker", "b")
        await on("SafetyCheck", "n")
        await on("HoldScreen")
        clock.advance(60)
        app.screen.tick()
        await on("HoldScreen", "enter")
        await on("FollowUp", "n")
        await on("StillCramping", "h")
        await on("HoldScreen")
        clock.advance(20)
        await on("HoldScreen", "d")
        await on("FollowUp", "6", "s")
        await on("StillCramping", "q")
        await on("AfterCareScreen", "c")
        keys = ["y"] * CAUSES_YES + ["n"] * (len(content.causes) - CAUSES_YES)
        await on("CauseCheck", *keys)
        await on("TipsScreen", "escape")
        await on("SidePicker")
    return [type(s).__name__ for s in app.steps_shown]


async def test_same_answers_same_steps_and_same_record_in_both_faces(content, tmp_path):
    plain_steps = plain_run(content, tmp_path / "plain")
    app_steps = await app_run(content, tmp_path / "app")
    assert plain_steps == app_steps
    assert plain_steps == [
        "SafetyQuestion",
        "Hold",
        "EasedQuestion",
        "WhatNext",
        "Hold",
        "EasedQuestion",
        "WhatNext",
        "AfterCare",
        "CauseQuestions",
        "TipsStep",
    ]
    record = record_of(tmp_path / "plain")
    assert record == record_of(tmp_path / "app")
    assert record == ("back", "bed", 2, 120, 80, "somewhat", 6, (content.causes[0].id,))
