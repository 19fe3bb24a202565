"""The rules of an episode and of the routine, each tested once on the flow itself:
no screen, no I/O, a fake clock, milliseconds each."""

from __future__ import annotations

from datetime import datetime
from typing import get_args

import pytest

from coach.core.flow import (
    ANSWERED_WITH,
    Advance,
    FlowError,
    RoutineFlow,
    ToSave,
    starting_position,
)
from coach.core.routine import start_version
from coach.core.steps import (
    AfterCare,
    CauseQuestions,
    EasedAnswer,
    EasedQuestion,
    GetHelp,
    Hold,
    HoldResult,
    NextAnswer,
    RoutineResult,
    RoutineStep,
    SafetyQuestion,
    Step,
    TipsStep,
    WhatNext,
    WhichSign,
)
from tests.conftest import FakeClock
from tests.support.flows import fresh, held, make, through_hold


def test_safety_question_comes_first_in_every_episode(content):
    for _ in range(3):
        flow = make(content)
        assert isinstance(flow.current, SafetyQuestion)
        assert isinstance(flow.answer(flow.current, "no").step, Hold)


def test_swollen_leg_never_starts_a_hold_and_shows_clot_help(content):
    flow = make(content)
    step = flow.answer(flow.current, "yes").step
    assert step == WhichSign("back")
    step = flow.answer(step, "clot").step
    assert step == GetHelp("clot", 10)
    assert flow.answer(step, None).step is None
    assert flow.episode.outcome == "red_flag" and flow.episode.holds == 0


def test_first_run_carries_the_disclaimer_once(content):
    flow = make(content, first_run=True)
    assert flow.current.disclaimer is True
    assert flow.answer(flow.current, "no").saves.disclaimer_seen is True
    assert make(content).current.disclaimer is False


def test_gone_shows_after_care_then_causes_and_tips(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "gone")
    assert step == AfterCare("gone")
    step = flow.answer(step, "skip").step
    assert isinstance(step, CauseQuestions) and len(step.cause_ids) == len(content.causes)
    step = flow.answer(step, ("cold",)).step
    assert step == TipsStep(("cold",))
    assert flow.answer(step, None).step is None
    assert (flow.episode.outcome, flow.episode.causes) == ("gone", ("cold",))


def test_somewhat_offers_another_hold_or_stopping(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "somewhat")
    assert isinstance(step, WhatNext) and step.outcome == "somewhat"
    assert isinstance(flow.answer(step, NextAnswer("hold")).step, Hold)
    step = through_hold(flow, clock, "somewhat")
    assert flow.answer(step, NextAnswer("stop")).step == AfterCare("somewhat")


def test_tried_relief_is_recorded_and_unioned_across_holds(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "still")
    advance = flow.answer(step, NextAnswer("hold", ("warmth",)))
    assert isinstance(advance.step, Hold)
    assert flow.episode.relief_tried == ("warmth",)
    assert advance.saves.episode is flow.episode  # saved as soon as it is said
    step = through_hold(flow, clock, "somewhat")
    # Marked again, a new one, and ids that name no relief to try (the "sore-after"
    # note has no key; "ice" is not in the content): the union of what is known.
    flow.answer(step, NextAnswer("stop", ("massage", "warmth", "sore-after", "ice")))
    assert flow.episode.relief_tried == ("warmth", "massage")
    assert flow.episode.outcome == "somewhat"
    # Nothing marked, or leaving, never takes away what was tried before.
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    flow.answer(through_hold(flow, clock, "still"), NextAnswer("hold", ("massage",)))
    flow.answer(through_hold(flow, clock, "still"), NextAnswer("hold"))
    flow.leave(held())
    assert flow.episode.relief_tried == ("massage",)


def test_still_and_somewhat_both_count_toward_the_limit(content):
    limit = content.hold.escalate_after_seconds
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "somewhat")
    for answer in ("still", "somewhat", "still"):
        assert isinstance(step, WhatNext)
        flow.answer(step, NextAnswer("hold"))
        step = through_hold(flow, clock, answer)
    clock.advance(limit - 4 * 60 - 1)
    assert isinstance(step, WhatNext)
    flow.answer(step, NextAnswer("hold"))
    step = through_hold(flow, clock, "somewhat", seconds=1)
    assert step == GetHelp("long-cramp", limit // 60)
    assert flow.episode.outcome == "red_flag" and flow.episode.holds == 5


def test_relief_always_comes_after_the_clot_warning(content):
    clock = FakeClock()
    for answer in ("still", "somewhat"):
        flow = make(content, clock)
        flow.answer(flow.current, "no")
        step = through_hold(flow, clock, answer)
        assert step.show_relief and step.clot_warning


def test_stopping_while_still_cramping_ends_at_the_safety_net(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "still")
    assert flow.answer(step, NextAnswer("stop")).step == GetHelp("not-eased", 10)


def test_every_way_out_before_it_eased_shows_the_safety_net(content):
    clock = FakeClock()
    leave_at_safety = make(content, clock)
    step = leave_at_safety.answer(leave_at_safety.current, "leave").step
    assert step == GetHelp("not-eased", 10)

    q_in_hold = make(content, clock)
    q_in_hold.answer(q_in_hold.current, "no")
    step = q_in_hold.answer(q_in_hold.current, held(12.4, "left")).step
    assert step == GetHelp("not-eased", 10)
    assert (q_in_hold.episode.outcome, q_in_hold.episode.actual_seconds) == ("left", 12)

    q_at_question = make(content, clock)
    q_at_question.answer(q_at_question.current, "no")
    assert through_hold(q_at_question, clock, "leave") == GetHelp("not-eased", 10)


def test_quitting_mid_hold_keeps_the_seconds_held_and_the_position_used(content):
    flow = make(content)
    flow.answer(flow.current, "no")
    left = flow.leave(held(23.6, "left", position="sitting"))
    assert left.final == GetHelp("not-eased", 10)
    episode = flow.episode
    assert (episode.outcome, episode.actual_seconds, episode.position) == ("left", 24, "sitting")
    assert left.saves.position == "sitting" and left.saves.episode is episode
    assert flow.current is None and flow.leave() == (None, ToSave())


def test_quitting_after_it_eased_needs_no_safety_net(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    flow.answer(through_hold(flow, clock, "gone"), "skip")
    assert isinstance(flow.current, CauseQuestions)
    assert flow.leave().final is None
    assert flow.episode.outcome == "gone"


def test_quitting_on_the_help_screen_shows_it_only_once(content):
    flow = make(content)
    flow.answer(flow.current, "yes")
    flow.answer(flow.current, "tear")
    assert flow.leave().final is None
    assert flow.episode.outcome == "red_flag"


def test_a_step_answers_once(content):
    flow = make(content, strict=False)
    safety = flow.current
    hold = flow.answer(safety, "no").step
    assert flow.answer(safety, "yes") == Advance(hold, ToSave())  # an old step: no change
    assert flow.current is hold and flow.episode.outcome is None


def test_strict_flows_raise_on_a_stale_answer_and_a_wrong_type(content):
    flow = make(content)
    safety = flow.current
    flow.answer(safety, "no")
    with pytest.raises(FlowError, match="step now is Hold"):
        flow.answer(safety, "yes")  # a driver that answered a screen twice
    with pytest.raises(FlowError, match="Hold is answered with"):
        flow.answer(flow.current, "no")  # a screen that dismissed with the wrong value
    with pytest.raises(FlowError, match="start"):
        flow.start()
    assert isinstance(flow.current, Hold) and flow.episode.outcome is None


def test_every_step_names_the_type_it_is_answered_with():
    assert set(ANSWERED_WITH) == set(get_args(Step))


def test_has_it_eased_has_nothing_preselected(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    clock.advance(60)
    step = flow.answer(flow.current, held()).step
    assert isinstance(step, EasedQuestion) and step.default is None


def test_saves_when_a_hold_starts_and_after_each_answer(content):
    clock = FakeClock()
    flow = fresh(content, clock)
    assert flow.start().saves == ToSave()  # nothing said yet but a side
    episode = flow.episode
    assert flow.answer(flow.current, "no").saves == ToSave(episode)  # the hold started
    clock.advance(60)
    assert flow.answer(flow.current, held()).saves == ToSave(episode)
    assert flow.answer(flow.current, EasedAnswer("gone", 7)).saves == ToSave(episode)
    assert episode.severity == 7


def test_added_time_and_a_new_position_are_recorded(content):
    flow = make(content)
    flow.answer(flow.current, "no")
    advance = flow.answer(flow.current, HoldResult("eased", 60, 30, 75.2, "standing"))
    assert flow.episode.planned_seconds == 90 and flow.episode.actual_seconds == 75
    assert flow.episode.position == "standing"
    assert advance.saves.position == "standing"


def test_night_never_starts_standing_unless_asked(content):
    assert starting_position(content, None, "standing", 3) == "bed"
    assert starting_position(content, None, "standing", 22) == "bed"
    assert starting_position(content, None, "sitting", 3) == "sitting"
    assert starting_position(content, None, "standing", 12) == "standing"
    assert starting_position(content, "standing", "bed", 3) == "standing"
    assert starting_position(content, None, "nonsense", 12) == "bed"


def test_routine_is_saved_only_when_done(content):
    start = datetime(2026, 12, 1, 22, 0).astimezone()
    done = RoutineFlow(content.routine, now=lambda: start, strict=True)
    seated = start_version(content.routine, night=True)
    assert seated > 0  # the first version stands: at night the flow starts a seated one
    assert done.start() == Advance(RoutineStep(seated, night=True), ToSave())  # 22:00: night
    result = RoutineResult(True, 130.0, "standing")
    assert done.answer(done.current, result) == Advance(None, ToSave(routine=(start, result)))
    left = RoutineFlow(content.routine, now=lambda: start, strict=True)
    left.start()
    assert left.answer(left.current, RoutineResult(False, 20.0, "standing")).saves == ToSave()
    left = RoutineFlow(content.routine, now=lambda: start, strict=True)
    left.start()
    assert left.leave() == (None, ToSave())  # quit half way: nothing kept, nothing shown


def test_anything_but_a_plain_no_never_starts_a_stretch(content):
    for answer in (None, "y", "", "maybe", "leave"):
        flow = make(content, strict=False)
        step = flow.answer(flow.current, answer).step
        assert isinstance(step, GetHelp) and flow.episode.holds == 0, answer
        if answer != "leave":  # not a SafetyAnswer: a strict flow says so
            strict = make(content)
            with pytest.raises(FlowError, match="SafetyQuestion is answered with"):
                strict.answer(strict.current, answer)


def test_an_unknown_eased_answer_is_not_saved_as_an_outcome(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    assert through_hold(flow, clock, "yes") == GetHelp("not-eased", 10)
    assert flow.episode.outcome == "left"


def test_leaving_at_what_next_when_somewhat_better_keeps_that_answer(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    assert isinstance(through_hold(flow, clock, "somewhat"), WhatNext)
    assert flow.leave().final == AfterCare("somewhat", 10)
    assert flow.episode.outcome == "somewhat"
