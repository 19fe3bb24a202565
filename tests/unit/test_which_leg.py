"""Issue #28 "Which leg": asked with the after-care, after the hold and never before
the stretch, one key, skippable; the flow sets it on the episode and saves it."""

from __future__ import annotations

import pytest

from coach.core.steps import AfterCare, CauseQuestions, Hold, NextAnswer, SafetyQuestion
from tests.conftest import FakeClock
from tests.support.flows import make, through_hold


@pytest.mark.parametrize("leg", ["left", "right", "both"])
def test_which_leg_is_kept_and_saved_after_the_hold(content, leg):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "gone")
    assert isinstance(step, AfterCare) and flow.episode.leg is None
    advance = flow.answer(step, leg)
    assert isinstance(advance.step, CauseQuestions)
    assert flow.episode.leg == leg and advance.saves.episode is flow.episode


def test_skipping_which_leg_records_nothing(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "somewhat")
    step = flow.answer(step, NextAnswer("stop")).step
    assert step == AfterCare("somewhat")
    assert isinstance(flow.answer(step, "skip").step, CauseQuestions)
    assert flow.episode.leg is None


def test_nothing_before_the_stretch_asks_which_leg(content):
    flow = make(content)
    assert isinstance(flow.current, SafetyQuestion)
    assert isinstance(flow.answer(flow.current, "no").step, Hold)  # the gate, then the hold
