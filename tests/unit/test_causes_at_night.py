"""Issue #28 "Causes at night" and review #35: at night the cause questions offer "ask
me in the morning" (saved as pending on the episode) and one "skip all"; plain mode's
q skips the rest, as the app's does (#27 item 6)."""

from __future__ import annotations

from datetime import datetime

import pytest

from coach.core.flow import FlowError
from coach.core.steps import ASK_LATER, CauseQuestions, TipsStep
from coach.plain.steps import PlainSteps
from tests.conftest import FakeClock
from tests.support.flows import make, through_hold
from tests.support.plain_coach import coach_for


def to_causes(content, hour: int):
    clock = FakeClock()
    flow = make(content, clock, now=lambda: datetime(2026, 12, 5, hour, 10).astimezone())
    flow.answer(flow.current, "no")
    flow.answer(through_hold(flow, clock, "gone"), "skip")
    assert isinstance(flow.current, CauseQuestions)
    return flow


def test_at_night_the_causes_can_wait_for_the_morning(content):
    flow = to_causes(content, 3)
    assert flow.current.night is True
    advance = flow.answer(flow.current, ASK_LATER)
    assert advance.step == TipsStep(())
    assert flow.episode.causes_pending is True and flow.episode.causes == ()
    assert advance.saves.episode is flow.episode


def test_by_day_no_morning_is_offered_and_answers_are_kept(content):
    flow = to_causes(content, 15)
    assert flow.current.night is False
    flow.answer(flow.current, ("cold",))
    assert flow.episode.causes == ("cold",) and flow.episode.causes_pending is False


def test_a_strict_flow_takes_later_or_ids_and_nothing_else(content):
    flow = to_causes(content, 3)
    with pytest.raises(FlowError):
        flow.answer(flow.current, "soon")


def ids(content):
    return tuple(c.id for c in content.causes)


def test_plain_q_skips_the_rest_of_the_cause_questions(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "y\nq\n")
    step = CauseQuestions(ids(content))
    assert PlainSteps(coach).show(step) == (content.causes[0].id,)
    assert content.causes[1].question in out.getvalue()
    assert content.causes[2].question not in out.getvalue()
    assert "Ask in the morning" not in out.getvalue()  # by day: not offered


def test_plain_at_night_m_leaves_them_for_the_morning(content, tmp_path):
    coach, out = coach_for(content, tmp_path, "m\n")
    assert PlainSteps(coach).show(CauseQuestions(ids(content), night=True)) == ASK_LATER
    assert "asks these in the morning" in out.getvalue()
