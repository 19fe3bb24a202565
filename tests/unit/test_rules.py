"""The rules of an episode and of the routine, each tested once on the flow itself:
no screen, no I/O, a fake clock, milliseconds each."""

from __future__ import annotations

from datetime import datetime

from coach.core.flow import RoutineFlow, starting_position
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
    TipsStep,
    WhatNext,
)
from tests.conftest import FakeClock
from tests.support.flows import held, make, through_hold


def test_safety_question_comes_first_in_every_episode(content):
    for _ in range(3):
        flow = make(content)
        assert isinstance(flow.current, SafetyQuestion)
        assert isinstance(flow.answer(flow.current, "no"), Hold)


def test_swollen_leg_never_starts_a_hold_and_shows_clot_help(content):
    flow = make(content)
    step = flow.answer(flow.current, "yes")
    assert step == GetHelp("clot", 10)
    assert flow.answer(step, None) is None
    assert flow.episode.outcome == "red_flag" and flow.episode.holds == 0


def test_first_run_carries_the_disclaimer_once(content):
    flow = make(content, first_run=True)
    assert flow.current.disclaimer is True
    flow.answer(flow.current, "no")
    assert flow.take_saves().disclaimer_seen is True
    assert make(content).current.disclaimer is False


def test_gone_shows_after_care_then_causes_and_tips(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "gone")
    assert step == AfterCare("gone")
    step = flow.answer(step, None)
    assert isinstance(step, CauseQuestions) and len(step.cause_ids) == len(content.causes)
    step = flow.answer(step, ("cold",))
    assert step == TipsStep(("cold",))
    assert flow.answer(step, None) is None
    assert (flow.episode.outcome, flow.episode.causes) == ("gone", ("cold",))


def test_somewhat_offers_another_hold_or_stopping(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "somewhat")
    assert isinstance(step, WhatNext) and step.outcome == "somewhat"
    assert isinstance(flow.answer(step, NextAnswer("hold")), Hold)
    step = through_hold(flow, clock, "somewhat")
    assert flow.answer(step, NextAnswer("stop")) == AfterCare("somewhat")


def test_tried_relief_is_recorded_and_unioned_across_holds(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "still")
    flow.take_saves()
    assert isinstance(flow.answer(step, NextAnswer("hold", ("warmth",))), Hold)
    assert flow.episode.relief_tried == ("warmth",)
    assert flow.take_saves().episode  # saved with the episode as soon as it is said
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
    assert flow.answer(step, NextAnswer("stop")) == GetHelp("not-eased", 10)


def test_every_way_out_before_it_eased_shows_the_safety_net(content):
    clock = FakeClock()
    leave_at_safety = make(content, clock)
    assert leave_at_safety.answer(leave_at_safety.current, "leave") == GetHelp("not-eased", 10)

    q_in_hold = make(content, clock)
    q_in_hold.answer(q_in_hold.current, "no")
    step = q_in_hold.answer(q_in_hold.current, held(12.4, "left"))
    assert step == GetHelp("not-eased", 10)
    assert (q_in_hold.episode.outcome, q_in_hold.episode.actual_seconds) == ("left", 12)

    q_at_question = make(content, clock)
    q_at_question.answer(q_at_question.current, "no")
    assert through_hold(q_at_question, clock, "leave") == GetHelp("not-eased", 10)


def test_quitting_mid_hold_keeps_the_seconds_held_and_the_position_used(content):
    flow = make(content)
    flow.answer(flow.current, "no")
    final = flow.leave(held(23.6, "left", position="sitting"))
    assert final == GetHelp("not-eased", 10)
    episode = flow.episode
    assert (episode.outcome, episode.actual_seconds, episode.position) == ("left", 24, "sitting")
    assert flow.take_saves().position == "sitting"
    assert flow.current is None and flow.leave() is None


def test_quitting_after_it_eased_needs_no_safety_net(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    flow.answer(through_hold(flow, clock, "gone"), None)
    assert isinstance(flow.current, CauseQuestions)
    assert flow.leave() is None
    assert flow.episode.outcome == "gone"


def test_quitting_on_the_help_screen_shows_it_only_once(content):
    flow = make(content)
    flow.answer(flow.current, "yes")
    assert flow.leave() is None
    assert flow.episode.outcome == "red_flag"


def test_a_step_answers_once(content):
    flow = make(content)
    safety = flow.current
    hold = flow.answer(safety, "no")
    assert flow.answer(safety, "yes") is hold  # a second answer to an old step
    assert flow.episode.outcome is None


def test_has_it_eased_has_nothing_preselected(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    clock.advance(60)
    step = flow.answer(flow.current, held())
    assert isinstance(step, EasedQuestion) and step.default is None


def test_saves_when_a_hold_starts_and_after_each_answer(content):
    clock = FakeClock()
    flow = make(content, clock)
    assert flow.take_saves().episode is False  # nothing said yet but a side
    flow.answer(flow.current, "no")
    assert flow.take_saves().episode is True  # the hold started
    clock.advance(60)
    flow.answer(flow.current, held())
    assert flow.take_saves().episode is True
    flow.answer(flow.current, EasedAnswer("gone", 7))
    assert flow.take_saves().episode is True
    assert flow.episode.severity == 7


def test_added_time_and_a_new_position_are_recorded(content):
    flow = make(content)
    flow.answer(flow.current, "no")
    flow.answer(flow.current, HoldResult("eased", 60, 30, 75.2, "standing"))
    assert flow.episode.planned_seconds == 90 and flow.episode.actual_seconds == 75
    assert flow.episode.position == "standing"
    assert flow.take_saves().position == "standing"


def test_night_never_starts_standing_unless_asked(content):
    assert starting_position(content, None, "standing", 3) == "bed"
    assert starting_position(content, None, "standing", 22) == "bed"
    assert starting_position(content, None, "sitting", 3) == "sitting"
    assert starting_position(content, None, "standing", 12) == "standing"
    assert starting_position(content, "standing", "bed", 3) == "standing"
    assert starting_position(content, None, "nonsense", 12) == "bed"


def test_routine_is_saved_only_when_done(content):
    start = datetime(2026, 12, 1, 22, 0).astimezone()
    done = RoutineFlow(now=lambda: start)
    assert isinstance(done.current, RoutineStep)
    result = RoutineResult(True, 130.0, "standing")
    assert done.answer(done.current, result) is None
    assert done.take_saves().routine == (start, result)
    left = RoutineFlow(now=lambda: start)
    left.answer(left.current, RoutineResult(False, 20.0, "standing"))
    assert left.take_saves().routine is None


def test_anything_but_a_plain_no_never_starts_a_stretch(content):
    for answer in (None, "y", "", "maybe", "leave"):
        flow = make(content)
        step = flow.answer(flow.current, answer)
        assert isinstance(step, GetHelp) and flow.episode.holds == 0, answer


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
    assert flow.leave() == AfterCare("somewhat", 10)
    assert flow.episode.outcome == "somewhat"
