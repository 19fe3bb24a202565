"""What is said when: coach/core/cues.py against a fake clock, no terminal, no engine."""

from __future__ import annotations

import itertools

from coach.core.cues import (
    GAP,
    WAIT_FOR_WHOLE,
    Heard,
    HoldPlan,
    Planned,
    hold_cues,
    is_free,
    plan_speech,
    question_cue,
    segment_cue,
)
from coach.core.speaking import ESPEAK, ESPEAK_MANDARIN, SILENT, seconds_to_say, shorter_forms
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
    cues, heard = hold_cues(plan, Heard(10.0, 1), 10.0)
    assert cues == [] and (heard.at, heard.step) == (10.0, 1)
    assert hold_cues(plan, heard, 10.0)[0] == []
    assert hold_cues(plan, heard, 9.0)[0] == []
    cues, heard = hold_cues(plan, Heard(7.9, 0), 8.0)
    assert [c.text for c in cues] == ["pull toes"] and (heard.at, heard.step) == (8.0, 1)
    assert hold_cues(plan, heard, 8.0)[0] == []


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


# Speech planned by how long it takes to say (#27 item 7): espeak-ng's pace, a fake clock.


def said_at(content, seconds: int, pace=ESPEAK, position: str = "bed") -> list[Planned]:
    steps = content.guides["back"].steps[position]
    plan = HoldPlan(steps, [s.text for s in steps], seconds, 60, pace)
    return list(plan_speech(plan, 0, 0.0))


def never_overlapping(speech: list[Planned]) -> bool:
    return all(a.ends + GAP <= b.at + 1e-9 for a, b in itertools.pairwise(speech))


def test_at_speaking_pace_no_step_is_cut_and_times_up_is_on_time(content):
    for seconds in (60, 30, 20, 10):
        for position in ("bed", "sitting", "standing"):
            speech = said_at(content, seconds, position=position)
            steps = [said for said in speech if said.cue.kind == "step"]
            assert never_overlapping(speech[:-1]), (seconds, position)
            assert speech[-1].cue.kind == "time_up" and speech[-1].at == seconds
            assert steps[-1].ends + GAP <= seconds + 1e-9
            assert steps[0].step == 0 and steps[0].at == 0


def test_a_full_hold_says_every_step_whole_and_counts_only_in_the_quiet(content):
    speech = said_at(content, 60)
    texts = [s.text for s in content.guides["back"].steps["bed"]]
    assert [said.cue.text for said in speech if said.cue.kind == "step"] == texts
    nearly_done = next(said for said in speech if said.step == 4)
    counts = [said for said in speech if said.cue.kind == "count"]
    # "Nearly done ..." is said from 52 s for about four seconds: 5 and 4 would cut it.
    assert [said.cue.text for said in counts] == ["3", "2", "1"]
    assert all(said.at >= nearly_done.ends + GAP for said in counts)


def test_a_short_hold_says_every_step_in_a_shorter_form(content):
    speech = said_at(content, 20)
    steps = [said for said in speech if said.cue.kind == "step"]
    texts = [s.text for s in content.guides["back"].steps["bed"]]
    assert [said.step for said in steps] == [0, 1, 2, 3, 4]
    assert all(texts[said.step].startswith(said.cue.text) for said in steps)
    assert any(said.cue.text != texts[said.step] for said in steps)
    assert all(said.cue.text.endswith(".") for said in steps)  # whole sentences


def test_a_hold_too_short_for_every_step_says_the_first_ones_and_times_up_on_time(content):
    speech = said_at(content, 5)
    assert [said.step for said in speech if said.cue.kind == "step"] == [0]
    assert speech[-1].cue.kind == "time_up" and speech[-1].at == 5


def test_silent_pace_keeps_every_cue_at_its_step_time(content):
    speech = said_at(content, 60, pace=SILENT)
    assert [round(said.at) for said in speech if said.cue.kind == "step"] == [0, 8, 20, 40, 52]
    counts = [said.cue.text for said in speech if said.cue.kind == "count"]
    assert counts == ["5", "4", "3", "2", "1"]


def test_the_clock_gives_each_planned_line_at_its_time_and_never_one_early(content):
    steps = content.guides["back"].steps["bed"]
    plan = HoldPlan(steps, [s.text for s in steps], 60, 60, ESPEAK)
    planned = {said.cue.text: said.at for said in plan_speech(plan, 0, 0.0)}
    clock = FakeClock()
    timer = HoldTimer(60, clock)
    timer.start()
    heard, got = Heard(), []
    for tick in range(0, 61 * 4):
        clock.now = 1000.0 + tick / 4
        cues, heard = hold_cues(plan, heard, timer.elapsed())
        got += [(timer.elapsed(), cue.text) for cue in cues]
    assert [text for _at, text in got] == list(planned)
    assert all(planned[text] <= at < planned[text] + 0.25 + 1e-9 for at, text in got)


def test_time_added_mid_step_lets_the_step_end_before_the_next(content):
    steps = content.guides["back"].steps["bed"]
    texts = [s.text for s in steps]
    clock = FakeClock()
    timer = HoldTimer(60, clock)
    timer.start()
    heard, got = Heard(), []
    for tick in range(0, 91 * 4):
        clock.now = 1000.0 + tick / 4
        if tick == 41 * 4:  # "Keep holding ..." began at 40 s and is still being said
            timer.extend(30)
        plan = HoldPlan(steps, texts, timer.seconds, 60, ESPEAK)
        cues, heard = hold_cues(plan, heard, timer.elapsed())
        got += [(timer.elapsed(), cue.text) for cue in cues]
    said = dict((text, at) for at, text in got)
    assert said[texts[3]] == 40.0 and said[texts[4]] >= 52 * 1.5
    assert [text for _at, text in got].count(texts[3]) == 1
    assert got[-1] == (90.0, "Time's up. Let go slowly.")


def test_chinese_is_timed_by_the_character():
    zh = ESPEAK_MANDARIN
    assert seconds_to_say("快好了。", zh) < seconds_to_say("快好了。快好了。", zh)
    assert seconds_to_say("Keep holding.", ESPEAK) < seconds_to_say("Keep holding now.", ESPEAK)
    assert seconds_to_say("anything", SILENT) == 0
    assert shorter_forms("一。二。三。") == ["一。二。三。", "一。三。", "一。二。", "一。"]
    assert shorter_forms("One. Two; too. Three.")[1:] == ["One. Three.", "One. Two; too.", "One."]


def test_waiting_for_whole_steps_says_them_late_but_whole_and_times_up_on_time(content):
    """Plain mode's printed steps (WAIT_FOR_WHOLE): after a line said as the hold begins
    (the voice ready at 4.8 s), every step of a 60 s hold is whole, some late, none
    overlapping, and time's up is on time; the voice's own plan (no `lates`) shortens
    the first step instead of saying it late."""
    steps = content.guides["back"].steps["bed"]
    texts = [s.text for s in steps]

    def planned(lates) -> list[Planned]:
        plan = HoldPlan(steps, texts, 60, 60, ESPEAK, lates=lates)
        _cues, heard = hold_cues(plan, Heard(ready=4.8), 0.0)
        return list(heard.speech)

    whole = planned(WAIT_FOR_WHOLE)
    said = [s for s in whole if s.cue.kind == "step"]
    assert [s.cue.text for s in said] == texts
    assert said[0].at == 4.8 and said[1].at > steps[1].at  # late, after step 1 ends
    assert never_overlapping(whole[:-1]) and whole[-1].at == 60
    short = [s for s in planned(()) if s.cue.kind == "step"]
    assert short[0].cue.text != texts[0] and texts[0].startswith(short[0].cue.text)


def test_a_line_is_free_only_where_nothing_planned_is_said():
    speech = [Planned(10.0, question_cue("a"), 12.0), Planned(20.0, question_cue("b"), 25.0)]
    assert is_free(speech, 0.0, 5.0)  # ends by 5, long before 10
    assert not is_free(speech, 8.0, 2.0)  # would run into the line at 10
    assert is_free(speech, 12.0 + GAP, 7.0)  # between the two, with the gaps kept
    assert not is_free(speech, 24.0, 1.0)  # over the second
