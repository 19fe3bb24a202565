"""What is said when: coach/core/cues.py against a fake clock, no terminal, no engine."""

from __future__ import annotations

from coach.core.cues import Heard, HoldPlan, hold_cues, question_cue, segment_cue
from coach.core.timer import HoldTimer
from tests.conftest import FakeClock


class S:
    def __init__(self, at: int) -> None:
        self.at = at


STEPS = [S(0), S(8), S(20), S(40), S(52)]
SPOKEN = ["lie back", "pull toes", "hold firm", "keep holding", "nearly done"]


def run(seconds: int, ticks: list[float], extend_at: float | None = None) -> list[tuple]:
    """Drive a HoldTimer over a fake clock as the screens do: look for cues each tick."""
    clock = FakeClock()
    timer = HoldTimer(seconds, clock)
    timer.start()
    heard, state = [], Heard()
    for at in ticks:
        clock.now = 1000.0 + at
        if extend_at is not None and at >= extend_at:
            timer.extend(30)
            extend_at = None
        now = timer.elapsed()
        cues, state = hold_cues(HoldPlan(STEPS, SPOKEN, timer.seconds, 60), state, now)
        heard += [(round(now), cue.kind, cue.text, cue.bell) for cue in cues]
    return heard


def test_a_full_hold_says_each_step_half_way_the_last_five_and_times_up_in_order():
    heard = run(60, [n + 0.002 for n in range(0, 61)])
    assert [(at, text) for at, _kind, text, _bell in heard] == [
        (0, "lie back"),
        (8, "pull toes"),
        (20, "hold firm"),
        (30, "Half way."),
        (40, "keep holding"),
        (52, "nearly done"),
        (55, "5"),
        (56, "4"),
        (57, "3"),
        (58, "2"),
        (59, "1"),
        (60, "Time's up. Let go slowly."),
    ]
    bells = {kind: bell for _at, kind, _text, bell in heard}
    assert bells == {"step": "one", "half": "none", "count": "none", "time_up": "three"}


def test_a_late_tick_yields_every_cue_passed_in_time_order():
    heard = run(60, [0.0, 58.5])
    assert [text for _at, _kind, text, _bell in heard] == [
        "lie back",
        "Half way.",
        "nearly done",
        "5",
        "4",
        "3",
        "2",
    ]


def test_no_cue_twice_and_none_while_the_clock_stands_still():
    plan = HoldPlan(STEPS, SPOKEN, 60, 60)
    assert hold_cues(plan, Heard(10.0, 1), 10.0) == ([], Heard(10.0, 1))
    assert hold_cues(plan, Heard(10.0, 1), 9.0)[0] == []
    cues, heard = hold_cues(plan, Heard(7.9, 0), 8.0)
    assert [c.text for c in cues] == ["pull toes"] and heard == Heard(8.0, 1)


def test_added_time_stretches_the_steps_and_moves_the_countdown():
    heard = run(60, [n + 0.002 for n in range(0, 91)], extend_at=50)
    said = [(at, text) for at, _kind, text, _bell in heard]
    # At 50 s of 60 "nearly done" was due at 52; with 90 s it is due at 78 (52 * 1.5).
    assert (78, "nearly done") in said and not any(t == "nearly done" and a < 78 for a, t in said)
    assert [a for a, t in said if t == "5"] == [85]
    assert said[-1] == (90, "Time's up. Let go slowly.")
    assert "keep holding" in [t for _a, t in said]  # already heard at 40: not said again
    assert [t for _a, t in said].count("keep holding") == 1


def test_a_short_hold_counts_down_without_half_way():
    heard = run(10, [n + 0.002 for n in range(0, 11)])
    texts = [text for _at, _kind, text, _bell in heard]
    assert "Half way." not in texts
    counted = [text for text in texts if text.isdigit() or text.startswith("Time")]
    assert counted == ["5", "4", "3", "2", "1", "Time's up. Let go slowly."]


def test_the_routine_says_each_stretch_and_switch_legs_between_legs():
    titles = ["Get ready: calf", "Left leg: calf", "Right leg: calf"]
    stretching = [False, True, True]
    assert segment_cue(titles, stretching, -1, 0).text == "Get ready: calf"
    assert segment_cue(titles, stretching, 0, 1).text == "Left leg: calf"
    assert segment_cue(titles, stretching, 1, 2).text == "Switch legs. Right leg: calf"
    assert segment_cue(titles, stretching, 2, 2) is None
    assert segment_cue(titles, stretching, 0, 1).bell == "one"


def test_the_question_is_a_cue_without_a_bell():
    assert question_cue("Has the cramp eased?") == ("question", "Has the cramp eased?")
    assert question_cue("x").bell == "none"
